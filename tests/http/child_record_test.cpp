// Keeping a child's record right: editing details with a version guard, and address history.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

Fields edit_fields(const std::string& version, const std::string& first,
                   const std::string& school) {
    auto fields = child_fields(first, "Carter");
    fields.emplace_back("school", school);
    fields.emplace_back("version", version);
    return fields;
}

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

TEST(ChildRecord, DetailsAreChangedAndTheChronologySaysWhat) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto path = "/children/" + std::to_string(child);
    auto form = worker.get(path + "/edit");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "value=\"Maya\""));
    EXPECT_TRUE(has(form.body, "name=\"version\" value=\"1\""));
    auto saved = worker.post(path + "/edit", edit_fields("1", "Imogen", "Brook Lane Primary"));
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto page = worker.get(path + "?done=changed").body;
    EXPECT_TRUE(has(page, "Details saved"));
    EXPECT_TRUE(has(page, "Imogen Carter"));
    EXPECT_TRUE(has(page, "Details changed: Name, School or nursery"));
    // The new name is found by search, the old one no longer.
    EXPECT_TRUE(has(worker.get("/children?q=Imogen").body, "Imogen Carter"));
    EXPECT_FALSE(has(worker.get("/children?q=Maya").body, "Imogen Carter"));
}

TEST(ChildRecord, AStaleEditShowsWhatChangedAndKeepsTheInput) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto colleague = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child);
    ASSERT_GT(case_id, 0);
    auto path = "/children/" + std::to_string(child);
    colleague.get(path + "/edit");
    ASSERT_EQ(colleague.post(path + "/edit", edit_fields("1", "Maya", "Hill Top Nursery")).status,
              303);
    worker.get(path + "/edit");
    auto stale = worker.post(path + "/edit", edit_fields("1", "Maya", "Brook Lane Primary"));
    EXPECT_EQ(stale.status, 409);
    EXPECT_TRUE(has(stale.body, "Someone else saved changes"));
    EXPECT_TRUE(has(stale.body, "Hill Top Nursery"));              // what they saved
    EXPECT_TRUE(has(stale.body, "value=\"Brook Lane Primary\""));  // what I typed
    EXPECT_TRUE(has(stale.body, "name=\"version\" value=\"2\""));
    EXPECT_TRUE(has(worker.get(path).body, "Hill Top Nursery"));
    // Saving again from the refreshed form keeps mine, knowingly.
    ASSERT_EQ(worker.post(path + "/edit", edit_fields("2", "Maya", "Brook Lane Primary")).status,
              303);
    EXPECT_TRUE(has(worker.get(path).body, "Brook Lane Primary"));
}

TEST(ChildRecord, ABadEditShowsTheProblemsAndChangesNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto path = "/children/" + std::to_string(child);
    worker.get(path + "/edit");
    auto fields = edit_fields("1", std::string(10000, 'x'), "<script>alert(1)</script>");
    fields[2].second = "31";
    fields[3].second = "02";
    auto bad = worker.post(path + "/edit", fields);
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "First name must be"));
    EXPECT_TRUE(has(bad.body, "real date"));
    EXPECT_FALSE(has(bad.body, "<script>alert(1)"));
    auto sql = edit_fields("1", "Robert'); DROP TABLE children;--", "x");
    ASSERT_EQ(worker.post(path + "/edit", sql).status, 303);
    EXPECT_TRUE(has(worker.get(path).body, "); DROP TABLE children;-- Carter"));
    EXPECT_EQ(worker.post(path + "/edit", edit_fields("x", "Maya", "")).status, 422);
    EXPECT_EQ(worker.post(path + "/edit", edit_fields("99999999999999999999", "Maya", "")).status,
              422);
}

TEST(ChildRecord, OnlyPeopleWhoMayOpenTheChildCanEditIt) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    open_case(worker, child);
    auto path = "/children/" + std::to_string(child);
    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto admin = server.signed_in_as(Role::SystemAdministrator, "Riverside Team");
    EXPECT_EQ(outsider.get(path + "/edit").status, 403);
    EXPECT_EQ(outsider.post(path + "/edit", edit_fields("1", "Outsider", "")).status, 403);
    EXPECT_EQ(outsider.get(path + "/addresses/new").status, 403);
    EXPECT_EQ(outsider.post(path + "/addresses", {{"lines", "1 High Street"}}).status, 403);
    EXPECT_EQ(admin.get(path + "/edit").status, 403);
    EXPECT_EQ(manager.get(path + "/edit").status, 200);
    EXPECT_EQ(worker.get("/children/999999/edit").status, 404);
    EXPECT_FALSE(has(worker.get(path).body, "Outsider"));
}

TEST(ChildRecord, AddressesMakeAHistory) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto path = "/children/" + std::to_string(child);
    EXPECT_EQ(worker.get(path + "/addresses/new").status, 200);
    auto first = worker.post(path + "/addresses", {{"lines", "4 Mill Lane\nMacclesfield"},
                                                   {"postcode", "sk11 8rh"},
                                                   {"moved-day", "1"},
                                                   {"moved-month", "6"},
                                                   {"moved-year", "2021"}});
    ASSERT_EQ(first.status, 303) << first.body.substr(0, 2000);
    auto bad = worker.post(path + "/addresses", {{"lines", ""},
                                                 {"postcode", "NOT A CODE"},
                                                 {"moved-day", "1"},
                                                 {"moved-month", "1"},
                                                 {"moved-year", "2020"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Enter the address"));
    EXPECT_TRUE(has(bad.body, "Enter a real postcode"));
    EXPECT_TRUE(has(bad.body, "must be on or after 1 June 2021"));
    ASSERT_EQ(worker
                  .post(path + "/addresses", {{"lines", "Flat 2, 9 Park Road, Crewe"},
                                              {"postcode", "CW2 6EB"},
                                              {"moved-day", "3"},
                                              {"moved-month", "9"},
                                              {"moved-year", "2025"}})
                  .status,
              303);
    auto page = worker.get(path).body;
    EXPECT_TRUE(has(page, "SK11 8RH"));
    EXPECT_TRUE(has(page, "CW2 6EB"));
    // The older address ended on the day of the move.
    EXPECT_TRUE(has(page, "1 June 2021</td><td class=\"govuk-table__cell\">3 September 2025"));
    EXPECT_TRUE(has(page, "Moved home (CW2 6EB)"));
}

}  // namespace
}  // namespace signs::testing
