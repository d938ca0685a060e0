#include "domain/language/readability.hpp"

#include <gtest/gtest.h>

#include "domain/language/glossary.hpp"
#include "domain/language/language_check.hpp"

namespace signs::domain {
namespace {

TEST(Readability, SyllablesAreCountedByVowelSounds) {
    EXPECT_EQ(syllables_in("cat"), 1u);
    EXPECT_EQ(syllables_in("make"), 1u);
    EXPECT_EQ(syllables_in("table"), 2u);
    EXPECT_EQ(syllables_in("family"), 3u);
    EXPECT_EQ(syllables_in("looked"), 1u);
    EXPECT_EQ(syllables_in("wanted"), 2u);
    EXPECT_EQ(syllables_in("assessment"), 3u);
    EXPECT_EQ(syllables_in("47"), 1u);
}

// Two reference texts: words a young child reads, and a sentence from a file.
TEST(Readability, PlainWordsReadYoungerThanJargon) {
    auto plain = readability("Sam is six. He likes his dog. Mum reads to him at night.");
    EXPECT_EQ(plain.sentences, 3u);
    EXPECT_EQ(plain.words, 13u);
    EXPECT_GT(plain.reading_ease, 90);
    EXPECT_LE(plain.reading_age, 7);
    auto jargon = readability(
        "Following the multi-agency strategy discussion, safeguarding considerations regarding "
        "parental non-engagement necessitated an immediate statutory assessment of "
        "vulnerability indicators.");
    EXPECT_EQ(jargon.sentences, 1u);
    EXPECT_LT(jargon.reading_ease, 10);
    EXPECT_GE(jargon.reading_age, 20);
    EXPECT_EQ(readability("").words, 0u);
    EXPECT_EQ(readability("   \n").reading_age, 0);
}

TEST(Readability, LongSentencesAreFlagged) {
    std::string long_one = "We";
    for (int i = 0; i < 30; ++i) long_one += " met";
    long_one += ".";
    auto text = "A short one. " + long_one + " Another short one.";
    auto found = long_sentences(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(std::string_view{text}.substr(found[0].offset, found[0].length), long_one);
    std::string just_right = "We";
    for (int i = 0; i < 24; ++i) just_right += " met";
    EXPECT_TRUE(long_sentences(just_right + ".").empty());
}

TEST(Readability, PassivePhrasesAreFlagged) {
    std::string_view text =
        "Jo was seen at school. The children were not told. Sam is being assessed. "
        "Dad was quickly moved. We saw Jo. The bed was red. They were happy. We are worried "
        "that Jo is scared, and Mum is concerned; they were married in May.";
    std::vector<std::string> found;
    for (auto s : passive_phrases(text)) found.emplace_back(text.substr(s.offset, s.length));
    EXPECT_EQ(found, (std::vector<std::string>{"was seen", "were not told", "is being assessed",
                                               "was quickly moved"}));
}

TEST(LanguageCheck, FindingsComeInOrderWithTheirPlaces) {
    Glossary g{{{"LAC", "cared for", "An acronym labels a child", TermMatch::ExactCase}}};
    auto report = check_language(g, "Jo is LAC.\nJo was seen by the LAC team.");
    ASSERT_EQ(report.findings.size(), 3u);
    EXPECT_EQ(report.findings[0].kind, FindingKind::Term);
    EXPECT_EQ(report.findings[0].line, 1u);
    EXPECT_EQ(report.findings[0].column, 7u);
    EXPECT_EQ(report.findings[0].suggestion, "cared for");
    EXPECT_EQ(report.findings[1].kind, FindingKind::Passive);
    EXPECT_EQ(report.findings[1].words, "was seen");
    EXPECT_EQ(report.findings[1].line, 2u);
    EXPECT_EQ(report.findings[1].column, 4u);
    EXPECT_EQ(report.findings[2].words, "LAC");
    EXPECT_EQ(report.findings[2].column, 20u);
    EXPECT_EQ(report.readability.sentences, 2u);
}

}  // namespace
}  // namespace signs::domain
