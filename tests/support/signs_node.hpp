#pragma once
/// Real `signs serve` processes for the race tests: each on a free loopback port, started from
/// the binary the build made (SIGNS_BINARY) and stopped when the Node goes.
#include <sys/types.h>

#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace signs::testing {

inline constexpr const char* kRacePassword = "correct horse battery staple";

/// Runs `signs ARGS` to the end with `input` on its standard input; true when it succeeded.
bool run_signs(const std::string& args, const std::string& input = "");

/// An empty database for a race on PostgreSQL (SIGNS_TEST_POSTGRES_URL), migrated, with a
/// training administrator: "--database URL" to give the nodes, or "" when there is no server.
std::string fresh_postgres_for_race();

/// The same on SQLite in `dir`, made afresh: "--data-dir DIR".
std::string fresh_sqlite_for_race(const std::string& dir);

/// A race run against the ports of the nodes it is given.
using Race = std::function<void(const std::vector<unsigned short>& ports)>;

/// Runs `race` on two nodes sharing a fresh PostgreSQL test database; false, without
/// running it, when there is no server.
bool race_on_two_postgres_nodes(const Race& race);
/// Runs `race` on one node over a fresh SQLite folder, removed afterwards.
void race_on_one_sqlite_node(const Race& race);

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
