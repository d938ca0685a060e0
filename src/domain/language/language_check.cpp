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
    auto& findings = report.findings;
    // A long text is read a part at a time, each part whole paragraphs: what is learnt about
    // the words and sentences of one part is dropped before the next, so the memory in use
    // stays small and warm however long the text (touching fresh memory was a third of the
    // time on a 10 MB text).
    constexpr std::size_t kPart = 64 * 1024;
    // Room for findings as dense as the densest notes have them (one in 40 bytes): memory
    // set aside but not yet used costs nothing, while growing would copy it all again.
    findings.reserve(text.size() / 32 + 16);
    TextScan scan;
    WordMemo memo;
    std::vector<TermHit> hits;
    PlaceFinder places{text};
    for (std::size_t from = 0; from < text.size();) {
        auto end = part_end(text, from, kPart);
        scan_text_into(scan, text.substr(from, end - from), from);
        count_into(report.readability, scan, text);
        hits.clear();
        glossary.find_into(text, scan.words, memo, hits);
        auto first = findings.size();
        auto add = [&](FindingKind kind, std::size_t offset, std::size_t length, std::size_t term,
                       std::size_t words) {
            findings.push_back(
                {kind, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length), 1, 1,
                 static_cast<std::uint32_t>(term), static_cast<std::uint32_t>(words)});
        };
        for (const auto& hit : hits) add(FindingKind::Term, hit.offset, hit.length, hit.term, 0);
        auto terms_end = findings.size();
        for (auto s : long_sentences(scan, text))
            add(FindingKind::LongSentence, s.offset, s.length, 0, s.words);
        auto long_end = findings.size();
        for (auto span : passive_phrases(scan, text))
            add(FindingKind::Passive, span.offset, span.length, 0, 0);
        // Each kind comes in order already, so merging them puts the part in order.
        auto by_offset = [](const Finding& a, const Finding& b) { return a.offset < b.offset; };
        auto at = [&](std::size_t i) { return findings.begin() + static_cast<std::ptrdiff_t>(i); };
        std::inplace_merge(at(first), at(terms_end), at(long_end), by_offset);
        std::inplace_merge(at(first), at(long_end), findings.end(), by_offset);
        for (auto i = first; i < findings.size(); ++i) {
            auto place = places.at(findings[i].offset);
            findings[i].line = static_cast<std::uint32_t>(place.line);
            findings[i].column = static_cast<std::uint32_t>(place.column);
        }
        from = end;
    }
    score(report.readability);
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
