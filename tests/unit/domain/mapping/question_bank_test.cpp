#include "domain/mapping/question_bank.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/mapping/mapping.hpp"
#include "service/data_files.hpp"

namespace signs::domain {
namespace {

QuestionBank small_bank() {
    auto table = core::parse_csv(
                     "category,asked,kind,question\n"
                     "strength,parent,exception,Tell me about a good day\n"
                     "strength,any,coping,How have you kept going?\n"
                     "harm,professional,exception,What did you see yourself?\n")
                     .value();
    return QuestionBank::from(table).value();
}

TEST(QuestionBank, FindsByPartAudienceAndWords) {
    auto bank = small_bank();
    EXPECT_EQ(bank.size(), 3u);
    EXPECT_EQ(bank.find("strength", "", "").size(), 2u);
    // Questions for anyone come with those for parents.
    EXPECT_EQ(bank.find("strength", "parent", "").size(), 2u);
    EXPECT_EQ(bank.find("strength", "child", "").size(), 1u);
    EXPECT_EQ(bank.find("", "", "GOOD day").size(), 1u);
    EXPECT_EQ(bank.find("", "", "good night").size(), 0u);
    EXPECT_EQ(bank.find("harm", "", "see").front().kind, "exception");
}

TEST(QuestionBank, ABadRowIsNamed) {
    auto table =
        core::parse_csv("category,asked,kind,question\nharm,wizard,exception,Why?\n").value();
    auto bank = QuestionBank::from(table);
    ASSERT_FALSE(bank);
    EXPECT_EQ(bank.error().message,
              "Line 2 of the question list has an unknown category, audience or kind, or no "
              "question");
    EXPECT_FALSE(QuestionBank::from(core::parse_csv("category,question\nharm,Why?\n").value()));
}

TEST(QuestionBank, TheDataFileHasQuestionsForEveryPartOfTheMapping) {
    auto bank = service::load_question_bank(std::filesystem::path{SIGNS_DATA_DIR}.parent_path());
    EXPECT_GE(bank.size(), 90u);
    for (const auto& c : entry_categories())
        EXPECT_FALSE(bank.find(c.code, "", "").empty()) << c.code;
    // Every voice gets its own questions, scaling among them.
    for (const auto* voice : {"parent", "child", "network", "professional"}) {
        EXPECT_GE(bank.find("", voice, "").size(), 10u) << voice;
        EXPECT_FALSE(bank.find("scaling", voice, "").empty()) << voice;
    }
    EXPECT_FALSE(bank.find("scaling", "", "").empty());
    for (const auto& k : question_kinds()) {
        bool used = false;
        for (const auto& q : bank.find("", "", "")) used = used || q.kind == k.code;
        EXPECT_TRUE(used) << k.code;
    }
}

}  // namespace
}  // namespace signs::domain
