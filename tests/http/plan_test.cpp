// Plans through the real server: started from a mapping, drafted, agreed, changed in a new
// version and compared, with progress on the actions and overdue actions shown on the case
// and the case lists.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "support/casework_steps.hpp"
#include "support/plan_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

TEST(Plans, FromMappingToAgreedPlanToANewVersion) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    EXPECT_EQ(server.audit_count("plan-start"), 1);
    auto page = worker.get(p.path).body;
    EXPECT_TRUE(has(page, "Safety plan, version 1"));
    EXPECT_TRUE(has(page, "An adult the network trusts is with Maya every night"));
    EXPECT_TRUE(has(page, "Actions not yet under a goal"));
    EXPECT_TRUE(has(page, "Find a childminder for Tuesdays"));
    EXPECT_TRUE(has(page, "Maya is never left alone overnight"));  // bottom line, for context
    EXPECT_TRUE(has(page, "Goal 1 has no action that works towards it"));
    // A second plan for the same case is refused.
    auto again = worker.post("/cases/" + std::to_string(p.case_id) + "/plans", {{"mapping", "1"}});
    EXPECT_EQ(again.status, 409);

    // Not yet agreeable: the server says why, whatever the page showed.
    auto early = worker.post(p.path + "/agree", agreed_today());
    EXPECT_EQ(early.status, 409);
    EXPECT_TRUE(has(early.body, "Goal 1 has no action"));

    // The next step goes under the goal with who, when and how; a new action joins it.
    ASSERT_EQ(worker.get(p.path + "/actions/1").status, 200);
    EXPECT_EQ(worker
                  .post(p.path + "/actions/1",
                        action_fields("1", "Find a childminder for Tuesdays", "30", "11"))
                  .status,
              303);
    ASSERT_EQ(worker.get(p.path + "/actions/new?goal=1").status, 200);
    EXPECT_EQ(
        worker.post(p.path + "/actions", action_fields("1", "Gran stays over on Fridays", "25"))
            .status,
        303);
    EXPECT_EQ(server.audit_count("plan-action-add"), 1);
    EXPECT_EQ(server.audit_count("plan-action-change"), 1);
    auto agreed = worker.post(p.path + "/agree", agreed_today());
    ASSERT_EQ(agreed.status, 303) << agreed.body.substr(0, 3000);
    page = worker.get(p.path).body;
    EXPECT_TRUE(has(page, "Agreed on 26 November 2026 at Initial child protection conference"));
    EXPECT_TRUE(has(page, "1 action is overdue"));  // Gran's Fridays were due yesterday

    // An agreed version does not change.
    EXPECT_EQ(worker.post(p.path + "/goals", {{"text", "Another goal"}}).status, 409);
    EXPECT_EQ(worker.post(p.path + "/actions/2", action_fields("1", "Changed", "30")).status, 409);
    EXPECT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 409);
    EXPECT_EQ(worker.get(p.path + "/actions/2").status, 409);  // no form to change it either
    EXPECT_EQ(worker.get(p.path + "/goals/1").status, 409);

    // Progress on the agreed plan, dated, with its history.
    ASSERT_EQ(worker.get(p.path + "/actions/2/progress").status, 200);
    EXPECT_EQ(worker
                  .post(p.path + "/actions/2/progress", {{"status", "done"},
                                                         {"note", "Gran came <b>every</b> Friday"},
                                                         {"on-day", "26"},
                                                         {"on-month", "11"},
                                                         {"on-year", "2026"}})
                  .status,
              303);
    page = worker.get(p.path).body;
    EXPECT_FALSE(has(page, "action is overdue"));
    EXPECT_TRUE(has(page, "Gran came &lt;b&gt;every&lt;/b&gt; Friday"));

    // Changing the plan makes version 2; version 1 stays as agreed.
    EXPECT_EQ(worker.post(p.path + "/versions", {}).status, 303);
    EXPECT_EQ(worker.post(p.path + "/versions", {}).status, 409);  // one draft at a time
    EXPECT_EQ(worker
                  .post(p.path + "/actions/1",
                        action_fields("1", "Find a childminder for Tuesdays", "11", "12"))
                  .status,
              303);
    EXPECT_EQ(worker.post(p.path + "/goals", {{"text", "Dana gets help with her sleep"}}).status,
              303);
    page = worker.get(p.path).body;
    EXPECT_TRUE(has(page, "Safety plan, version 2"));
    EXPECT_TRUE(has(page, "Goal 2 has no action"));
    auto compared = worker.get(p.path + "/compare?from=1&to=2");
    ASSERT_EQ(compared.status, 200);
    EXPECT_TRUE(has(compared.body, "Dana gets help with her sleep"));
    EXPECT_TRUE(has(compared.body, "by when"));
    EXPECT_TRUE(has(compared.body, "30 November 2026"));
    EXPECT_TRUE(has(compared.body, "11 December 2026"));
    EXPECT_TRUE(has(worker.get(p.path + "?version=1").body, "30 November 2026"));
    EXPECT_EQ(worker.post(p.path + "/goals/2/remove", {}).status, 303);
    EXPECT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 303);
    EXPECT_EQ(server.audit_count("plan-agree"), 2);
    EXPECT_TRUE(has(worker.get("/cases/" + std::to_string(p.case_id)).body,
                    "version 2 agreed on 26 November 2026"));
}

TEST(Plans, OverdueActionsShowOnTheCaseAndTheCaseLists) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto p = a_plan(worker);
    worker.post(p.path + "/actions/1", action_fields("1", "Find a childminder", "20"));
    ASSERT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 303);
    auto case_page = worker.get("/cases/" + std::to_string(p.case_id)).body;
    EXPECT_TRUE(has(case_page, "1 action is overdue"));
    EXPECT_TRUE(has(worker.get("/cases").body, "1 overdue"));
    auto team = manager.get("/cases?view=team&overdue=actions");
    EXPECT_TRUE(has(team.body, "1 overdue"));
    EXPECT_TRUE(has(team.body, "Overdue plan actions"));  // the filter, selected
    auto api = nlohmann::json::parse(manager.get("/api/v1/cases?view=team&overdue=actions").body);
    ASSERT_EQ(api["cases"].size(), 1u);
    EXPECT_EQ(api["cases"][0]["overdue_actions"], 1);
    // While a new version is drafted, the version in force still counts.
    ASSERT_EQ(worker.post(p.path + "/versions", {}).status, 303);
    EXPECT_TRUE(has(worker.get(p.path).body, "1 action is overdue in the version in force"));
    EXPECT_TRUE(has(worker.get("/cases").body, "1 overdue"));

    worker.post(p.path + "/actions/1/progress",
                {{"status", "done"}, {"on-day", "25"}, {"on-month", "11"}, {"on-year", "2026"}});
    EXPECT_FALSE(has(worker.get("/cases/" + std::to_string(p.case_id)).body, "overdue"));
    EXPECT_FALSE(has(manager.get("/cases?view=team&overdue=actions").body, "1 overdue"));
}

TEST(Plans, BadInputIsNamedAndChangesNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    EXPECT_EQ(worker.post(base + "/plans", {{"mapping", "1 OR 1=1"}}).status, 409);  // has one
    EXPECT_EQ(worker.post(p.path + "/goals", {{"text", ""}}).status, 422);
    EXPECT_EQ(worker.post(p.path + "/goals", {{"text", std::string(2001, 'x')}}).status, 422);
    EXPECT_EQ(worker
                  .post_raw(p.path + "/goals", "application/x-www-form-urlencoded",
                            "csrf_token=" + worker.csrf() + "&text=%C3%28")
                  .status,
              400);
    auto script = worker.post(p.path + "/goals", {{"text", "<script>alert(1)</script>"}});
    EXPECT_EQ(script.status, 303);
    EXPECT_TRUE(has(worker.get(p.path).body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_EQ(server.audit_count("plan-goal-add"), 1);

    auto wrong_goal = worker.post(p.path + "/actions", action_fields("9", "Something", "30"));
    EXPECT_EQ(wrong_goal.status, 422);
    EXPECT_TRUE(has(wrong_goal.body, "Select a goal from this plan"));
    EXPECT_EQ(worker.post(p.path + "/actions", action_fields("1", "", "30")).status, 422);
    EXPECT_EQ(
        worker.post(p.path + "/actions", action_fields("1", "Later", "30", "2", "2027")).status,
        422);  // 30 February
    EXPECT_EQ(worker.post(p.path + "/actions", action_fields("1", "Far", "1", "1", "2031")).status,
              422);
    EXPECT_EQ(server.audit_count("plan-action-add"), 0);

    EXPECT_EQ(worker.get(p.path + "?version=abc").status, 404);
    EXPECT_EQ(worker.get(p.path + "?version=7").status, 404);
    EXPECT_EQ(worker.get(p.path + "/compare?from=1&to=9").status, 404);
    EXPECT_EQ(worker.get(p.path + "/compare?from=..%2F..&to=1").status, 404);
    EXPECT_EQ(worker.get(p.path + "/goals/99").status, 404);
    EXPECT_EQ(worker.get(p.path + "/actions/..%2F1").status, 404);
    EXPECT_EQ(worker.get("/plans/999999").status, 404);

    // Progress waits for the plan to be agreed, and then needs a real date not ahead.
    EXPECT_EQ(worker.post(p.path + "/actions/1/progress", {{"status", "done"}}).status, 409);
    worker.post(p.path + "/goals/2/remove", {});
    worker.post(p.path + "/actions/1", action_fields("1", "Find a childminder", "30"));
    ASSERT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 303);
    auto ahead = worker.post(
        p.path + "/actions/1/progress",
        {{"status", "done"}, {"on-day", "27"}, {"on-month", "11"}, {"on-year", "2026"}});
    EXPECT_EQ(ahead.status, 422);
    EXPECT_TRUE(has(ahead.body, "today or in the past"));
    EXPECT_EQ(
        worker
            .post(
                p.path + "/actions/1/progress",
                {{"status", "finished"}, {"on-day", "26"}, {"on-month", "11"}, {"on-year", "2026"}})
            .status,
        422);
    EXPECT_EQ(
        worker
            .post(p.path + "/actions/5/progress",
                  {{"status", "done"}, {"on-day", "26"}, {"on-month", "11"}, {"on-year", "2026"}})
            .status,
        404);
    EXPECT_EQ(server.audit_count("plan-action-update"), 0);
}

TEST(Plans, OnlyThoseWhoMayOpenTheCaseSeeOrChangeItsPlan) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto colleague = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    EXPECT_EQ(colleague.get(p.path).status, 200);
    EXPECT_EQ(manager.get(p.path).status, 200);
    EXPECT_EQ(manager.post(p.path + "/goals", {{"text", "The manager's goal"}}).status, 303);

    auto other_team = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto other_manager = server.signed_in_as(Role::TeamManager, "Hillside Team");
    for (auto* outsider : {&other_team, &other_manager}) {
        EXPECT_EQ(outsider->get(p.path).status, 403);
        EXPECT_EQ(outsider->get(p.path + "/compare?from=1&to=1").status, 403);
        EXPECT_EQ(outsider->post(p.path + "/goals", {{"text", "Not mine"}}).status, 403);
        EXPECT_EQ(outsider->post(p.path + "/agree", agreed_today()).status, 403);
        EXPECT_EQ(outsider->get("/cases/" + std::to_string(p.case_id) + "/plans/new").status, 403);
    }
    for (auto role : {Role::SystemAdministrator, Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get(p.path).status, 403);
        EXPECT_EQ(someone.post(p.path + "/goals", {{"text", "Not mine"}}).status, 403);
        EXPECT_EQ(someone.post(p.path + "/versions", {}).status, 403);
    }
    auto anonymous = server.browser();
    EXPECT_NE(anonymous.get(p.path).status, 200);
    EXPECT_EQ(server.audit_count("plan-goal-add"), 1);
}

}  // namespace
}  // namespace signs::testing
