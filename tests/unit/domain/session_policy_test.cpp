#include "domain/access/session_policy.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

using namespace std::chrono_literals;

TEST(SessionPolicy, EndsAfterIdleOrAbsoluteLimits) {
    SessionPolicy policy{2h, 12h, 1min};
    core::Instant start{};
    EXPECT_EQ(session_state(policy, start, start, start + 1h), SessionState::Active);
    EXPECT_EQ(session_state(policy, start, start, start + 2h), SessionState::IdleExpired);
    EXPECT_EQ(session_state(policy, start, start + 11h, start + 12h),
              SessionState::AbsoluteExpired);
    EXPECT_EQ(session_state(policy, start, start + 10h, start + 11h), SessionState::Active);
}

TEST(SessionPolicy, TouchesAtMostOncePerInterval) {
    SessionPolicy policy{2h, 12h, 1min};
    core::Instant start{};
    EXPECT_FALSE(needs_touch(policy, start, start + 59s));
    EXPECT_TRUE(needs_touch(policy, start, start + 60s));
}

}  // namespace
}  // namespace signs::domain
