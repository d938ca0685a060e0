#include "web/markdown.hpp"

#include <gtest/gtest.h>

namespace signs::web {
namespace {

TEST(Markdown, HeadingsSitBelowThePageTitleWithoutSkippingALevel) {
    EXPECT_EQ(markdown_html("# Worries\n\n## Details\n"), "<h2>Worries</h2>\n<h3>Details</h3>\n");
    EXPECT_EQ(markdown_html("## Worries\n\n### Details\n"), "<h2>Worries</h2>\n<h3>Details</h3>\n");
    EXPECT_EQ(markdown_html("#### Deep\n"), "<h2>Deep</h2>\n");
    EXPECT_EQ(markdown_html("# One\n###### Six\n"), "<h2>One</h2>\n<h6>Six</h6>\n");
}

TEST(Markdown, ListsLinksAndEmphasisBecomeHtml) {
    auto html = markdown_html("* one\n* **two**\n\n[Our plan](/public/meetings)\n");
    EXPECT_NE(html.find("<li><strong>two</strong></li>"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"/public/meetings\">Our plan</a>"), std::string::npos);
}

TEST(Markdown, NothingThatRunsGetsThrough) {
    auto html = markdown_html(
        "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>\n\n"
        "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_EQ(html.find("data:text/html"), std::string::npos);
}

TEST(Markdown, TextIsEscapedAndKeptWhole) {
    auto html = markdown_html("Tom & Jerry < 3 \"quotes\" — café 👍 ليلى\n");
    EXPECT_NE(html.find("&amp;"), std::string::npos);
    EXPECT_NE(html.find("&lt;"), std::string::npos);
    EXPECT_NE(html.find("café 👍 ليلى"), std::string::npos);
}

}  // namespace
}  // namespace signs::web
