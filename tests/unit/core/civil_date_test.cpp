#include "core/civil_date.hpp"

#include <gtest/gtest.h>

namespace signs::core {
namespace {

TEST(CivilDate, ParsesRealIsoDatesOnly) {
    struct Case {
        const char* text;
        bool ok;
    };
    const Case cases[] = {
        {"2019-03-02", true},   {"2024-02-29", true},  {"2023-02-29", false}, {"2019-13-01", false},
        {"2019-00-10", false},  {"2019-3-2", false},   {"19-03-02", false},   {"", false},
        {"2019-03-02x", false}, {"abcd-ef-gh", false}, {"2019/03/02", false}, {"2019-04-31", false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(CivilDate::parse_iso(c.text).has_value(), c.ok) << "input: '" << c.text << "'";
    }
}

TEST(CivilDate, RoundTripsThroughIso) {
    auto date = CivilDate::parse_iso("2019-03-02");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->iso(), "2019-03-02");
    EXPECT_EQ(date->long_text(), "2 March 2019");
}

TEST(CivilDate, BuildsFromTheThreeBoxesOfADateInput) {
    EXPECT_EQ(CivilDate::from_parts(" 2", "3", "2019")->iso(), "2019-03-02");
    EXPECT_FALSE(CivilDate::from_parts("31", "4", "2019"));
    EXPECT_FALSE(CivilDate::from_parts("1", "1", "19"));
    EXPECT_FALSE(CivilDate::from_parts("", "1", "2019"));
    EXPECT_FALSE(CivilDate::from_parts("1", "one", "2019"));
}

TEST(CivilDate, AddsDaysAcrossMonthAndYearEnds) {
    EXPECT_EQ(CivilDate::parse_iso("2023-12-31")->plus_days(1).iso(), "2024-01-01");
    EXPECT_EQ(CivilDate::parse_iso("2024-03-01")->plus_days(-1).iso(), "2024-02-29");
    EXPECT_LT(*CivilDate::parse_iso("2024-03-01"), *CivilDate::parse_iso("2024-03-02"));
}

TEST(CivilDate, PartsFillTheThreeBoxesWithoutLeadingZeros) {
    auto parts = CivilDate::parse_iso("2019-03-02")->parts();
    EXPECT_EQ(parts.day, "2");
    EXPECT_EQ(parts.month, "3");
    EXPECT_EQ(parts.year, "2019");
    auto back = CivilDate::from_parts(parts.day, parts.month, parts.year);
    EXPECT_EQ(back->iso(), "2019-03-02");
}

}  // namespace
}  // namespace signs::core
