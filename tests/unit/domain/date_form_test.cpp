// Dates typed in three boxes: required, optional, and never a date that does not exist.
#include "domain/date_form.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

TEST(DateForm, ARequiredDateMustBeGivenAndReal) {
    core::FieldChecks checks;
    EXPECT_FALSE(required_date(checks, "on-day", "date it began", {}));
    EXPECT_EQ(checks.error().message_for("on-day"), "Enter the date it began");
    core::FieldChecks leap;
    EXPECT_EQ(required_date(leap, "on-day", "date", {" 29 ", "2", "2028"})->iso(), "2028-02-29");
    EXPECT_TRUE(leap.ok());
    core::FieldChecks bad;
    EXPECT_FALSE(required_date(bad, "on-day", "date", {"29", "2", "2027"}));
    EXPECT_NE(bad.error().message_for("on-day").find("real date"), std::string::npos);
}

TEST(DateForm, AnOptionalDateMayBeLeftEmptyButNotHalfFilled) {
    core::FieldChecks checks;
    EXPECT_FALSE(optional_date(checks, "on-day", "date", {"", " ", ""}));
    EXPECT_TRUE(checks.ok());
    EXPECT_FALSE(optional_date(checks, "on-day", "date", {"4", "", "2026"}));
    EXPECT_FALSE(checks.ok());
    EXPECT_TRUE((DateForm{"", "", ""}.empty()));
    EXPECT_FALSE((DateForm{"1", "", ""}.empty()));
}

}  // namespace
}  // namespace signs::domain
