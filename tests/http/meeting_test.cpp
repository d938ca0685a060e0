// Meetings through the real server: arranged, people invited and their attendance, moved and
// cancelled (each a new revision of the same calendar event), recorded with a decision, and
// mapped from the latest mapping.
#include <gtest/gtest.h>

#include <regex>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

std::string first_after(const std::string& body, const std::string& prefix) {
    std::smatch found;
    if (!std::regex_search(body, found, std::regex(prefix + "([0-9]+)"))) return "";
    return found[1];
}

/// A meeting on the test clock's today, Thursday 26 November 2026, 10:00 to 11:30.
Fields meeting_fields(const std::string& type, const std::string& child,
                      const std::string& day = "26") {
    return {{"type", type},          {"date-day", day},    {"date-month", "11"},
            {"date-year", "2026"},   {"start-hour", "10"}, {"start-minute", "00"},
            {"end-hour", "11"},      {"end-minute", "30"}, {"venue", "Macclesfield Town Hall"},
            {"chair", "Sam Okafor"}, {"children", child}};
}

struct Arranged {
    std::int64_t case_id = 0;
    std::string child;
    std::string path;
};

Arranged a_meeting(Browser& worker, const std::string& type = "strategy-discussion",
                   const std::string& level = "child-in-need") {
    Arranged a;
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    a.child = std::to_string(child);
    a.case_id = open_case(worker, child, level);
    auto base = "/cases/" + std::to_string(a.case_id);
    EXPECT_EQ(worker.get(base + "/meetings/new").status, 200);
    auto made = worker.post(base + "/meetings", meeting_fields(type, a.child));
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 3000);
    a.path = "/meetings/" + std::to_string(id_from(made, "/meetings/"));
    return a;
}

std::string field_of(const std::string& ics, const std::string& name) {
    std::smatch found;
    if (!std::regex_search(ics, found, std::regex("\r\n" + name + "([:;][^\r]*)\r\n"))) return "";
    return found[1];
}

TEST(Meetings, ArrangedMovedAndCancelledInEveryonesCalendar) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto a = a_meeting(worker);
    EXPECT_EQ(server.audit_count("meeting-arrange"), 1);
    auto page = worker.get(a.path).body;
    EXPECT_TRUE(has(page, "Strategy discussion"));
    EXPECT_TRUE(has(page, "26 November 2026, 10:00 to 11:30 (London time)"));
    EXPECT_TRUE(has(worker.get("/cases/" + std::to_string(a.case_id)).body, "Strategy discussion"));

    EXPECT_EQ(worker
                  .post(a.path + "/invitees", {{"name", "Dana Carter"},
                                               {"kind", "parent"},
                                               {"role", "Mother"},
                                               {"email", "dana@example.org"}})
                  .status,
              303);
    EXPECT_EQ(worker
                  .post(a.path + "/invitees",
                        {{"name", "Ravi Shah"}, {"kind", "professional"}, {"role", "Police"}})
                  .status,
              303);

    auto ics = worker.get(a.path + "/invitation.ics");
    ASSERT_EQ(ics.status, 200);
    EXPECT_TRUE(has(ics.header("content-type"), "text/calendar"));
    auto uid = field_of(ics.body, "UID");
    EXPECT_FALSE(uid.empty());
    EXPECT_EQ(field_of(ics.body, "SEQUENCE"), ":0");
    EXPECT_EQ(field_of(ics.body, "DTSTART;TZID=Europe/London"), ":20261126T100000");
    EXPECT_EQ(field_of(ics.body, "DTEND"), ";TZID=Europe/London:20261126T113000");
    EXPECT_TRUE(has(ics.body, "TZID:Europe/London"));
    EXPECT_TRUE(has(ics.body, "mailto:dana@example.org"));
    EXPECT_FALSE(has(ics.body, "Ravi"));  // no email, so not an attendee in the file
    // The worker who arranged it organises it, so replies go to someone who can act on them.
    auto organizer = field_of(ics.body, "ORGANIZER");
    EXPECT_TRUE(organizer.starts_with(";CN=")) << organizer;
    EXPECT_TRUE(has(organizer, ":mailto:") && has(organizer, "@")) << organizer;
    EXPECT_EQ(field_of(ics.body, "STATUS"), ":CONFIRMED");

    // Moved to Monday at 14:00: the same event, one revision on.
    ASSERT_EQ(worker.get(a.path + "/change").status, 200);
    auto moved = meeting_fields("strategy-discussion", a.child, "30");
    moved[4].second = "14";
    moved[6].second = "15";
    moved.push_back({"version", "1"});
    ASSERT_EQ(worker.post(a.path + "/change", moved).status, 303);
    EXPECT_EQ(worker.post(a.path + "/change", moved).status, 409);  // stale version
    ics = worker.get(a.path + "/invitation.ics");
    EXPECT_EQ(field_of(ics.body, "UID"), uid);
    EXPECT_EQ(field_of(ics.body, "SEQUENCE"), ":1");
    EXPECT_EQ(field_of(ics.body, "DTSTART;TZID=Europe/London"), ":20261130T140000");

    // Cancelled: the same event, cancelled, another revision on; no more changes.
    EXPECT_EQ(worker.post(a.path + "/cancel", {{"reason", ""}, {"version", "2"}}).status, 422);
    ASSERT_EQ(worker.post(a.path + "/cancel", {{"reason", "Dana is in hospital"}, {"version", "2"}})
                  .status,
              303);
    ics = worker.get(a.path + "/invitation.ics");
    EXPECT_EQ(field_of(ics.body, "UID"), uid);
    EXPECT_EQ(field_of(ics.body, "SEQUENCE"), ":2");
    EXPECT_EQ(field_of(ics.body, "STATUS"), ":CANCELLED");
    EXPECT_TRUE(has(worker.get(a.path).body, "Cancelled: Dana is in hospital"));
    EXPECT_EQ(worker.post(a.path + "/change", moved).status, 409);
    EXPECT_EQ(worker.post(a.path + "/invitees", {{"name", "Late"}, {"kind", "family"}}).status,
              409);
    EXPECT_EQ(server.audit_count("meeting-cancel"), 1);
}

TEST(Meetings, TheRecordFollowsTheFramework) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto a = a_meeting(worker, "initial-conference");
    worker.post(a.path + "/invitees", {{"name", "Dana Carter"}, {"kind", "parent"}});
    worker.post(a.path + "/invitees", {{"name", "Ravi Shah"}, {"kind", "professional"}});
    worker.post(a.path + "/invitees", {{"name", "Jo Bell"}, {"kind", "professional"}});
    auto page = worker.get(a.path).body;
    auto first = std::stoll(first_after(page, "/invitees/"));
    auto dana = std::to_string(first), ravi = std::to_string(first + 1),
         jo = std::to_string(first + 2);
    EXPECT_EQ(worker
                  .post(a.path + "/invitees/" + dana + "/attendance",
                        {{"attendance-" + dana, "attended"}})
                  .status,
              303);
    auto no_reason = worker.post(a.path + "/invitees/" + ravi + "/attendance",
                                 {{"attendance-" + ravi, "apologies"}});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_TRUE(has(no_reason.body, "Enter the reason they gave"));
    EXPECT_EQ(worker
                  .post(a.path + "/invitees/" + ravi + "/attendance",
                        {{"attendance-" + ravi, "apologies"}, {"reason-" + ravi, "In court"}})
                  .status,
              303);
    EXPECT_EQ(
        worker.post(a.path + "/invitees/" + jo + "/attendance", {{"attendance-" + jo, "attended"}})
            .status,
        303);
    EXPECT_EQ(worker
                  .post(a.path + "/invitees/" + dana + "/dissent",
                        {{"dissent-" + dana, "I do not agree that Maya needs a plan"}})
                  .status,
              303);
    page = worker.get(a.path).body;
    EXPECT_TRUE(has(page, "Sent apologies (In court)"));
    EXPECT_TRUE(has(page, "I do not agree that Maya needs a plan"));

    // The meeting's mapping: a new one (nothing agreed yet) with those who attended.
    auto mapped = worker.post(a.path + "/mapping", {});
    ASSERT_EQ(mapped.status, 303);
    auto mapping = worker.get("/mappings/" + std::to_string(id_from(mapped, "/mappings/"))).body;
    EXPECT_TRUE(has(mapping, "Dana Carter"));
    EXPECT_TRUE(has(mapping, "Jo Bell"));
    EXPECT_FALSE(has(mapping, "Ravi Shah"));
    EXPECT_EQ(worker.post(a.path + "/mapping", {}).status, 303);  // the same one again
    EXPECT_TRUE(has(worker.get(a.path).body, "The mapping made at the meeting"));

    // A conference must say whether a plan is needed, and its category.
    Fields outcome = {{"decision", "Maya will be the subject of a child protection plan"},
                      {"plan_needed", "yes"},
                      {"version", "2"}};
    auto missing = worker.post(a.path + "/outcome", outcome);
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Select the category of the child protection plan"));
    outcome.push_back({"category", "NEG"});
    outcome.push_back({"next-day", "20"});
    outcome.push_back({"next-month", "11"});
    outcome.push_back({"next-year", "2026"});
    auto before = worker.post(a.path + "/outcome", outcome);
    EXPECT_EQ(before.status, 422);
    EXPECT_TRUE(has(before.body, "The next meeting must be after this one"));
    outcome[outcome.size() - 3].second = "7";
    outcome[outcome.size() - 2].second = "12";
    auto saved = worker.post(a.path + "/outcome", outcome);
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
    page = worker.get(a.path).body;
    EXPECT_TRUE(has(page, "A child protection plan is needed (Neglect)"));
    EXPECT_TRUE(has(page, "7 December 2026"));
    EXPECT_EQ(server.audit_count("meeting-record"), 1);
}

TEST(Meetings, BadInputIsNamedAndChangesNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto a = a_meeting(worker);
    auto base = "/cases/" + std::to_string(a.case_id) + "/meetings";
    auto try_meeting = [&](int field, const std::string& value) {
        auto form = meeting_fields("strategy-discussion", a.child);
        form[field].second = value;
        return worker.post(base, form);
    };
    auto early = try_meeting(1, "1");  // 1 November: before the case was opened
    EXPECT_EQ(early.status, 422);
    EXPECT_TRUE(has(early.body, "before the case was opened"));
    auto backwards = try_meeting(6, "9");  // ends at 9:30, before it starts
    EXPECT_EQ(backwards.status, 422);
    EXPECT_TRUE(has(backwards.body, "The meeting must end after it starts"));
    EXPECT_EQ(try_meeting(4, "").status, 422);            // no start time
    EXPECT_EQ(try_meeting(4, "25").status, 422);          // no such hour
    EXPECT_EQ(try_meeting(0, "core-group").status, 422);  // not for a child in need
    EXPECT_EQ(try_meeting(0, "../../etc").status, 422);
    EXPECT_EQ(try_meeting(8, "").status, 422);  // nowhere, and not remote
    EXPECT_EQ(try_meeting(10, "1 OR 1=1").status, 422);
    EXPECT_EQ(try_meeting(3, "2029").status, 422);
    EXPECT_EQ(server.audit_count("meeting-arrange"), 1);

    auto bad_email = worker.post(a.path + "/invitees",
                                 {{"name", "Dana"}, {"kind", "parent"}, {"email", "dana@"}});
    EXPECT_EQ(bad_email.status, 422);
    EXPECT_EQ(worker.post(a.path + "/invitees", {{"name", "Dana"}, {"kind", "aunt"}}).status, 422);
    EXPECT_EQ(
        worker
            .post(a.path + "/invitees", {{"name", "<script>alert(1)</script>"}, {"kind", "family"}})
            .status,
        303);
    EXPECT_TRUE(has(worker.get(a.path).body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    for (int i = 1; i < 100; ++i) {
        ASSERT_EQ(worker
                      .post(a.path + "/invitees",
                            {{"name", "Person " + std::to_string(i)}, {"kind", "network"}})
                      .status,
                  303);
    }
    auto too_many = worker.post(a.path + "/invitees", {{"name", "One more"}, {"kind", "network"}});
    EXPECT_EQ(too_many.status, 422);
    EXPECT_TRUE(has(too_many.body, "at most 100 people"));
    EXPECT_EQ(server.audit_count("meeting-invite"), 100);

    // Not recorded before it is held; versions and ids that are not numbers.
    auto later = worker.post(base, meeting_fields("strategy-discussion", a.child, "30"));
    ASSERT_EQ(later.status, 303);
    auto later_path = "/meetings/" + std::to_string(id_from(later, "/meetings/"));
    EXPECT_EQ(
        worker.post(later_path + "/outcome", {{"decision", "Early"}, {"version", "1"}}).status,
        409);
    EXPECT_EQ(worker.post(later_path + "/mapping", {}).status, 409);
    EXPECT_EQ(worker.post(a.path + "/cancel", {{"reason", "x"}, {"version", "abc"}}).status, 400);
    EXPECT_EQ(worker.get("/meetings/abc").status, 404);
    EXPECT_EQ(worker.get("/meetings/99999").status, 404);
    EXPECT_EQ(worker.post(a.path + "/invitees/99999/attendance", {{"attendance-99999", "attended"}})
                  .status,
              404);
}

TEST(Meetings, OnlyThoseWhoMayOpenTheCaseSeeThem) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto a = a_meeting(worker);
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    EXPECT_EQ(manager.get(a.path).status, 200);
    EXPECT_EQ(manager.get(a.path + "/invitation.ics").status, 200);
    auto other = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto other_manager = server.signed_in_as(Role::TeamManager, "Hillside Team");
    for (auto* outsider : {&other, &other_manager}) {
        EXPECT_EQ(outsider->get(a.path).status, 403);
        EXPECT_EQ(outsider->get(a.path + "/invitation.ics").status, 403);
        EXPECT_EQ(outsider->post(a.path + "/invitees", {{"name", "X"}, {"kind", "family"}}).status,
                  403);
        EXPECT_EQ(outsider->post(a.path + "/cancel", {{"reason", "Mine"}, {"version", "1"}}).status,
                  403);
        EXPECT_EQ(outsider->get("/cases/" + std::to_string(a.case_id) + "/meetings/new").status,
                  403);
    }
    for (auto role : {Role::SystemAdministrator, Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get(a.path).status, 403);
        EXPECT_EQ(someone.get(a.path + "/invitation.ics").status, 403);
        EXPECT_EQ(someone.post(a.path + "/invitees", {{"name", "X"}, {"kind", "family"}}).status,
                  403);
    }
    EXPECT_EQ(server.audit_count("meeting-invite"), 0);
}

TEST(Meetings, EachMeetingStartsTheNextStatutoryClock) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto a = a_meeting(worker);  // a strategy discussion today, Thursday 26 November
    auto case_path = "/cases/" + std::to_string(a.case_id);
    auto page = worker.get(case_path).body;
    EXPECT_TRUE(has(page, "Initial child protection conference"));
    EXPECT_TRUE(has(page, "17 December 2026"));
    EXPECT_TRUE(has(page,
                    "15 working days after the strategy discussion that started the "
                    "enquiry (26 November 2026)"));
    EXPECT_TRUE(has(page, "Working Together to Safeguard Children 2023"));

    auto booked =
        worker.post(case_path + "/meetings", meeting_fields("initial-conference", a.child, "30"));
    ASSERT_EQ(booked.status, 303);
    EXPECT_TRUE(has(worker.get(case_path).body, "Arranged for 30 November 2026"));

    // Held the same day instead, deciding on a plan: the core group and review fall due.
    auto held = worker.post(case_path + "/meetings", meeting_fields("initial-conference", a.child));
    ASSERT_EQ(held.status, 303);
    auto held_path = "/meetings/" + std::to_string(id_from(held, "/meetings/"));
    ASSERT_EQ(worker
                  .post(held_path + "/outcome", {{"decision", "A plan is needed"},
                                                 {"plan_needed", "yes"},
                                                 {"category", "NEG"},
                                                 {"version", "1"}})
                  .status,
              303);
    page = worker.get(case_path).body;
    EXPECT_FALSE(has(page, "17 December 2026"));
    EXPECT_TRUE(has(page, "First core group meeting"));
    EXPECT_TRUE(has(page, "10 December 2026"));
    EXPECT_TRUE(has(page, "First review child protection conference"));
    EXPECT_TRUE(has(page, "26 February 2027"));
}

}  // namespace
}  // namespace signs::testing
