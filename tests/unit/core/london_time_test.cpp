#include "core/london_time.hpp"

#include <gtest/gtest.h>

namespace signs::core {
namespace {

Instant utc(const char* text) { return *from_storage(text); }

TEST(LondonTime, ShowsWinterTimesAsGmt) {
    EXPECT_EQ(london_text(utc("2026-01-15T09:05:00.000000Z")), "15 January 2026 at 9:05am");
}

TEST(LondonTime, ShowsSummerTimesAsBst) {
    EXPECT_EQ(london_text(utc("2026-07-01T12:30:00.000000Z")), "1 July 2026 at 1:30pm");
    EXPECT_EQ(london_text(utc("2026-07-01T23:30:00.000000Z")), "2 July 2026 at 12:30am");
}

TEST(LondonTime, DateFollowsLondonNotUtc) {
    EXPECT_EQ(london_date(utc("2026-06-30T23:30:00.000000Z")).iso(), "2026-07-01");
    EXPECT_EQ(london_date(utc("2026-12-31T23:30:00.000000Z")).iso(), "2026-12-31");
}

TEST(LondonTime, ClockTimeFollowsLondon) {
    auto summer = london_clock(utc("2026-07-01T23:30:00.000000Z"));
    EXPECT_EQ(summer.hour, 0);
    EXPECT_EQ(summer.minute, 30);
    auto winter = london_clock(utc("2026-11-26T14:05:59.000000Z"));
    EXPECT_EQ(winter.hour, 14);
    EXPECT_EQ(winter.minute, 5);
}

TEST(LondonTime, ConvertsLondonWallClockToUtc) {
    auto summer = from_london(*CivilDate::parse_iso("2026-07-01"), 9, 30);
    EXPECT_EQ(to_storage(summer), "2026-07-01T08:30:00.000000Z");
    auto winter = from_london(*CivilDate::parse_iso("2026-12-01"), 9, 30);
    EXPECT_EQ(to_storage(winter), "2026-12-01T09:30:00.000000Z");
}

TEST(LondonTime, SkippedSpringHourMovesForward) {
    // 29 March 2026: clocks go from 1:00 GMT to 2:00 BST; 1:30 does not exist.
    auto gap = from_london(*CivilDate::parse_iso("2026-03-29"), 1, 30);
    EXPECT_EQ(london_text(gap), "29 March 2026 at 2:30am");
}

TEST(LondonTime, RepeatedAutumnHourTakesTheFirst) {
    // 25 October 2026: 1:30 happens twice; the first is still BST (00:30 UTC).
    auto twice = from_london(*CivilDate::parse_iso("2026-10-25"), 1, 30);
    EXPECT_EQ(to_storage(twice), "2026-10-25T00:30:00.000000Z");
}

TEST(LondonTime, StorageFormIsFixedWidthAndRoundTrips) {
    auto at = utc("2026-11-26T14:05:09.123456Z");
    EXPECT_EQ(to_storage(at), "2026-11-26T14:05:09.123456Z");
    EXPECT_FALSE(from_storage("yesterday"));
    EXPECT_FALSE(from_storage(""));
}

TEST(LondonTime, StoredTimesAreReadWithOrWithoutAFraction) {
    EXPECT_EQ(to_storage(utc("2026-11-26T14:05:09Z")), "2026-11-26T14:05:09.000000Z");
    EXPECT_EQ(to_storage(utc("2026-11-26T14:05:09.5Z")), "2026-11-26T14:05:09.500000Z");
    EXPECT_EQ(to_storage(utc("2024-02-29T23:59:59.9999999Z")), "2024-02-29T23:59:59.999999Z");
    EXPECT_EQ(to_storage(utc("1999-12-31T00:00:00.000001Z")), "1999-12-31T00:00:00.000001Z");
}

TEST(LondonTime, MalformedStoredTimesAreRefused) {
    for (const char* text :
         {"2026-11-26T14:05:09", "2026-11-26 14:05:09Z", "2026-13-01T00:00:00Z",
          "2025-02-29T00:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T14:60:00Z",
          "2026-11-26T14:05:60Z", "2026-11-26T14:05:09.Z", "2026-11-26T14:05:09.1", "2026-11-26",
          "2026-11-26T14:05:09Zjunk", "2026-1a-26T14:05:09Z", "+026-11-26T14:05:09Z"}) {
        EXPECT_FALSE(from_storage(text)) << text;
    }
}

}  // namespace
}  // namespace signs::core
