// Children joining a case after it opened, and each child's part in it closing.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

Fields closure(const std::string& reason, const std::string& date = "2026-11-20",
               const std::string& note = "") {
    return {{"date-day", date.substr(8, 2)},
            {"date-month", date.substr(5, 2)},
            {"date-year", date.substr(0, 4)},
            {"reason", reason},
            {"note", note}};
}

TEST(CaseMembership, ANewBabyJoinsTheFamilysCase) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, maya);
    auto path = "/cases/" + std::to_string(case_id);
    auto empty = worker.get(path + "/children/new");
    EXPECT_EQ(empty.status, 200);
    EXPECT_TRUE(has(empty.body, "add the child"));
    auto baby = add_child(worker, child_fields("Noah", "Carter", "2026-11-01"));
    EXPECT_TRUE(has(worker.get(path + "/children/new").body, "Noah Carter"));

    auto fields = level_fields("child-in-need", "2026-11-10", "Born into the family");
    auto missing = worker.post(path + "/children", fields);
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Select a child"));
    fields.emplace_back("child", std::to_string(baby));
    auto added = worker.post(path + "/children", fields);
    ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
    auto page = worker.get(path + "?done=added").body;
    EXPECT_TRUE(has(page, "Child added to the case"));
    EXPECT_TRUE(has(page, "Noah Carter"));
    EXPECT_TRUE(has(worker.get("/children/" + std::to_string(baby)).body,
                    "Joined the Carter family case at Child in need"));
    auto again = worker.post(path + "/children", fields);
    EXPECT_EQ(again.status, 422);
    EXPECT_TRUE(has(again.body, "already part of this case"));
}

TEST(CaseMembership, OnlyChildrenAndCasesInTheUsersOwnWorkCanBeJoined) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, maya);
    auto path = "/cases/" + std::to_string(case_id);
    auto theirs = add_child(outsider, child_fields("Sam", "Jones"));
    auto fields = level_fields("early-help", "2026-11-10", "Moved in with the family");
    fields.emplace_back("child", std::to_string(theirs));
    auto refused = worker.post(path + "/children", fields);
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(has(refused.body, "Select a child whose record you can open"));
    EXPECT_EQ(outsider.get(path + "/children/new").status, 403);
    EXPECT_EQ(outsider.post(path + "/children", fields).status, 403);
    EXPECT_EQ(outsider.get(path + "/children/" + std::to_string(maya) + "/close").status, 403);
    EXPECT_EQ(
        outsider.post(path + "/children/" + std::to_string(maya) + "/close", closure("RC7")).status,
        403);
    EXPECT_EQ(worker.post(path + "/children", {{"child", "1 OR 1=1"}}).status, 422);
    EXPECT_EQ(worker.get("/cases/999999/children/new").status, 404);
}

TEST(CaseMembership, TheCaseClosesWhenItsLastChildsPartCloses) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, maya);
    auto baby = add_child(worker, child_fields("Noah", "Carter", "2026-11-01"));
    auto path = "/cases/" + std::to_string(case_id);
    auto fields = level_fields("early-help", "2026-11-10", "Born into the family");
    fields.emplace_back("child", std::to_string(baby));
    ASSERT_EQ(worker.post(path + "/children", fields).status, 303);

    auto maya_close = path + "/children/" + std::to_string(maya) + "/close";
    EXPECT_EQ(worker.get(maya_close).status, 200);
    auto bad = worker.post(maya_close, closure("RC99", "2026-10-01", std::string(1001, 'x')));
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Select the reason for closing"));
    EXPECT_TRUE(has(bad.body, "on or after 2 November 2026"));
    EXPECT_TRUE(has(bad.body, "1000 characters or fewer"));
    EXPECT_EQ(worker.post(maya_close, closure("RC7", "2026-02-30")).status, 422);
    ASSERT_EQ(
        worker.post(maya_close, closure("RC7", "2026-11-20", "Sleep and meals are settled")).status,
        303);
    auto page = worker.get(path).body;
    EXPECT_TRUE(has(page, "Closed: Services ended for another reason"));
    EXPECT_TRUE(has(page, "Add a child to this case"));  // still open for Noah
    EXPECT_TRUE(
        has(worker.get("/children/" + std::to_string(maya)).body, "Sleep and meals are settled"));
    EXPECT_EQ(worker.post(maya_close, closure("RC7")).status, 409);

    ASSERT_EQ(worker
                  .post(path + "/children/" + std::to_string(baby) + "/close",
                        closure("RC8", "2026-11-21"))
                  .status,
              303);
    page = worker.get(path).body;
    EXPECT_TRUE(has(page, "21 November 2026: Closed after assessment, no further action"));
    EXPECT_FALSE(has(page, "Add a child to this case"));
    EXPECT_EQ(worker.get(path + "/children/new").status, 409);
    EXPECT_FALSE(has(worker.get("/cases").body, "Carter family"));
}

}  // namespace
}  // namespace signs::testing
