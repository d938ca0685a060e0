#include "domain/language/readability.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "domain/language/text_words.hpp"

namespace signs::domain {
namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/// Sentences end at ., ! or ? followed by a space or the end, and at blank lines (a list
/// item or heading is a sentence of its own).
std::vector<TextSpan> sentences_in(std::string_view text) {
    std::vector<TextSpan> out;
    std::size_t start = 0;
    auto close = [&](std::size_t end) {
        if (end > start) out.push_back({start, end - start});
        start = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool at_end = i + 1 == text.size();
        if ((c == '.' || c == '!' || c == '?') &&
            (at_end || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '"')) {
            close(i + 1);
        } else if (c == '\n' &&
                   (at_end || text[i + 1] == '\n' || text[i + 1] == '-' || text[i + 1] == '*')) {
            close(i + 1);
        }
    }
    close(text.size());
    // Spans with no words (the space between sentences) are not sentences.
    std::erase_if(
        out, [&](const TextSpan& s) { return words_in(text.substr(s.offset, s.length)).empty(); });
    return out;
}

constexpr std::array kToBe{"am",   "is",    "are",   "was",    "were",   "be",
                           "been", "being", "isn't", "aren't", "wasn't", "weren't"};

/// Past participles that do not end in -ed, the ones casework writing uses.
constexpr std::array kIrregular{
    "seen",   "done",    "taken",  "given",  "made",       "known",      "told",      "shown",
    "found",  "kept",    "left",   "heard",  "held",       "brought",    "thought",   "caught",
    "taught", "written", "driven", "hidden", "hurt",       "put",        "sent",      "spent",
    "said",   "paid",    "read",   "built",  "bought",     "chosen",     "forgotten", "beaten",
    "bitten", "broken",  "spoken", "stolen", "woken",      "shaken",     "withdrawn", "drawn",
    "met",    "lost",    "won",    "struck", "stuck",      "led",        "fed",       "let",
    "hit",    "cut",     "shut",   "set",    "understood", "undertaken", "overheard"};

/// Words ending in -ed that, after "is" or "were", say how someone feels or is rather than
/// what was done to them: "we are worried that", the practice's own wording, is not passive.
constexpr std::array kFeelings{"worried",   "concerned",  "scared",      "frightened", "pleased",
                               "tired",     "interested", "excited",     "bored",      "relieved",
                               "confused",  "annoyed",    "embarrassed", "ashamed",    "married",
                               "separated", "divorced",   "related",     "supposed",   "committed"};

bool in(const auto& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool past_participle(const std::string& word) {
    return (word.size() > 3 && word.ends_with("ed") && word != "need" && word != "bed" &&
            word != "red" && word != "shed" && word != "seed") ||
           in(kIrregular, word);
}

}  // namespace

std::size_t syllables_in(std::string_view raw) {
    auto word = folded(raw);
    std::erase_if(word, [](char c) { return c < 'a' || c > 'z'; });
    if (word.empty()) return 1;
    std::size_t count = 0;
    bool previous_vowel = false;
    for (char c : word) {
        bool vowel = is_vowel(c);
        if (vowel && !previous_vowel) ++count;
        previous_vowel = vowel;
    }
    // A silent e at the end ("make"), but not "-le" after a consonant ("table").
    if (word.size() > 2 && word.ends_with('e') && !word.ends_with("le") && !word.ends_with("ee") &&
        count > 1)
        --count;
    // "-ed" is its own syllable only after t or d ("wanted", "needed"), not in "looked".
    if (word.size() > 3 && word.ends_with("ed") && word[word.size() - 3] != 't' &&
        word[word.size() - 3] != 'd' && count > 1)
        --count;
    return std::max<std::size_t>(count, 1);
}

Readability readability(std::string_view text) {
    Readability r;
    auto words = words_in(text);
    r.words = words.size();
    if (r.words == 0) return r;
    r.sentences = std::max<std::size_t>(sentences_in(text).size(), 1);
    for (auto w : words) r.syllables += syllables_in(text.substr(w.offset, w.length));
    double per_sentence = static_cast<double>(r.words) / static_cast<double>(r.sentences);
    double per_word = static_cast<double>(r.syllables) / static_cast<double>(r.words);
    r.reading_ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word;
    r.grade = 0.39 * per_sentence + 11.8 * per_word - 15.59;
    r.reading_age = std::max(5, static_cast<int>(std::lround(r.grade)) + 5);
    return r;
}

std::vector<TextSpan> long_sentences(std::string_view text) {
    std::vector<TextSpan> out;
    for (auto s : sentences_in(text)) {
        if (words_in(text.substr(s.offset, s.length)).size() > kLongSentenceWords) {
            // Leading spaces and line breaks are not part of the sentence a reader sees.
            while (s.length > 0 && (text[s.offset] == ' ' || text[s.offset] == '\n')) {
                ++s.offset;
                --s.length;
            }
            out.push_back(s);
        }
    }
    return out;
}

std::vector<TextSpan> passive_phrases(std::string_view text) {
    std::vector<TextSpan> out;
    auto words = words_in(text);
    auto word = [&](std::size_t i) {
        return folded(text.substr(words[i].offset, words[i].length));
    };
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (!in(kToBe, word(i))) continue;
        std::size_t next = i + 1;
        // "was being seen", "was quickly seen", "was not seen"
        auto w = word(next);
        if ((w == "being" || w == "not" || (w.size() > 3 && w.ends_with("ly"))) &&
            next + 1 < words.size())
            w = word(++next);
        if (!past_participle(w) || in(kFeelings, w)) continue;
        out.push_back({words[i].offset, words[next].offset + words[next].length - words[i].offset});
        i = next;
    }
    return out;
}

}  // namespace signs::domain
