// Two training administrators each making one course cover the other at the same moment,
// through real `signs serve` processes (two nodes sharing one PostgreSQL, and one node on
// SQLite). Each change alone is fine; both together would make a loop, in which booking
// either course counts as having done the other. Exactly one of each pair must be saved.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <barrier>
#include <thread>

#include "support/http_client.hpp"
#include "support/signs_node.hpp"

namespace signs::testing {
namespace {

using nlohmann::json;

std::string new_course(Browser& admin, const std::string& title) {
    json body = {{"title", title},
                 {"summary", "A course"},
                 {"covers", "The questions"},
                 {"audience", "Everyone"},
                 {"length", "Half day"}};
    auto made = admin.send_json("POST", "/api/v1/training/courses", body.dump());
    EXPECT_EQ(made.status, 201) << made.body;
    return std::to_string(json::parse(made.body)["id"].get<std::int64_t>());
}

/// The course edit form's fields, with `covers` as the only course it covers.
std::vector<std::pair<std::string, std::string>> covering(const std::string& title,
                                                          const std::string& covers) {
    return {{"title", title},         {"summary", "A course"}, {"covers", "The questions"},
            {"audience", "Everyone"}, {"length", "Half day"},  {"satisfies", covers},
            {"version", "1"}};
}

void race(const std::vector<unsigned short>& ports) {
    std::vector<Browser> admins;
    for (auto port : ports) {
        for (int i = 0; i < 2; ++i) {
            admins.emplace_back(port);
            ASSERT_EQ(admins.back().sign_in("trainer@example.test", kRacePassword).status, 303);
            admins.back().get("/");
        }
    }
    constexpr int kPairs = 15;
    std::vector<std::pair<std::string, std::string>> pairs;
    for (int i = 0; i < kPairs; ++i) {
        auto n = std::to_string(i);
        pairs.emplace_back(new_course(admins[0], "Course A" + n),
                           new_course(admins[0], "Course B" + n));
    }
    // Both changes of a pair leave at once, from different people on different nodes: each
    // side waits for the other before sending.
    std::vector<int> a_status(kPairs), b_status(kPairs);
    std::barrier together(2);
    std::vector<std::thread> threads;
    for (int side = 0; side < 2; ++side) {
        threads.emplace_back([&, side] {
            auto browser = admins[side == 0 ? 0 : admins.size() - 1];
            for (int i = 0; i < kPairs; ++i) {
                together.arrive_and_wait();
                auto n = std::to_string(i);
                const auto& [a, b] = pairs[i];
                auto status =
                    side == 0
                        ? browser.post("/training/courses/" + a, covering("Course A" + n, b)).status
                        : browser.post("/training/courses/" + b, covering("Course B" + n, a))
                              .status;
                (side == 0 ? a_status : b_status)[i] = status;
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int i = 0; i < kPairs; ++i) {
        // One is saved (303) and the other is refused with the reason (422): never both.
        EXPECT_EQ((a_status[i] == 303) + (b_status[i] == 303), 1)
            << "pair " << i << ": " << a_status[i] << ", " << b_status[i];
        EXPECT_EQ((a_status[i] == 422) + (b_status[i] == 422), 1) << "pair " << i;
    }
}

TEST(CourseLoopRace, TwoNodesSharingPostgresqlNeverMakeALoop) {
    if (!race_on_two_postgres_nodes(race)) {
        if (std::getenv("SIGNS_REQUIRE_POSTGRES")) FAIL() << "SIGNS_TEST_POSTGRES_URL is not set";
        GTEST_SKIP() << "no PostgreSQL server (run under scripts/with-postgres)";
    }
}

TEST(CourseLoopRace, OneNodeOnSqliteNeverMakesALoop) { race_on_one_sqlite_node(race); }

}  // namespace
}  // namespace signs::testing
