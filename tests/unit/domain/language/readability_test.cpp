#include "domain/language/readability.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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
    EXPECT_EQ(report.findings[0].term, 0u);
    EXPECT_EQ(report.findings[1].kind, FindingKind::Passive);
    EXPECT_EQ(report.findings[1].line, 2u);
    EXPECT_EQ(report.findings[1].column, 4u);
    EXPECT_EQ(report.findings[2].column, 20u);
    EXPECT_EQ(report.readability.sentences, 2u);
}

TEST(LanguageCheck, ALongTextReadAPartAtATimeSaysWhatEachParagraphSays) {
    // Far more than one part's worth of paragraphs, in several scripts: each paragraph's
    // findings are what checking it alone finds, moved to where it stands, with its place.
    Glossary g{{{"LAC", "cared for", "An acronym labels a child", TermMatch::ExactCase},
                {"core group", "planning meeting", "Says who meets", TermMatch::Words}}};
    const std::vector<std::string> paragraphs = {
        "Jo is LAC and was seen by the core\ngroup on Friday.\n",
        "Zoë’s nan said “dziękuję”. ليلى came too, and the plan was agreed by everyone there "
        "who had come along to the meeting at the school on a wet and windy afternoon in "
        "November last year.\n",
        "- a list item with LAC in it\n- and another\n",
    };
    std::string text;
    std::vector<std::size_t> starts;
    for (int i = 0; text.size() < 300 * 1024; ++i) {
        starts.push_back(text.size());
        text += paragraphs[static_cast<std::size_t>(i) % paragraphs.size()] + "\n";
    }
    auto whole = check_language(g, text);
    std::vector<Finding> expected;
    Readability counted;
    std::size_t line = 1;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        auto end = i + 1 < starts.size() ? starts[i + 1] : text.size();
        auto part = std::string_view{text}.substr(starts[i], end - starts[i]);
        auto alone = check_language(g, part);
        for (auto f : alone.findings) {
            f.offset += static_cast<std::uint32_t>(starts[i]);
            f.line += static_cast<std::uint32_t>(line - 1);
            expected.push_back(f);
        }
        counted.words += alone.readability.words;
        counted.sentences += alone.readability.sentences;
        counted.syllables += alone.readability.syllables;
        line += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
    }
    ASSERT_EQ(whole.findings.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto &a = whole.findings[i], &b = expected[i];
        ASSERT_TRUE(a.kind == b.kind && a.offset == b.offset && a.length == b.length &&
                    a.line == b.line && a.column == b.column && a.term == b.term &&
                    a.words == b.words)
            << "finding " << i << " at line " << b.line;
    }
    EXPECT_EQ(whole.readability.words, counted.words);
    EXPECT_EQ(whole.readability.sentences, counted.sentences);
    EXPECT_EQ(whole.readability.syllables, counted.syllables);
    EXPECT_GT(whole.findings.size(), 1000u);
}

TEST(LanguageCheck, EachFindingGivesItsAdvice) {
    Glossary g{{{"LAC", "cared for", "An acronym labels a child", TermMatch::ExactCase}}};
    std::string text = "Jo is LAC.\nJo was seen by the LAC team. Zoë";
    for (int i = 0; i < 30; ++i) text += " ran";
    text += ".";
    auto report = check_language(g, text);
    ASSERT_EQ(report.findings.size(), 4u);
    auto term = advice_for(report.findings[0], g, text);
    EXPECT_EQ(term.words, "LAC");
    EXPECT_EQ(term.suggestion, "cared for");
    EXPECT_EQ(term.reason, "An acronym labels a child");
    auto passive = advice_for(report.findings[1], g, text);
    EXPECT_EQ(passive.words, "was seen");
    EXPECT_EQ(passive.suggestion, "Say who did it: \"Sam saw\" rather than \"was seen\"");
    auto long_one = advice_for(report.findings[3], g, text);
    EXPECT_EQ(report.findings[3].kind, FindingKind::LongSentence);
    EXPECT_EQ(long_one.suggestion, "Split it: it has 31 words; aim for 25 or fewer");
    // The opening is cut by characters, never inside one.
    std::string opening = "Zoë";
    for (int i = 0; i < 14; ++i) opening += " ran";
    EXPECT_EQ(long_one.words, opening + " …");
}

TEST(TextScan, SentencesEndAtStopsBlankLinesAndListItems) {
    std::string_view text = "A heading\n\nOne. Two!  \"Three?\" said Jo\n- an item\n* another\n\n";
    auto scan = scan_text(text);
    std::vector<std::string> sentences;
    std::size_t words = 0;
    for (auto s : scan.sentences) {
        sentences.emplace_back(text.substr(s.offset, s.length));
        EXPECT_EQ(s.first_word, words);
        words += s.words;
    }
    EXPECT_EQ(words, scan.words.size());
    EXPECT_EQ(sentences, (std::vector<std::string>{"A heading\n", "\nOne.", " Two!", "  \"Three?",
                                                   "\" said Jo\n", "- an item\n", "* another\n"}));
}

}  // namespace
}  // namespace signs::domain
