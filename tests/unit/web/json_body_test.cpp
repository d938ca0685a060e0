// Reading API request bodies into the boxes the forms have, and writing times back.
#include "web/json_body.hpp"

#include <gtest/gtest.h>

namespace signs::web {
namespace {

TEST(JsonBody, DatesAndTimesBecomeTheFormsBoxes) {
    auto body = JsonBody::parse(R"({"on":"2027-03-28","start":"09:30","odd":"9.30","n":5})");
    ASSERT_TRUE(body);
    EXPECT_EQ(body->date_parts("on"), (std::array<std::string, 3>{"28", "3", "2027"}));
    EXPECT_EQ(body->clock_parts("start"), (std::array<std::string, 2>{"09", "30"}));
    // Not a time: passed on whole, for the form's check to refuse with its own words.
    EXPECT_EQ(body->clock_parts("odd"), (std::array<std::string, 2>{"9.30", ""}));
    EXPECT_EQ(body->clock_parts("missing"), (std::array<std::string, 2>{"", ""}));
    EXPECT_FALSE(body->problems());
    body->clock_parts("n");  // a number where text belongs is named as a problem
    EXPECT_TRUE(body->problems());
    EXPECT_EQ(clock_json(570), "09:30");
    EXPECT_EQ(clock_json(0), "00:00");
    EXPECT_EQ(clock_json(1439), "23:59");
}

}  // namespace
}  // namespace signs::web
