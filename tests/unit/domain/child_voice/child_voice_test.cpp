#include "domain/child_voice/child_voice.hpp"

#include <gtest/gtest.h>

#include "web/child_voice_svg.hpp"

namespace signs::domain {
namespace {

const auto kToday = *core::CivilDate::parse_iso("2026-11-27");

ChildVoiceForm houses() {
    return {"three-houses",
            "4",
            "27",
            "11",
            "2026",
            " Sam ",
            {{"worries", " Dad shouting "}, {"good-things", ""}, {"dreams", "海 👪"}},
            "",
            "yes",
            "no"};
}

std::vector<std::string> fields_of(const ChildVoiceForm& form) {
    std::vector<std::string> out;
    auto checked = check_child_voice(form, {4, 5}, kToday);
    if (!checked)
        for (const auto& f : checked.error().fields) out.push_back(f.field);
    return out;
}

using Fields = std::vector<std::string>;

TEST(ChildVoice, EachToolHasItsPartsAndOnlyTheSafetyHouseHasAPath) {
    ASSERT_EQ(voice_tools().size(), 3u);
    for (const auto& tool : voice_tools()) {
        EXPECT_EQ(find_voice_tool(tool.code), &tool);
        EXPECT_EQ(tool.has_path, tool.code == "safety-house");
    }
    EXPECT_EQ(find_voice_tool("crystal-ball"), nullptr);
    // Three Houses follow the mapping's columns.
    const auto* houses = find_voice_tool("three-houses");
    ASSERT_EQ(houses->parts.size(), 3u);
    EXPECT_EQ(houses->parts[0].category, "harm");
    EXPECT_EQ(houses->parts[1].category, "strength");
    EXPECT_EQ(houses->parts[2].category, "next-step");
    EXPECT_EQ(find_voice_tool("safety-house")->parts.size(), 4u);
}

TEST(ChildVoice, TheChildsWordsAreKeptAsSaidWithTheSpacesAroundThemTrimmed) {
    auto checked = check_child_voice(houses(), {4, 5}, kToday);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->child_id, 4);
    EXPECT_EQ(checked->helped_by, "Sam");
    EXPECT_EQ(checked->parts.at("worries"), "Dad shouting");
    EXPECT_EQ(checked->parts.at("good-things"), "");
    EXPECT_EQ(checked->parts.at("dreams"), "海 👪");
    EXPECT_FALSE(checked->place);
}

TEST(ChildVoice, WhatTheChildAgreedToShareIsAskedEveryTime) {
    auto checked = check_child_voice(houses(), {4, 5}, kToday);
    ASSERT_TRUE(checked);
    EXPECT_TRUE(checked->shared_with_family);
    EXPECT_FALSE(checked->shared_with_network);
    auto form = houses();
    form.share_family = "";
    form.share_network = "Yes";  // the answers are codes, not labels
    EXPECT_EQ(fields_of(form), (Fields{"share_family", "share_network"}));
    form.share_family = "no";
    form.share_network = "yes";
    checked = check_child_voice(form, {4, 5}, kToday);
    ASSERT_TRUE(checked);
    EXPECT_FALSE(checked->shared_with_family);
    EXPECT_TRUE(checked->shared_with_network);
}

TEST(ChildVoice, ProblemsAreNamedByField) {
    auto f = houses();
    f.tool = "crystal-ball";
    EXPECT_EQ(fields_of(f), Fields{"tool"});
    f = houses();
    f.child = "6";  // not a child of the case
    EXPECT_EQ(fields_of(f), Fields{"child"});
    f.child = "4x";
    EXPECT_EQ(fields_of(f), Fields{"child"});
    f = houses();
    f.day = "28";  // tomorrow
    EXPECT_EQ(fields_of(f), Fields{"on-day"});
    f.day = "31";
    EXPECT_EQ(fields_of(f), Fields{"on-day"});
    f = houses();
    f.helped_by = "  ";
    EXPECT_EQ(fields_of(f), Fields{"helped_by"});
    f = houses();
    f.parts = {{"worries", " "}, {"good-things", ""}};
    EXPECT_EQ(fields_of(f), Fields{"worries"});
    f = houses();
    f.parts["dreams"] = std::string(kMaxVoiceText + 1, 'a');
    EXPECT_EQ(fields_of(f), Fields{"dreams"});
    f.parts["dreams"] = std::string(kMaxVoiceText, 'a');
    EXPECT_TRUE(fields_of(f).empty());
    f = houses();
    f.place = "5";  // Three Houses have no path
    EXPECT_EQ(fields_of(f), Fields{"place"});
}

TEST(ChildVoice, TheSafetyHousePathRunsFromZeroToTen) {
    ChildVoiceForm f{"safety-house",
                     "5",
                     "26",
                     "11",
                     "2026",
                     "Sam",
                     {{"inside", "Mum, Gran"}, {"rules", "Nobody drinks"}},
                     "10",
                     "yes",
                     "yes"};
    auto checked = check_child_voice(f, {4, 5}, kToday);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->place, 10);
    EXPECT_EQ(checked->parts.at("outside"), "");
    for (const auto* bad : {"11", "-1", "seven", "5.5"}) {
        f.place = bad;
        EXPECT_EQ(fields_of(f), Fields{"place"}) << bad;
    }
    f.place = "0";
    EXPECT_TRUE(fields_of(f).empty());
}

TEST(ChildVoicePicture, WordsAreWrappedOnSpacesAndCutWithAnEllipsis) {
    using Lines = std::vector<std::string>;
    EXPECT_EQ(web::wrapped("one two three four", 9, 5), (Lines{"one two", "three", "four"}));
    EXPECT_EQ(web::wrapped("one two three four", 9, 2), (Lines{"one two", "three…"}));
    EXPECT_EQ(web::wrapped("", 9, 2), Lines{});
    // Characters, not bytes: five emoji fit a line of five.
    EXPECT_EQ(web::wrapped("👪👪👪👪👪 海海", 5, 3), (Lines{"👪👪👪👪👪", "海海"}));
    // A word longer than a line is broken where it must be.
    EXPECT_EQ(web::wrapped("abcdefghij", 4, 5), (Lines{"abcd", "efgh", "ij"}));
}

TEST(ChildVoicePicture, TheChildsWordsAreEscapedInThePicture) {
    auto svg = web::child_voice_svg(*find_voice_tool("three-houses"),
                                    {{"worries", "<script>alert(1)</script> & \"x\""}}, {});
    EXPECT_EQ(svg.find("<script>"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("aria-hidden=\"true\""), std::string::npos);
    EXPECT_NE(svg.find("House of worries"), std::string::npos);
    auto house = web::child_voice_svg(*find_voice_tool("safety-house"), {{"inside", "Mum"}}, 3);
    EXPECT_NE(house.find(">Me: 3</text>"), std::string::npos);
    EXPECT_EQ(web::child_voice_svg(*find_voice_tool("safety-house"), {}, {}).find("Me:"),
              std::string::npos);
}

}  // namespace
}  // namespace signs::domain
