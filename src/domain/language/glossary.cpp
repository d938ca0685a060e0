#include "domain/language/glossary.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/csv.hpp"
#include "core/validation.hpp"
#include "domain/language/text_words.hpp"

namespace signs::domain {
namespace {

/// The singular forms a folded word could have: "placements" -> "placement",
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

/// The word as written, with curly apostrophes made straight.
std::string straight(std::string_view word) {
    std::string out{word};
    for (std::size_t at; (at = out.find("\xE2\x80\x99")) != std::string::npos;)
        out.replace(at, 3, "'");
    return out;
}

/// Whether the text's word stands for the phrase's word; the last word of a phrase may be
/// plural. `exact` compares in the capitals written, otherwise folded.
bool same_word(std::string_view text_word, const std::string& phrase_word, bool last, bool exact) {
    auto word = exact ? straight(text_word) : folded(text_word);
    if (word == phrase_word) return true;
    if (!last) return false;
    auto forms = singulars(word);
    return std::find(forms.begin(), forms.end(), phrase_word) != forms.end();
}

/// Between two words of a phrase only spaces and hyphens may come: "non-engagement" and
/// "non engagement" are the same phrase, "non. Engagement" is not.
bool joined(std::string_view gap) {
    return std::all_of(gap.begin(), gap.end(),
                       [](char c) { return c == ' ' || c == '-' || c == '\t' || c == '\n'; });
}

}  // namespace

Glossary::Glossary(std::vector<Term> terms) : terms_(std::move(terms)) {
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        const auto& term = terms_[i];
        Phrase phrase{i, {}};
        for (auto w : words_in(term.phrase)) {
            auto word = std::string_view{term.phrase}.substr(w.offset, w.length);
            phrase.words.push_back(term.match == TermMatch::ExactCase ? std::string{word}
                                                                      : folded(word));
        }
        if (phrase.words.empty()) continue;
        by_first_word_[folded(phrase.words.front())].push_back(std::move(phrase));
    }
    for (auto& [first, phrases] : by_first_word_) {
        std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
            return a.words.size() > b.words.size();
        });
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
        Term term{field(*phrase), field(*suggestion), field(*reason),
                  how == "exact-case" ? TermMatch::ExactCase : TermMatch::Words,
                  meaning ? field(*meaning) : std::string{}};
        auto checked = check_term(term);
        if (!checked || (how != "words" && how != "exact-case"))
            return core::fail(core::ErrorKind::Invalid,
                              "Line " + std::to_string(row.line) +
                                  " of the glossary needs a phrase, a suggestion, a reason and "
                                  "a match of words or exact-case");
        terms.push_back(std::move(*checked));
    }
    return Glossary{std::move(terms)};
}

std::vector<TermHit> Glossary::find(std::string_view text) const {
    std::vector<TermHit> out;
    auto words = words_in(text);
    auto word_at = [&](std::size_t i) { return text.substr(words[i].offset, words[i].length); };
    for (std::size_t i = 0; i < words.size();) {
        auto first = folded(word_at(i));
        std::vector<std::string> keys{first};
        for (auto& s : singulars(first)) keys.push_back(std::move(s));
        const Phrase* best = nullptr;
        for (const auto& key : keys) {
            auto found = by_first_word_.find(key);
            if (found == by_first_word_.end()) continue;
            for (const auto& phrase : found->second) {
                if (best && best->words.size() >= phrase.words.size()) break;
                auto n = phrase.words.size();
                if (i + n > words.size()) continue;
                bool exact = terms_[phrase.term].match == TermMatch::ExactCase;
                bool all = true;
                for (std::size_t k = 0; k < n && all; ++k) {
                    if (k > 0) {
                        auto gap_start = words[i + k - 1].offset + words[i + k - 1].length;
                        all = joined(text.substr(gap_start, words[i + k].offset - gap_start));
                    }
                    all = all && same_word(word_at(i + k), phrase.words[k], k + 1 == n, exact);
                }
                if (all) best = &phrase;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        auto last = i + best->words.size() - 1;
        out.push_back({words[i].offset, words[last].offset + words[last].length - words[i].offset,
                       best->term});
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
    checks.text("suggestion", term.suggestion, "Enter what to write instead", "The suggestion",
                200);
    checks.text("reason", term.reason, "Say why, in a line", "The reason", 200);
    checks.optional_text("meaning", term.meaning, "What it means", 300);
    if (checks.ok() && words_in(term.phrase).empty())
        checks.add("phrase", "The words to look for need at least one letter or number");
    if (!checks.ok()) return std::unexpected(checks.error());
    return Term{core::trimmed(term.phrase), core::trimmed(term.suggestion),
                core::trimmed(term.reason), term.match, core::trimmed(term.meaning)};
}

}  // namespace signs::domain
