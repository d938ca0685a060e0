// Sessions: their checks, when they take bookings, and how many the waitlist fills.
#include "domain/training/session.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }
const auto kToday = day("2026-11-26");

SessionForm a_session() {
    return {"24", "4", "2027", "", "9", "30", "13", "00", "1", "30", "", "", ""};
}

std::string first_field(const core::Result<SessionTimes>& r) {
    return r ? "" : r.error().fields.at(0).field;
}

TEST(Sessions, AMorningHalfDayWithThirtyPlaces) {
    auto ok = check_session(a_session(), kToday);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->first_day, day("2027-04-24"));
    EXPECT_EQ(ok->days, 1);
    EXPECT_EQ(ok->start_minutes, 570);
    EXPECT_EQ(ok->end_minutes, 780);
    EXPECT_EQ(ok->capacity, 30);
    EXPECT_FALSE(ok->booking_deadline);
    auto two_days = a_session();
    two_days.days = "2";
    two_days.deadline_day = "17";
    two_days.deadline_month = "4";
    two_days.deadline_year = "2027";
    ok = check_session(two_days, kToday);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->days, 2);
    EXPECT_EQ(ok->booking_deadline, day("2027-04-17"));
}

TEST(Sessions, BadSessionsAreRefusedFieldByField) {
    auto with = [](auto change) {
        auto form = a_session();
        change(form);
        return first_field(check_session(form, kToday));
    };
    EXPECT_EQ(with([](auto& f) { f.year = "2025"; }), "date-day");  // in the past
    EXPECT_EQ(with([](auto& f) {
                  f.day = "31";
                  f.month = "2";
              }),
              "date-day");
    EXPECT_EQ(with([](auto& f) { f.year = "2030"; }), "date-day");  // too far ahead
    EXPECT_EQ(with([](auto& f) { f.days = "6"; }), "days");
    EXPECT_EQ(with([](auto& f) { f.days = "0"; }), "days");
    EXPECT_EQ(with([](auto& f) {
                  f.end_hour = "9";
                  f.end_minute = "00";
              }),
              "end-hour");
    EXPECT_EQ(with([](auto& f) {
                  f.end_hour = "9";
                  f.end_minute = "30";
              }),
              "end-hour");
    EXPECT_EQ(with([](auto& f) { f.start_hour = "24"; }), "start-hour");
    EXPECT_EQ(with([](auto& f) { f.capacity = "0"; }), "capacity");
    EXPECT_EQ(with([](auto& f) { f.capacity = "-5"; }), "capacity");
    EXPECT_EQ(with([](auto& f) { f.capacity = "501"; }), "capacity");
    EXPECT_EQ(with([](auto& f) { f.capacity = "twenty"; }), "capacity");
    EXPECT_EQ(with([](auto& f) { f.capacity = ""; }), "capacity");
    EXPECT_EQ(with([](auto& f) {
                  f.deadline_day = "25";
                  f.deadline_month = "4";
                  f.deadline_year = "2027";
              }),
              "deadline-day");  // after the session
    EXPECT_EQ(with([](auto& f) {
                  f.deadline_day = "1";
                  f.deadline_month = "1";
                  f.deadline_year = "2026";
              }),
              "deadline-day");  // already passed
    EXPECT_EQ(with([](auto& f) { f.deadline_day = "x"; }), "deadline-day");
}

TEST(Sessions, CapacityCannotDropBelowThoseBooked) {
    EXPECT_EQ(check_capacity("25", 20), 25);
    EXPECT_EQ(check_capacity("20", 20), 20);
    EXPECT_FALSE(check_capacity("19", 20));
    EXPECT_FALSE(check_capacity("0", 0));
}

TEST(Sessions, TakeBookingsUntilTheDeadlineOrTheStart) {
    TrainingSession s{*check_session(a_session(), kToday), false, false, 0};
    s.times.booking_deadline = day("2027-04-17");
    EXPECT_TRUE(taking_bookings(s, kToday, 600));
    EXPECT_TRUE(taking_bookings(s, day("2027-04-17"), 1439));
    EXPECT_FALSE(taking_bookings(s, day("2027-04-18"), 0));
    s.times.booking_deadline.reset();
    EXPECT_TRUE(taking_bookings(s, day("2027-04-24"), 569));
    EXPECT_FALSE(taking_bookings(s, day("2027-04-24"), 570));  // it has started
    EXPECT_FALSE(taking_bookings(s, day("2027-04-25"), 0));
    s.closed = true;
    EXPECT_FALSE(taking_bookings(s, kToday, 0));
    EXPECT_EQ(session_status(s, kToday, 0), SessionStatus::Closed);
    s.closed = false;
    s.cancelled = true;
    EXPECT_EQ(session_status(s, kToday, 0), SessionStatus::Cancelled);
}

TEST(Sessions, TheWaitlistFillsExactlyThePlacesFree) {
    TrainingSession s{*check_session(a_session(), kToday), false, false, 28};  // 30 places
    EXPECT_EQ(session_status(s, kToday, 0), SessionStatus::Open);
    EXPECT_EQ(places_to_fill(s, 5, kToday, 0), 2);
    EXPECT_EQ(places_to_fill(s, 1, kToday, 0), 1);
    EXPECT_EQ(places_to_fill(s, 0, kToday, 0), 0);
    s.holding = 30;
    EXPECT_EQ(session_status(s, kToday, 0), SessionStatus::Full);
    EXPECT_EQ(places_to_fill(s, 5, kToday, 0), 0);
    s.holding = 10;
    s.times.capacity = 40;  // a rise in capacity
    EXPECT_EQ(places_to_fill(s, 50, kToday, 0), 30);
    EXPECT_EQ(places_to_fill(s, 50, day("2027-04-24"), 600), 0);  // started: nobody moves up
}

TEST(Sessions, CancellingCloseToTheDayAsksForAReason) {
    auto times = *check_session(a_session(), kToday);
    EXPECT_FALSE(late_cancellation(times, kToday));
    EXPECT_FALSE(late_cancellation(times, day("2027-04-18")));
    EXPECT_TRUE(late_cancellation(times, day("2027-04-19")));
}

TEST(Venues, NeedANameAnAddressAndARealPostcode) {
    auto ok = check_venue({"Calvary Church", "Macclesfield", "sk11 8rh", "Step-free entrance"});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->postcode, "SK11 8RH");
    EXPECT_FALSE(check_venue({"Calvary Church", "Macclesfield", "NOT A CODE", ""}));
    EXPECT_FALSE(check_venue({"", "", "", ""}));
    EXPECT_FALSE(check_venue({"x", "y", "SK11 8RH", std::string(1001, 'a')}));
}

}  // namespace
}  // namespace signs::domain
