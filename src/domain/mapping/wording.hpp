#pragma once
/// The words a mapping uses, which change with the practice variant: early help speaks of
/// worries and wellbeing goals, child protection of danger statements and safety goals,
/// children in care of stability goals. The data is the same in every variant; only these
/// labels and the scale's wording differ. Every score stores the wording in force when it
/// was given, so history stays true if an administrator renames things later.
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/casework/service_level.hpp"

namespace signs::domain {

struct ScaleWording {
    std::string question;
    std::string zero;                      ///< what 0 means, in plain words
    std::string ten;                       ///< what 10 means
    std::string direction = "10-is-best";  ///< stored with each score; councils differ
};

struct MappingWording {
    std::string worried_column;  ///< "What are we worried about?"
    std::string working_column;  ///< "What's working well?"
    std::string needs_column;    ///< "What needs to happen?"
    std::string statement;       ///< "Danger statement" / "Worry statement"
    std::string goal;            ///< "Safety goal" / "Wellbeing goal" / "Stability goal"
    std::string harm;            ///< "Harm" / "Worries"
    ScaleWording scale;
    std::string name;  ///< "Signs of Stability"; some councils say "Signs of Success"
};

/// The built-in wording for a variant.
MappingWording default_wording(PracticeVariant variant);

/// One piece of a variant's wording that an administrator may put in the council's own words.
struct WordingField {
    std::string_view key;
    std::string_view label;
    std::size_t max_chars;
    std::string& (*text)(MappingWording&);
};
std::span<const WordingField> wording_fields();

/// The wording with a council's own words (by field key) in place of the built-in ones.
MappingWording apply_wording(MappingWording wording,
                             const std::map<std::string, std::string>& own_words);

/// Checks a council's words for one variant: every key known, none empty, none too long,
/// each on one line. Returns them trimmed.
core::Result<std::map<std::string, std::string>> check_wording(
    const std::map<std::string, std::string>& own_words);

}  // namespace signs::domain
