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

std::vector<Found> found(const std::vector<CaseEvent>& events,
                         std::span<const VisitFrequency> visits = {}) {
    WorkingCalendar calendar({});  // England's rules, no local closures
    std::vector<Found> out;
    for (const auto& d : outstanding_deadlines(events, calendar, visits)) {
        out.push_back({std::string{d.rule.code}, d.due.iso(), d.booked ? d.booked->iso() : ""});
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

CaseEvent at_level(std::int64_t child, const char* level, const char* from) {
    return {"at-level", day(from), false, false, child, level};
}

CaseEvent visit(std::int64_t child, const char* on) {
    return {"visit", day(on), false, false, child, ""};
}

TEST(CaseDeadlines, EachChildIsDueAVisitAtTheirLevelsFrequency) {
    auto visits = visit_frequencies_with({});
    // A child protection plan from Thursday 26 November: 10 working days, Christmas skipped.
    EXPECT_EQ(found({at_level(1, "child-protection", "2026-12-10")}, visits),
              (std::vector<Found>{{"visit", "2026-12-24", ""}}));
    // Counted from the last visit when it came after the child reached the level...
    EXPECT_EQ(
        found({at_level(1, "child-protection", "2026-12-10"), visit(1, "2026-12-17")}, visits),
        (std::vector<Found>{{"visit", "2027-01-05", ""}}));
    // ...but a visit before the level changed does not carry over.
    EXPECT_EQ(
        found({at_level(1, "child-protection", "2026-12-10"), visit(1, "2026-12-01")}, visits),
        (std::vector<Found>{{"visit", "2026-12-24", ""}}));
    // Another child's visit does not count for this one.
    EXPECT_EQ(
        found({at_level(1, "child-protection", "2026-12-10"), visit(2, "2026-12-17")}, visits),
        (std::vector<Found>{{"visit", "2026-12-24", ""}}));
    // Without frequencies (or with none for the level) no visit is counted.
    EXPECT_TRUE(found({at_level(1, "child-protection", "2026-12-10")}).empty());
}

TEST(CaseDeadlines, TheCaseShowsTheChildWhoseVisitFallsDueFirst) {
    auto visits = visit_frequencies_with({});
    auto events = std::vector<CaseEvent>{at_level(1, "child-in-need", "2026-11-02"),
                                         at_level(2, "child-protection", "2026-11-26")};
    // Child 1 is due 4 weeks from 2 November (30 November), before child 2's 10 working days.
    EXPECT_EQ(found(events, visits), (std::vector<Found>{{"visit", "2026-11-30", ""}}));
    events.push_back(visit(1, "2026-11-27"));
    EXPECT_EQ(found(events, visits), (std::vector<Found>{{"visit", "2026-12-10", ""}}));
}

TEST(CaseDeadlines, ALevelWhoseVisitsAreNotCountedHasNone) {
    std::vector<VisitFrequency> local = {{ServiceLevel::EarlyHelp, 0, DeadlineUnit::Weeks}};
    auto visits = visit_frequencies_with(local);
    EXPECT_TRUE(found({at_level(1, "early-help", "2026-11-26")}, visits).empty());
    // An unknown level code (from an older record) is skipped rather than guessed.
    EXPECT_TRUE(found({at_level(1, "somewhere", "2026-11-26")}, visits).empty());
    // Visits sit with the other deadlines, soonest first.
    local = {{ServiceLevel::CaredFor, 1, DeadlineUnit::Weeks}};
    EXPECT_EQ(
        found({{"cared-for-start", day("2026-12-01")}, at_level(1, "cared-for", "2026-12-01")},
              visit_frequencies_with(local)),
        (std::vector<Found>{{"visit", "2026-12-08", ""},
                            {"first-cared-for-review", "2026-12-31", ""}}));
}

TEST(CaseDeadlines, PreProceedingsRunFromTheDecisionToBegin) {
    // Begun on Monday 2 November 2026: the letter within 5 working days, the decision within
    // 16 weeks.
    std::vector<CaseEvent> events{{"pre-proceedings-start", day("2026-11-02")}};
    EXPECT_EQ(found(events), (std::vector<Found>{{"letter-before-proceedings", "2026-11-09", ""},
                                                 {"pre-proceedings-decision", "2027-02-22", ""}}));
    // The letter sent, offering a meeting the family accepted: the initial meeting and the
    // family group decision-making meeting within 10 working days of it.
    events.push_back({"letter-before-proceedings", day("2026-11-04")});
    events.push_back({"family-meeting-accepted", day("2026-11-04")});
    events.push_back({"pre-proceedings", day("2026-11-16"), true});  // arranged
    EXPECT_EQ(found(events),
              (std::vector<Found>{{"initial-pre-proceedings-meeting", "2026-11-18", "2026-11-16"},
                                  {"family-group-meeting", "2026-11-18", ""},
                                  {"pre-proceedings-decision", "2027-02-22", ""}}));
    events.push_back({"pre-proceedings", day("2026-11-16")});
    events.push_back({"family-group-decision", day("2026-11-12")});
    EXPECT_EQ(found(events), (std::vector<Found>{{"pre-proceedings-decision", "2027-02-22", ""}}));
    // The decision stops every clock; new pre-proceedings start them again.
    events.push_back({"pre-proceedings-decided", day("2027-01-20")});
    EXPECT_TRUE(found(events).empty());
    events.push_back({"pre-proceedings-start", day("2027-03-01")});
    EXPECT_EQ(found(events).size(), 2u);
}

}  // namespace
}  // namespace signs::domain
