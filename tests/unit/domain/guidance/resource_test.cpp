#include "domain/guidance/resource.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

ResourceForm good() {
    return {"Writing danger statements",
            "How to write them with families",
            "guidance",
            "## Start with the worry\nSay who is worried.",
            {"staff"},
            {"child-protection"}};
}

TEST(Resource, AGoodFormIsCheckedAndTrimmed) {
    auto form = good();
    form.title = "  Writing danger statements ";
    auto checked = check_resource(form, false);
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(checked->title, "Writing danger statements");
    EXPECT_EQ(checked->kind, ResourceKind::Guidance);
    EXPECT_EQ(checked->audiences, std::set{Audience::Staff});
    EXPECT_EQ(checked->levels, std::set{ServiceLevel::ChildProtection});
}

TEST(Resource, EveryMissingPartIsNamedAtOnce) {
    ResourceForm empty;
    auto checked = check_resource(empty, false);
    ASSERT_FALSE(checked);
    const auto& e = checked.error();
    EXPECT_EQ(e.message_for("title"), "Enter the resource's title");
    EXPECT_EQ(e.message_for("summary"), "Enter a short summary of what it is for");
    EXPECT_EQ(e.message_for("kind"), "Choose what kind of resource this is");
    EXPECT_EQ(e.message_for("audiences"), "Choose who it is for");
    EXPECT_EQ(e.message_for("body"), "Write the page, or choose a file to upload");
}

TEST(Resource, AFileStandsInForThePage) {
    auto form = good();
    form.body = "   ";
    EXPECT_FALSE(check_resource(form, false));
    EXPECT_TRUE(check_resource(form, true));
}

TEST(Resource, ChoicesMustComeFromTheLists) {
    auto form = good();
    form.kind = "'; DROP TABLE guidance_resources; --";
    form.audiences = {"staff", "<script>"};
    form.levels = {"../etc"};
    auto checked = check_resource(form, false);
    ASSERT_FALSE(checked);
    EXPECT_FALSE(checked.error().message_for("kind").empty());
    EXPECT_EQ(checked.error().message_for("audiences"), "Choose who it is for from the list");
    EXPECT_EQ(checked.error().message_for("levels"), "Choose service levels from the list");
}

TEST(Resource, LengthsAreLimited) {
    auto form = good();
    form.title = std::string(151, 'a');
    form.summary = std::string(601, 'a');
    form.body = std::string(kMaxResourceBody + 1, 'a');
    auto checked = check_resource(form, true);
    ASSERT_FALSE(checked);
    EXPECT_FALSE(checked.error().message_for("title").empty());
    EXPECT_FALSE(checked.error().message_for("summary").empty());
    EXPECT_FALSE(checked.error().message_for("body").empty());
    form.title = std::string(150, 'a');
    form.summary = std::string(600, 'a');
    form.body = std::string(kMaxResourceBody, 'a');
    EXPECT_TRUE(check_resource(form, true));
}

TEST(Resource, NoLevelMeansEveryLevel) {
    auto form = good();
    form.levels.clear();
    auto checked = check_resource(form, false);
    ASSERT_TRUE(checked);
    EXPECT_TRUE(checked->levels.empty());
}

TEST(Resource, WrittenForPartnersOrFamiliesMeansPublic) {
    EXPECT_FALSE(is_public({Audience::Staff}));
    EXPECT_TRUE(is_public({Audience::Staff, Audience::Partners}));
    EXPECT_TRUE(is_public({Audience::Families}));
}

TEST(Resource, CodesGoRoundTheStoreAndUnknownOnesAreDropped) {
    std::set levels{ServiceLevel::CaredFor, ServiceLevel::EarlyHelp};
    EXPECT_EQ(joined_codes(levels), "early-help cared-for");
    EXPECT_EQ(levels_in(joined_codes(levels)), levels);
    EXPECT_EQ(audiences_in("families nonsense staff"),
              (std::set{Audience::Staff, Audience::Families}));
    EXPECT_TRUE(levels_in("").empty());
}

TEST(Resource, APageGivesItsTitleSummaryAndTheRest) {
    auto page =
        split_title("# The four questions\n\nWe ask four things.\nEvery time.\n\n## One\nText\n");
    EXPECT_EQ(page.title, "The four questions");
    EXPECT_EQ(page.summary, "We ask four things. Every time.");
    EXPECT_EQ(page.body, "\nWe ask four things.\nEvery time.\n\n## One\nText\n");
    EXPECT_EQ(page.details, "## One\nText\n");
    auto untitled = split_title("Just words");
    EXPECT_EQ(untitled.title, "");
    EXPECT_EQ(untitled.body, "Just words");
}

}  // namespace
}  // namespace signs::domain
