#include "web/form.hpp"

#include <gtest/gtest.h>

namespace signs::web {
namespace {

TEST(Form, DecodesUrlEncodedBodies) {
    auto form = Form::parse("email=jo%40example.org&name=Jo+Bloggs&empty=&flag&name=ignored");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->get("email"), "jo@example.org");
    EXPECT_EQ(form->get("name"), "Jo Bloggs");
    EXPECT_EQ(form->get("empty"), "");
    EXPECT_TRUE(form->has("flag"));
    EXPECT_EQ(form->get("missing"), "");
}

TEST(Form, RefusesBrokenEscapesAndBadUtf8) {
    const char* bad[] = {"a=%", "a=%4", "a=%zz", "a=%ff", "%ff=1", "a=%C3%28"};
    for (const char* body : bad) EXPECT_FALSE(Form::parse(body)) << body;
    EXPECT_TRUE(Form::parse("a=%C3%A2"));
}

TEST(Form, EncodesWhatItDecodes) {
    auto encoded = url_encode("/admin/users?x=1&y=<b>");
    EXPECT_EQ(encoded, "/admin/users%3Fx%3D1%26y%3D%3Cb%3E");
    EXPECT_EQ(url_decode(encoded), "/admin/users?x=1&y=<b>");
}

TEST(Form, NumbersAreDigitsOnlyAndFitAnInt64) {
    EXPECT_EQ(parse_number("42"), 42);
    EXPECT_EQ(parse_number("000"), 0);
    EXPECT_EQ(parse_number("999999999999999999"), 999999999999999999LL);
    for (const char* bad :
         {"", "-1", "+1", "1.5", " 1", "1e3", "0x10", "9999999999999999999", "1; DROP TABLE"}) {
        EXPECT_FALSE(parse_number(bad)) << bad;
    }
    auto form = Form::parse("version=3&big=99999999999&child=7").value();
    EXPECT_EQ(form.number("child"), 7);
    EXPECT_EQ(form.version(), 3);
    EXPECT_FALSE(Form::parse("version=99999999999").value().version());
    EXPECT_FALSE(Form::parse("").value().version());
}

}  // namespace
}  // namespace signs::web
