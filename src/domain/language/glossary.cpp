#include "domain/language/glossary.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <unordered_set>

#include "core/csv.hpp"
#include "core/utf8.hpp"
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

/// Between two words of a phrase only spaces, hyphens and a line break may come:
/// "non-engagement" and "non engagement" are the same phrase, "non. Engagement" is not, nor
/// two words either side of a blank line (a long text is read a paragraph at a time).
bool joined(std::string_view gap) {
    return gap.find("\n\n") == std::string_view::npos &&
           std::all_of(gap.begin(), gap.end(),
                       [](char c) { return c == ' ' || c == '-' || c == '\t' || c == '\n'; });
}

constexpr std::size_t kOpeningBits = 1 << 16;

/// The words Snowball's English stemmer gives a stem that does not start as they do.
constexpr std::pair<std::string_view, std::string_view> kStemsThatOpenOtherwise[] = {
    {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"}, {"skies", "sky"}};

/// Walks a word's first letters, folded as fold_into folds them, giving for each of the first
/// one, two and three the bit that stands for that opening, until `each` says stop. Stems,
/// plurals and capitals all open as the word itself does.
template <class Each>
void each_opening(std::string_view word, Each each) {
    std::size_t hash = 0, i = 0;
    for (std::size_t letters = 1; letters <= 3 && i < word.size(); ++letters) {
        auto c = static_cast<unsigned char>(word[i]);
        if (c == 0xE2 && word.substr(i).starts_with("\xE2\x80\x99")) {
            c = '\'';
            i += 3;
        } else {
            if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
            ++i;
        }
        hash = hash * 131 + c;
        if (!each(letters, ((hash + letters * 0x632BE5AB) * 0x9E3779B1u >> 7) % kOpeningBits))
            return;
    }
}

/// A word of the text in each form a phrase may be matched on, and the phrases that could
/// start with it.
struct WordForms {
    std::string folded, stem, written;
    std::vector<std::size_t> starts;  ///< into the glossary's phrases, longest first
};

}  // namespace

/// Each distinct word of a text made into its forms once: case notes use the same few
/// thousand words over and over, and stemming is the costly part.
struct WordMemo::Words {
    /// Where each distinct word's forms are: an open-addressed table of the words' places in
    /// the text, probed in a line from the word's hash. Every word that may open a phrase is
    /// looked up here, so this is cheaper than a general map with its node per word.
    struct Slot {
        std::uint64_t hash = 0;
        const char* word = nullptr;  ///< into the text; null for an empty slot
        std::uint32_t length = 0, forms = 0;
    };
    std::vector<Slot> slots = std::vector<Slot>(1024);
    std::deque<WordForms> forms;  // a deque, so forms handed out stay where they are
    WordStemmer stemmer;

    static std::uint64_t hash_of(std::string_view word) {
        std::uint64_t h = 0xCBF29CE484222325u ^ word.size();
        for (unsigned char c : word) h = (h ^ c) * 0x100000001B3u;
        return h ^ (h >> 29);
    }

    /// The slot of `word`, or the empty one where it belongs.
    Slot& find(std::string_view word, std::uint64_t hash) {
        auto mask = slots.size() - 1;
        for (auto i = hash & mask;; i = (i + 1) & mask) {
            auto& slot = slots[i];
            if (!slot.word || (slot.hash == hash && slot.length == word.size() &&
                               std::memcmp(slot.word, word.data(), word.size()) == 0))
                return slot;
        }
    }

    /// Twice the room once half full, so probes stay short.
    void grow_if_needed() {
        if (forms.size() * 2 < slots.size()) return;
        std::vector<Slot> old(slots.size() * 2);
        old.swap(slots);
        for (const auto& slot : old) {
            if (slot.word) find({slot.word, slot.length}, slot.hash) = slot;
        }
    }
};

WordMemo::WordMemo() : words_(std::make_unique<Words>()) {}
WordMemo::~WordMemo() = default;

namespace {

/// The words of one part of a text, each looked up in (or added to) the memo.
class WordBook {
  public:
    WordBook(std::string_view text, const std::vector<TextWord>& words,
             const std::vector<Glossary::Phrase>& phrases,
             const std::unordered_map<std::string, std::vector<std::size_t>>& by_first_word,
             WordMemo::Words& memo)
        : text_(text),
          words_(words),
          phrases_(phrases),
          by_first_word_(by_first_word),
          memo_(memo) {}

    const WordForms& at(std::size_t i) {
        auto word = text_.substr(words_[i].offset, words_[i].length);
        auto hash = WordMemo::Words::hash_of(word);
        auto* slot = &memo_.find(word, hash);
        if (!slot->word) {
            memo_.grow_if_needed();
            slot = &memo_.find(word, hash);
            *slot = {hash, word.data(), static_cast<std::uint32_t>(word.size()),
                     static_cast<std::uint32_t>(memo_.forms.size())};
            memo_.forms.push_back(forms_of(word));
        }
        return memo_.forms[slot->forms];
    }

  private:
    WordForms forms_of(std::string_view word) {
        WordForms f;
        fold_into(f.folded, word);
        f.stem = memo_.stemmer.stem(f.folded);
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
    WordMemo::Words& memo_;
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
        add_opening(phrase.words.front());
        auto first = words_in(term.phrase).front();
        add_opening(std::string_view{term.phrase}.substr(first.offset, first.length));
        // Snowball's English stemmer keeps a word's first letters, but for a few irregular
        // forms whose stem opens otherwise: those open for the phrases of their stems.
        if (term.match == TermMatch::Words) {
            for (auto [form, stem] : kStemsThatOpenOtherwise)
                if (phrase.words.front() == stem) add_opening(form);
        }
        phrases_.push_back(std::move(phrase));
    }
}

void Glossary::add_opening(std::string_view word) {
    if (openings_.empty()) openings_.assign(kOpeningBits / 64, 0);
    // A short word may be the start of a longer one in the text ("LA" of "LAs").
    auto letters = std::min<std::size_t>(3, core::utf8_length(word));
    auto mark = [&](std::string_view opening) {
        each_opening(opening, [&](std::size_t n, std::size_t bit) {
            if (n == letters) openings_[bit / 64] |= std::uint64_t{1} << (bit % 64);
            return n < letters;
        });
    };
    mark(word);
    // A third letter y may be i in other forms of the word, and the other way round: "dry"
    // stems to "dri", "spy" has "spies".
    if (letters == 3 && word.size() >= 3) {
        std::string other{word.substr(0, 3)};
        char third = static_cast<char>(other[2] | 0x20);
        if (third == 'y' || third == 'i') {
            other[2] = third == 'y' ? 'i' : 'y';
            mark(other);
        }
    }
}

bool Glossary::may_open_a_phrase(std::string_view word) const {
    bool found = false;
    each_opening(word, [&](std::size_t, std::size_t bit) {
        found = (openings_[bit / 64] >> (bit % 64)) & 1;
        return !found;
    });
    return found;
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
    out.reserve(words.size() / 8);
    WordMemo memo;
    find_into(text, words, memo, out);
    return out;
}

void Glossary::find_into(std::string_view text, const std::vector<TextWord>& words, WordMemo& memo,
                         std::vector<TermHit>& out) const {
    if (phrases_.empty()) return;
    WordBook book{text, words, phrases_, by_first_word_, *memo.words_};
    for (std::size_t i = 0; i < words.size();) {
        if (!may_open_a_phrase(text.substr(words[i].offset, words[i].length))) {
            ++i;
            continue;
        }
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
