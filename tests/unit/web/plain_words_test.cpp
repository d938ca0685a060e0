#include "web/plain_words.hpp"

#include <gtest/gtest.h>

namespace signs::web {
namespace {

using domain::TermMatch;

domain::Glossary sample() {
    return domain::Glossary{{
        {"contact", "family time", "A clinical word for seeing family", TermMatch::Words},
        {"placement", "home", "Nobody calls their home a placement", TermMatch::Words},
        {"LAC", "cared for", "An acronym labels a child", TermMatch::ExactCase},
    }};
}

Form form(std::string_view encoded) { return *Form::parse(encoded); }

TEST(PlainWords, WordsInProseFieldsRideOnTheRedirect) {
    auto f = form("text=Contact+at+the+placement%2C+more+contact&prose=text&csrf_token=x");
    EXPECT_EQ(with_plain_words("/mappings/3?done=saved", f, sample()),
              "/mappings/3?done=saved&plain=contact&plain=placement");
    EXPECT_EQ(with_plain_words("/children/4#chronology", f, sample()),
              "/children/4?plain=contact&plain=placement#chronology");
}

TEST(PlainWords, OnlyFieldsNamedAsProseAreRead) {
    // An address or a name is not writing to be made plainer.
    auto f = form("lines=1+Contact+Lane&name=LAC&text=All+well");
    EXPECT_EQ(with_plain_words("/x", f, sample()), "/x");
    auto g = form("lines=1+Contact+Lane&prose=text&text=All+well");
    EXPECT_EQ(with_plain_words("/x", g, sample()), "/x");
}

TEST(PlainWords, AtMostEightWordsAreCarried) {
    std::vector<domain::Term> many;
    std::string text;
    for (int i = 0; i < 12; ++i) {
        many.push_back({"word" + std::to_string(i), "s", "r", TermMatch::Words});
        text += "word" + std::to_string(i) + "+";
    }
    auto location = with_plain_words("/x", form("prose=a&a=" + text), domain::Glossary{many});
    std::size_t count = 0;
    for (std::size_t at = 0; (at = location.find("plain=", at)) != std::string::npos; ++at) ++count;
    EXPECT_EQ(count, kMostPlainWords);
}

TEST(PlainWords, AnAddressShowsOnlyWhatTheGlossaryHolds) {
    auto query = form(
        "done=saved&plain=contact&plain=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
        "&plain=contact&plain=LAC&plain=lac");
    auto words = plain_words_in(query, sample());
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0].words, "contact");
    EXPECT_EQ(words[0].suggestion, "family time");
    EXPECT_EQ(words[1].words, "LAC");
}

}  // namespace
}  // namespace signs::web
