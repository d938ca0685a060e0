#pragma once
/// Everything the plain-language checker says about a piece of writing: each word from the
/// glossary, each long sentence and each passive phrase, where it is and what to do instead,
/// and how easy the whole is to read. Suggestions only: nothing here ever stops a save.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language/glossary.hpp"
#include "domain/language/readability.hpp"

namespace signs::domain {

enum class FindingKind : std::uint8_t { Term, LongSentence, Passive };

std::string_view finding_kind_code(FindingKind kind);  ///< "term", "long-sentence", "passive"

/// The longest text checked: a finding counts in 32 bits.
inline constexpr std::size_t kMostCheckedBytes = 0xFFFF'FFFFu;

/// Where something was found. A finding points into the text and, for a term, at its
/// glossary entry, rather than carrying copies, and counts in 32 bits: a long, dense text
/// has hundreds of thousands, and their memory was a tenth of the time.
struct Finding {
    FindingKind kind = FindingKind::Term;
    std::uint32_t offset = 0, length = 0;  ///< bytes
    std::uint32_t line = 1, column = 1;    ///< from 1; columns count characters
    std::uint32_t term = 0;                ///< into Glossary::terms(), for a term
    std::uint32_t words = 0;               ///< how many, for a long sentence
};

struct LanguageReport {
    std::vector<Finding> findings;  ///< in the order they appear
    Readability readability;
};

/// `text` must be valid UTF-8 and at most kMostCheckedBytes long. The report points into
/// `text` and `glossary`.
LanguageReport check_language(const Glossary& glossary, std::string_view text);

/// What to tell the writer about one finding.
struct Advice {
    std::string words;       ///< what was found, as written (a long sentence's start)
    std::string suggestion;  ///< what to do instead
    std::string_view reason;
};

Advice advice_for(const Finding& finding, const Glossary& glossary, std::string_view text);

/// The opening of a long sentence, enough for the writer to find it.
std::string sentence_opening(std::string_view sentence);

}  // namespace signs::domain
