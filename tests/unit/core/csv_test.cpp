#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace signs::core {
namespace {

TEST(Csv, ReadsAHeaderAndRowsWithTheirLines) {
    auto table = parse_csv(
        "\xEF\xBB\xBF"
        "First_Name , last_name\r\nMaya,Carter\r\n\r\nSam,Jones\r\n");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->header, (std::vector<std::string>{"first_name", "last_name"}));
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[0].line, 2u);
    EXPECT_EQ(table->rows[1].line, 4u);
    EXPECT_EQ(table->rows[1].fields[1], "Jones");
    EXPECT_EQ(table->column("last_name"), 1u);
    EXPECT_FALSE(table->column("nhs_number"));
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
    auto table =
        parse_csv("name,note\n\"O'Brien, Siân\",\"She said \"\"hello\"\"\nand waved\"\nNext,row\n");
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[0].fields[0], "O'Brien, Siân");
    EXPECT_EQ(table->rows[0].fields[1], "She said \"hello\"\nand waved");
    EXPECT_EQ(table->rows[1].line, 4u);  // the quoted line break moved it down
}

TEST(Csv, BrokenQuotingNamesTheLine) {
    auto unclosed = parse_csv("name,note\nMaya,\"never closed\nSam,x\n");
    ASSERT_FALSE(unclosed);
    EXPECT_EQ(unclosed.error().message,
              "Line 2 has a quote that is not closed or is misplaced. Quote whole fields, and "
              "double any quote inside one (\"\").");
    auto stray = parse_csv("name,note\nMaya,ok\nSam,\"quoted\"tail\n");
    ASSERT_FALSE(stray);
    EXPECT_NE(stray.error().message.find("Line 3"), std::string::npos);
}

TEST(Csv, OtherEncodingsAreRefusedWithTheLine) {
    // "Siân" saved as Windows-1252.
    auto latin = parse_csv("first_name\nMaya\nSi\xe2n\n");
    ASSERT_FALSE(latin);
    EXPECT_EQ(latin.error().message,
              "Line 3 is not UTF-8. Save the file as \"CSV UTF-8\" and try again.");
    // UTF-16 from a spreadsheet's "Unicode text".
    EXPECT_FALSE(
        parse_csv(std::string("\xff\xfe"
                              "f\0i\0",
                              6)));
}

TEST(Csv, AnEmptyFileSaysSo) {
    EXPECT_EQ(parse_csv("").error().message, "The file is empty");
    EXPECT_EQ(parse_csv("\n,,\n").error().message, "The file is empty");
}

TEST(CsvWriting, QuotesEveryFieldAndNeutralisesFormulas) {
    EXPECT_EQ(csv_line({"Carter family", "say \"hi\", then go"}),
              "\"Carter family\",\"say \"\"hi\"\", then go\"\r\n");
    EXPECT_EQ(neutralised("=SUM(A1:A9)"), "'=SUM(A1:A9)");
    EXPECT_EQ(neutralised("+44 1625"), "'+44 1625");
    EXPECT_EQ(neutralised("-1"), "'-1");
    EXPECT_EQ(neutralised("@cmd"), "'@cmd");
    EXPECT_EQ(neutralised("\tx"), "'\tx");
    EXPECT_EQ(neutralised("Maya = safe"), "Maya = safe");
    EXPECT_EQ(neutralised(""), "");
    EXPECT_EQ(csv_line({"line\nbreak"}), "\"line\nbreak\"\r\n");
}

}  // namespace
}  // namespace signs::core
