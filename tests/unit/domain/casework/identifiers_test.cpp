#include "domain/casework/identifiers.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

// Every number here was made up for the tests, with its check character worked out by hand;
// the 999 prefixes are not given to real patients or local authorities.

TEST(NhsNumber, AcceptsTenDigitsWithTheUsualGaps) {
    struct Case {
        std::string text;
        std::optional<std::string> expected;
    };
    const Case cases[] = {
        {"9998765439", "9998765439"},
        {"999 876 5439", "9998765439"},
        {"999-876-5439", "9998765439"},
        {"  999 876 5439 ", "9998765439"},
        {"999 876-5439", "9998765439"},
        {"999 000 0050", "9990000050"},  // 11 - remainder is 11, so the check digit is 0
        {"999 000 0018", "9990000018"},
        {"999000006 9", std::nullopt},     // gap in the wrong place
        {"99 98 76 54 39", std::nullopt},  // gaps in the wrong places
        {"999  876 5439", std::nullopt},   // two spaces
        {"999 876 543", std::nullopt},     // nine digits
        {"999 876 54390", std::nullopt},   // eleven digits
        {"999 876 5438", std::nullopt},    // wrong check digit
        {"999 123 4560", std::nullopt},    // the check digit would be 10
        {"999 123 4561", std::nullopt},    // ... so no last digit will do
        {"99A 876 5439", std::nullopt},    // a letter
        {"999.876.5439", std::nullopt},    // dots are not gaps
        {"1111111111", std::nullopt},      // passes the check but is never issued
        {"0000000000", std::nullopt},
        {"", std::nullopt},
        {"   ", std::nullopt},
        {"９９９８７６５４３９", std::nullopt},  // full-width digits
    };
    for (const auto& c : cases) {
        EXPECT_EQ(normalise_nhs_number(c.text), c.expected) << "'" << c.text << "'";
    }
}

TEST(NhsNumber, NoLastDigitRescuesANumberWhoseCheckWouldBeTen) {
    for (char last = '0'; last <= '9'; ++last) {
        EXPECT_FALSE(normalise_nhs_number(std::string{"999123456"} + last)) << last;
    }
}

TEST(NhsNumber, FormatsInThreeGroups) {
    EXPECT_EQ(format_nhs_number("9998765439"), "999 876 5439");
    EXPECT_EQ(format_nhs_number(*normalise_nhs_number("999-000-0018")), "999 000 0018");
    EXPECT_EQ(format_nhs_number("12345"), "12345");
    EXPECT_EQ(format_nhs_number("99987654AB"), "99987654AB");
    EXPECT_EQ(format_nhs_number(""), "");
}

TEST(UniquePupilNumber, ChecksTheLetterAndReturnsUpperCase) {
    struct Case {
        std::string text;
        std::optional<std::string> expected;
    };
    const Case cases[] = {
        {"Q999000024001", "Q999000024001"},
        {"q999000024001", "Q999000024001"},
        {" E999000024002 ", "E999000024002"},
        {"P999123423456", "P999123423456"},
        {"N999000024100", "N999000024100"},
        {"A000000000000", "A000000000000"},  // remainder 0 maps to A
        {"B99900002400A", "B99900002400A"},  // temporary: a letter last
        {"m99900002400z", "M99900002400Z"},
        {"E999000024001", std::nullopt},  // wrong check letter
        {"Q999000024002", std::nullopt},  // a changed digit
        {"Q999000024010", std::nullopt},  // two digits swapped
        {"B99900002400I", std::nullopt},  // I is not in the alphabet
        {"B99900002400O", std::nullopt},
        {"B99900002400S", std::nullopt},
        {"1999000024001", std::nullopt},   // no check letter
        {"Q99900002A001", std::nullopt},   // a letter before the last place
        {"Q99900002400", std::nullopt},    // twelve characters
        {"Q9990000240011", std::nullopt},  // fourteen characters
        {"Q999 00024001", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(normalise_upn(c.text), c.expected) << "'" << c.text << "'";
    }
}

}  // namespace
}  // namespace signs::domain
