// Plans, meetings, deadlines, visits and the due lists through the JSON API: the same rules
// as the pages, for the council's other systems.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/casework_steps.hpp"
#include "support/plan_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;
using nlohmann::json;

json parsed(const HttpResult& result) { return json::parse(result.body, nullptr, false); }

std::int64_t first_child(Browser& worker, std::int64_t case_id) {
    auto found = parsed(worker.get("/api/v1/cases/" + std::to_string(case_id)));
    return found["children"][0]["id"].get<std::int64_t>();
}

TEST(PlanMeetingApi, APlanIsReadAndItsProgressRecorded) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto outsider = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto p = a_plan(worker);
    ASSERT_EQ(
        worker.post(p.path + "/actions/1", action_fields("1", "Find a childminder", "20")).status,
        303);
    ASSERT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 303);
    auto case_plan = "/api/v1/cases/" + std::to_string(p.case_id) + "/plan";
    auto plan = worker.get(case_plan);
    ASSERT_EQ(plan.status, 200) << plan.body;
    auto doc = parsed(plan);
    EXPECT_EQ(doc["name"], "Safety plan");
    EXPECT_EQ(doc["status"], "agreed");
    EXPECT_EQ(doc["in_force"], 1);
    ASSERT_EQ(doc["actions"].size(), 1u);
    EXPECT_EQ(doc["actions"][0]["owner_name"], "Gran Pat");
    EXPECT_EQ(doc["actions"][0]["overdue"], true);  // due 20 November, not done
    EXPECT_EQ(doc["overdue_actions"], 1);
    auto api_path = "/api/v1" + p.path;
    EXPECT_EQ(parsed(worker.get(api_path + "?version=1"))["version"], 1);
    EXPECT_EQ(worker.get(api_path + "?version=abc").status, 404);
    EXPECT_EQ(worker.get(api_path + "?version=9").status, 404);

    auto progress = worker.send_json("POST", api_path + "/actions/1/progress",
                                     R"({"status":"done","on":"2026-11-25","note":"Started"})");
    ASSERT_EQ(progress.status, 201) << progress.body;
    EXPECT_EQ(parsed(progress)["actions"][0]["status"], "done");
    EXPECT_EQ(parsed(progress)["actions"][0]["overdue"], false);
    EXPECT_EQ(parsed(progress)["updates"][0]["note"], "Started");

    for (const auto* bad :
         {R"({"status":"bogus","on":"2026-11-25"})", R"({"status":"done","on":"2026-11-27"})",
          R"({"status":"done","on":5})", R"({"status":["done"]})",
          R"({"status":"<script>alert(1)</script>","on":"2026-11-25"})"}) {
        auto refused = worker.send_json("POST", api_path + "/actions/1/progress", bad);
        EXPECT_EQ(refused.status, 422) << bad << " " << refused.body;
    }
    EXPECT_EQ(worker.send_json("POST", api_path + "/actions/1/progress", "not json").status, 422);
    EXPECT_EQ(worker
                  .send_json("POST", api_path + "/actions/99/progress",
                             R"({"status":"done","on":"2026-11-25"})")
                  .status,
              404);
    EXPECT_EQ(parsed(worker.get(case_plan))["updates"].size(), 1u);

    EXPECT_EQ(outsider.get(case_plan).status, 403);
    EXPECT_EQ(outsider.get(api_path).status, 403);
    EXPECT_EQ(outsider
                  .send_json("POST", api_path + "/actions/1/progress",
                             R"({"status":"on-track","on":"2026-11-25"})")
                  .status,
              403);
    auto unplanned = open_case(worker, add_child(worker, child_fields("Ruby", "Ahmed")));
    EXPECT_EQ(worker.get("/api/v1/cases/" + std::to_string(unplanned) + "/plan").status, 404);
    EXPECT_EQ(worker.get("/api/v1/plans/999999").status, 404);
}

TEST(PlanMeetingApi, MeetingsAreArrangedAndRead) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto outsider = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    auto meetings = "/api/v1/cases/" + std::to_string(case_id) + "/meetings";
    json meeting = {{"type", "strategy-discussion"},
                    {"held_on", "2026-11-30"},
                    {"start", "09:30"},
                    {"end", "10:30"},
                    {"venue", "Town Hall"},
                    {"chair", "Sam Okafor"},
                    {"child_ids", {child}}};
    auto made = worker.send_json("POST", meetings, meeting.dump());
    ASSERT_EQ(made.status, 201) << made.body;
    auto id = parsed(made)["id"].get<std::int64_t>();
    EXPECT_EQ(parsed(made)["start"], "09:30");
    EXPECT_EQ(parsed(made)["time_zone"], "Europe/London");
    EXPECT_EQ(parsed(made)["status"], "arranged");
    auto list = parsed(worker.get(meetings));
    ASSERT_EQ(list["meetings"].size(), 1u);
    EXPECT_EQ(list["meetings"][0]["id"], id);
    auto one = worker.get("/api/v1/meetings/" + std::to_string(id));
    ASSERT_EQ(one.status, 200);
    EXPECT_TRUE(parsed(one)["invitees"].is_array());

    auto with = [&](const char* name, json value) {
        auto changed = meeting;
        changed[name] = value;
        return worker.send_json("POST", meetings, changed.dump());
    };
    EXPECT_EQ(with("end", "09:00").status, 422);           // ends before it starts
    EXPECT_EQ(with("start", "25:99").status, 422);         // no such time
    EXPECT_EQ(with("held_on", "2026-10-01").status, 422);  // before the case opened
    EXPECT_EQ(with("type", "tea-party").status, 422);
    EXPECT_EQ(with("type", "cared-for-review").status, 422);  // not at this level
    EXPECT_EQ(with("child_ids", "x").status, 422);
    EXPECT_EQ(with("chair", std::string(300, 'x')).status, 422);
    EXPECT_EQ(parsed(worker.get(meetings))["meetings"].size(), 1u);

    EXPECT_EQ(outsider.get(meetings).status, 403);
    EXPECT_EQ(outsider.get("/api/v1/meetings/" + std::to_string(id)).status, 403);
    EXPECT_EQ(outsider.send_json("POST", meetings, meeting.dump()).status, 403);
    EXPECT_EQ(worker.get("/api/v1/meetings/999999").status, 404);
}

TEST(PlanMeetingApi, DeadlinesVisitsAndDueListsAreRead) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto outsider = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto case_id = case_with_strategy_discussion(worker, "Carter family");
    auto child = first_child(worker, case_id);
    auto base = "/api/v1/cases/" + std::to_string(case_id);

    auto deadlines = parsed(worker.get(base + "/deadlines"))["deadlines"];
    ASSERT_EQ(deadlines.size(), 2u);
    EXPECT_EQ(deadlines[0]["rule"], "visit");
    EXPECT_EQ(deadlines[0]["due_on"], "2026-11-30");
    EXPECT_EQ(deadlines[1]["rule"], "initial-conference");
    EXPECT_EQ(deadlines[1]["due_on"], "2026-12-17");
    EXPECT_EQ(deadlines[1]["rule_text"],
              "15 working days after the strategy discussion that started the enquiry");

    auto visit =
        worker.send_json("POST", base + "/visits",
                         json{{"visited_on", "2026-11-25"}, {"seen_alone", {child}}}.dump());
    ASSERT_EQ(visit.status, 201) << visit.body;
    EXPECT_EQ(parsed(visit)["latest"][0]["seen_alone"], true);
    EXPECT_EQ(parsed(worker.get(base + "/deadlines"))["deadlines"][1]["due_on"], "2026-12-23");
    for (const auto& bad :
         {json{{"visited_on", "2026-11-27"}, {"seen", {child}}},
          json{{"visited_on", "2026-11-25"}, {"seen", "x"}},
          json{{"visited_on", "2026-11-25"}, {"seen", {999999}}},
          json{{"visited_on", "2026-11-25"}}, json{{"visited_on", 20261125}, {"seen", {child}}}}) {
        EXPECT_EQ(worker.send_json("POST", base + "/visits", bad.dump()).status, 422) << bad;
    }
    EXPECT_EQ(parsed(worker.get(base + "/visits"))["recent"].size(), 1u);

    auto due = parsed(worker.get("/api/v1/due?within=all"));
    EXPECT_EQ(due["total"], 2);
    EXPECT_EQ(due["deadlines"][0]["family_name"], "Carter family");
    EXPECT_EQ(due["deadlines"][0]["rule"], "initial-conference");
    EXPECT_EQ(parsed(worker.get("/api/v1/due?within=all&rule=visit"))["total"], 1);
    EXPECT_EQ(worker.get("/api/v1/due?scope=service").status, 403);
    EXPECT_EQ(parsed(manager.get("/api/v1/due?scope=service&within=all"))["total"], 2);
    EXPECT_EQ(parsed(outsider.get("/api/v1/due?within=all"))["total"], 0);
    EXPECT_EQ(outsider.get(base + "/deadlines").status, 403);
    EXPECT_EQ(outsider.get(base + "/visits").status, 403);
    EXPECT_EQ(outsider
                  .send_json("POST", base + "/visits",
                             json{{"visited_on", "2026-11-25"}, {"seen", {child}}}.dump())
                  .status,
              403);
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    EXPECT_EQ(admin.get("/api/v1/due").status, 403);
}

}  // namespace
}  // namespace signs::testing
