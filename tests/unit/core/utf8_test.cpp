#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace signs::core {
namespace {

TEST(Utf8, AcceptsWellFormedTextAndRefusesTheRest) {
    struct Case {
        std::string bytes;
        bool valid;
        const char* why;
    };
    const Case cases[] = {
        {"", true, "empty"},
        {"plain ascii", true, "ascii"},
        {"Siân Ó Dónaill", true, "two-byte letters"},
        {"\xe2\x82\xac", true, "euro sign"},
        {"\xf0\x9f\x98\x80", true, "emoji"},
        {"\xff", false, "never valid byte"},
        {"\xc3", false, "truncated two-byte"},
        {"\xc0\xaf", false, "overlong slash"},
        {"\xed\xa0\x80", false, "surrogate"},
        {"\xf4\x90\x80\x80", false, "past U+10FFFF"},
        {"abc\x80", false, "lone continuation"},
        {"\xe2\x82", false, "truncated three-byte"},
    };
    for (const auto& c : cases) EXPECT_EQ(is_valid_utf8(c.bytes), c.valid) << c.why;
}

TEST(Utf8, CountsCharactersNotBytes) {
    EXPECT_EQ(utf8_length("Siân"), 4u);
    EXPECT_EQ(utf8_length("\xf0\x9f\x98\x80!"), 2u);
}

}  // namespace
}  // namespace signs::core
