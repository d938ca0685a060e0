#include "domain/audit/recent_views.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

using namespace std::chrono_literals;

core::Instant at(std::chrono::seconds s) { return core::Instant{} + s; }

TEST(RecentViews, TheSameViewIsRecordedOnceAMinute) {
    RecentViews recent{60s};
    EXPECT_FALSE(recent.recorded_recently("dana|child 7", at(1000s)));
    recent.remember("dana|child 7", at(1000s));
    EXPECT_TRUE(recent.recorded_recently("dana|child 7", at(1000s)));
    EXPECT_TRUE(recent.recorded_recently("dana|child 7", at(1059s)));
    EXPECT_FALSE(recent.recorded_recently("dana|child 7", at(1060s)));
    // Another person, or another record, is another view.
    EXPECT_FALSE(recent.recorded_recently("pat|child 7", at(1001s)));
    EXPECT_FALSE(recent.recorded_recently("dana|child 8", at(1001s)));
    // A clock that went backwards never hides a view.
    EXPECT_FALSE(recent.recorded_recently("dana|child 7", at(999s)));
}

TEST(RecentViews, AFullListForgetsOldViewsFirstAndNeverGrowsPastItsSize) {
    RecentViews recent{60s, 3};
    recent.remember("a", at(0s));
    recent.remember("b", at(10s));
    recent.remember("c", at(70s));
    recent.remember("d", at(75s));  // a and b are out of the window by now
    EXPECT_EQ(recent.size(), 2u);
    EXPECT_TRUE(recent.recorded_recently("c", at(76s)));
    recent.remember("e", at(76s));
    recent.remember("f", at(77s));  // all three still in the window: start again
    EXPECT_LE(recent.size(), 3u);
    EXPECT_TRUE(recent.recorded_recently("f", at(77s)));
}

}  // namespace
}  // namespace signs::domain
