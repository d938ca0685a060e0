#include "domain/timescales/working_days.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }

std::vector<Holiday> data_file() {
    std::ifstream in(std::string{SIGNS_DATA_DIR} + "/bank-holidays-england.csv");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_holidays(text.str());
    EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message);
    return parsed ? *parsed : std::vector<Holiday>{};
}

TEST(BankHolidays, EasterFallsWhereTheChurchCalendarPutsIt) {
    EXPECT_EQ(easter_sunday(2018).iso(), "2018-04-01");
    EXPECT_EQ(easter_sunday(2024).iso(), "2024-03-31");
    EXPECT_EQ(easter_sunday(2026).iso(), "2026-04-05");
    EXPECT_EQ(easter_sunday(2038).iso(), "2038-04-25");  // the latest possible
    EXPECT_EQ(easter_sunday(2285).iso(), "2285-03-22");  // the earliest possible
}

TEST(BankHolidays, TheDataFileCoversEveryYearFrom2018To2030) {
    std::map<int, int> per_year;
    for (const auto& h : data_file()) ++per_year[static_cast<int>(h.date.ymd().year())];
    for (int year = 2018; year <= 2030; ++year) EXPECT_GE(per_year[year], 8) << year;
    EXPECT_EQ(per_year[2022], 10);  // the Platinum Jubilee and the State Funeral
    EXPECT_EQ(per_year[2023], 9);   // the Coronation
}

TEST(BankHolidays, TheRulesAgreeWithTheDataFileInOrdinaryYears) {
    std::map<int, std::vector<std::string>> listed;
    for (const auto& h : data_file())
        listed[static_cast<int>(h.date.ymd().year())].push_back(h.date.iso());
    for (int year : {2018, 2019, 2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030}) {
        std::vector<std::string> generated;
        for (const auto& h : rule_holidays(year)) generated.push_back(h.date.iso());
        EXPECT_EQ(generated, listed[year]) << year;
    }
}

TEST(BankHolidays, WeekendHolidaysMoveToTheNextWorkingDays) {
    auto names = [](int year) {
        std::map<std::string, std::string> out;
        for (const auto& h : rule_holidays(year)) out[h.date.iso()] = h.name;
        return out;
    };
    EXPECT_EQ(names(2033)["2033-01-03"], "New Year's Day (substitute day)");  // a Saturday
    EXPECT_EQ(names(2034)["2034-12-26"], "Boxing Day");                       // 25th a Monday
    EXPECT_EQ(names(2039)["2039-12-27"], "Christmas Day (substitute day)");   // 25th a Sunday
}

TEST(BankHolidays, ABadLineIsNamed) {
    auto bad = parse_holidays("# comment\n\n2026-01-01,New Year's Day\n2026-02-30,Nonsense\n");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "Line 4 of the holiday list is not \"YYYY-MM-DD,name\"");
    EXPECT_FALSE(parse_holidays("2026-01-01"));
    EXPECT_FALSE(parse_holidays("2026-01-01,  "));
}

TEST(WorkingDays, WeekendsHolidaysAndClosuresAreSkipped) {
    WorkingCalendar calendar(data_file(), {{day("2026-12-29"), "Council closed"}});
    EXPECT_TRUE(calendar.is_working_day(day("2026-11-26")));
    EXPECT_FALSE(calendar.is_working_day(day("2026-11-28")));  // a Saturday
    EXPECT_FALSE(calendar.is_working_day(day("2026-04-03")));
    EXPECT_EQ(calendar.closed_for(day("2026-04-03")), "Good Friday");
    EXPECT_EQ(calendar.closed_for(day("2026-12-29")), "Council closed");
    EXPECT_FALSE(calendar.closed_for(day("2026-11-26")));
    EXPECT_FALSE(calendar.is_working_day(day("2022-09-19")));  // one-off, from the file
    EXPECT_FALSE(calendar.is_working_day(day("2040-12-25")));  // from the rules
}

TEST(WorkingDays, TheStartIsDayZeroAndTheNthWorkingDayAfterItIsTheDeadline) {
    WorkingCalendar calendar(data_file());
    EXPECT_EQ(calendar.add_working_days(day("2026-11-26"), 0).iso(), "2026-11-26");
    EXPECT_EQ(calendar.add_working_days(day("2026-11-26"), 1).iso(), "2026-11-27");
    EXPECT_EQ(calendar.add_working_days(day("2026-11-27"), 1).iso(), "2026-11-30");  // Friday
    EXPECT_EQ(calendar.add_working_days(day("2026-11-28"), 1).iso(), "2026-11-30");  // Saturday
    EXPECT_EQ(calendar.add_working_days(day("2026-04-02"), 1).iso(), "2026-04-07");  // Easter
    EXPECT_EQ(calendar.add_working_days(day("2026-12-24"), 1).iso(), "2026-12-29");
    EXPECT_EQ(calendar.add_working_days(day("2026-11-02"), 45).iso(), "2027-01-07");
    EXPECT_EQ(calendar.working_days_between(day("2026-11-02"), day("2027-01-07")), 45);
    EXPECT_EQ(calendar.working_days_between(day("2027-01-07"), day("2026-11-02")), -45);
    EXPECT_EQ(calendar.working_days_between(day("2026-11-28"), day("2026-11-29")), 0);
}

}  // namespace
}  // namespace signs::domain
