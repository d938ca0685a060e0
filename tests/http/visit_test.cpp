// Visits and visit frequencies through the real server: recording who was seen moves the
// next visit on; an administrator's frequency moves every case's; bad input changes nothing.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

Fields visit_on(const std::string& day, const std::string& month,
                const std::vector<std::pair<std::int64_t, std::string>>& seen) {
    Fields out{{"date-day", day}, {"date-month", month}, {"date-year", "2026"}};
    for (const auto& [child, how] : seen) out.emplace_back("seen-" + std::to_string(child), how);
    return out;
}

/// Every level's frequency as the admin form sends it, with `changes` in place of the defaults.
Fields frequencies(const std::map<std::string, std::pair<std::string, std::string>>& changes) {
    std::map<std::string, std::pair<std::string, std::string>> all = {
        {"early-help", {"6", "weeks"}},
        {"child-in-need", {"4", "weeks"}},
        {"child-protection", {"10", "working-days"}},
        {"cared-for", {"6", "weeks"}},
        {"care-leaver", {"8", "weeks"}}};
    for (const auto& [level, value] : changes) all[level] = value;
    Fields out;
    for (const auto& [level, value] : all) {
        out.emplace_back("amount-" + level, value.first);
        out.emplace_back("unit-" + level, value.second);
    }
    return out;
}

struct VisitCase {
    std::int64_t case_id = 0;
    std::int64_t child = 0;
    std::string path;
};

/// A child in need case opened on 2 November 2026: a visit is due 4 weeks later, 30 November.
VisitCase a_case(Browser& worker, const std::string& first = "Maya") {
    VisitCase out;
    out.child = add_child(worker, child_fields(first, "Carter"));
    out.case_id = open_case(worker, out.child, "child-in-need");
    out.path = "/cases/" + std::to_string(out.case_id);
    return out;
}

TEST(Visits, AVisitMovesTheNextOneOn) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto c = a_case(worker);
    auto page = worker.get(c.path);
    EXPECT_TRUE(has(page.body, "Visit to the child"));
    EXPECT_TRUE(has(page.body, "30 November 2026"));
    EXPECT_TRUE(has(page.body, "Not seen on a visit in this case"));

    auto form = worker.get(c.path + "/visits/new");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "Record a visit"));
    EXPECT_TRUE(has(form.body, "Maya Carter"));
    EXPECT_TRUE(has(form.body, "Seen alone"));

    auto before = server.audit_count("visit-record");
    auto recorded = worker.post(c.path + "/visits", visit_on("25", "11", {{c.child, "alone"}}));
    ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 2000);
    EXPECT_EQ(recorded.header("location"), c.path + "?done=visit");
    EXPECT_EQ(server.audit_count("visit-record"), before + 1);
    page = worker.get(c.path + "?done=visit");
    EXPECT_TRUE(has(page.body, "Visit recorded"));
    EXPECT_TRUE(has(page.body, "25 November 2026, seen alone"));
    EXPECT_TRUE(has(page.body, "23 December 2026"));  // 4 weeks on
    EXPECT_FALSE(has(page.body, "30 November 2026</td>"));
    // The visit is in the child's chronology, and the due list has the new date.
    EXPECT_TRUE(
        has(worker.get("/children/" + std::to_string(c.child)).body, "Seen alone on a visit"));
    auto due = worker.get("/due?within=all");
    EXPECT_TRUE(has(due.body, "Visit to the child"));
    EXPECT_TRUE(has(due.body, "23 December 2026"));
}

TEST(Visits, BadVisitsAreRefusedAndChangeNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto c = a_case(worker);
    auto elsewhere = a_case(worker, "Ruby");
    auto post = [&](const Fields& fields) { return worker.post(c.path + "/visits", fields); };
    auto tomorrow = post(visit_on("27", "11", {{c.child, "yes"}}));
    EXPECT_EQ(tomorrow.status, 422);
    EXPECT_TRUE(has(tomorrow.body, "must be today or in the past"));
    auto early = post(visit_on("1", "11", {{c.child, "yes"}}));
    EXPECT_EQ(early.status, 422);
    EXPECT_TRUE(has(early.body, "on or after the day the case opened, 2 November 2026"));
    auto nobody = post(visit_on("25", "11", {{c.child, "no"}}));
    EXPECT_EQ(nobody.status, 422);
    EXPECT_TRUE(has(nobody.body, "Choose at least one child who was seen"));
    EXPECT_TRUE(has(nobody.body, "href=\"#seen-" + std::to_string(c.child) + "\""));
    EXPECT_EQ(post(visit_on("25", "11", {})).status, 422);
    EXPECT_EQ(post(visit_on("25", "11", {{elsewhere.child, "yes"}})).status, 422);
    EXPECT_EQ(post(visit_on("25", "11", {{c.child, "' OR 1=1 --"}})).status, 422);
    EXPECT_EQ(post({{"date-day", "25"},
                    {"date-month", "11"},
                    {"date-year", "2026"},
                    {"seen-../../etc/passwd", "yes"}})
                  .status,
              422);
    auto script = post({{"date-day", "<script>alert(1)</script>"},
                        {"date-month", "11"},
                        {"date-year", "2026"},
                        {"seen-" + std::to_string(c.child), "yes"}});
    EXPECT_EQ(script.status, 422);
    EXPECT_FALSE(has(script.body, "<script>alert(1)"));
    auto unreadable = post({{"date-day", "\xff\xfe"},
                            {"date-month", "11"},
                            {"date-year", "2026"},
                            {"seen-" + std::to_string(c.child), "yes"}});
    EXPECT_EQ(unreadable.status, 400);
    EXPECT_TRUE(has(unreadable.body, "not valid text"));
    EXPECT_EQ(worker
                  .post_raw(c.path + "/visits", "application/x-www-form-urlencoded",
                            "date-day=" + std::string(2 * 1024 * 1024, '1'))
                  .status,
              413);
    EXPECT_EQ(server.audit_count("visit-record"), 0);
    EXPECT_TRUE(has(worker.get(c.path).body, "Not seen on a visit in this case"));
}

TEST(Visits, OnlyThoseWhoMayWorkOnTheCaseRecordThem) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto c = a_case(worker);
    auto visit = visit_on("25", "11", {{c.child, "yes"}});
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    EXPECT_EQ(manager.get(c.path + "/visits/new").status, 200);
    EXPECT_EQ(manager.post(c.path + "/visits", visit).status, 303);
    auto outsider = server.signed_in_as(Role::Practitioner, "Hillside Team");
    EXPECT_EQ(outsider.get(c.path + "/visits/new").status, 403);
    EXPECT_EQ(outsider.post(c.path + "/visits", visit).status, 403);
    auto other_manager = server.signed_in_as(Role::TeamManager, "Hillside Team");
    EXPECT_EQ(other_manager.post(c.path + "/visits", visit).status, 403);
    for (auto role : {Role::SystemAdministrator, Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get(c.path + "/visits/new").status, 403);
        EXPECT_EQ(someone.post(c.path + "/visits", visit).status, 403);
    }
    EXPECT_NE(server.browser().get(c.path + "/visits/new").status, 200);
    EXPECT_EQ(worker.get("/cases/999999/visits/new").status, 404);
    EXPECT_EQ(worker.post("/cases/999999/visits", visit).status, 404);
    EXPECT_EQ(server.audit_count("visit-record"), 1);

    // A closed case takes no more visits.
    auto closed = worker.post(c.path + "/children/" + std::to_string(c.child) + "/close",
                              {{"date-day", "26"},
                               {"date-month", "11"},
                               {"date-year", "2026"},
                               {"reason", "RC8"},
                               {"note", ""}});
    ASSERT_EQ(closed.status, 303) << closed.body.substr(0, 2000);
    EXPECT_EQ(worker.get(c.path + "/visits/new").status, 409);
    EXPECT_EQ(worker.post(c.path + "/visits", visit).status, 409);
    EXPECT_FALSE(has(worker.get(c.path).body, "Record a visit"));
}

TEST(Visits, AChildWhosePartInTheCaseHasClosedIsNotOffered) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto c = a_case(worker);
    auto brother = add_child(worker, child_fields("Noah", "Carter", "2021-05-04"));
    auto joining = level_fields("child-in-need", "2026-11-10", "Lives with Maya");
    joining.emplace_back("child", std::to_string(brother));
    ASSERT_EQ(worker.post(c.path + "/children", joining).status, 303);
    EXPECT_TRUE(has(worker.get(c.path + "/visits/new").body, "Noah Carter"));
    auto closed = worker.post(c.path + "/children/" + std::to_string(brother) + "/close",
                              {{"date-day", "20"},
                               {"date-month", "11"},
                               {"date-year", "2026"},
                               {"reason", "RC8"},
                               {"note", ""}});
    ASSERT_EQ(closed.status, 303) << closed.body.substr(0, 2000);
    EXPECT_FALSE(has(worker.get(c.path + "/visits/new").body, "Noah Carter"));
    EXPECT_EQ(worker.post(c.path + "/visits", visit_on("25", "11", {{brother, "yes"}})).status,
              422);
    EXPECT_EQ(worker.post(c.path + "/visits", visit_on("25", "11", {{c.child, "yes"}})).status,
              303);
}

TEST(VisitFrequencies, AnAdministratorSetsThemAndEveryCaseFollows) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto c = a_case(worker);
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto page = admin.get("/admin/visits");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Child protection: Every 10 working days"));
    EXPECT_TRUE(has(page.body, "the default"));

    // Two weeks from 2 November is already past.
    auto saved = admin.post("/admin/visits", frequencies({{"child-in-need", {"2", "weeks"}}}));
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    EXPECT_EQ(server.audit_count("visit-frequency-set"), 1);  // only what changed
    EXPECT_TRUE(has(admin.get("/admin/visits").body, "Child in need: Every 2 weeks"));
    auto overdue = worker.get(c.path);
    EXPECT_TRUE(has(overdue.body, "16 November 2026"));
    EXPECT_TRUE(has(overdue.body, "Overdue"));
    EXPECT_TRUE(has(worker.get("/due?within=overdue").body, "Visit to the child"));

    // 0: visits at that level are not counted.
    ASSERT_EQ(admin.post("/admin/visits", frequencies({{"child-in-need", {"0", "weeks"}}})).status,
              303);
    EXPECT_FALSE(has(worker.get(c.path).body, "Visit to the child"));
    EXPECT_TRUE(has(admin.get("/admin/visits").body, "Child in need: Not counted"));
}

TEST(VisitFrequencies, BadFrequenciesAreRefusedAndOnlyAdministratorsSetThem) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    for (const auto& [amount, unit] :
         std::vector<std::pair<std::string, std::string>>{{"-1", "weeks"},
                                                          {"366", "weeks"},
                                                          {"two", "weeks"},
                                                          {"", "weeks"},
                                                          {"<script>alert(1)</script>", "weeks"},
                                                          {"3", "fortnights"},
                                                          {"3", "../../etc/passwd"}}) {
        auto wrong = admin.post("/admin/visits", frequencies({{"cared-for", {amount, unit}}}));
        EXPECT_EQ(wrong.status, 422) << amount << " " << unit;
        EXPECT_FALSE(has(wrong.body, "<script>alert(1)"));
    }
    // Bytes that are not UTF-8 are refused before any form is read.
    auto unreadable = admin.post("/admin/visits", frequencies({{"cared-for", {"\xff", "weeks"}}}));
    EXPECT_EQ(unreadable.status, 400);
    EXPECT_TRUE(has(unreadable.body, "not valid text"));
    auto missing = admin.post("/admin/visits", {{"amount-cared-for", "3"}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Enter how often children at Early help are visited"));
    EXPECT_EQ(server.audit_count("visit-frequency-set"), 0);
    EXPECT_TRUE(has(admin.get("/admin/visits").body, "Cared for: Every 6 weeks"));

    auto change = frequencies({{"cared-for", {"3", "weeks"}}});
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair,
                      Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get("/admin/visits").status, 403);
        EXPECT_EQ(someone.post("/admin/visits", change).status, 403);
    }
    EXPECT_NE(server.browser().get("/admin/visits").status, 200);
    EXPECT_EQ(server.audit_count("visit-frequency-set"), 0);
}

}  // namespace
}  // namespace signs::testing
