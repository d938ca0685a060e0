#pragma once
/// Professional words families do not use, with plainer ones: the list in
/// data/plain-language.csv plus the council's own. Matching is by whole words, ignoring case
/// (acronyms whose capitals matter, like "LAC", only in capitals), and finds the plural of a
/// phrase's last word too. Where phrases overlap, the longest one found wins.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace signs::domain {

enum class TermMatch {
    Words,      ///< whole words, any case
    ExactCase,  ///< whole words, in the capitals written (acronyms such as "LAC")
};

struct Term {
    std::string phrase, suggestion, reason;
    TermMatch match = TermMatch::Words;
    /// What the term means, for a family who meets it in a document; empty for a word that
    /// should be rewritten rather than explained ("non-engagement").
    std::string meaning = {};
};

struct TermHit {
    std::size_t offset = 0, length = 0;  ///< bytes of the text found
    std::size_t term = 0;                ///< index into Glossary::terms()
};

class Glossary {
  public:
    Glossary() = default;
    explicit Glossary(std::vector<Term> terms);

    /// Reads "phrase,suggestion,reason,match" rows (match is "words" or "exact-case"), with
    /// an optional "meaning" column; an error names the first bad line.
    static core::Result<Glossary> parse(std::string_view csv);

    const std::vector<Term>& terms() const { return terms_; }
    /// Every term in `text`, in order, none overlapping.
    std::vector<TermHit> find(std::string_view text) const;

  private:
    struct Phrase {
        std::size_t term;
        std::vector<std::string> words;  ///< folded unless the term is exact-case
    };

    std::vector<Term> terms_;
    /// Phrases by their first word folded, longest first.
    std::unordered_map<std::string, std::vector<Phrase>> by_first_word_;
};

/// The file's terms with the council's own after them. A local term whose words match one of
/// the file's, ignoring case, takes that one's place.
std::vector<Term> with_local_terms(std::vector<Term> file_terms, const std::vector<Term>& local);

/// A term's checks: a phrase with at least one word, a suggestion and a reason, each at most
/// 200 characters, and a meaning of at most 300 if there is one; errors name the field.
core::Result<Term> check_term(const Term& term);

}  // namespace signs::domain
