// Many people booking the same session at once, through real `signs serve` processes: two
// nodes sharing one PostgreSQL, and one node on SQLite. 200 attempts for 20 places must give
// exactly 20 places, the other 180 on the waitlist in the order they were taken, and nothing
// lost; freed places then go to exactly as many people as were freed, first come first.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "support/http_client.hpp"
#include "support/signs_node.hpp"

namespace signs::testing {
namespace {

using nlohmann::json;

json parsed(const HttpResult& r) { return json::parse(r.body, nullptr, false); }

/// The London date a month from now, as the API takes it.
std::string a_month_on() {
    auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
               std::chrono::days{30};
    std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

/// Books 200 partners onto a 20-place session through `ports` at once, and checks the result.
void race(const std::vector<unsigned short>& ports) {
    std::vector<Browser> admins;
    for (auto port : ports) {
        admins.emplace_back(port);
        ASSERT_EQ(admins.back().sign_in("trainer@example.test", kRacePassword).status, 303);
        admins.back().get("/");  // as a browser does after signing in: this reads the CSRF token
    }
    auto& admin = admins.front();
    auto venue = admin.send_json(
        "POST", "/api/v1/training/venues",
        R"({"name":"Crewe Alexandra Stadium","address":"Gresty Road, Crewe","postcode":"CW2 6EB"})");
    ASSERT_EQ(venue.status, 201) << venue.body;
    auto course = admin.send_json(
        "POST", "/api/v1/training/courses",
        R"({"title":"Signs of Safety introduction","summary":"Half a day","covers":"The questions","audience":"Everyone","length":"Half day"})");
    ASSERT_EQ(course.status, 201) << course.body;
    json session_body = {{"course_id", parsed(course)["id"]},
                         {"first_day", a_month_on()},
                         {"start", "09:30"},
                         {"end", "13:00"},
                         {"venue_id", parsed(venue)["id"]},
                         {"capacity", 20}};
    auto session = admin.send_json("POST", "/api/v1/training/sessions", session_body.dump());
    ASSERT_EQ(session.status, 201) << session.body;
    auto path = "/api/v1/training/sessions/" + std::to_string(parsed(session)["id"].get<int>());

    constexpr int kAttempts = 200, kThreads = 25;
    std::vector<int> statuses(kAttempts);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < kAttempts; i += kThreads) {
                auto browser = admins[i % admins.size()];
                json who = {{"name", "Partner " + std::to_string(i)},
                            {"organisation", "Cheshire Police"},
                            {"email", "p" + std::to_string(i) + "@example.test"}};
                statuses[i] = browser.send_json("POST", path + "/bookings", who.dump()).status;
            }
        });
    }
    for (auto& t : threads) t.join();
    for (int i = 0; i < kAttempts; ++i) EXPECT_EQ(statuses[i], 201) << "attempt " << i;

    auto bookings = [&] { return parsed(admin.get(path))["bookings"]; };
    auto all = bookings();
    ASSERT_EQ(all.size(), static_cast<std::size_t>(kAttempts));  // nothing lost
    std::set<std::string> names;
    std::vector<std::int64_t> booked, waitlisted;
    for (const auto& b : all) {
        names.insert(b["name"].get<std::string>());
        (b["state"] == "booked" ? booked : waitlisted).push_back(b["id"].get<std::int64_t>());
    }
    EXPECT_EQ(names.size(), static_cast<std::size_t>(kAttempts));
    ASSERT_EQ(booked.size(), 20u);
    ASSERT_EQ(waitlisted.size(), 180u);
    // First come, first served: every place went to someone who came before everyone waiting.
    EXPECT_LT(*std::max_element(booked.begin(), booked.end()),
              *std::min_element(waitlisted.begin(), waitlisted.end()));
    EXPECT_EQ(parsed(admin.get(path))["places_left"], 0);

    // A cancellation frees one place, for the first person waiting; a rise of five, for the
    // next five.
    auto cancelled = admin.send_json(
        "POST", "/api/v1/training/bookings/" + std::to_string(booked.front()) + "/cancel", "{}");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    ASSERT_EQ(admin.send_json("POST", path + "/capacity", R"({"capacity":25})").status, 200);
    std::sort(waitlisted.begin(), waitlisted.end());
    std::vector<std::int64_t> now_booked;
    for (const auto& b : bookings()) {
        if (b["state"] == "booked") now_booked.push_back(b["id"].get<std::int64_t>());
    }
    ASSERT_EQ(now_booked.size(), 25u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_NE(std::find(now_booked.begin(), now_booked.end(), waitlisted[i]), now_booked.end())
            << "waiting " << i;
    }
    EXPECT_EQ(std::find(now_booked.begin(), now_booked.end(), waitlisted[6]), now_booked.end());
}

TEST(BookingRace, TwoNodesSharingPostgresqlNeverOverbook) {
    if (!race_on_two_postgres_nodes(race)) {
        if (std::getenv("SIGNS_REQUIRE_POSTGRES")) FAIL() << "SIGNS_TEST_POSTGRES_URL is not set";
        GTEST_SKIP() << "no PostgreSQL server (run under scripts/with-postgres)";
    }
}

TEST(BookingRace, OneNodeOnSqliteNeverOverbooks) { race_on_one_sqlite_node(race); }

}  // namespace
}  // namespace signs::testing
