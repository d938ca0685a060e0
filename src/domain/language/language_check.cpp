#include "domain/language/language_check.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "domain/language/text_words.hpp"

namespace signs::domain {
namespace {

constexpr std::string_view kLongReason =
    "Long sentences are hard to follow, and harder still when the news in them is hard";
constexpr std::string_view kPassiveReason = "Without the person, a family cannot tell who did what";

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

std::string sentence_opening(std::string_view sentence) {
    constexpr std::size_t kShown = 60;
    if (core::utf8_length(sentence) <= kShown) return std::string{sentence};
    return std::string{core::utf8_prefix(sentence, kShown)} + "…";
}

LanguageReport check_language(const Glossary& glossary, std::string_view text) {
    LanguageReport report;
    auto scan = scan_text(text);
    report.readability = readability(scan, text);
    auto& findings = report.findings;
    auto hits = glossary.find(text, scan.words);
    findings.reserve(hits.size() + scan.sentences.size() / 4);
    for (const auto& hit : hits)
        findings.push_back({FindingKind::Term, hit.offset, hit.length, 1, 1, hit.term, 0});
    auto terms_end = findings.size();
    for (auto s : long_sentences(scan, text))
        findings.push_back({FindingKind::LongSentence, s.offset, s.length, 1, 1, 0, s.words});
    auto long_end = findings.size();
    for (auto span : passive_phrases(scan, text))
        findings.push_back({FindingKind::Passive, span.offset, span.length, 1, 1, 0, 0});
    // Each kind comes in order already, so merging them puts the whole in order.
    auto by_offset = [](const Finding& a, const Finding& b) { return a.offset < b.offset; };
    auto begin = findings.begin();
    std::inplace_merge(begin, begin + static_cast<std::ptrdiff_t>(terms_end),
                       begin + static_cast<std::ptrdiff_t>(long_end), by_offset);
    std::inplace_merge(begin, begin + static_cast<std::ptrdiff_t>(long_end), findings.end(),
                       by_offset);
    PlaceFinder places{text};
    for (auto& f : findings) {
        auto place = places.at(f.offset);
        f.line = place.line;
        f.column = place.column;
    }
    return report;
}

Advice advice_for(const Finding& finding, const Glossary& glossary, std::string_view text) {
    auto found = text.substr(finding.offset, finding.length);
    switch (finding.kind) {
        case FindingKind::Term: {
            const auto& term = glossary.terms()[finding.term];
            return {std::string{found}, term.suggestion, term.reason};
        }
        case FindingKind::LongSentence:
            return {sentence_opening(found),
                    "Split it: it has " + std::to_string(finding.words) + " words; aim for " +
                        std::to_string(kLongSentenceWords) + " or fewer",
                    kLongReason};
        case FindingKind::Passive:
            return {std::string{found},
                    "Say who did it: \"Sam saw\" rather than \"" + std::string{found} + "\"",
                    kPassiveReason};
    }
    return {};
}

}  // namespace signs::domain
