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

constexpr std::string_view kMultipartType = "multipart/form-data; boundary=XyZ";

std::string part(std::string_view disposition, std::string_view value) {
    return "--XyZ\r\nContent-Disposition: form-data; " + std::string{disposition} + "\r\n\r\n" +
           std::string{value} + "\r\n";
}

TEST(Form, DecodesMultipartFieldsAndFiles) {
    std::string bytes{"\x89PNG\r\n\x1a\n\x00binary\r\n--not-the-boundary", 35};
    auto body = part("name=\"title\"", "Leaflet") + part("name=\"levels\"", "early-help") +
                part("name=\"levels\"", "cared-for") +
                part("name=\"file\"; filename=\"draw ing.png\"", bytes) + "--XyZ--\r\n";
    auto form = Form::parse_multipart(body, kMultipartType);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->get("title"), "Leaflet");
    EXPECT_EQ(form->get_all("levels"), (std::vector<std::string>{"early-help", "cared-for"}));
    ASSERT_NE(form->file("file"), nullptr);
    EXPECT_EQ(form->file("file")->name, "draw ing.png");
    EXPECT_EQ(form->file("file")->bytes, bytes);
    EXPECT_EQ(form->file("other"), nullptr);
}

TEST(Form, AnEmptyFileInputGivesNoFile) {
    auto body = part("name=\"file\"; filename=\"\"", "") + "--XyZ--\r\n";
    auto form = Form::parse_multipart(body, kMultipartType);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->file("file"), nullptr);
}

TEST(Form, RefusesBrokenMultipartBodies) {
    auto good = part("name=\"title\"", "x") + "--XyZ--\r\n";
    EXPECT_TRUE(Form::parse_multipart(good, kMultipartType));
    EXPECT_FALSE(Form::parse_multipart(good, "multipart/form-data"));
    EXPECT_FALSE(Form::parse_multipart(good, "text/plain; boundary=XyZ"));
    EXPECT_FALSE(Form::parse_multipart("no parts at all", kMultipartType));
    EXPECT_FALSE(Form::parse_multipart(part("name=\"title\"", "bad \xff text") + "--XyZ--\r\n",
                                       kMultipartType));
    EXPECT_FALSE(Form::parse_multipart(
        part("name=\"f\"; filename=\"bad\xfe.pdf\"", "%PDF") + "--XyZ--\r\n", kMultipartType));
    EXPECT_FALSE(
        Form::parse_multipart("--XyZ\r\nX-Other: 1\r\n\r\nvalue\r\n--XyZ--\r\n", kMultipartType));
}

}  // namespace
}  // namespace signs::web
