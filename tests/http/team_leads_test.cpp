// A manager who leads more than one team: an administrator says which, and from then on every
// list and access check that meant "their team" means "their teams", and no more.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

std::string team_id(TestServer& server, const std::string& name) {
    auto lease = server.db().lease();
    long long id = 0;
    lease.sql() << "SELECT id FROM teams WHERE name = :n", soci::use(name), soci::into(id);
    return std::to_string(id);
}

int led_rows(TestServer& server) {
    auto lease = server.db().lease();
    int n = 0;
    lease.sql() << "SELECT COUNT(*) FROM team_leads", soci::into(n);
    return n;
}

Browser signed_in(TestServer& server, const std::string& email) {
    auto browser = server.browser();
    EXPECT_EQ(browser.sign_in(email, kPassword).status, 303);
    return browser;
}

TEST(TeamLeads, AnAdministratorSaysWhichOtherTeamsAManagerLeads) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto manager = server.add_user("lead@example.org", Role::TeamManager, "Riverside Team");
    auto worker = server.add_user("worker@example.org", Role::Practitioner, "Riverside Team");
    server.add_user("north@example.org", Role::Practitioner, "Northgate Team");
    server.add_user("hill@example.org", Role::Practitioner, "Hillside Team");
    auto northgate = team_id(server, "Northgate Team");
    auto hillside = team_id(server, "Hillside Team");
    auto page_path = "/admin/users/" + std::to_string(manager);
    auto teams_path = page_path + "/teams";

    auto page = admin.get(page_path);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Teams they lead besides their own"));
    const std::string box = "type=\"checkbox\" value=\"";
    EXPECT_TRUE(has(page.body, box + northgate + "\""));
    EXPECT_FALSE(has(page.body, box + team_id(server, "Riverside Team") + "\""))
        << "their own team is not offered";
    EXPECT_FALSE(has(admin.get("/admin/users/" + std::to_string(worker)).body, "Save teams"))
        << "only managers lead other teams";

    auto saved =
        admin.post(teams_path, {{"teams", northgate}, {"teams", hillside}, {"version", "1"}});
    ASSERT_EQ(saved.status, 303);
    EXPECT_EQ(saved.header("location"), page_path + "?done=teams");
    auto after = admin.get(page_path + "?done=teams").body;
    EXPECT_TRUE(has(after, "Teams saved"));
    EXPECT_TRUE(has(after, "Also leads"));
    EXPECT_TRUE(has(after, "<li>Hillside Team</li>"));
    EXPECT_TRUE(has(after, "<li>Northgate Team</li>"));
    EXPECT_EQ(server.audit_count("user-teams"), 1);
    EXPECT_EQ(led_rows(server), 2);
    EXPECT_TRUE(has(signed_in(server, "lead@example.org").get("/").body,
                    "You also lead Hillside Team and Northgate Team"));

    // The page as it was before that save: someone else changed the user since.
    auto stale = admin.post(teams_path, {{"version", "1"}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_EQ(led_rows(server), 2);

    // Bad input is named and changes nothing.
    for (const std::string& bad :
         std::vector<std::string>{"abc", "99999", "-1", "1 OR 1=1", "<script>alert(1)</script>",
                                  "../../etc/passwd", "\xff\xfe", std::string(5000, '7')}) {
        auto refused = admin.post(teams_path, {{"teams", bad}, {"version", "2"}});
        if (bad == "\xff\xfe") {
            EXPECT_EQ(refused.status, 400) << "bad UTF-8 is refused before any handler";
            continue;
        }
        EXPECT_EQ(refused.status, 422) << bad;
        EXPECT_TRUE(has(refused.body, "Choose teams from the list")) << bad;
        EXPECT_FALSE(has(refused.body, "<script>alert(1)")) << bad;
    }
    EXPECT_EQ(admin.post(teams_path, {{"teams", northgate}}).status, 400) << "no version";
    EXPECT_EQ(admin.post("/admin/users/99999/teams", {{"version", "1"}}).status, 404);
    EXPECT_EQ(admin.post("/admin/users/abc/teams", {{"version", "1"}}).status, 404);
    auto practitioner = admin.post("/admin/users/" + std::to_string(worker) + "/teams",
                                   {{"teams", northgate}, {"version", "1"}});
    EXPECT_EQ(practitioner.status, 422);
    EXPECT_TRUE(has(practitioner.body, "Only team managers lead teams besides their own"));
    EXPECT_EQ(led_rows(server), 2);
    EXPECT_EQ(server.audit_count("user-teams"), 1);

    // Nobody but an administrator may say it, the manager included.
    auto self = signed_in(server, "lead@example.org");
    EXPECT_EQ(self.post(teams_path, {{"version", "2"}}).status, 403);
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair,
                      Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Northgate Team");
        EXPECT_EQ(someone.post(teams_path, {{"version", "2"}}).status, 403)
            << domain::role_code(role);
    }
    EXPECT_EQ(led_rows(server), 2);

    // Ticking none takes the other teams away.
    ASSERT_EQ(admin.post(teams_path, {{"version", "2"}}).status, 303);
    EXPECT_EQ(led_rows(server), 0);
}

TEST(TeamLeads, AManagerWorksWithEveryTeamTheyLeadAndNoOther) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto manager_id = server.add_user("lead@example.org", Role::TeamManager, "Riverside Team");
    auto manager = signed_in(server, "lead@example.org");
    auto riverside = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto northgate = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto hillside = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto colleague = server.add_user("colleague@example.org", Role::Practitioner, "Northgate Team");
    auto own_worker = server.add_user("own@example.org", Role::Practitioner, "Riverside Team");

    auto carter = open_case(riverside, add_child(riverside, child_fields("Maya", "Carter")));
    auto north_child = add_child(northgate, child_fields("Noor", "Okafor"));
    auto okafor = open_case(northgate, north_child);
    auto hill_child = add_child(hillside, child_fields("Hana", "Quigley"));
    auto quigley = open_case(hillside, hill_child);
    record_contact(northgate, north_child, contact_fields());
    case_with_strategy_discussion(northgate, "Nash family", "Nia");
    case_with_strategy_discussion(hillside, "Hughes family", "Leo");
    auto path = [](std::int64_t id) { return "/cases/" + std::to_string(id); };

    EXPECT_EQ(manager.get(path(okafor)).status, 403) << "not theirs yet";
    ASSERT_EQ(admin
                  .post("/admin/users/" + std::to_string(manager_id) + "/teams",
                        {{"teams", team_id(server, "Northgate Team")}, {"version", "1"}})
                  .status,
              303);

    // The Northgate case opens as their own work, with the allocation form.
    auto page = manager.get(path(okafor));
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(has(page.body, "outside your own work"));
    EXPECT_TRUE(has(page.body, "Allocated worker"));
    EXPECT_TRUE(has(page.body, "Person colleague")) << "the case's team is offered";
    EXPECT_FALSE(has(page.body, "Person own")) << "not their own team's workers";
    EXPECT_EQ(manager.get(path(quigley)).status, 403);
    EXPECT_EQ(manager.get(path(carter)).status, 200);

    // A Northgate case is allocated within Northgate and stays there.
    auto wrong = manager.post(path(okafor) + "/allocate",
                              {{"worker", std::to_string(own_worker)}, {"version", "1"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_TRUE(has(wrong.body, "Select someone in the case&apos;s team"));
    EXPECT_EQ(manager
                  .post(path(okafor) + "/allocate",
                        {{"worker", std::to_string(colleague)}, {"version", "1"}})
                  .status,
              303);
    EXPECT_EQ(manager.post(path(quigley) + "/allocate", {{"worker", ""}, {"version", "1"}}).status,
              403);

    // Their teams' list, searches, contacts and deadlines take in both teams.
    auto team = manager.get("/cases?view=team").body;
    EXPECT_TRUE(has(team, "Maya Carter"));
    EXPECT_TRUE(has(team, "Noor Okafor"));
    EXPECT_FALSE(has(team, "Hana Quigley"));
    EXPECT_TRUE(has(team, ">Northgate Team</td>")) << "each row says whose it is";
    EXPECT_TRUE(
        has(manager.get("/children?q=Okafor").body, "/children/" + std::to_string(north_child)));
    EXPECT_FALSE(
        has(manager.get("/children?q=Quigley").body, "/children/" + std::to_string(hill_child)));
    EXPECT_TRUE(has(manager.get("/contacts").body, "Noor Okafor"));
    auto due = manager.get("/due?scope=team").body;
    EXPECT_TRUE(has(due, "My teams"));
    EXPECT_TRUE(has(due, "Nash family"));
    EXPECT_FALSE(has(due, "Hughes family"));

    // Leading is the manager's: a Riverside practitioner still cannot open Northgate's case.
    EXPECT_EQ(riverside.get(path(okafor)).status, 403);

    // Taken away, it is gone at once, even from pages kept for them.
    ASSERT_EQ(
        admin.post("/admin/users/" + std::to_string(manager_id) + "/teams", {{"version", "2"}})
            .status,
        303);
    EXPECT_EQ(manager.get(path(okafor)).status, 403);
    EXPECT_FALSE(has(manager.get("/cases?view=team").body, "Noor Okafor"));
    EXPECT_FALSE(has(manager.get("/due?scope=team").body, "Nash family"));
    EXPECT_FALSE(has(manager.get("/contacts").body, "Noor Okafor"));
}

}  // namespace
}  // namespace signs::testing
