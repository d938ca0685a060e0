#include "domain/documents/words_and_pictures.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

StoryForm form() {
    return {"4",
            " Maya's story ",
            "Mum and Gran",
            {{"family", "Maya, Mum and Biscuit the dog 🐕"},
             {"worries", "Mum was poorly.\n\n  Nobody could take Maya to school.  "},
             {"what-people-did", "Gran came to stay."},
             {"what-happens-now", "Gran stays on Tuesdays."}},
            {{"family", "family"}, {"worries", ""}}};
}

std::vector<std::string> fields_of(const StoryForm& f) {
    std::vector<std::string> out;
    auto checked = check_story(f, {4});
    if (!checked)
        for (const auto& e : checked.error().fields) out.push_back(e.field);
    return out;
}

TEST(WordsAndPictures, AStoryTellsItsFourPartsInOrder) {
    auto checked = check_story(form(), {4});
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->title, "Maya's story");
    EXPECT_EQ(checked->pictures.at("family"), "family");
    EXPECT_EQ(checked->pictures.at("what-happens-now"), "");
    auto doc = story_document(*checked, "Maya", "2026-11-27");
    ASSERT_EQ(doc.sections.size(), 5u);
    EXPECT_EQ(doc.sections[0].heading, "Who is in our family");
    EXPECT_EQ(doc.sections[1].heading, "What the worries were");
    EXPECT_EQ(doc.sections[2].heading, "What people did");
    EXPECT_EQ(doc.sections[3].heading, "What happens now");
    EXPECT_EQ(doc.sections[4].blocks[0].text, "Mum and Gran");
    // The family's lines stay their own paragraphs; blank lines and spaces around go.
    ASSERT_EQ(doc.sections[1].blocks.size(), 2u);
    EXPECT_EQ(doc.sections[1].blocks[1].text, "Nobody could take Maya to school.");
    EXPECT_TRUE(doc.plain_text().starts_with("Maya's story\nFor Maya · 27 November 2026\n"));
    EXPECT_NE(doc.plain_text().find("Biscuit the dog 🐕"), std::string::npos);
}

TEST(WordsAndPictures, EveryPartNeedsWordsAndPicturesComeFromTheSet) {
    using Fields = std::vector<std::string>;
    auto f = form();
    f.child = "5";
    EXPECT_EQ(fields_of(f), Fields{"child"});
    f = form();
    f.words.erase("worries");
    EXPECT_EQ(fields_of(f), Fields{"worries"});
    f = form();
    f.pictures["worries"] = "../../etc/passwd";
    EXPECT_EQ(fields_of(f), Fields{"worries-picture"});
    f = form();
    f.title = "";
    f.written_with = std::string(201, 'a');
    EXPECT_EQ(fields_of(f), (Fields{"title", "written_with"}));
    f = form();
    f.words["family"] = std::string(kMaxStoryText + 1, 'a');
    EXPECT_EQ(fields_of(f), Fields{"family"});
    EXPECT_EQ(story_parts().size(), 4u);
    EXPECT_GE(story_pictures().size(), 6u);
}

}  // namespace
}  // namespace signs::domain
