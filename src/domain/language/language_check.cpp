#include "domain/language/language_check.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "domain/language/text_words.hpp"

namespace signs::domain {
namespace {

/// The start of a long sentence, enough for the writer to find it.
std::string opening(std::string_view sentence) {
    constexpr std::size_t kShown = 60;
    if (core::utf8_length(sentence) <= kShown) return std::string{sentence};
    return std::string{core::utf8_prefix(sentence, kShown)} + "…";
}

}  // namespace

std::string_view finding_kind_code(FindingKind kind) {
    switch (kind) {
        case FindingKind::Term:
            return "term";
        case FindingKind::LongSentence:
            return "long-sentence";
        case FindingKind::Passive:
            return "passive";
    }
    return "term";
}

LanguageReport check_language(const Glossary& glossary, std::string_view text) {
    LanguageReport report;
    report.readability = readability(text);
    auto& findings = report.findings;
    for (const auto& hit : glossary.find(text)) {
        const auto& term = glossary.terms()[hit.term];
        findings.push_back({FindingKind::Term, hit.offset, hit.length, 1, 1,
                            std::string{text.substr(hit.offset, hit.length)}, term.suggestion,
                            term.reason});
    }
    for (auto span : long_sentences(text)) {
        auto sentence = text.substr(span.offset, span.length);
        auto words = words_in(sentence).size();
        findings.push_back({FindingKind::LongSentence, span.offset, span.length, 1, 1,
                            opening(sentence),
                            "Split it: it has " + std::to_string(words) + " words; aim for " +
                                std::to_string(kLongSentenceWords) + " or fewer",
                            "Long sentences are hard to follow, and harder still when the news "
                            "in them is hard"});
    }
    for (auto span : passive_phrases(text)) {
        auto words = std::string{text.substr(span.offset, span.length)};
        findings.push_back({FindingKind::Passive, span.offset, span.length, 1, 1, words,
                            "Say who did it: \"Sam saw\" rather than \"" + words + "\"",
                            "Without the person, a family cannot tell who did what"});
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
    PlaceFinder places{text};
    for (auto& f : findings) {
        auto place = places.at(f.offset);
        f.line = place.line;
        f.column = place.column;
    }
    return report;
}

}  // namespace signs::domain
