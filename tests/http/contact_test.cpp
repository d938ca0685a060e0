// The front door: a contact recorded in the referrer's words, and the decision on it.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

TEST(Contacts, TheFrontDoorRecordsAContactAndDecidesByTheNextWorkingDay) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto form = worker.get("/children/" + std::to_string(child) + "/contacts/new");
    EXPECT_EQ(form.status, 200);
    EXPECT_TRUE(
        has(form.body, "name=\"received-hour\" type=\"text\" inputmode=\"numeric\" value=\"10\""));
    auto contact = record_contact(worker, child, contact_fields());
    ASSERT_GT(contact, 0);
    auto page = worker.get("/contacts/" + std::to_string(contact) + "?done=recorded").body;
    EXPECT_TRUE(has(page, "Contact recorded"));
    EXPECT_TRUE(has(page, "26 November 2026 at 9:30am, by Phone call"));
    EXPECT_TRUE(has(page, "Amara Okafor (Class teacher, Brook Lane Primary)"));
    EXPECT_TRUE(has(page, "4 out of 10"));
    EXPECT_TRUE(has(page, "Due by the end of 27 November 2026"));
    EXPECT_TRUE(has(page, "Due soon"));
    auto list = worker.get("/contacts").body;
    EXPECT_TRUE(has(list, "Maya Carter"));
    EXPECT_TRUE(has(list, "27 November 2026"));

    // One from Monday, written up late, was due on Tuesday.
    auto late = contact_fields();
    late[0].second = "23";
    record_contact(worker, child, late);
    list = worker.get("/contacts").body;
    EXPECT_TRUE(has(list, "Overdue"));
    EXPECT_LT(list.find("24 November 2026"), list.find("27 November 2026"));  // earliest first

    auto path = "/contacts/" + std::to_string(contact);
    auto missing = worker.post(path + "/decision", {{"version", "1"}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Select what happens next"));
    auto decided =
        worker.post(path + "/decision", {{"version", "1"},
                                         {"decision", "assessment"},
                                         {"reason", "Hunger on three days and no food at home"},
                                         {"referral_source", "2A"}});
    ASSERT_EQ(decided.status, 303);
    page = worker.get(path).body;
    EXPECT_TRUE(has(page, "Social work assessment"));
    EXPECT_TRUE(has(page, "Person practitioner1"));
    EXPECT_TRUE(
        has(page, "/cases/new?child=" + std::to_string(child) + "&amp;level=child-in-need"));
    EXPECT_FALSE(has(worker.get("/contacts").body, "27 November 2026"));
    EXPECT_EQ(
        worker.post(path + "/decision", {{"version", "2"}, {"decision", "nfa"}, {"reason", "x"}})
            .status,
        409);
    auto child_page = worker.get("/children/" + std::to_string(child)).body;
    EXPECT_TRUE(has(child_page, "Phone call from Amara Okafor (Class teacher), worried that"));
    EXPECT_TRUE(
        has(child_page, "Decision on the contact from Amara Okafor: Social work assessment"));
    auto new_case =
        worker.get("/cases/new?child=" + std::to_string(child) + "&level=child-in-need");
    EXPECT_TRUE(has(new_case.body, "value=\"child-in-need\" checked"));
}

TEST(Contacts, BadInputIsNamedAndSavesNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto path = "/children/" + std::to_string(child);
    worker.get(path + "/contacts/new");
    auto fields = contact_fields();
    fields[3].second = "25";                           // hour
    fields[6].second = std::string(300, 'x');          // name
    fields[9].second = "<script>alert('x')</script>";  // worried
    fields[11].second = "eleven";                      // scale
    auto bad = worker.post(path + "/contacts", fields);
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Enter the time it was received"));
    EXPECT_TRUE(has(bad.body, "Name must be 200 characters or fewer"));
    EXPECT_TRUE(has(bad.body, "Enter a whole number from 0 to 10"));
    EXPECT_FALSE(has(bad.body, "<script>alert"));
    EXPECT_TRUE(has(bad.body, "&lt;script&gt;"));
    auto future = contact_fields();
    future[0].second = "27";
    EXPECT_TRUE(has(worker.post(path + "/contacts", future).body, "now or in the past"));
    EXPECT_EQ(server.audit_count("contact-add"), 0);
    EXPECT_TRUE(has(worker.get("/contacts").body, "No contacts are waiting"));
    EXPECT_EQ(worker.get("/contacts/999999").status, 404);
    EXPECT_EQ(worker.post("/contacts/1/decision", {{"version", "x"}}).status, 400);
}

TEST(Contacts, OnlyTheRecordingTeamAndThoseWhoMayOpenTheChildSeeIt) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto colleague = server.signed_in_as(Role::TeamManager, "Front Door");
    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto admin = server.signed_in_as(Role::SystemAdministrator, "Front Door");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto contact = record_contact(worker, child, contact_fields());
    auto path = "/contacts/" + std::to_string(contact);
    EXPECT_EQ(colleague.get(path).status, 200);
    EXPECT_TRUE(has(colleague.get("/contacts").body, "Maya Carter"));
    EXPECT_EQ(outsider.get(path).status, 403);
    EXPECT_FALSE(has(outsider.get("/contacts").body, "Maya Carter"));
    EXPECT_EQ(outsider
                  .post(path + "/decision",
                        {{"version", "1"}, {"decision", "nfa"}, {"reason", "Not mine"}})
                  .status,
              403);
    EXPECT_EQ(
        outsider.post("/children/" + std::to_string(child) + "/contacts", contact_fields()).status,
        403);
    EXPECT_EQ(admin.get(path).status, 403);
    EXPECT_EQ(admin.get("/contacts").status, 403);
    EXPECT_EQ(colleague
                  .post(path + "/decision",
                        {{"version", "1"}, {"decision", "nfa"}, {"reason", "Advice given"}})
                  .status,
              303);
}

TEST(Contacts, TheCaseListsFilterOnWhatIsDueSoon) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto maya = add_child(worker, child_fields("Maya", "Carter"));
    auto sam = add_child(worker, child_fields("Sam", "Jones", "2018-05-01"));
    open_case(worker, maya, "child-in-need");
    open_case(worker, sam);
    record_contact(worker, maya, contact_fields());
    auto all = worker.get("/cases").body;
    EXPECT_TRUE(has(all, "Maya Carter"));
    EXPECT_TRUE(has(all, "Sam Jones"));
    EXPECT_TRUE(has(all, "27 November 2026"));
    auto due = worker.get("/cases?due=soon").body;
    EXPECT_TRUE(has(due, "Maya Carter"));
    EXPECT_FALSE(has(due, "Sam Jones"));
    EXPECT_TRUE(has(due, "moj-filter__tag"));
    EXPECT_TRUE(has(due, "Due soon or overdue"));
    auto levels = worker.get("/cases?level=early-help&level=child-in-need").body;
    EXPECT_TRUE(has(levels, "Maya Carter"));
    EXPECT_TRUE(has(levels, "Sam Jones"));
    auto one = worker.get("/cases?level=early-help&level=nonsense&due=maybe").body;
    EXPECT_FALSE(has(one, "Maya Carter"));
    EXPECT_TRUE(has(one, "Sam Jones"));
    // Each selected filter's tag links to the list without it.
    EXPECT_TRUE(has(worker.get("/cases?level=early-help&due=soon").body,
                    "href=\"/cases?due=soon\"><span class=\"govuk-visually-hidden\">Remove"));
}

}  // namespace
}  // namespace signs::testing
