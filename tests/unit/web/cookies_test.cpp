#include "web/cookies.hpp"

#include <gtest/gtest.h>

namespace signs::web {
namespace {

TEST(Cookies, ParsesTheUsualAndSurvivesTheMalformed) {
    auto c = parse_cookies("a=1; b = two ; c=\"quoted\"; junk; =novalue; a=second; d=");
    EXPECT_EQ(c["a"], "1");
    EXPECT_EQ(c["b"], "two");
    EXPECT_EQ(c["c"], "quoted");
    EXPECT_EQ(c["d"], "");
    EXPECT_FALSE(c.contains("junk"));
    EXPECT_TRUE(parse_cookies("").empty());
    EXPECT_TRUE(parse_cookies(";;;===;").empty());
}

TEST(Cookies, SetCookieIsHttpOnlyAndLax) {
    auto plain = set_cookie("s", "v", {});
    EXPECT_EQ(plain, "s=v; Path=/; HttpOnly; SameSite=Lax");
    auto secure = set_cookie("s", "", {true, 0});
    EXPECT_EQ(secure, "s=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0");
}

}  // namespace
}  // namespace signs::web
