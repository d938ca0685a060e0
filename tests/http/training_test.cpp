// Training through the real server: the catalogue set up by training administrators, staff
// booking themselves, the waitlist, the courses that satisfy others, a manager's approval,
// cancellations (of a booking and of a session), attendance and the public list.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/london_time.hpp"
#include "store/outbox_repository.hpp"
#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;
using nlohmann::json;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

json parsed(const HttpResult& r) { return json::parse(r.body, nullptr, false); }

std::vector<store::OutboxMessage> outbox(TestServer& server) {
    auto lease = server.db().lease();
    return store::outbox::recent(lease.sql(), 500);
}

struct Catalogue {
    std::int64_t venue = 0, half_day = 0, two_day = 0;
};

/// A venue, the half-day introduction, and the 2-day course that covers it.
Catalogue a_catalogue(Browser& trainer) {
    Catalogue c;
    auto venue = trainer.send_json(
        "POST", "/api/v1/training/venues",
        R"({"name":"Calvary Church","address":"Macclesfield","postcode":"SK11 8RH","access":"Step-free entrance at the side"})");
    EXPECT_EQ(venue.status, 201) << venue.body;
    c.venue = parsed(venue)["id"];
    auto half = trainer.send_json(
        "POST", "/api/v1/training/courses",
        R"({"title":"Introduction to Signs of Safety","summary":"Half a day","covers":"The four questions","audience":"All staff and partners","length":"Half day"})");
    EXPECT_EQ(half.status, 201) << half.body;
    c.half_day = parsed(half)["id"];
    auto full = trainer.send_json("POST", "/api/v1/training/courses",
                                  json{{"title", "Signs of Safety 2-day course"},
                                       {"summary", "Two days"},
                                       {"covers", "Everything"},
                                       {"audience", "Social workers"},
                                       {"length", "2 days"},
                                       {"satisfies", {c.half_day}}}
                                      .dump());
    EXPECT_EQ(full.status, 201) << full.body;
    c.two_day = parsed(full)["id"];
    return c;
}

/// A session of `course` on `day` (the test clock's today is 26 November 2026).
std::int64_t a_session(Browser& trainer, std::int64_t course, std::int64_t venue, int places,
                       const std::string& day = "2027-04-24", int days = 1) {
    auto made = trainer.send_json("POST", "/api/v1/training/sessions",
                                  json{{"course_id", course},
                                       {"first_day", day},
                                       {"days", days},
                                       {"start", "09:30"},
                                       {"end", "13:00"},
                                       {"venue_id", venue},
                                       {"capacity", places}}
                                      .dump());
    EXPECT_EQ(made.status, 201) << made.body;
    return parsed(made)["id"];
}

std::string page_of(std::int64_t session) {
    return "/training/sessions/" + std::to_string(session);
}

TEST(Training, StaffBookThemselvesAndTheWaitlistFillsFreedPlaces) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    auto session = a_session(trainer, c.half_day, c.venue, 1);
    auto ada = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto ben = server.signed_in_as(Role::TeamManager, "Hillside Team");

    auto list = ada.get("/training");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(has(list.body, "Introduction to Signs of Safety"));
    EXPECT_TRUE(has(list.body, "1 of 1 places left"));
    EXPECT_FALSE(has(list.body, "Your bookings"));
    auto page = ada.get(page_of(session));
    EXPECT_TRUE(has(page.body, "Calvary Church"));
    EXPECT_TRUE(has(page.body, "Step-free entrance at the side"));
    EXPECT_TRUE(has(page.body, "Book a place"));

    auto booked = ada.post(page_of(session) + "/book", {});
    ASSERT_EQ(booked.status, 303) << booked.body.substr(0, 2000);
    EXPECT_EQ(booked.header("location"), page_of(session) + "?done=booked");
    EXPECT_EQ(ada.post(page_of(session) + "/book", {}).status, 409);  // once is enough
    // Both pages are kept between visits, and a booking shows on them at once.
    EXPECT_TRUE(has(ada.get("/training").body, "Your bookings"));
    EXPECT_FALSE(has(ada.get(page_of(session)).body, "Book a place"));
    EXPECT_TRUE(has(ben.get(page_of(session)).body, "Join the waiting list"));
    auto waiting = ben.post(page_of(session) + "/book", {});
    EXPECT_EQ(waiting.header("location"), page_of(session) + "?done=waitlisted");
    EXPECT_EQ(server.audit_count("booking-add"), 2);

    // The confirmation carries the calendar invitation in London time.
    auto mail = outbox(server);
    auto confirmation = std::find_if(mail.begin(), mail.end(), [](const auto& m) {
        return m.subject == "Booked: Introduction to Signs of Safety";
    });
    ASSERT_NE(confirmation, mail.end());
    EXPECT_TRUE(has(confirmation->calendar, "DTSTART;TZID=Europe/London:20270424T093000"));
    EXPECT_EQ(confirmation->calendar_method, "REQUEST");

    // Ada cancels: her place goes to Ben, who is told.
    auto api = parsed(ada.get("/api/v1/training/sessions/" + std::to_string(session)));
    auto booking = api["mine"]["id"].get<std::int64_t>();
    auto cancelled =
        ada.post("/training/bookings/" + std::to_string(booking) + "/cancel", {{"reason", ""}});
    ASSERT_EQ(cancelled.status, 303) << cancelled.body.substr(0, 2000);
    EXPECT_TRUE(has(ben.get(page_of(session)).body, "Booked"));
    mail = outbox(server);
    EXPECT_TRUE(std::any_of(mail.begin(), mail.end(), [](const auto& m) {
        return m.subject == "A place for you: Introduction to Signs of Safety" &&
               !m.calendar.empty();
    }));
    EXPECT_TRUE(std::any_of(mail.begin(), mail.end(), [](const auto& m) {
        return m.subject == "Cancelled: Introduction to Signs of Safety" &&
               m.calendar_method == "CANCEL";
    }));
    // Someone else's booking is not theirs to cancel.
    auto ben_booking =
        parsed(ben.get("/api/v1/training/sessions/" + std::to_string(session)))["mine"]["id"]
            .get<std::int64_t>();
    EXPECT_EQ(ada.post("/training/bookings/" + std::to_string(ben_booking) + "/cancel", {}).status,
              403);
}

TEST(Training, ACourseAlreadyCoveredIsNotBookedWithoutAnOverride) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    auto two_day = a_session(trainer, c.two_day, c.venue, 20, "2027-03-01", 2);
    auto half_day = a_session(trainer, c.half_day, c.venue, 20);
    auto ada = server.signed_in_as(Role::Practitioner, "Riverside Team");
    ASSERT_EQ(ada.post(page_of(two_day) + "/book", {}).status, 303);
    auto page = ada.get(page_of(half_day));
    EXPECT_TRUE(has(page.body, "You do not need this course: Signs of Safety 2-day course covers"));
    EXPECT_FALSE(has(page.body, "Book a place"));
    auto refused = ada.post(page_of(half_day) + "/book", {});
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(has(refused.body, "You do not need this course"));

    auto ada_id = parsed(ada.get("/api/v1/me"))["id"].get<std::int64_t>();
    auto path = "/api/v1/training/sessions/" + std::to_string(half_day) + "/bookings";
    EXPECT_EQ(trainer.send_json("POST", path, json{{"user_id", ada_id}}.dump()).status, 422);
    // From the page, a member of staff is chosen from the list.
    auto needs_reason = trainer.post(page_of(half_day) + "/bookings",
                                     {{"person", std::to_string(ada_id)}, {"override_reason", ""}});
    EXPECT_EQ(needs_reason.status, 422);
    EXPECT_TRUE(has(needs_reason.body, "does not need this course"));
    EXPECT_EQ(trainer.post(page_of(half_day) + "/bookings", {{"person", "1 OR 1=1"}}).status, 422);
    EXPECT_EQ(trainer.post(page_of(half_day) + "/bookings", {{"person", "999999"}}).status, 422);
    auto overridden = trainer.send_json(
        "POST", path,
        json{{"user_id", ada_id}, {"override_reason", "Refresher after a long absence"}}.dump());
    EXPECT_EQ(overridden.status, 201) << overridden.body;
    // A 2-day session shows both days, and its invitation repeats.
    EXPECT_TRUE(has(ada.get(page_of(two_day)).body, "1 March 2027 to 2 March 2027"));
    auto mail = outbox(server);
    EXPECT_TRUE(std::any_of(mail.begin(), mail.end(), [](const auto& m) {
        return has(m.calendar, "RRULE:FREQ=DAILY;COUNT=2");
    }));
}

TEST(Training, AManagerApprovesTheirTeamsBookings) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    auto course = trainer.send_json(
        "POST", "/api/v1/training/courses",
        R"({"title":"Supervising with Signs of Safety","summary":"For supervisors","covers":"Group supervision","audience":"Managers","length":"1 day","needs_approval":true})");
    ASSERT_EQ(course.status, 201);
    auto session = a_session(trainer, parsed(course)["id"], c.venue, 1);
    auto ada = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto other = server.signed_in_as(Role::TeamManager, "Hillside Team");
    auto asked = ada.post(page_of(session) + "/book", {});
    EXPECT_EQ(asked.header("location"), page_of(session) + "?done=requested");
    // The place is not held while approval is awaited.
    EXPECT_TRUE(has(trainer.get("/training").body, "1 of 1 places left"));
    auto approvals = manager.get("/training/approvals");
    ASSERT_EQ(approvals.status, 200);
    EXPECT_TRUE(has(approvals.body, "Supervising with Signs of Safety"));
    EXPECT_TRUE(has(other.get("/training/approvals").body, "Nothing is waiting"));
    auto booking =
        parsed(ada.get("/api/v1/training/sessions/" + std::to_string(session)))["mine"]["id"]
            .get<std::int64_t>();
    auto decision = "/training/bookings/" + std::to_string(booking) + "/decision";
    EXPECT_EQ(other.post(decision, {{"decision", "approve"}}).status, 403);
    EXPECT_EQ(ada.post(decision, {{"decision", "approve"}}).status, 403);
    EXPECT_EQ(manager.post(decision, {{"decision", "maybe"}}).status, 422);
    ASSERT_EQ(manager.post(decision, {{"decision", "approve"}}).status, 303);
    EXPECT_TRUE(has(ada.get(page_of(session)).body, "Booked"));
    EXPECT_EQ(manager.post(decision, {{"decision", "approve"}}).status, 409);  // decided
    EXPECT_EQ(server.audit_count("booking-approve"), 1);
}

TEST(Training, ApprovalNeverJumpsTheQueueNorApprovesOneself) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    auto course = trainer.send_json(
        "POST", "/api/v1/training/courses",
        R"({"title":"Supervision","summary":"s","covers":"c","audience":"a","length":"1 day","needs_approval":true})");
    auto session = a_session(trainer, parsed(course)["id"], c.venue, 1);
    auto api = "/api/v1/training/sessions/" + std::to_string(session);
    auto holder = server.signed_in_as(Role::Practitioner, "Hillside Team");
    auto asker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto queuer = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto northgate = server.signed_in_as(Role::TeamManager, "Northgate Team");
    auto hillside = server.signed_in_as(Role::TeamManager, "Hillside Team");
    // The holder is approved into the only place; the asker waits for approval; the queuer
    // is approved onto the waitlist first.
    holder.post(page_of(session) + "/book", {});
    auto decide = [&](Browser& who, Browser& by) {
        auto id = parsed(who.get(api))["mine"]["id"].get<std::int64_t>();
        return by.post("/training/bookings/" + std::to_string(id) + "/decision",
                       {{"decision", "approve"}});
    };
    ASSERT_EQ(decide(holder, hillside).status, 303);
    asker.post(page_of(session) + "/book", {});
    queuer.post(page_of(session) + "/book", {});
    ASSERT_EQ(decide(queuer, northgate).status, 303);
    ASSERT_EQ(decide(asker, manager).status, 303);
    EXPECT_EQ(parsed(asker.get(api))["mine"]["state"], "waitlisted");
    // A place frees: it goes to whoever joined the waitlist first, not whoever asked first.
    auto holding = parsed(holder.get(api))["mine"]["id"].get<std::int64_t>();
    ASSERT_EQ(
        holder.post("/training/bookings/" + std::to_string(holding) + "/cancel", {{"reason", ""}})
            .status,
        303);
    EXPECT_EQ(parsed(queuer.get(api))["mine"]["state"], "booked");
    EXPECT_EQ(parsed(asker.get(api))["mine"]["state"], "waitlisted");

    // A manager cannot approve their own booking.
    manager.post(page_of(session) + "/book", {});
    EXPECT_EQ(decide(manager, manager).status, 403);
}

TEST(Training, CancellingCloseToTheDayOrTheWholeSession) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    auto soon = a_session(trainer, c.half_day, c.venue, 10, "2026-11-30");
    auto ada = server.signed_in_as(Role::Practitioner, "Riverside Team");
    ASSERT_EQ(ada.post(page_of(soon) + "/book", {}).status, 303);
    auto booking =
        parsed(ada.get("/api/v1/training/sessions/" + std::to_string(soon)))["mine"]["id"]
            .get<std::int64_t>();
    auto cancel = "/training/bookings/" + std::to_string(booking) + "/cancel";
    auto why = ada.post(cancel, {{"reason", ""}});
    EXPECT_EQ(why.status, 422);
    EXPECT_TRUE(has(why.body, "say why you are cancelling"));

    // The whole session is cancelled instead: everyone is told, with the calendar removed.
    EXPECT_EQ(trainer.post(page_of(soon) + "/cancel", {{"cancel_reason", ""}}).status, 422);
    ASSERT_EQ(trainer.post(page_of(soon) + "/cancel", {{"cancel_reason", "Venue flooded"}}).status,
              303);
    EXPECT_TRUE(has(ada.get(page_of(soon)).body, "This session is cancelled: Venue flooded"));
    EXPECT_TRUE(has(ada.get("/training").body, "Session cancelled"));
    auto mail = outbox(server);
    EXPECT_TRUE(std::any_of(mail.begin(), mail.end(), [](const auto& m) {
        return has(m.body, "has been cancelled: Venue flooded") && m.calendar_method == "CANCEL" &&
               has(m.calendar, "STATUS:CANCELLED");
    }));
    EXPECT_EQ(ada.post(page_of(soon) + "/book", {}).status, 409);

    // Once a session has started, nobody cancels it or their place: attendance is marked.
    auto started = trainer.send_json("POST", "/api/v1/training/sessions",
                                     json{{"course_id", c.half_day},
                                          {"first_day", "2026-11-26"},
                                          {"start", "00:00"},
                                          {"end", "23:59"},
                                          {"venue_id", c.venue},
                                          {"capacity", 10}}
                                         .dump());
    ASSERT_EQ(started.status, 201) << started.body;
    auto today = parsed(started)["id"].get<std::int64_t>();
    ASSERT_EQ(
        trainer
            .send_json("POST", "/api/v1/training/sessions/" + std::to_string(today) + "/bookings",
                       json{{"user_id", parsed(ada.get("/api/v1/me"))["id"]}}.dump())
            .status,
        201);
    EXPECT_EQ(trainer.post(page_of(today) + "/cancel", {{"cancel_reason", "Too late"}}).status,
              409);
    auto place = parsed(ada.get("/api/v1/training/sessions/" + std::to_string(today)))["mine"];
    ASSERT_FALSE(place.is_null());
    EXPECT_EQ(
        ada.post("/training/bookings/" + place["id"].dump() + "/cancel", {{"reason", "Forgot"}})
            .status,
        409);
}

TEST(Training, AttendanceMakesSomeoneTrainedInWhatTheCourseCovers) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    auto two_day = a_session(trainer, c.two_day, c.venue, 5, "2026-11-30", 2);
    auto ada_id = server.add_user("ada@example.org", Role::Practitioner, "Riverside Team");
    auto path = "/api/v1/training/sessions/" + std::to_string(two_day) + "/bookings";
    auto booked = parsed(trainer.send_json("POST", path, json{{"user_id", ada_id}}.dump()));
    auto attendance = "/training/bookings/" + booked["id"].dump() + "/attendance";
    EXPECT_EQ(trainer.post(attendance, {{"attendance", "attended"}}).status, 409);  // not yet
    EXPECT_FALSE(has(trainer.get("/training").body, "Register:"));
    server.clock().advance(std::chrono::days{4});
    trainer = server.signed_in_as(Role::TrainingAdministrator);
    // Once held, the training team's list says whose attendance is still to mark; others
    // are not asked.
    EXPECT_TRUE(has(trainer.get("/training").body, "Register: 1 to mark"));
    EXPECT_FALSE(has(server.signed_in_as(Role::Practitioner).get("/training").body, "Register:"));
    EXPECT_EQ(trainer.post(attendance, {{"attendance", "present"}}).status, 422);
    ASSERT_EQ(trainer.post(attendance, {{"attendance", "attended"}}).status, 303);
    EXPECT_FALSE(has(trainer.get("/training").body, "Register:"));
    auto ada = server.browser();
    ada.sign_in("ada@example.org", "correct horse battery staple");
    ada.get("/");
    auto half_day = a_session(trainer, c.half_day, c.venue, 5);
    EXPECT_TRUE(has(ada.get(page_of(half_day)).body, "You do not need this course"));
    EXPECT_EQ(server.audit_count("booking-attendance"), 1);

    // Someone who turns up on the day is added to the register, and the register and the
    // trained list go out as spreadsheets that run nothing.
    auto walk_in = trainer.send_json(
        "POST", path,
        R"({"name":"=cmd|' /C calc'!A0","organisation":"Police","email":"w@example.test"})");
    EXPECT_EQ(walk_in.status, 201) << walk_in.body;
    auto register_csv = trainer.get(page_of(two_day) + "/register.csv");
    ASSERT_EQ(register_csv.status, 200);
    EXPECT_TRUE(has(register_csv.body, "\"'=cmd|' /C calc'!A0\""));
    EXPECT_TRUE(has(register_csv.body, "Attended"));
    EXPECT_EQ(trainer.get(page_of(two_day) + "/register.xlsx").status, 200);
    auto sheet = trainer.get(page_of(two_day) + "/sign-in-sheet");
    EXPECT_TRUE(has(sheet.body, "Signature"));
    auto trained = trainer.get("/training/trained.csv");
    ASSERT_EQ(trained.status, 200);
    EXPECT_TRUE(
        has(trained.body, "\"Introduction to Signs of Safety\",\"Signs of Safety 2-day course\""));
    auto workforce = trainer.get("/training/workforce");
    EXPECT_TRUE(has(workforce.body, "Riverside Team"));
    EXPECT_TRUE(has(workforce.body, "1 (100%)"));
    EXPECT_GE(server.audit_count("export"), 2);
    EXPECT_EQ(ada.get("/training/workforce").status, 403);
    EXPECT_EQ(ada.get(page_of(two_day) + "/register.csv").status, 403);
    EXPECT_EQ(ada.get("/training/trained.csv").status, 403);
}

TEST(Training, BadSessionsAndWrongRolesChangeNothing) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    json good = {{"course_id", c.half_day}, {"first_day", "2027-04-24"}, {"start", "09:30"},
                 {"end", "13:00"},          {"venue_id", c.venue},       {"capacity", 30}};
    auto with = [&](const char* name, json value) {
        auto body = good;
        body[name] = value;
        return trainer.send_json("POST", "/api/v1/training/sessions", body.dump()).status;
    };
    EXPECT_EQ(with("capacity", 0), 422);
    EXPECT_EQ(with("capacity", -5), 422);
    EXPECT_EQ(with("capacity", "lots"), 422);
    EXPECT_EQ(with("first_day", "2026-01-01"), 422);  // in the past
    EXPECT_EQ(with("end", "09:00"), 422);
    EXPECT_EQ(with("venue_id", 999999), 422);
    EXPECT_EQ(with("course_id", 999999), 404);
    EXPECT_EQ(with("booking_deadline", "2027-05-01"), 422);  // after the session
    EXPECT_EQ(
        trainer
            .send_json("POST", "/api/v1/training/venues",
                       R"({"name":"<script>alert(1)</script>","address":"x","postcode":"NOPE"})")
            .status,
        422);
    EXPECT_EQ(trainer.send_json("POST", "/api/v1/training/courses", R"({"title":""})").status, 422);
    EXPECT_TRUE(parsed(trainer.get("/api/v1/training/sessions"))["sessions"].empty());

    auto session = a_session(trainer, c.half_day, c.venue, 2);
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get("/training/sessions/new").status, 403);
        EXPECT_EQ(someone.post(page_of(session) + "/capacity", {{"capacity", "50"}}).status, 403);
        EXPECT_EQ(someone.post(page_of(session) + "/cancel", {{"cancel_reason", "x"}}).status, 403);
        EXPECT_EQ(someone.send_json("POST", "/api/v1/training/courses", "{}").status, 403);
        EXPECT_EQ(
            someone
                .send_json("POST",
                           "/api/v1/training/sessions/" + std::to_string(session) + "/bookings",
                           R"({"name":"Pat","organisation":"Police","email":"p@example.test"})")
                .status,
            403);
        EXPECT_EQ(someone.get(page_of(session)).status, 200);
    }
    // Places never drop below those booked.
    ASSERT_EQ(
        trainer
            .send_json("POST", "/api/v1/training/sessions/" + std::to_string(session) + "/bookings",
                       R"({"name":"Pat Jones","organisation":"Police","email":"p@example.test"})")
            .status,
        201);
    auto fewer = trainer.post(page_of(session) + "/capacity", {{"capacity", "0"}});
    EXPECT_EQ(fewer.status, 422);
    EXPECT_TRUE(has(fewer.body, "from 1 to 500"));
    EXPECT_EQ(server.audit_count("session-capacity"), 0);
    EXPECT_NE(server.browser().get("/training").status, 200);
}

TEST(Training, ThePublicListNeedsNoSignIn) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    a_session(trainer, c.half_day, c.venue, 30);
    auto session = a_session(trainer, c.two_day, c.venue, 1, "2027-05-10");
    auto page = server.browser().get("/public/training");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Introduction to Signs of Safety"));
    EXPECT_TRUE(has(page.body, "30 of 30 places left"));
    EXPECT_TRUE(has(page.body, "Calvary Church, SK11 8RH"));
    EXPECT_TRUE(has(page.body, "1 of 1 places left"));
    // The page is kept between visits, and drawn again as soon as a place goes or comes back.
    EXPECT_EQ(server.browser().get("/public/training").body, page.body);
    auto ada = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto ben = server.signed_in_as(Role::Practitioner, "Riverside Team");
    ASSERT_EQ(ada.post(page_of(session) + "/book", {}).status, 303);
    EXPECT_TRUE(has(server.browser().get("/public/training").body, "Full: 0 waiting"));
    ASSERT_EQ(ben.post(page_of(session) + "/book", {}).status, 303);
    EXPECT_TRUE(has(server.browser().get("/public/training").body, "Full: 1 waiting"));
    auto bens =
        parsed(ben.get("/api/v1/training/sessions/" + std::to_string(session)))["mine"]["id"]
            .get<std::int64_t>();
    ASSERT_EQ(ben.post("/training/bookings/" + std::to_string(bens) + "/cancel", {}).status, 303);
    EXPECT_TRUE(has(server.browser().get("/public/training").body, "Full: 0 waiting"));
    // Signed in, the same page carries the person's own name, never a visitor's copy.
    auto signed_in = ada.get("/public/training");
    EXPECT_TRUE(has(signed_in.body, "Sign out"));
    EXPECT_FALSE(has(server.browser().get("/public/training").body, "Sign out"));
}

using Fields = std::vector<std::pair<std::string, std::string>>;

/// The value of an iCalendar property (the first line that starts with `name`), unfolded.
std::string ics_value(const std::string& ics, const std::string& name) {
    auto at = ics.find("\r\n" + name);
    if (at == std::string::npos) return "";
    auto colon = ics.find(':', at + 2);
    auto end = ics.find("\r\n", colon);
    return ics.substr(colon + 1, end - colon - 1);
}

/// The version a form carries in its hidden field.
std::string version_in(const std::string& page) {
    const std::string field = "name=\"version\" value=\"";
    auto at = page.find(field);
    if (at == std::string::npos) return "";
    at += field.size();
    return page.substr(at, page.find('"', at) - at);
}

Fields move_to(const std::string& day, const std::string& month, const std::string& year,
               std::int64_t venue, const std::string& start_hour = "9",
               const std::string& end_hour = "13", const std::string& version = "1") {
    return {{"version", version},   {"date-day", day},
            {"date-month", month},  {"date-year", year},
            {"days", "1"},          {"start-hour", start_hour},
            {"start-minute", "30"}, {"end-hour", end_hour},
            {"end-minute", "00"},   {"venue", std::to_string(venue)},
            {"deadline-day", ""},   {"deadline-month", ""},
            {"deadline-year", ""}};
}

TEST(Training, MovingASessionTellsEveryoneAndUpdatesTheirCalendars) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    // Friday 26 March 2027 is in winter time; the clocks go forward on Sunday 28 March.
    auto session = a_session(trainer, c.half_day, c.venue, 1, "2027-03-26");
    auto ada = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto ben = server.signed_in_as(Role::Practitioner, "Hillside Team");
    ASSERT_EQ(ada.post(page_of(session) + "/book", {}).status, 303);
    ASSERT_EQ(ben.post(page_of(session) + "/book", {}).status, 303);  // waitlisted
    auto first = outbox(server);
    auto booked = std::find_if(first.begin(), first.end(), [](const auto& m) {
        return m.subject == "Booked: Introduction to Signs of Safety";
    });
    ASSERT_NE(booked, first.end());
    auto uid = ics_value(booked->calendar, "UID");
    auto sequence = std::stoi(ics_value(booked->calendar, "SEQUENCE"));
    EXPECT_EQ(ics_value(booked->calendar, "DTSTART;TZID=Europe/London"), "20270326T093000");
    EXPECT_EQ(ics_value(booked->calendar, "ORGANIZER;CN=\"Signs of Safety training\""),
              "mailto:signs@localhost");

    // Only training administrators move sessions.
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto other = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(other.get(page_of(session) + "/move").status, 403);
        EXPECT_EQ(
            other.post(page_of(session) + "/move", move_to("29", "3", "2027", c.venue)).status,
            403);
    }
    // Bad moves change nothing.
    auto form = trainer.get(page_of(session) + "/move");
    ASSERT_EQ(form.status, 200);
    EXPECT_EQ(version_in(form.body), "1");
    // Today at 9:30 has passed (the test clock is 10:00 on 26 November 2026).
    auto passed = trainer.post(page_of(session) + "/move", move_to("26", "11", "2026", c.venue));
    EXPECT_EQ(passed.status, 422);
    EXPECT_TRUE(has(passed.body, "The new start time has passed"));
    EXPECT_TRUE(has(form.body, "value=\"26\""));  // filled in with the session as it is
    EXPECT_FALSE(has(form.body, "name=\"capacity\""));
    EXPECT_EQ(trainer.post(page_of(session) + "/move", move_to("1", "1", "2026", c.venue)).status,
              422);  // in the past
    EXPECT_EQ(
        trainer.post(page_of(session) + "/move", move_to("29", "3", "2027", c.venue, "14")).status,
        422);  // ends before it starts
    EXPECT_EQ(trainer.post(page_of(session) + "/move", move_to("29", "3", "2027", 999)).status,
              422);
    EXPECT_EQ(trainer.post(page_of(session) + "/move", move_to("31", "2", "2027", c.venue)).status,
              422);
    EXPECT_EQ(
        trainer.post(page_of(session) + "/move", move_to("<script>", "3", "' OR 1=1", c.venue))
            .status,
        422);
    EXPECT_EQ(outbox(server).size(), first.size());

    // Monday 29 March 2027, after the clocks went forward.
    auto moved = trainer.post(page_of(session) + "/move", move_to("29", "3", "2027", c.venue));
    // A second move from the same form would undo the first without seeing it.
    auto again = trainer.post(page_of(session) + "/move", move_to("30", "3", "2027", c.venue));
    EXPECT_EQ(again.status, 409);
    ASSERT_EQ(moved.status, 303) << moved.body.substr(0, 3000);
    EXPECT_EQ(moved.header("location"), page_of(session) + "?done=moved");
    EXPECT_EQ(server.audit_count("session-move"), 1);
    auto mail = outbox(server);
    std::vector<store::OutboxMessage> told;
    for (const auto& m : mail)
        if (m.subject == "Moved: Introduction to Signs of Safety") told.push_back(m);
    ASSERT_EQ(told.size(), 2u);
    for (const auto& m : told) {
        EXPECT_TRUE(has(m.body, "29 March 2027")) << m.body;
        if (!m.calendar.empty()) {
            // Ada's place: the same entry in her calendar, moved.
            EXPECT_EQ(ics_value(m.calendar, "UID"), uid);
            EXPECT_GT(std::stoi(ics_value(m.calendar, "SEQUENCE")), sequence);
            EXPECT_EQ(ics_value(m.calendar, "DTSTART;TZID=Europe/London"), "20270329T093000");
            EXPECT_EQ(m.calendar_method, "REQUEST");
        } else {
            EXPECT_TRUE(has(m.body, "waiting list")) << m.body;
        }
    }
    EXPECT_EQ(
        std::count_if(told.begin(), told.end(), [](const auto& m) { return !m.calendar.empty(); }),
        1);
    auto mine = parsed(ada.get("/api/v1/training/sessions/" + std::to_string(session)));
    auto ics = ada.get("/training/bookings/" +
                       std::to_string(mine["mine"]["id"].get<std::int64_t>()) + "/invitation.ics");
    EXPECT_EQ(ics_value(ics.body, "UID"), uid);
    EXPECT_EQ(ics_value(ics.body, "DTSTART;TZID=Europe/London"), "20270329T093000");

    // Once it has started, or once cancelled, a session stays where it is.
    server.clock().advance(*core::from_storage("2027-03-29T08:45:00.000000Z") -
                           server.clock().now());
    trainer = server.signed_in_as(Role::TrainingAdministrator);
    EXPECT_EQ(trainer.post(page_of(session) + "/move", move_to("30", "3", "2027", c.venue)).status,
              409);
}

TEST(Training, CoursesAreChangedWithoutLoopsOrLostEdits) {
    TestServer server;
    auto trainer = server.signed_in_as(Role::TrainingAdministrator);
    auto c = a_catalogue(trainer);
    const auto half = "/training/courses/" + std::to_string(c.half_day);
    auto fields = [&](const std::string& title, const std::string& version,
                      std::vector<std::int64_t> satisfies) {
        Fields out{
            {"title", title},         {"summary", "Half a day"}, {"covers", "The four questions"},
            {"audience", "Everyone"}, {"length", "Half day"},    {"version", version}};
        for (auto id : satisfies) out.emplace_back("satisfies", std::to_string(id));
        return out;
    };
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto other = server.signed_in_as(role);
        EXPECT_EQ(other.get(half + "/edit").status, 403);
        EXPECT_EQ(other.post(half, fields("Mine now", "1", {})).status, 403);
    }
    auto form = trainer.get(half + "/edit");
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form.body, "value=\"Introduction to Signs of Safety\""));
    EXPECT_FALSE(has(form.body, "value=\"" + std::to_string(c.half_day) + "\" name=\"satisfies\""));
    // The 2-day course covers the introduction, so the introduction cannot cover it.
    auto loop = trainer.post(half, fields("Introduction", "1", {c.two_day}));
    EXPECT_EQ(loop.status, 422);
    EXPECT_TRUE(has(loop.body, "A course cannot cover a course that already covers it"));
    auto itself = trainer.post(half, fields("Introduction", "1", {c.half_day}));
    EXPECT_EQ(itself.status, 422);
    EXPECT_TRUE(has(itself.body, "Choose only other courses from the list"));
    EXPECT_EQ(trainer.post(half, fields("", "1", {})).status, 422);
    EXPECT_EQ(trainer.post(half, fields("x", "", {})).status, 400);
    EXPECT_EQ(trainer.post("/training/courses/99999", fields("x", "1", {})).status, 404);

    auto saved = trainer.post(half, fields("Introduction to Signs of Safety (half day)", "1", {}));
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    EXPECT_EQ(saved.header("location"), "/training?done=course-changed");
    EXPECT_TRUE(has(trainer.get("/training?done=course-changed").body,
                    "Introduction to Signs of Safety (half day)"));
    EXPECT_EQ(server.audit_count("course-change"), 1);
    auto stale = trainer.post(half, fields("Someone else's title", "1", {}));
    EXPECT_EQ(stale.status, 409);
    EXPECT_TRUE(has(stale.body, "Someone else changed this course"));
}

}  // namespace
}  // namespace signs::testing
