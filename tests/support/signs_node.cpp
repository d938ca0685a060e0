#include "support/signs_node.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "store/database.hpp"

extern char** environ;

namespace signs::testing {

bool run_signs(const std::string& args, const std::string& input) {
    auto command = "printf '%s\\n' '" + input + "' | " + std::string{SIGNS_BINARY} + " " + args +
                   " >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

namespace {

std::string prepared(const std::string& where) {
    if (!run_signs("db migrate " + where) ||
        !run_signs("user add trainer@example.test --name Tam --role training-admin " + where,
                   kRacePassword))
        throw std::runtime_error("could not prepare the database: " + where);
    return where;
}

}  // namespace

std::string fresh_postgres_for_race() {
    const char* url = std::getenv("SIGNS_TEST_POSTGRES_URL");
    if (!url || !*url) return "";
    {
        store::Database admin{{store::Dialect::Postgresql, url}, 1};
        auto lease = admin.lease();
        store::Database::execute_script(
            lease.sql(), store::Dialect::Postgresql,
            "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    }
    return prepared(std::string{"--database "} + url);
}

std::string fresh_sqlite_for_race(const std::string& dir) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return prepared("--data-dir " + dir);
}

bool race_on_two_postgres_nodes(const Race& race) {
    auto where = fresh_postgres_for_race();
    if (where.empty()) return false;
    Node first{where}, second{where};
    race({first.port(), second.port()});
    return true;
}

void race_on_one_sqlite_node(const Race& race) {
    auto dir = std::filesystem::temp_directory_path() / ("signs-race-" + std::to_string(getpid()));
    auto where = fresh_sqlite_for_race(dir.string());
    {
        Node only{where};
        race({only.port()});
    }
    std::filesystem::remove_all(dir);
}

Node::Node(const std::string& where) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string binary = SIGNS_BINARY;
    std::vector<std::string> args = {binary, "serve", "--listen", "127.0.0.1:0", "--threads", "4"};
    std::istringstream words(where);
    for (std::string w; words >> w;) args.push_back(w);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("could not start signs");
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    out_ = fdopen(out[0], "r");
    char line[4096];
    const std::string marker = "signs listening on http://127.0.0.1:";
    while (std::fgets(line, sizeof line, out_)) {
        std::string text = line;
        if (auto at = text.find(marker); at != std::string::npos) {
            port_ = static_cast<unsigned short>(std::stoi(text.substr(at + marker.size())));
            break;
        }
    }
    if (!port_) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        std::fclose(out_);
        throw std::runtime_error("signs did not say where it listens");
    }
    // Keep reading its log so that it never blocks on a full pipe.
    drain_ = std::thread{[this] {
        char rest[4096];
        while (std::fgets(rest, sizeof rest, out_)) {
        }
    }};
}

Node::~Node() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    drain_.join();
    std::fclose(out_);
}

}  // namespace signs::testing
