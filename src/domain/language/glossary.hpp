#pragma once
/// Professional words families do not use, with plainer ones: the list in
/// data/plain-language.csv plus the council's own. Matching is by whole words, ignoring case,
/// and by word stems, so "engagement" also finds "engaged" and "engaging". Two kinds of term
/// match more narrowly: acronyms whose capitals matter ("LAC") only in those capitals, and
/// words whose other forms are everyday English ("contact", but not "contacted") only as
/// written; both find the plural of the phrase's last word too. Where phrases overlap, the
/// longest one found wins. Everyday phrases that hold a listed word in its ordinary sense
/// ("contact lens", "escalator") are listed too, so that they are passed over, never shown.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "domain/language/text_words.hpp"

namespace signs::domain {

enum class TermMatch {
    Words,      ///< every form of the words, any case
    ExactCase,  ///< whole words, in the capitals written (acronyms such as "LAC")
    AsWritten,  ///< whole words as written, any case, and the plural
    Everyday,   ///< as written, and never reported: words used in their ordinary sense
};

/// The glossary file's name for a kind of match: "words", "exact-case", "as-written" or
/// "everyday".
std::string_view term_match_code(TermMatch match);

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

/// What finding terms learns about each distinct word of a text, kept from one part of the
/// text to the next when a long text is read a part at a time. The text must outlive it.
class WordMemo {
  public:
    WordMemo();
    ~WordMemo();
    WordMemo(const WordMemo&) = delete;
    WordMemo& operator=(const WordMemo&) = delete;
    struct Words;  ///< defined where the glossary is, which alone reads it

  private:
    friend class Glossary;
    std::unique_ptr<Words> words_;
};

class Glossary {
  public:
    Glossary() = default;
    explicit Glossary(std::vector<Term> terms);

    /// Reads "phrase,suggestion,reason,match" rows (match is "words", "exact-case",
    /// "as-written" or "everyday"), with an optional "meaning" column; an error names the
    /// first bad line. An everyday row needs no suggestion: its reason says why it is plain.
    static core::Result<Glossary> parse(std::string_view csv);

    const std::vector<Term>& terms() const { return terms_; }
    /// Every term in `text`, in order, none overlapping; everyday phrases are never among them.
    std::vector<TermHit> find(std::string_view text) const;
    /// The same, from the words of `text` already found.
    std::vector<TermHit> find(std::string_view text, const std::vector<TextWord>& words) const;
    /// The same for one part of a long text (`words` point into the whole `text`), appended
    /// to `out`; `memo` carries what was learnt of each word to the next part.
    void find_into(std::string_view text, const std::vector<TextWord>& words, WordMemo& memo,
                   std::vector<TermHit>& out) const;

    struct Phrase {
        std::size_t term;
        TermMatch match;
        /// Stems for Words, folded for AsWritten, as written for ExactCase.
        std::vector<std::string> words;
    };

  private:
    std::vector<Term> terms_;
    std::vector<Phrase> phrases_;
    /// Indexes into phrases_ by their first word's key (its stem, folded form or capitals).
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
    /// The openings (first one, two or three letters, folded) that some phrase's first word
    /// has, hashed into bits: most words of a text open none and are passed over unread.
    std::vector<std::uint64_t> openings_;
    void add_opening(std::string_view word);
    bool may_open_a_phrase(std::string_view word) const;
};

/// The file's terms with the council's own after them. A local term whose words match one of
/// the file's, ignoring case, takes that one's place.
std::vector<Term> with_local_terms(std::vector<Term> file_terms, const std::vector<Term>& local);

/// A term's checks: a phrase with at least one word, a suggestion (unless it is an everyday
/// phrase) and a reason, each at most 200 characters, and a meaning of at most 300 if there
/// is one; errors name the field.
core::Result<Term> check_term(const Term& term);

}  // namespace signs::domain
