#include "domain/casework/address.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

const core::CivilDate kToday = *core::CivilDate::parse_iso("2026-11-26");

TEST(Postcode, IsTidiedToItsUsualForm) {
    EXPECT_EQ(normalise_postcode("sk11 8rh"), "SK11 8RH");
    EXPECT_EQ(normalise_postcode("CW26EB"), "CW2 6EB");
    EXPECT_EQ(normalise_postcode(" m1  1ae "), "M1 1AE");
    EXPECT_EQ(normalise_postcode("EC1A1BB"), "EC1A 1BB");
    EXPECT_EQ(normalise_postcode("W1A 0AX"), "W1A 0AX");
}

TEST(Postcode, RefusesWhatCannotBeOne) {
    for (const char* text : {"", "SK11", "11 8RH", "SK11 RH8", "SKK 8RH", "SK11 8R", "ABCDE 1AA",
                             "SK11-8RH", "<script>", "SK11 8RH; DROP"}) {
        EXPECT_FALSE(normalise_postcode(text)) << text;
    }
}

TEST(Address, AcceptsAnAddressAndAPastMove) {
    auto address = check_address({"  4 Mill Lane\nMacclesfield ", "sk11 8rh", "1", "6", "2021"},
                                 std::nullopt, kToday);
    ASSERT_TRUE(address);
    EXPECT_EQ(address->lines, "4 Mill Lane\nMacclesfield");
    EXPECT_EQ(address->postcode, "SK11 8RH");
    EXPECT_EQ(address->moved_in.iso(), "2021-06-01");
}

TEST(Address, ThePostcodeIsOptional) {
    auto address =
        check_address({"No fixed address", "", "26", "11", "2026"}, std::nullopt, kToday);
    ASSERT_TRUE(address);
    EXPECT_EQ(address->postcode, "");
}

TEST(Address, NamesEveryProblem) {
    auto latest = core::CivilDate::parse_iso("2024-01-10");
    struct Case {
        AddressForm form;
        const char* field;
        const char* message;
    };
    const Case cases[] = {
        {{"", "", "1", "1", "2025"}, "lines", "Enter the address"},
        {{std::string(501, 'a'), "", "1", "1", "2025"},
         "lines",
         "Address must be 500 characters or fewer"},
        {{"\xff\xfe", "", "1", "1", "2025"},
         "lines",
         "Address contains characters that cannot be read"},
        {{"1 Road", "ZZZ", "1", "1", "2025"},
         "postcode",
         "Enter a real postcode, like SK11 8RH, or leave it blank"},
        {{"1 Road", "", "30", "2", "2025"},
         "moved-day",
         "Enter the date they moved in as a real date, like 27 3 2026"},
        {{"1 Road", "", "27", "11", "2026"},
         "moved-day",
         "The date they moved in must be today or in the past"},
        {{"1 Road", "", "9", "1", "2024"},
         "moved-day",
         "The date they moved in must be on or after 10 January 2024, when they moved to the "
         "address now recorded"},
    };
    for (const auto& c : cases) {
        auto result = check_address(c.form, latest, kToday);
        ASSERT_FALSE(result) << c.message;
        EXPECT_EQ(result.error().message_for(c.field), c.message);
    }
}

TEST(Address, AMoveOnTheSameDayAsTheLastIsAllowed) {
    auto latest = core::CivilDate::parse_iso("2024-01-10");
    EXPECT_TRUE(check_address({"1 Road", "", "10", "1", "2024"}, latest, kToday));
}

}  // namespace
}  // namespace signs::domain
