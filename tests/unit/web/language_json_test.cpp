#include "web/language_json.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

namespace signs::web {
namespace {

using domain::TermMatch;

domain::Glossary sample() {
    return domain::Glossary{{
        {"LAC", "cared for", "An acronym \"labels\" a child", TermMatch::ExactCase,
         "A child the council looks after"},
        {"contact", "family time", "Sounds like a procedure", TermMatch::AsWritten},
    }};
}

TEST(LanguageJson, TermsAreListedOnceAndFindingsPointAtThem) {
    auto g = sample();
    std::string text = "Contact at the LAC review.\nThe LAC team met. Contact again. Jo was seen.";
    auto report = domain::check_language(g, text);
    auto json = nlohmann::json::parse(language_report_json(g, report, text));
    ASSERT_EQ(json["findings"].size(), 5u);
    EXPECT_EQ(json["terms"].size(), 2u);
    const auto& first = json["findings"][0];
    EXPECT_EQ(first["kind"], "term");
    EXPECT_EQ(first["words"], "Contact");
    EXPECT_EQ(first["line"], 1);
    EXPECT_EQ(first["column"], 1);
    EXPECT_FALSE(first.contains("suggestion"));
    auto contact = json["terms"][first["term"].get<std::size_t>()];
    EXPECT_EQ(contact["phrase"], "contact");
    EXPECT_EQ(contact["suggestion"], "family time");
    EXPECT_FALSE(contact.contains("meaning"));
    auto lac = json["terms"][json["findings"][1]["term"].get<std::size_t>()];
    EXPECT_EQ(lac["reason"], "An acronym \"labels\" a child");
    EXPECT_EQ(lac["meaning"], "A child the council looks after");
    EXPECT_EQ(json["findings"][2]["term"], json["findings"][1]["term"]);
    const auto& passive = json["findings"][4];
    EXPECT_EQ(passive["kind"], "passive");
    EXPECT_EQ(passive["words"], "was seen");
    EXPECT_EQ(passive["line"], 2);
    EXPECT_TRUE(passive.contains("suggestion"));
    EXPECT_EQ(json["readability"]["sentences"], 4);
}

TEST(LanguageJson, EveryCharacterSurvivesTheTripThroughJson) {
    auto g = sample();
    // One long sentence, so its opening carries quotes, a backslash, control characters and
    // other scripts into the JSON.
    std::string text = "LAC \"quoted\" back\\slash\ttab\x01 \xF0\x9F\x8F\xA0 ليلى Zoë";
    for (int i = 0; i < 30; ++i) text += " and";
    auto report = domain::check_language(g, text);
    auto json = nlohmann::json::parse(language_report_json(g, report, text));
    ASSERT_EQ(json["findings"].size(), 2u);
    EXPECT_EQ(json["findings"][0]["words"], "LAC");
    EXPECT_EQ(json["findings"][1]["kind"], "long-sentence");
    EXPECT_TRUE(json["findings"][1]["words"].get<std::string>().starts_with(
        "LAC \"quoted\" back\\slash\ttab\x01 \xF0\x9F\x8F\xA0 ليلى Zoë and"));
}

TEST(LanguageJson, WrittenToAFileItIsTheSameAsInMemory) {
    auto g = sample();
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "Contact with the LAC team was arranged. ";
    auto report = domain::check_language(g, text);
    auto whole = language_report_json(g, report, text);
    ASSERT_GT(whole.size(), std::size_t{1} << 17);  // bigger than the buffer, so it spills
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    std::string buffer;
    write_language_json(buffer, g, report, text, file);
    EXPECT_TRUE(buffer.empty());
    std::rewind(file);
    std::string written;
    char chunk[4096];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;)
        written.append(chunk, n);
    std::fclose(file);
    EXPECT_EQ(written, whole);
}

}  // namespace
}  // namespace signs::web
