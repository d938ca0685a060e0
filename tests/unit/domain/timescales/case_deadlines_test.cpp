// Which deadlines a case has outstanding, from what has happened in it.
#include "domain/timescales/case_deadlines.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }

struct Found {
    std::string rule;
    std::string due;
    std::string booked;
    bool operator==(const Found&) const = default;
};

std::vector<Found> found(const std::vector<CaseEvent>& events) {
    WorkingCalendar calendar({});  // England's rules, no local closures
    std::vector<Found> out;
    for (const auto& d : outstanding_deadlines(events, calendar)) {
        out.push_back({std::string{d.rule->code}, d.due.iso(), d.booked ? d.booked->iso() : ""});
    }
    return out;
}

TEST(CaseDeadlines, AReferralWaitsForItsAssessment) {
    EXPECT_TRUE(found({}).empty());
    EXPECT_EQ(found({{"referral", day("2026-11-26")}}),
              (std::vector<Found>{{"assessment", "2027-02-02", ""}}));  // Christmas skipped
    EXPECT_TRUE(
        found({{"referral", day("2026-11-26")}, {"assessment-done", day("2026-12-10")}}).empty());
    // A new referral after the assessment starts a new clock.
    EXPECT_EQ(found({{"referral", day("2026-11-26")},
                     {"assessment-done", day("2026-12-10")},
                     {"referral", day("2027-03-01")}})
                  .size(),
              1u);
}

TEST(CaseDeadlines, AStrategyDiscussionStartsTheConferenceClock) {
    auto events = std::vector<CaseEvent>{{"strategy-discussion", day("2026-11-26")}};
    EXPECT_EQ(found(events), (std::vector<Found>{{"initial-conference", "2026-12-17", ""}}));
    events.push_back({"initial-conference", day("2026-12-15"), true});
    EXPECT_EQ(found(events),
              (std::vector<Found>{{"initial-conference", "2026-12-17", "2026-12-15"}}));
    events.back().booked = false;
    EXPECT_EQ(found(events), (std::vector<Found>{{"first-core-group", "2026-12-31", ""},
                                                 {"first-review-conference", "2027-03-15", ""}}));
}

TEST(CaseDeadlines, AConferenceWithNoPlanStartsNoMoreClocks) {
    EXPECT_TRUE(found({{"strategy-discussion", day("2026-11-26")},
                       {"initial-conference", day("2026-12-15"), false, true}})
                    .empty());
}

TEST(CaseDeadlines, ReviewConferencesFollowEverySixMonths) {
    auto events = std::vector<CaseEvent>{{"initial-conference", day("2026-08-31")},
                                         {"core-group", day("2026-09-10")},
                                         {"review-conference", day("2026-11-30")}};
    EXPECT_EQ(found(events), (std::vector<Found>{{"review-conference", "2027-05-30", ""}}));
    events.push_back({"review-conference", day("2027-05-28"), false, true});  // plan ended
    EXPECT_TRUE(found(events).empty());
}

TEST(CaseDeadlines, CaredForReviewsAt20WorkingDaysThenThreeThenSixMonths) {
    auto events = std::vector<CaseEvent>{{"cared-for-start", day("2026-12-01")}};
    EXPECT_EQ(found(events), (std::vector<Found>{{"first-cared-for-review", "2026-12-31", ""}}));
    events.push_back({"cared-for-review", day("2026-12-30")});
    EXPECT_EQ(found(events), (std::vector<Found>{{"second-cared-for-review", "2027-03-30", ""}}));
    events.push_back({"cared-for-review", day("2027-03-29")});
    EXPECT_EQ(found(events), (std::vector<Found>{{"cared-for-review", "2027-09-29", ""}}));
    // Becoming cared for again starts again.
    events.push_back({"cared-for-start", day("2027-06-01")});
    EXPECT_EQ(found(events), (std::vector<Found>{{"first-cared-for-review", "2027-06-29", ""}}));
}

}  // namespace
}  // namespace signs::domain
