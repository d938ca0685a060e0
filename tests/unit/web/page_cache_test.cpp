#include "web/page_cache.hpp"

#include <gtest/gtest.h>

namespace signs::web {
namespace {

const std::string kCsrf =
                      "\x1e"
                      "c7f3"
                      "\x1e",
                  kUser =
                      "\x1e"
                      "u9a1"
                      "\x1e";

TEST(PageCache, AKeptPageIsFilledInForEachPerson) {
    auto page = KeptPage::from(
        200, "text/html",
        "<p>" + kUser + "</p><input value=\"" + kCsrf + "\"><input value=\"" + kCsrf + "\">", kCsrf,
        kUser);
    EXPECT_EQ(page.slots.size(), 3u);
    EXPECT_EQ(page.body_for("aaa", "Dana &amp; Pat"),
              "<p>Dana &amp; Pat</p><input value=\"aaa\"><input value=\"aaa\">");
    EXPECT_EQ(page.body_for("bbb", "Sam"), "<p>Sam</p><input value=\"bbb\"><input value=\"bbb\">");
    auto plain = KeptPage::from(200, "image/svg+xml", "<svg/>", kCsrf, kUser);
    EXPECT_TRUE(plain.slots.empty());
    EXPECT_EQ(plain.body_for("x", "y"), "<svg/>");
}

TEST(PageCache, TheLeastRecentlyUsedPagesGoFirstWhenFull) {
    PageCache cache{100};
    auto page = [](std::size_t size) {
        return std::make_shared<const KeptPage>(
            KeptPage::from(200, "text/html", std::string(size, 'x'), kCsrf, kUser));
    };
    cache.keep("a", page(40));
    cache.keep("b", page(40));
    EXPECT_TRUE(cache.find("a"));  // a is now the most recently used
    cache.keep("c", page(40));
    EXPECT_TRUE(cache.find("a"));
    EXPECT_FALSE(cache.find("b"));
    EXPECT_TRUE(cache.find("c"));
    EXPECT_LE(cache.bytes(), 100u);
    cache.keep("huge", page(500));  // larger than the whole cache: not kept at all
    EXPECT_FALSE(cache.find("huge"));
    EXPECT_TRUE(cache.find("a"));
    cache.keep("a", page(10));  // kept again under the same key: replaced
    EXPECT_EQ(cache.find("a")->size(), 10u);
    EXPECT_LE(cache.bytes(), 100u);
}

}  // namespace
}  // namespace signs::web
