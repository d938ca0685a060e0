// The outbox through the real server and a real SMTP server on loopback (Debian's aiosmtpd):
// invitations, changes and cancellations are queued with the change, delivered when the mail
// server answers, and kept and tried again while it does not.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

unsigned short free_port() {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
    close(s);
    return ntohs(address.sin_port);
}

bool answers(unsigned short port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    bool ok = connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(s);
    return ok;
}

/// aiosmtpd on loopback, saving what it receives into a Maildir; stopped when destroyed.
class MailServer {
  public:
    MailServer(unsigned short port, std::filesystem::path maildir) : maildir_(std::move(maildir)) {
        pid_ = fork();
        if (pid_ == 0) {
            auto listen = "127.0.0.1:" + std::to_string(port);
            execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
                  "aiosmtpd.handlers.Mailbox", maildir_.c_str(), nullptr);
            _exit(127);
        }
        for (int i = 0; i < 100 && !answers(port); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    ~MailServer() {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
    /// Every message received, oldest first.
    std::vector<std::string> messages() const {
        std::vector<std::filesystem::path> files;
        if (std::filesystem::exists(maildir_ / "new")) {
            for (const auto& f : std::filesystem::directory_iterator(maildir_ / "new"))
                files.push_back(f.path());
        }
        std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
            return std::filesystem::last_write_time(a) < std::filesystem::last_write_time(b);
        });
        std::vector<std::string> out;
        for (const auto& f : files) {
            std::ifstream in(f);
            std::stringstream text;
            text << in.rdbuf();
            out.push_back(text.str());
        }
        return out;
    }

  private:
    std::filesystem::path maildir_;
    pid_t pid_ = -1;
};

/// The calendar attached to a received message, decoded by Python's email package.
std::string calendar_in(const std::string& message) {
    auto path = std::filesystem::temp_directory_path() / "signs-outbox-test.eml";
    std::ofstream(path) << message;
    std::string command =
        "/usr/bin/python3 -c \"import email, sys; m = email.message_from_file(open(sys.argv[1])); "
        "[sys.stdout.write(p.get_payload(decode=True).decode()) for p in m.walk() if "
        "p.get_content_type() == 'text/calendar']\" " +
        path.string();
    std::string out;
    if (auto* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (auto n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

Fields meeting_fields(const std::string& child, const std::string& hour = "10") {
    return {{"type", "strategy-discussion"},
            {"date-day", "30"},
            {"date-month", "11"},
            {"date-year", "2026"},
            {"start-hour", hour},
            {"start-minute", "00"},
            {"end-hour", "15"},
            {"end-minute", "00"},
            {"venue", "Town Hall"},
            {"chair", "Sam Okafor"},
            {"children", child}};
}

TEST(Outbox, InvitationsWaitForTheMailServerAndNoneIsLost) {
    auto port = free_port();
    web::AppConfig config;
    config.mail = {"smtp://127.0.0.1:" + std::to_string(port), "meetings@council.example.org"};
    TestServer server{config};
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    auto made = worker.post("/cases/" + std::to_string(case_id) + "/meetings",
                            meeting_fields(std::to_string(child)));
    ASSERT_EQ(made.status, 303);
    auto path = "/meetings/" + std::to_string(id_from(made, "/meetings/"));
    worker.post(path + "/invitees",
                {{"name", "Dana Carter"}, {"kind", "parent"}, {"email", "dana@example.org"}});
    worker.post(path + "/invitees", {{"name", "Ravi Shah"}, {"kind", "professional"}});

    // The mail server is down: the invitation waits, tried once.
    EXPECT_EQ(server.app().outbox().deliver(), 0);
    auto outbox = admin.get("/admin/outbox");
    ASSERT_EQ(outbox.status, 200);
    EXPECT_TRUE(has(outbox.body, "Invitation: Strategy discussion, 30 November 2026 at 10:00"));
    EXPECT_TRUE(has(outbox.body, "Waiting"));
    EXPECT_TRUE(has(outbox.body, "1 tries"));
    EXPECT_FALSE(has(outbox.body, "Ravi"));  // no address, no message

    auto maildir = std::filesystem::temp_directory_path() / ("signs-mail-" + std::to_string(port));
    std::filesystem::remove_all(maildir);
    MailServer mail{port, maildir};
    EXPECT_EQ(server.app().outbox().deliver(), 0);  // not yet: it waits a minute
    server.clock().advance(std::chrono::seconds{61});
    EXPECT_EQ(server.app().outbox().deliver(), 1);
    auto received = mail.messages();
    ASSERT_EQ(received.size(), 1u);
    EXPECT_TRUE(has(received[0], "To: \"Dana Carter\" <dana@example.org>"));
    EXPECT_TRUE(has(received[0], "From: meetings@council.example.org"));
    EXPECT_TRUE(has(received[0], "method=REQUEST"));
    EXPECT_FALSE(has(received[0], "Carter family"));  // an email can go astray
    auto calendar = calendar_in(received[0]);
    EXPECT_TRUE(has(calendar, "METHOD:REQUEST"));
    EXPECT_TRUE(has(calendar, "DTSTART;TZID=Europe/London:20261130T100000"));
    EXPECT_TRUE(has(calendar, "SEQUENCE:0"));

    // Moved, then cancelled: each goes to everyone with an address, as the same event.
    auto moved = meeting_fields(std::to_string(child), "11");
    moved.push_back({"version", "1"});
    ASSERT_EQ(worker.post(path + "/change", moved).status, 303);
    ASSERT_EQ(
        worker.post(path + "/cancel", {{"reason", "Dana is unwell"}, {"version", "2"}}).status,
        303);
    EXPECT_EQ(server.app().outbox().deliver(), 2);
    received = mail.messages();
    ASSERT_EQ(received.size(), 3u);
    std::string all = calendar_in(received[1]) + calendar_in(received[2]);
    EXPECT_TRUE(has(all, "SEQUENCE:1"));
    EXPECT_TRUE(has(all, "DTSTART;TZID=Europe/London:20261130T110000"));
    EXPECT_TRUE(has(all, "METHOD:CANCEL"));
    EXPECT_TRUE(has(all, "STATUS:CANCELLED"));
    EXPECT_TRUE(has(all, "SEQUENCE:2"));
    EXPECT_TRUE(has(admin.get("/admin/outbox").body, "Sent"));
    EXPECT_EQ(server.app().outbox().deliver(), 0);  // nothing twice

    for (auto role : {Role::Practitioner, Role::TeamManager, Role::TrainingAdministrator})
        EXPECT_EQ(server.signed_in_as(role, "Riverside Team").get("/admin/outbox").status, 403);
    std::filesystem::remove_all(maildir);
}

TEST(Outbox, WithoutAMailServerMessagesWaitForAnAdministratorToSee) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    auto made = worker.post("/cases/" + std::to_string(case_id) + "/meetings",
                            meeting_fields(std::to_string(child)));
    auto path = "/meetings/" + std::to_string(id_from(made, "/meetings/"));
    worker.post(
        path + "/invitees",
        {{"name", "Dana <b>Carter</b>"}, {"kind", "parent"}, {"email", "dana@example.org"}});
    EXPECT_EQ(server.app().outbox().deliver(), 0);
    auto page = admin.get("/admin/outbox").body;
    EXPECT_TRUE(has(page, "No mail server is configured"));
    EXPECT_TRUE(has(page, "Dana &lt;b&gt;Carter&lt;/b&gt;"));
    EXPECT_TRUE(has(page, "0 tries"));
}

}  // namespace
}  // namespace signs::testing
