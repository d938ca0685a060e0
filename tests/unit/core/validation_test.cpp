#include "core/validation.hpp"

#include <gtest/gtest.h>

namespace signs::core {
namespace {

TEST(Validation, RecognisesPlausibleEmailAddresses) {
    struct Case {
        const char* text;
        bool ok;
    };
    const Case cases[] = {
        {"name@example.com", true},
        {"first.last+tag@council.gov.uk", true},
        {"a@b.co", true},
        {"", false},
        {"name", false},
        {"@example.com", false},
        {"name@", false},
        {"name@example", false},
        {"na me@example.com", false},
        {"a@b@c.com", false},
        {"<script>@x.com", false},
        {"name@example.com.", false},
        {"x@.com", false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(looks_like_email(c.text), c.ok) << "input: '" << c.text << "'";
}

TEST(Validation, CollectsEveryProblemOncePerField) {
    FieldChecks checks;
    checks.text("name", "   ", "Enter a name", "Name", 10);
    checks.text("name", "still wrong", "Enter a name", "Name", 3);
    checks.optional_text("note", std::string(11, 'x'), "Note", 10);
    checks.optional_text("bytes", "\xff", "Bytes", 10);
    checks.email("email", "nope");
    ASSERT_FALSE(checks.ok());
    auto error = checks.error();
    ASSERT_EQ(error.fields.size(), 4u);
    EXPECT_EQ(error.fields[0].message, "Enter a name");
    EXPECT_EQ(error.fields[1].message, "Note must be 10 characters or fewer");
    EXPECT_EQ(error.fields[2].message, "Bytes contains characters that cannot be read");
    EXPECT_EQ(error.kind, ErrorKind::Invalid);
}

TEST(Validation, LengthLimitsCountCharacters) {
    FieldChecks checks;
    checks.text("name", "Siân", "Enter a name", "Name", 4);
    EXPECT_TRUE(checks.ok());
}

TEST(Validation, TrimsAndLowercasesAscii) {
    EXPECT_EQ(trimmed("  a b \t\n"), "a b");
    EXPECT_EQ(lower_ascii("MiXeD Ä"), "mixed Ä");
}

}  // namespace
}  // namespace signs::core
