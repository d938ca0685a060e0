#include "domain/access/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

TEST(SignInThrottle, StopsAtTheAccountOrAddressLimit) {
    ThrottlePolicy policy;
    EXPECT_TRUE(sign_in_allowed(policy, {0, 0}));
    EXPECT_TRUE(sign_in_allowed(policy, {4, 19}));
    EXPECT_FALSE(sign_in_allowed(policy, {5, 0}));
    EXPECT_FALSE(sign_in_allowed(policy, {0, 20}));
}

}  // namespace
}  // namespace signs::domain
