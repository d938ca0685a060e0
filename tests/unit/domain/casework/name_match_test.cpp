#include "domain/casework/name_match.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace signs::domain {
namespace {

bool contains(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

bool share_a_key(std::string_view query_word, std::string_view full_name) {
    auto query = name_query_keys(query_word);
    auto index = name_index_keys(full_name);
    return std::any_of(query.begin(), query.end(),
                       [&](const std::string& key) { return contains(index, key); });
}

TEST(NameMatch, NormalisesCaseMarksAndPunctuation) {
    struct Case {
        std::string text;
        std::string expected;
    };
    const Case cases[] = {
        {"Johnson", "johnson"},
        {"  Mary   Jane  ", "mary jane"},
        {"Smith-Jones", "smith jones"},
        {"Smith - Jones", "smith jones"},
        {"Carter, Sam", "carter sam"},
        {"O'Neil", "oneil"},
        {"O’Neil", "oneil"},
        {"D`Arcy", "darcy"},
        {"J. R. Hartley", "j r hartley"},
        {"Zoë", "zoe"},
        {"ZOË", "zoe"},
        {"Zoe\xCC\x88", "zoe"},  // e followed by a combining diaeresis
        {"Łucja Wójcik", "lucja wojcik"},
        {"Ştefan Ţiriac", "stefan tiriac"},
        {"Șerban", "serban"},
        {"Strauß", "strauss"},
        {"Æsa Øberg", "aesa oberg"},
        {"ÉLODIE", "elodie"},
        {"ИВАН", "иван"},
        {"Νίκος", "νικοσ"},
        {"ΆΝΝΑ Ελένη", "αννα ελενη"},
        {"ΝΙΚΌΛΑΟΣ", "νικολαοσ"},
        {"Νικόλαος", "νικολαοσ"},
        {"Ϊόλη Ϋψηλάντη", "ιολη υψηλαντη"},
        {"李小龍", "李小龍"},
        {"Mary\xC2\xA0Jane", "mary jane"},  // no-break space
        {"Mary–Jane", "mary jane"},         // en dash
        {"Sam\tCarter\n", "sam carter"},
        {"Sam\xFF Carter", "sam carter"},  // a stray byte is dropped
        {"", ""},
        {" - , ", ""},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(normalise_name(c.text), c.expected) << "'" << c.text << "'";
    }
}

TEST(NameMatch, SplitsIntoWords) {
    EXPECT_EQ(name_words("Anne-Marie  O'Brien"),
              (std::vector<std::string>{"anne", "marie", "obrien"}));
    EXPECT_TRUE(name_words("  ").empty());
}

TEST(NameMatch, IndexKeysHoldEachWordAndItsDeletions) {
    EXPECT_EQ(name_index_keys("Smith"),
              (std::vector<std::string>{"mith", "sith", "smih", "smit", "smith", "smth"}));
    // Short words are kept whole: deleting from them finds too many strangers.
    EXPECT_EQ(name_index_keys("Li Bo"), (std::vector<std::string>{"bo", "li"}));
    // A repeated letter deletes to the same key once.
    EXPECT_EQ(name_index_keys("Anna"), (std::vector<std::string>{"ana", "ann", "anna", "nna"}));
    auto keys = name_index_keys("Zoë Smith-Jones");
    for (const char* key : {"zoe", "smith", "smth", "jones", "joes", "ones"}) {
        EXPECT_TRUE(contains(keys, key)) << key;
    }
}

TEST(NameMatch, DeletesWholeCharactersNotBytes) {
    auto keys = name_index_keys("Иван");
    EXPECT_EQ(keys, (std::vector<std::string>{"ван", "иан", "ива", "иван", "ивн"}));
    EXPECT_EQ(name_query_keys("Łucja"), name_index_keys("lucja"));
}

TEST(NameMatch, QueryKeysAreBuiltLikeIndexKeys) {
    EXPECT_EQ(name_query_keys("Jhonson"), name_index_keys("jhonson"));
    EXPECT_TRUE(contains(name_query_keys("Jhonson"), "jonson"));
    EXPECT_TRUE(name_query_keys("").empty());
}

TEST(NameMatch, WordsWithinOneEdit) {
    struct Case {
        std::string a;
        std::string b;
        bool expected;
    };
    const Case cases[] = {
        {"johnson", "johnson", true},
        {"jonson", "johnson", true},    // one missing
        {"johnnson", "johnson", true},  // one extra
        {"jahnson", "johnson", true},   // one changed
        {"jhonson", "johnson", true},
        {"smtih", "smith", true},  // neighbours swapped
        {"msith", "smith", true},
        {"smiht", "smith", true},   // at either end
        {"smith", "smyht", false},  // changed and swapped
        {"jonsen", "johnson", false},
        {"smith", "smithers", false},  // two or more apart
        {"smith", "htims", false},
        {"", "a", true},
        {"", "", true},
        {"", "ab", false},
        {"zoë", "zoe", true},
        {"zoë", "zöe", false},  // characters, not bytes
    };
    for (const auto& c : cases) {
        EXPECT_EQ(word_within_one_edit(c.a, c.b), c.expected) << c.a << " / " << c.b;
        EXPECT_EQ(word_within_one_edit(c.b, c.a), c.expected) << c.b << " / " << c.a;
    }
}

TEST(NameMatch, FindsChildrenDespiteSlips) {
    struct Case {
        std::string query;
        std::string name;
        bool expected;
    };
    const Case cases[] = {
        {"Johnson", "Tyler Johnson", true},
        {"Jonson", "Tyler Johnson", true},
        {"Jhonson", "Tyler Johnson", true},
        {"Smtih", "Kai Smith", true},
        {"kai smith", "Kai Smith", true},
        {"smith kai", "Kai Smith", true},  // any order
        {"Jo", "Joanne Carter", true},     // the start of a word
        {"Jo Car", "Joanne Carter", true},
        {"Ann", "Anna Lee", true},  // a prefix, so yes
        {"Anna", "Ann Lee", false},
        {"Li", "Anna Lee", false},  // too short to allow a slip
        {"Lee", "Anna Li", false},
        {"J", "Joanne Carter", false},  // one letter must be a whole word
        {"J", "J Carter", true},
        {"smith", "Ava Smith-Jones", true},
        {"jones", "Ava Smith-Jones", true},
        {"Smith-Jones", "Ava Smith Jones", true},
        {"Zoe", "Zoë O'Brien", true},
        {"ZOË", "Zoe Obrien", true},
        {"obrien", "Zoë O'Brien", true},
        {"O'Brian", "Zoë O'Brien", true},
        {"Zoe Smith", "Zoë O'Brien", false},  // every query word must match
        {"Tyler", "Kai Smith", false},
        {"", "Kai Smith", false},
        {"  ", "Kai Smith", false},
        {"Kai", "", false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(name_matches(c.query, c.name), c.expected) << c.query << " / " << c.name;
    }
}

TEST(NameMatch, EveryFuzzyHitSharesAKeyWithTheName) {
    // The store narrows the search with keys before name_matches() decides, so a slip that
    // name_matches() accepts must never be lost at the key stage.
    const std::pair<std::string, std::string> pairs[] = {
        {"Jonson", "Johnson"}, {"Jhonson", "Johnson"}, {"Jahnson", "Johnson"},
        {"Smtih", "Smith"},    {"Msith", "Smith"},     {"Smiht", "Smith"},
        {"Smithe", "Smith"},   {"Renne", "Renée"},     {"Łucia", "Lucja"},
    };
    for (const auto& [query, name] : pairs) {
        EXPECT_TRUE(name_matches(query, name)) << query << " / " << name;
        EXPECT_TRUE(share_a_key(query, name)) << query << " / " << name;
    }
    EXPECT_FALSE(share_a_key("Tyler", "Smith"));
}

TEST(NameMatch, EverySingleSlipOfAWordIsFoundThroughTheKeys) {
    for (std::string word : {"anna", "smith", "johnson"}) {
        std::vector<std::string> slips;
        for (std::size_t i = 0; i <= word.size(); ++i) {
            for (char c : {'a', 'n', 'x'}) slips.push_back(word.substr(0, i) + c + word.substr(i));
            if (i == word.size()) continue;
            slips.push_back(word.substr(0, i) + word.substr(i + 1));
            slips.push_back(word.substr(0, i) + 'x' + word.substr(i + 1));
            if (i + 1 < word.size()) {
                auto swapped = word;
                std::swap(swapped[i], swapped[i + 1]);
                slips.push_back(swapped);
            }
        }
        for (const auto& slip : slips) {
            ASSERT_TRUE(word_within_one_edit(slip, word)) << slip << " / " << word;
            if (slip.size() < 4) continue;
            EXPECT_TRUE(name_matches(slip, word)) << slip << " / " << word;
            EXPECT_TRUE(share_a_key(slip, word)) << slip << " / " << word;
        }
    }
}

TEST(NameMatch, SpotsLikelyDuplicates) {
    struct Case {
        std::string a;
        std::string b;
        bool expected;
    };
    const Case cases[] = {
        {"Kai Smith", "Kai Smith", true},
        {"Kai Smith", "kai smith", true},
        {"Kai Smith", "Smith Kai", true},  // names entered the wrong way round
        {"Tyler Johnson", "Tyler Jonson", true},
        {"Tyler Johnson", "Tylor Jhonson", true},
        {"Tyler James Johnson", "Tyler Johnson", true},  // a middle name missing
        {"Jon Carter", "John Carter", true},
        {"Zoë O'Brien", "Zoe OBrien", true},
        {"Ben Carter", "Ken Carter", false},  // short words must be equal
        {"Kai Smith", "Kai Jones", false},
        {"Kai Smith", "Ava Smith", false},
        {"Tyler James Johnson", "James Tyler", false},
        {"Smith", "Smith", true},
        {"Smith", "Kai Smith", false},
        {"", "", false},
        {"Kai Smith", "", false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(names_look_alike(c.a, c.b), c.expected) << c.a << " / " << c.b;
        EXPECT_EQ(names_look_alike(c.b, c.a), c.expected) << c.b << " / " << c.a;
    }
}

}  // namespace
}  // namespace signs::domain
