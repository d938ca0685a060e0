#include "domain/language/glossary.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

#include "core/csv.hpp"
#include "core/validation.hpp"
#include "domain/language/text_words.hpp"
#include "domain/language/word_stem.hpp"

namespace signs::domain {
namespace {

/// The singular forms a word could have: "placements" -> "placement",
/// "families" -> "family", "boxes" -> "box", "child's" -> "child".
std::vector<std::string> singulars(const std::string& word) {
    std::vector<std::string> out;
    auto ends = [&](std::string_view tail) {
        return word.size() > tail.size() + 1 && word.ends_with(tail);
    };
    if (ends("'s")) out.push_back(word.substr(0, word.size() - 2));
    if (ends("ies")) out.push_back(word.substr(0, word.size() - 3) + "y");
    if (ends("es")) out.push_back(word.substr(0, word.size() - 2));
    if (ends("s")) out.push_back(word.substr(0, word.size() - 1));
    return out;
}

/// Whether `word` is `base` in the plural, or with "'s".
bool plural_of(std::string_view word, std::string_view base) {
    auto is = [&](std::string_view start, std::string_view tail) {
        return !start.empty() && word.size() == start.size() + tail.size() &&
               word.starts_with(start) && word.ends_with(tail);
    };
    if (is(base, "'s") || is(base, "s") || is(base, "es")) return true;
    return base.ends_with('y') && is(base.substr(0, base.size() - 1), "ies");
}

/// The word as written, with curly apostrophes made straight.
std::string straight(std::string_view word) {
    std::string out{word};
    for (std::size_t at; (at = out.find("\xE2\x80\x99")) != std::string::npos;)
        out.replace(at, 3, "'");
    return out;
}

/// Between two words of a phrase only spaces and hyphens may come: "non-engagement" and
/// "non engagement" are the same phrase, "non. Engagement" is not.
bool joined(std::string_view gap) {
    return std::all_of(gap.begin(), gap.end(),
                       [](char c) { return c == ' ' || c == '-' || c == '\t' || c == '\n'; });
}

/// A word of the text in each form a phrase may be matched on, and the phrases that could
/// start with it.
struct WordForms {
    std::string folded, stem, written;
    std::vector<std::size_t> starts;  ///< into the glossary's phrases, longest first
};

/// Each distinct word of a text made into its forms once: case notes use the same few
/// thousand words over and over, and stemming is the costly part.
class WordBook {
  public:
    WordBook(std::string_view text, const std::vector<TextWord>& words,
             const std::vector<Glossary::Phrase>& phrases,
             const std::unordered_map<std::string, std::vector<std::size_t>>& by_first_word)
        : text_(text), words_(words), phrases_(phrases), by_first_word_(by_first_word) {}

    const WordForms& at(std::size_t i) {
        auto word = text_.substr(words_[i].offset, words_[i].length);
        auto [it, fresh] = known_.try_emplace(word, forms_.size());
        if (fresh) forms_.push_back(forms_of(word));
        return forms_[it->second];
    }

  private:
    WordForms forms_of(std::string_view word) {
        WordForms f;
        fold_into(f.folded, word);
        f.stem = stemmer_.stem(f.folded);
        f.written = straight(word);
        std::vector<std::string> keys{f.stem, f.folded, f.written};
        for (auto& s : singulars(f.folded)) keys.push_back(std::move(s));
        for (auto& s : singulars(f.written)) keys.push_back(std::move(s));
        for (const auto& key : keys) {
            auto found = by_first_word_.find(key);
            if (found == by_first_word_.end()) continue;
            for (auto p : found->second)
                if (std::find(f.starts.begin(), f.starts.end(), p) == f.starts.end())
                    f.starts.push_back(p);
        }
        // Longest first; of two as long, an everyday phrase first, so it is passed over.
        std::stable_sort(f.starts.begin(), f.starts.end(), [&](std::size_t a, std::size_t b) {
            const auto &pa = phrases_[a], &pb = phrases_[b];
            if (pa.words.size() != pb.words.size()) return pa.words.size() > pb.words.size();
            bool ea = pa.match == TermMatch::Everyday, eb = pb.match == TermMatch::Everyday;
            if (ea != eb) return ea;
            return a < b;
        });
        return f;
    }

    std::string_view text_;
    const std::vector<TextWord>& words_;
    const std::vector<Glossary::Phrase>& phrases_;
    const std::unordered_map<std::string, std::vector<std::size_t>>& by_first_word_;
    std::unordered_map<std::string_view, std::size_t> known_;
    std::deque<WordForms> forms_;  // a deque, so forms handed out stay where they are
    WordStemmer stemmer_;
};

/// Whether the text's word stands for the phrase's word; the last word of a phrase matched
/// as written may be plural (stems cover every form already).
bool same_word(const WordForms& text_word, const std::string& phrase_word, TermMatch match,
               bool last) {
    switch (match) {
        case TermMatch::Words:
            return text_word.stem == phrase_word;
        case TermMatch::AsWritten:
        case TermMatch::Everyday:
            return text_word.folded == phrase_word ||
                   (last && plural_of(text_word.folded, phrase_word));
        case TermMatch::ExactCase:
            return text_word.written == phrase_word ||
                   (last && plural_of(text_word.written, phrase_word));
    }
    return false;
}

}  // namespace

std::string_view term_match_code(TermMatch match) {
    switch (match) {
        case TermMatch::Words:
            return "words";
        case TermMatch::ExactCase:
            return "exact-case";
        case TermMatch::AsWritten:
            return "as-written";
        case TermMatch::Everyday:
            return "everyday";
    }
    return "words";
}

Glossary::Glossary(std::vector<Term> terms) : terms_(std::move(terms)) {
    WordStemmer stemmer;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        const auto& term = terms_[i];
        Phrase phrase{i, term.match, {}};
        for (auto w : words_in(term.phrase)) {
            auto word = std::string_view{term.phrase}.substr(w.offset, w.length);
            switch (term.match) {
                case TermMatch::Words:
                    phrase.words.push_back(stemmer.stem(folded(word)));
                    break;
                case TermMatch::AsWritten:
                case TermMatch::Everyday:
                    phrase.words.push_back(folded(word));
                    break;
                case TermMatch::ExactCase:
                    phrase.words.push_back(straight(word));
                    break;
            }
        }
        if (phrase.words.empty()) continue;
        by_first_word_[phrase.words.front()].push_back(phrases_.size());
        phrases_.push_back(std::move(phrase));
    }
}

core::Result<Glossary> Glossary::parse(std::string_view csv) {
    auto table = core::parse_csv(csv);
    if (!table) return std::unexpected(table.error());
    auto phrase = table->column("phrase"), suggestion = table->column("suggestion"),
         reason = table->column("reason"), match = table->column("match"),
         meaning = table->column("meaning");
    if (!phrase || !suggestion || !reason || !match)
        return core::fail(core::ErrorKind::Invalid,
                          "The glossary needs the columns phrase, suggestion, reason and match");
    std::vector<Term> terms;
    for (const auto& row : table->rows) {
        auto field = [&](std::size_t column) {
            return column < row.fields.size() ? row.fields[column] : std::string{};
        };
        auto how = field(*match);
        auto kind = how == "exact-case"   ? TermMatch::ExactCase
                    : how == "as-written" ? TermMatch::AsWritten
                    : how == "everyday"   ? TermMatch::Everyday
                                          : TermMatch::Words;
        Term term{field(*phrase), field(*suggestion), field(*reason), kind,
                  meaning ? field(*meaning) : std::string{}};
        auto checked = check_term(term);
        if (!checked || how != term_match_code(kind))
            return core::fail(core::ErrorKind::Invalid,
                              "Line " + std::to_string(row.line) +
                                  " of the glossary needs a phrase, a suggestion, a reason and "
                                  "a match of words, exact-case, as-written or everyday");
        terms.push_back(std::move(*checked));
    }
    return Glossary{std::move(terms)};
}

std::vector<TermHit> Glossary::find(std::string_view text) const {
    return find(text, words_in(text));
}

std::vector<TermHit> Glossary::find(std::string_view text,
                                    const std::vector<TextWord>& words) const {
    std::vector<TermHit> out;
    if (phrases_.empty()) return out;
    out.reserve(words.size() / 8);
    WordBook book{text, words, phrases_, by_first_word_};
    for (std::size_t i = 0; i < words.size();) {
        const Phrase* best = nullptr;
        for (auto p : book.at(i).starts) {
            const auto& phrase = phrases_[p];
            auto n = phrase.words.size();
            if (i + n > words.size()) continue;
            bool all = true;
            for (std::size_t k = 0; k < n && all; ++k) {
                if (k > 0) {
                    auto gap_start = words[i + k - 1].offset + words[i + k - 1].length;
                    all = joined(text.substr(gap_start, words[i + k].offset - gap_start));
                }
                all = all && same_word(book.at(i + k), phrase.words[k], phrase.match, k + 1 == n);
            }
            if (all) {
                best = &phrase;  // the longest, as the phrases are tried longest first
                break;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        auto last = i + best->words.size() - 1;
        if (best->match != TermMatch::Everyday)
            out.push_back({words[i].offset,
                           words[last].offset + words[last].length - words[i].offset, best->term});
        i = last + 1;
    }
    return out;
}

std::vector<Term> with_local_terms(std::vector<Term> file_terms, const std::vector<Term>& local) {
    auto key = [](const Term& t) {
        std::string joined;
        for (auto w : words_in(t.phrase)) {
            joined += folded(std::string_view{t.phrase}.substr(w.offset, w.length));
            joined += ' ';
        }
        return joined;
    };
    std::unordered_set<std::string> replaced;
    for (const auto& t : local) replaced.insert(key(t));
    std::erase_if(file_terms, [&](const Term& t) { return replaced.contains(key(t)); });
    file_terms.insert(file_terms.end(), local.begin(), local.end());
    return file_terms;
}

core::Result<Term> check_term(const Term& term) {
    core::FieldChecks checks;
    checks.text("phrase", term.phrase, "Enter the words to look for", "The words", 200);
    if (term.match == TermMatch::Everyday) {
        checks.optional_text("suggestion", term.suggestion, "The suggestion", 200);
    } else {
        checks.text("suggestion", term.suggestion, "Enter what to write instead", "The suggestion",
                    200);
    }
    checks.text("reason", term.reason, "Say why, in a line", "The reason", 200);
    checks.optional_text("meaning", term.meaning, "What it means", 300);
    if (checks.ok() && words_in(term.phrase).empty())
        checks.add("phrase", "The words to look for need at least one letter or number");
    if (!checks.ok()) return std::unexpected(checks.error());
    return Term{core::trimmed(term.phrase), core::trimmed(term.suggestion),
                core::trimmed(term.reason), term.match, core::trimmed(term.meaning)};
}

}  // namespace signs::domain
