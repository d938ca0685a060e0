#include "domain/timescales/deadline_rules.hpp"

#include "domain/timescales/visit_frequency.hpp"

#include <gtest/gtest.h>

#include <set>

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }

std::string due(const char* rule, const char* start) {
    // The 2026 bank holidays, and one local closure, are enough for these dates.
    static const WorkingCalendar calendar{{{day("2026-04-03"), "Good Friday"},
                                           {day("2026-04-06"), "Easter Monday"},
                                           {day("2026-05-04"), "Early May bank holiday"},
                                           {day("2026-12-25"), "Christmas Day"},
                                           {day("2026-12-28"), "Boxing Day (substitute day)"}},
                                          {{day("2026-12-24"), "Council closed"}}};
    return deadline_for(*find_deadline_rule(rule), day(start), calendar).iso();
}

TEST(DeadlineRules, EveryRuleIsNamedOnceAndSaysWhereItComesFrom) {
    std::set<std::string_view> codes;
    for (const auto& rule : deadline_rules()) {
        EXPECT_TRUE(codes.insert(rule.code).second) << rule.code;
        EXPECT_FALSE(rule.name.empty());
        EXPECT_FALSE(rule.source.empty()) << rule.code;
        // Only the visit rule's amount is left to each level's local frequency.
        EXPECT_EQ(rule.amount > 0, rule.code != kVisitRuleCode) << rule.code;
    }
    EXPECT_EQ(find_deadline_rule("nonsense"), nullptr);
    EXPECT_EQ(rule_text(*find_deadline_rule("assessment")), "45 working days after the referral");
    EXPECT_EQ(rule_text(*find_deadline_rule("contact-decision")),
              "1 working day after the contact coming in");
    EXPECT_EQ(rule_text(*find_deadline_rule("review-conference")),
              "6 months after the previous review conference");
}

TEST(DeadlineRules, WeeksAreWholeCalendarWeeks) {
    auto rule = visit_rule({ServiceLevel::CaredFor, 6, DeadlineUnit::Weeks});
    WorkingCalendar calendar({});
    // Six weeks from Thursday 26 November 2026 is Thursday 7 January 2027, holidays or not.
    EXPECT_EQ(deadline_for(rule, day("2026-11-26"), calendar).iso(), "2027-01-07");
    EXPECT_EQ(rule_text(rule),
              "6 weeks after the child's last visit, or their start at this level");
    EXPECT_EQ(rule_text(visit_rule({ServiceLevel::EarlyHelp, 1, DeadlineUnit::Months})),
              "1 month after the child's last visit, or their start at this level");
    for (auto unit : {DeadlineUnit::WorkingDays, DeadlineUnit::Weeks, DeadlineUnit::Months})
        EXPECT_EQ(parse_unit(unit_code(unit)), unit);
    EXPECT_EQ(parse_unit("fortnights"), std::nullopt);
    EXPECT_EQ(parse_unit(""), std::nullopt);
}

TEST(DeadlineRules, WorkingDaysCountFromTheDayAfterTheEvent) {
    // Thursday 26 November 2026 is day 0. The closure, Christmas, the substitute Boxing Day
    // and New Year's Day 2027 (from the rules, as 2027 is not listed) are not counted.
    EXPECT_EQ(due("assessment", "2026-11-26"), "2027-02-03");
    // A strategy discussion on Wednesday 1 April 2026: Good Friday and Easter Monday pass.
    EXPECT_EQ(due("initial-conference", "2026-04-01"), "2026-04-24");
    // Starting on a Saturday still counts that day as day 0.
    EXPECT_EQ(due("first-core-group", "2026-04-25"), "2026-05-11");  // past the May holiday
    // The front door on 23 December: the council's closure and Christmas are skipped.
    EXPECT_EQ(due("contact-decision", "2026-12-23"), "2026-12-29");
    EXPECT_EQ(due("first-cared-for-review", "2026-11-26"), "2026-12-29");
}

TEST(DeadlineRules, MonthsLandOnTheSameDayOrTheMonthsLastDay) {
    EXPECT_EQ(due("first-review-conference", "2026-01-15"), "2026-04-15");
    EXPECT_EQ(due("first-review-conference", "2026-11-30"), "2027-02-28");
    EXPECT_EQ(due("first-review-conference", "2027-11-30"), "2028-02-29");  // a leap year
    EXPECT_EQ(due("second-cared-for-review", "2026-05-31"), "2026-08-31");
    EXPECT_EQ(due("review-conference", "2026-08-31"), "2027-02-28");
    EXPECT_EQ(due("cared-for-review", "2026-12-31"), "2027-06-30");
    // Months are calendar months: a deadline may fall on a weekend or holiday.
    EXPECT_EQ(due("review-conference", "2026-06-25"), "2026-12-25");
}

}  // namespace
}  // namespace signs::domain

namespace signs::domain {
namespace {

TEST(ClosureDays, AClosureDayMustBeAWorkingDayWithAReason) {
    WorkingCalendar calendar{{{*core::CivilDate::parse_iso("2026-12-25"), "Christmas Day"}}};
    auto good = check_closure({"24", "12", "2026", "  Council closed  "}, calendar);
    ASSERT_TRUE(good);
    EXPECT_EQ(good->date.iso(), "2026-12-24");
    EXPECT_EQ(good->name, "Council closed");
    auto field_of = [&](const ClosureForm& form) {
        auto checked = check_closure(form, calendar);
        return checked ? std::string{} : checked.error().fields.front().field;
    };
    EXPECT_EQ(field_of({"25", "12", "2026", "Closed"}), "date-day");  // already a bank holiday
    EXPECT_EQ(field_of({"26", "12", "2026", "Closed"}), "date-day");  // a Saturday
    EXPECT_EQ(field_of({"31", "11", "2026", "Closed"}), "date-day");  // no such day
    EXPECT_EQ(field_of({"", "", "", "Closed"}), "date-day");
    EXPECT_EQ(field_of({"24", "12", "2026", ""}), "reason");
    EXPECT_EQ(field_of({"24", "12", "2026", std::string(101, 'r')}), "reason");
    auto message =
        check_closure({"25", "12", "2026", "x"}, calendar).error().fields.front().message;
    EXPECT_NE(message.find("Christmas Day"), std::string::npos);
}

}  // namespace
}  // namespace signs::domain
