#pragma once
/// A document written for a family rather than for the file: plain headings, their own words,
/// dates in words, and no record numbers. The same document is drawn as a print page and as a
/// PDF, so both say exactly the same thing.
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"

#include "domain/language/glossary.hpp"

namespace signs::domain {

struct DocumentBlock {
    enum class Kind {
        Subheading,  ///< a goal, a person
        Paragraph,
        Bullet,
        Detail,  ///< a labelled line under a bullet or subheading: "Who: Gran Pat"
    };
    Kind kind = Kind::Paragraph;
    std::string text;
    std::string label;  ///< for Detail: "Who"
};

struct DocumentSection {
    std::string heading;
    std::vector<DocumentBlock> blocks;
};

struct FamilyDocument {
    std::string title;     ///< "Our safety plan"
    std::string for_whom;  ///< the children's first names: "Maya and Leo"
    std::string dated;     ///< ISO date the document's content is from
    std::vector<DocumentSection> sections;

    /// Every word of the document in reading order, one block per line, as the family reads
    /// it on paper: what a record of a copy given keeps, and what tells versions apart.
    std::string plain_text() const;
};

/// How a document reached someone.
std::span<const CodeLabel> given_ways();

/// A record that a document was given to someone, as typed.
struct GivenForm {
    std::string given_to;
    std::string day, month, year;
    std::string how;  ///< a given_ways() code
};
struct Given {
    std::string given_to;
    core::CivilDate on;
    std::string how;
};
/// Who it went to (at most 200 characters), a real date no later than `today` and no
/// earlier than the document's own date, and how.
core::Result<Given> check_given(const GivenForm& form, core::CivilDate document_date,
                                core::CivilDate today);

/// "Maya", "Maya and Leo", "Maya, Leo and Sam".
std::string names_joined(const std::vector<std::string>& names);

inline constexpr std::string_view kWordsWeUse = "Words we use";

/// Ends the document with a "Words we use" section: each glossary term its text uses that
/// has a meaning (first use first, once each), so a family meets no professional word without
/// its meaning. Words with no meaning are ones to rewrite, which the checker asks writers to
/// do. No section when there is nothing to explain.
void explain_jargon(FamilyDocument& document, const Glossary& glossary);

}  // namespace signs::domain
