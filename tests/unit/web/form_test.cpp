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

}  // namespace
}  // namespace signs::web
