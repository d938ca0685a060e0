#pragma once
/// Everything the plain-language checker says about a piece of writing: each word from the
/// glossary, each long sentence and each passive phrase, where it is and what to do instead,
/// and how easy the whole is to read. Suggestions only: nothing here ever stops a save.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language/glossary.hpp"
#include "domain/language/readability.hpp"

namespace signs::domain {

enum class FindingKind { Term, LongSentence, Passive };

std::string_view finding_kind_code(FindingKind kind);  ///< "term", "long-sentence", "passive"

struct Finding {
    FindingKind kind = FindingKind::Term;
    std::size_t offset = 0, length = 0;  ///< bytes
    std::size_t line = 1, column = 1;    ///< from 1; columns count characters
    std::string words;                   ///< what was found, as written (a long sentence's start)
    std::string suggestion, reason;
};

struct LanguageReport {
    std::vector<Finding> findings;  ///< in the order they appear
    Readability readability;
};

/// `text` must be valid UTF-8.
LanguageReport check_language(const Glossary& glossary, std::string_view text);

}  // namespace signs::domain
