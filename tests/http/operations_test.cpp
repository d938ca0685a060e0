// Headers, health, metrics, assets and shutdown.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <future>
#include <regex>
#include <thread>

#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

std::string gunzip(const std::string& data) {
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    std::string out(data.size() * 20 + 1024, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    inflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

TEST(Operations, EveryResponseCarriesTheSecurityHeaders) {
    TestServer server;
    for (const char* target : {"/sign-in", "/", "/no-such-page", "/healthz"}) {
        auto response = server.browser().get(target);
        auto csp = response.header("content-security-policy");
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
        EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << target;
        EXPECT_EQ(response.header("referrer-policy"), "same-origin") << target;
        EXPECT_EQ(response.header("x-request-id").size(), 16u) << target;
    }
}

TEST(Operations, PagesHaveNoInlineScriptOrStyle) {
    TestServer server;
    auto page = server.browser().get("/sign-in").body;
    EXPECT_EQ(page.find("<script>"), std::string::npos);
    EXPECT_EQ(page.find("style="), std::string::npos);
    EXPECT_EQ(page.find("onclick"), std::string::npos);
}

TEST(Operations, AFaultGivesAGenericPageThatLeaksNothing) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    {
        // Something goes badly wrong underneath: the table of users disappears.
        auto lease = server.db().lease();
        lease.sql() << "PRAGMA foreign_keys = OFF";
        lease.sql() << "DROP TABLE users";
    }
    server.clock().advance(std::chrono::minutes{5});  // past the session cache, to the database
    auto response = admin.get("/admin/users");
    EXPECT_EQ(response.status, 500);
    EXPECT_NE(response.body.find("Sorry, there is a problem with the service"), std::string::npos);
    EXPECT_NE(response.body.find(response.header("x-request-id")), std::string::npos)
        << "the page gives the reference to quote";
    for (const char* secret : {"users", "SQL", "sqlite", "no such table", "soci"}) {
        EXPECT_EQ(response.body.find(secret), std::string::npos) << secret;
    }
}

TEST(Operations, HealthzChecksTheDatabase) {
    TestServer server;
    auto response = server.browser().get("/healthz");
    EXPECT_EQ(response.status, 200);
    EXPECT_NE(response.body.find("\"database\":\"ok\""), std::string::npos);
}

TEST(Operations, MetricsCountRequestsByRouteAndShowThePool) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    admin.get("/admin/users/1");
    auto metrics = server.browser().get("/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.header("content-type").find("text/plain; version=0.0.4"), std::string::npos);
    EXPECT_NE(metrics.body.find("signs_http_requests_total{method=\"GET\",route=\"/admin/users/"
                                "{id}\",status=\"200\"} 1"),
              std::string::npos);
    EXPECT_NE(metrics.body.find("signs_http_request_duration_seconds_bucket{method=\"POST\",route="
                                "\"/sign-in\",le=\"+Inf\"} 1"),
              std::string::npos);
    EXPECT_NE(metrics.body.find("signs_db_pool_connections 6"), std::string::npos);
    EXPECT_NE(metrics.body.find("signs_db_pool_in_use"), std::string::npos);
}

TEST(Operations, AssetsAreFingerprintedCachedAndCompressed) {
    TestServer server;
    auto page = server.browser().get("/sign-in").body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        page, m, std::regex("href=\"(/assets/[0-9a-f]{12}/govuk-frontend.min.css)\"")));
    std::string css_url = m[1];
    auto css = server.browser().get(css_url, {{"Accept-Encoding", "gzip, deflate"}});
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(css.header("content-encoding"), "gzip");
    auto plain = gunzip(css.body);
    EXPECT_NE(plain.find(".govuk-button"), std::string::npos);
    EXPECT_EQ(plain.find("@font-face"), std::string::npos)
        << "GOV.UK's typeface is not ours to use";
    auto uncompressed = server.browser().get(css_url);
    EXPECT_EQ(uncompressed.header("content-encoding"), "");
    EXPECT_EQ(uncompressed.body, plain);
    EXPECT_EQ(server.browser().get("/assets/000000000000/govuk-frontend.min.css").status, 404);
}

TEST(Operations, LargePagesAreGzippedForClientsThatAskForIt) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto zipped = admin.get("/admin/users", {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(zipped.header("content-encoding"), "gzip");
    EXPECT_NE(gunzip(zipped.body).find("<h1 class=\"govuk-heading-l\">Users</h1>"),
              std::string::npos);
}

TEST(Operations, ASlowClientIsCutOff) {
    TestServer server{{}, {"", std::chrono::seconds{1}}};
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server.port());
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    std::string partial = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";  // never finished
    ::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
    timeval wait{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    auto started = std::chrono::steady_clock::now();
    char byte;
    auto received = ::recv(fd, &byte, 1, 0);
    auto waited = std::chrono::steady_clock::now() - started;
    ::close(fd);
    EXPECT_EQ(received, 0) << "the server closes the connection";
    EXPECT_LT(waited, std::chrono::seconds{4});
    EXPECT_EQ(server.browser().get("/healthz").status, 200);
}

TEST(Operations, ShutdownFinishesARequestInFlight) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner);
    auto browser = server.browser();
    browser.get("/sign-in");
    // Password hashing makes sign-in take a noticeable time: start one, then stop the server.
    auto in_flight = std::async(std::launch::async, [&] {
        return browser.post("/sign-in", {{"email", "jo@example.org"}, {"password", kPassword}});
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    server.stop();
    EXPECT_EQ(in_flight.get().status, 303);
    EXPECT_THROW(send_raw(server.port(), build_request("GET", "/healthz")), std::runtime_error);
}

}  // namespace
}  // namespace signs::testing
