#include "domain/language/glossary.hpp"

#include <gtest/gtest.h>

#include "domain/language/text_words.hpp"

namespace signs::domain {
namespace {

Glossary sample() {
    return Glossary{{
        {"placement", "home", "Nobody calls their home a placement", TermMatch::Words},
        {"placement breakdown", "moving home", "It hides a painful time", TermMatch::Words},
        {"LAC", "cared for", "An acronym labels a child", TermMatch::ExactCase},
        {"contact", "family time", "A clinical word for seeing family", TermMatch::AsWritten},
        {"engagement", "Say what happened", "Vague, and often blaming", TermMatch::Words},
        {"step down", "Say who will help now", "Nothing is going down", TermMatch::Words},
        {"escalate", "Say what will happen next", "Sounds like a threat", TermMatch::Words},
        {"lacks insight", "Say what they see differently", "A judgement", TermMatch::Words},
        {"non-engagement", "Say what happened", "It blames the parent", TermMatch::Words},
        {"s47", "child protection enquiry", "Families cannot decode it", TermMatch::Words},
        {"core group", "family and workers' planning meeting", "Says who meets", TermMatch::Words},
        {"family", "x", "y", TermMatch::Words},
    }};
}

/// What was found, as written, in order.
std::vector<std::string> found(const Glossary& g, std::string_view text) {
    std::vector<std::string> out;
    for (auto hit : g.find(text)) out.emplace_back(text.substr(hit.offset, hit.length));
    return out;
}

using Words = std::vector<std::string>;

TEST(Glossary, FindsWholeWordsInAnyCase) {
    auto g = sample();
    EXPECT_EQ(found(g, "Her Placement ended; the placement was good."),
              (Words{"Placement", "placement"}));
    EXPECT_EQ(found(g, "CONTACT with Dad"), (Words{"CONTACT"}));
}

TEST(Glossary, NeverHitsInsideAnotherWord) {
    auto g = sample();
    EXPECT_TRUE(
        found(g, "replacements, displacement, contacted, contactless, lack, black").empty());
    EXPECT_TRUE(found(g, "s470 as47").empty());
}

TEST(Glossary, FindsPluralsOfTheLastWord) {
    auto g = sample();
    EXPECT_EQ(found(g, "two placements and three families, the family's view"),
              (Words{"placements", "families", "family's"}));
    EXPECT_EQ(found(g, "core groups met"), (Words{"core groups"}));
    EXPECT_EQ(found(g, "the LACs"), (Words{"LACs"}));
    EXPECT_EQ(found(g, "two contacts a week"), (Words{"contacts"}));
}

TEST(Glossary, FindsEveryFormOfTheWordsByTheirStems) {
    auto g = sample();
    EXPECT_EQ(found(g, "Dad engaged well; Mum is engaging; they engage"),
              (Words{"engaged", "engaging", "engage"}));
    EXPECT_EQ(found(g, "We stepped down the case, and are stepping down the next"),
              (Words{"stepped down", "stepping down"}));
    EXPECT_EQ(found(g, "It was escalated. Escalating it again"),
              (Words{"escalated", "Escalating"}));
    EXPECT_EQ(found(g, "Mum lacked insight, and Dad lack insight"),
              (Words{"lacked insight", "lack insight"}));
    EXPECT_EQ(found(g, "the placement’s end"), (Words{"placement’s"}));
    // A stem is a whole word's: other words starting the same way are not found.
    EXPECT_EQ(found(g, "a stepladder; places; placed; contactable"), Words{});
}

TEST(Glossary, WordsThatOpenOtherwiseThanTheirStemsAreStillFound) {
    // Words are passed over unless they open as some phrase does; these open otherwise
    // than their stems, and short phrases open longer words.
    Glossary g{{
        {"lie", "say what was not true", "test", TermMatch::Words},
        {"sky", "x", "test", TermMatch::Words},
        {"LA", "the council", "An acronym", TermMatch::ExactCase},
        {"in care", "cared for", "test", TermMatch::Words},
    }};
    EXPECT_EQ(found(g, "She was lying; it lies; the skies; two LAs; LA’s; in care"),
              (Words{"lying", "lies", "skies", "LAs", "LA’s", "in care"}));
    EXPECT_EQ(found(g, "Lyra and Skye went into Lancaster"), Words{});
    Glossary y{
        {{"dried", "x", "test", TermMatch::Words}, {"spy", "x", "test", TermMatch::AsWritten}}};
    EXPECT_EQ(found(y, "dry, drying, spies"), (Words{"dry", "drying", "spies"}));
    // Never across a blank line.
    EXPECT_EQ(found(sample(), "the core\n\ngroup"), Words{});
    EXPECT_EQ(found(sample(), "the core\ngroup"), Words{"core\ngroup"});
}

TEST(Glossary, EverydayPhrasesArePassedOverAndHideTheWordsInThem) {
    auto terms = sample().terms();
    terms.push_back({"contact lens", "", "A lens, not family time", TermMatch::Everyday});
    terms.push_back(
        {"escalator", "", "Moving stairs share a stem with escalate", TermMatch::Everyday});
    Glossary g{terms};
    EXPECT_EQ(found(g, "Mum lost a contact lens; two contact lenses; contact with Dad"),
              (Words{"contact"}));
    EXPECT_EQ(found(g, "they rode the escalators, then it escalated"), (Words{"escalated"}));
    // An everyday row needs no suggestion; any other does.
    auto parsed =
        Glossary::parse("phrase,suggestion,reason,match\nescalator,,Moving stairs,everyday\n");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_TRUE(parsed->find("the escalator").empty());
    EXPECT_FALSE(Glossary::parse("phrase,suggestion,reason,match\nescalate,,Why,words\n"));
}

TEST(Glossary, WordsMatchedAsWrittenKeepTheirEverydayForms) {
    auto g = sample();
    EXPECT_EQ(found(g, "I contacted the school and am contacting Dad"), Words{});
    EXPECT_EQ(found(g, "Contact with Gran"), (Words{"Contact"}));
}

TEST(Glossary, AcronymsWhoseCapitalsMatterMatchOnlyInCapitals) {
    auto g = sample();
    EXPECT_EQ(found(g, "the LAC review"), (Words{"LAC"}));
    EXPECT_TRUE(found(g, "a lac of care, Lac").empty());
    EXPECT_EQ(found(g, "an S47 and an s47"), (Words{"S47", "s47"}));
}

TEST(Glossary, TheLongestOverlappingPhraseWins) {
    auto g = sample();
    EXPECT_EQ(found(g, "after the placement breakdown, a new placement"),
              (Words{"placement breakdown", "placement"}));
    EXPECT_EQ(found(g, "placement breakdowns"), (Words{"placement breakdowns"}));
}

TEST(Glossary, PhrasesMayBreakAtSpacesAndHyphensOnly) {
    auto g = sample();
    EXPECT_EQ(found(g, "non-engagement, non engagement, non\nengagement"),
              (Words{"non-engagement", "non engagement", "non\nengagement"}));
    EXPECT_EQ(found(g, "the core. Group"), Words{});
    EXPECT_EQ(found(g, "the core, group"), Words{});
}

TEST(Glossary, CurlyApostrophesAndOtherScriptsAreKept) {
    auto g = sample();
    EXPECT_EQ(found(g, "the family’s contact — café 👍 ليلى"), (Words{"family’s", "contact"}));
    EXPECT_EQ(found(g, "placement—contact"), (Words{"placement", "contact"}));
}

TEST(Glossary, IsReadFromCsvAndRefusesBadRows) {
    auto g = Glossary::parse(
        "phrase,suggestion,reason,match\n"
        "LAC,cared for,An acronym labels a child,exact-case\n"
        "\"contact, supervised\",\"family time, with a worker there\",Says what happens,words\n");
    ASSERT_TRUE(g) << g.error().message;
    ASSERT_EQ(g->terms().size(), 2u);
    EXPECT_EQ(g->terms()[0].match, TermMatch::ExactCase);
    EXPECT_EQ(g->terms()[1].suggestion, "family time, with a worker there");
    auto bad = Glossary::parse("phrase,suggestion,reason,match\nLAC,,why,words\n");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message,
              "Line 2 of the glossary needs a phrase, a suggestion, a reason and a match of words, "
              "exact-case, as-written or everyday");
    EXPECT_FALSE(Glossary::parse("phrase,suggestion,reason,match\nLAC,a,b,sometimes\n"));
    auto written =
        Glossary::parse("phrase,suggestion,reason,match\ncontact,family time,why,as-written\n");
    ASSERT_TRUE(written);
    EXPECT_EQ(written->terms()[0].match, TermMatch::AsWritten);
    EXPECT_FALSE(Glossary::parse("words,instead\nLAC,a\n"));
}

TEST(Glossary, TermsAreChecked) {
    EXPECT_FALSE(check_term({"", "a", "b", TermMatch::Words}));
    EXPECT_FALSE(check_term({"--", "a", "b", TermMatch::Words}));
    EXPECT_FALSE(check_term({"x", std::string(201, 'a'), "b", TermMatch::Words}));
    auto ok = check_term(
        {" ICPC ", " first child protection meeting ", "Decodes it", TermMatch::ExactCase});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->phrase, "ICPC");
}

TEST(Glossary, LocalTermsTakeThePlaceOfTheSameWordsAndAddNewOnes) {
    auto base = sample().terms();
    auto merged = with_local_terms(
        base, {{"Core  Group", "the planning group", "Our own words", TermMatch::Words},
               {"TAF", "the workers helping your family", "Initials", TermMatch::ExactCase}});
    ASSERT_EQ(merged.size(), base.size() + 1);
    Glossary g{merged};
    auto hits = g.find("The core group and the TAF met; taf is not an acronym here.");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(g.terms()[hits[0].term].suggestion, "the planning group");
    EXPECT_EQ(g.terms()[hits[1].term].phrase, "TAF");
    // Without local terms nothing changes.
    EXPECT_EQ(with_local_terms(base, {}).size(), base.size());
}

TEST(TextWords, PlacesCountLinesAndCharacters) {
    std::string_view text = "é a\nbb ccc\n\nd";
    PlaceFinder places{text};
    EXPECT_EQ(places.at(0).column, 1u);
    EXPECT_EQ(places.at(3).column, 3u);  // "a", after a two-byte character
    auto b = places.at(5);
    EXPECT_EQ(b.line, 2u);
    EXPECT_EQ(b.column, 1u);
    auto d = places.at(text.size() - 1);
    EXPECT_EQ(d.line, 4u);
    EXPECT_EQ(d.column, 1u);
}

}  // namespace
}  // namespace signs::domain
