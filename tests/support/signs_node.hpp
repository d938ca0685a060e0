#pragma once
/// Real `signs serve` processes for the race tests: each on a free loopback port, started from
/// the binary the build made (SIGNS_BINARY) and stopped when the Node goes.
#include <sys/types.h>

#include <cstdio>
#include <string>
#include <thread>

namespace signs::testing {

inline constexpr const char* kRacePassword = "correct horse battery staple";

/// Runs `signs ARGS` to the end with `input` on its standard input; true when it succeeded.
bool run_signs(const std::string& args, const std::string& input = "");

/// An empty database for a race on PostgreSQL (SIGNS_TEST_POSTGRES_URL), migrated, with a
/// training administrator: "--database URL" to give the nodes, or "" when there is no server.
std::string fresh_postgres_for_race();

/// The same on SQLite in `dir`, made afresh: "--data-dir DIR".
std::string fresh_sqlite_for_race(const std::string& dir);

class Node {
  public:
    /// `where` is the database arguments, e.g. "--data-dir DIR" or "--database URL".
    explicit Node(const std::string& where);
    ~Node();
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    unsigned short port() const { return port_; }

  private:
    pid_t pid_ = 0;
    unsigned short port_ = 0;
    FILE* out_ = nullptr;
    std::thread drain_;
};

}  // namespace signs::testing
