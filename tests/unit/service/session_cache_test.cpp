#include "service/session_cache.hpp"

#include <gtest/gtest.h>

namespace signs::service {
namespace {

using namespace std::chrono_literals;

CurrentSession session_of(std::int64_t user_id) {
    CurrentSession s;
    s.user.id = user_id;
    s.session.user_id = user_id;
    return s;
}

TEST(SessionCache, TrustsAnEntryOnlyForItsLifetime) {
    SessionCache cache{2s};
    core::Instant t0{};
    cache.remember("a", session_of(1), t0);
    EXPECT_TRUE(cache.find("a", t0 + 1999ms));
    EXPECT_FALSE(cache.find("a", t0 + 2s));
    EXPECT_FALSE(cache.find("a", t0 - 1s)) << "a clock that went backwards is not trusted";
    EXPECT_FALSE(cache.find("b", t0));
}

TEST(SessionCache, ForgetsASessionOrEverySessionOfAUser) {
    SessionCache cache{2s};
    core::Instant t0{};
    cache.remember("a", session_of(1), t0);
    cache.remember("b", session_of(1), t0);
    cache.remember("c", session_of(2), t0);
    cache.forget("c");
    EXPECT_FALSE(cache.find("c", t0));
    cache.forget_user(1);
    EXPECT_FALSE(cache.find("a", t0));
    EXPECT_FALSE(cache.find("b", t0));
}

TEST(SessionCache, StaysWithinItsSize) {
    SessionCache cache{2s, 3};
    core::Instant t0{};
    for (int i = 0; i < 3; ++i) cache.remember("old" + std::to_string(i), session_of(i), t0);
    cache.remember("new", session_of(9), t0 + 5s);
    EXPECT_TRUE(cache.find("new", t0 + 5s));
    EXPECT_FALSE(cache.find("old0", t0 + 1s));
}

}  // namespace
}  // namespace signs::service
