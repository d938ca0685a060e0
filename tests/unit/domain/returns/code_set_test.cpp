#include "domain/returns/code_set.hpp"

#include <gtest/gtest.h>

#include <array>

namespace signs::domain {
namespace {

core::CsvTable table_of(std::string_view text) { return core::parse_csv(text).value(); }

TEST(CodeSet, KeepsTheFileOrderAndLabels) {
    auto set =
        CodeSet::from("primary need", table_of("code,label\nN1,Abuse or neglect\nN0,Not stated\n"));
    ASSERT_TRUE(set.has_value()) << set.error().message;
    ASSERT_EQ(set->size(), 2u);
    EXPECT_EQ(set->entries()[0].code, "N1");
    EXPECT_EQ(set->entries()[1].label, "Not stated");
    EXPECT_TRUE(set->contains("N0"));
    EXPECT_FALSE(set->contains("N2"));
    EXPECT_EQ(set->label("N1"), "Abuse or neglect");
    EXPECT_EQ(set->label("X9"), "X9");
    EXPECT_EQ(set->name(), "primary need");
}

TEST(CodeSet, CopiesShareTheTextTheirViewsPointAt) {
    std::optional<CodeSet> kept;
    {
        auto set = CodeSet::from("sex", table_of("code,label\nM,Male\nF,Female\nU,Unknown\n"));
        kept = *set;
    }
    EXPECT_EQ(kept->label("F"), "Female");
    std::vector<CodeSet> many(40, *kept);
    EXPECT_EQ(many.back().entries()[2].code, "U");
}

TEST(CodeSet, RefusesARepeatedCodeNamingTheLine) {
    auto set = CodeSet::from("sex", table_of("code,label\nM,Male\nM,Again\n"));
    ASSERT_FALSE(set.has_value());
    EXPECT_NE(set.error().message.find("line 3"), std::string::npos);
    EXPECT_NE(set.error().message.find("sex"), std::string::npos);
}

TEST(CodeSet, RefusesBadCodesMissingLabelsAndMissingColumns) {
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\n,Blank\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\nRC 1,Space\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\nABCDEFGHI,Too long\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\n<b>,Markup\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\nA,\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\nA," + std::string(201, 'a') + "\n")));
    EXPECT_TRUE(CodeSet::from("x", table_of("code,label\nA," + std::string(200, 'a') + "\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,words\nA,B\n")));
    EXPECT_FALSE(CodeSet::from("x", table_of("code,label\n")));
}

TEST(CodeSet, LabelLengthIsCountedInCharactersNotBytes) {
    std::string greek;
    for (int i = 0; i < 200; ++i) greek += "λ";
    EXPECT_TRUE(CodeSet::from("x", table_of("code,label\nA," + greek + "\n")));
}

TEST(CodeSet, NeedsTheCodesItsRulesName) {
    constexpr std::array<std::string_view, 2> required{"NONE", "AUT"};
    auto missing =
        CodeSet::from("disability", table_of("code,label\nNONE,No disability\n"), required);
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.find("AUT"), std::string::npos);
    EXPECT_TRUE(
        CodeSet::from("disability", table_of("code,label\nNONE,None\nAUT,Autism\n"), required));
}

}  // namespace
}  // namespace signs::domain
