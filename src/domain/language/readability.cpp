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

using namespace std::string_view_literals;

constexpr std::array kToBe{"am"sv,   "is"sv,    "are"sv,   "was"sv,    "were"sv,   "be"sv,
                           "been"sv, "being"sv, "isn't"sv, "aren't"sv, "wasn't"sv, "weren't"sv};

/// Past participles that do not end in -ed, the ones casework writing uses.
constexpr std::array kIrregular{
    "seen"sv,      "done"sv,    "taken"sv,     "given"sv,  "made"sv,       "known"sv,
    "told"sv,      "shown"sv,   "found"sv,     "kept"sv,   "left"sv,       "heard"sv,
    "held"sv,      "brought"sv, "thought"sv,   "caught"sv, "taught"sv,     "written"sv,
    "driven"sv,    "hidden"sv,  "hurt"sv,      "put"sv,    "sent"sv,       "spent"sv,
    "said"sv,      "paid"sv,    "read"sv,      "built"sv,  "bought"sv,     "chosen"sv,
    "forgotten"sv, "beaten"sv,  "bitten"sv,    "broken"sv, "spoken"sv,     "stolen"sv,
    "woken"sv,     "shaken"sv,  "withdrawn"sv, "drawn"sv,  "met"sv,        "lost"sv,
    "won"sv,       "struck"sv,  "stuck"sv,     "led"sv,    "fed"sv,        "let"sv,
    "hit"sv,       "cut"sv,     "shut"sv,      "set"sv,    "understood"sv, "undertaken"sv,
    "overheard"sv};

/// Words ending in -ed that, after "is" or "were", say how someone feels or is rather than
/// what was done to them: "we are worried that", the practice's own wording, is not passive.
constexpr std::array kFeelings{"worried"sv,     "concerned"sv, "scared"sv,     "frightened"sv,
                               "pleased"sv,     "tired"sv,     "interested"sv, "excited"sv,
                               "bored"sv,       "relieved"sv,  "confused"sv,   "annoyed"sv,
                               "embarrassed"sv, "ashamed"sv,   "married"sv,    "separated"sv,
                               "divorced"sv,    "related"sv,   "supposed"sv,   "committed"sv};

bool in(const auto& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

/// Whether a word starting with `c` could be a form of "to be" (am, is, are, was, were, be,
/// been, being): most words cannot, and are passed over without being folded.
bool may_be_to_be(char c) {
    return c == 'a' || c == 'i' || c == 'w' || c == 'b' || c == 'A' || c == 'I' || c == 'W' ||
           c == 'B';
}

bool past_participle(const std::string& word) {
    return (word.size() > 3 && word.ends_with("ed") && word != "need" && word != "bed" &&
            word != "red" && word != "shed" && word != "seed") ||
           in(kIrregular, word);
}

/// Syllables of a word by its letters alone (anything else in it is passed over), in one
/// pass that keeps only the count, the vowel groups and the last three letters: every word of
/// a long text comes through here.
std::size_t syllables_of(std::string_view raw) {
    std::size_t letters = 0, count = 0;
    bool previous_vowel = false;
    char last[3] = {0, 0, 0};  // the last letter first
    for (char c : raw) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c < 'a' || c > 'z') continue;
        ++letters;
        bool vowel = is_vowel(c);
        if (vowel && !previous_vowel) ++count;
        previous_vowel = vowel;
        last[2] = last[1];
        last[1] = last[0];
        last[0] = c;
    }
    if (letters == 0) return 1;
    // A silent e at the end ("make"), but not "-le" after a consonant ("table").
    if (letters > 2 && last[0] == 'e' && last[1] != 'l' && last[1] != 'e' && count > 1) --count;
    // "-ed" is its own syllable only after t or d ("wanted", "needed"), not in "looked".
    if (letters > 3 && last[0] == 'd' && last[1] == 'e' && last[2] != 't' && last[2] != 'd' &&
        count > 1)
        --count;
    return std::max<std::size_t>(count, 1);
}

}  // namespace

std::size_t syllables_in(std::string_view raw) { return syllables_of(raw); }

void count_into(Readability& totals, const TextScan& scan, std::string_view text) {
    totals.words += scan.words.size();
    totals.sentences += scan.sentences.size();
    for (auto w : scan.words) totals.syllables += syllables_of(text.substr(w.offset, w.length));
}

void score(Readability& r) {
    if (r.words == 0) {
        r = {};
        return;
    }
    r.sentences = std::max<std::size_t>(r.sentences, 1);
    double per_sentence = static_cast<double>(r.words) / static_cast<double>(r.sentences);
    double per_word = static_cast<double>(r.syllables) / static_cast<double>(r.words);
    r.reading_ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word;
    r.grade = 0.39 * per_sentence + 11.8 * per_word - 15.59;
    r.reading_age = std::max(5, static_cast<int>(std::lround(r.grade)) + 5);
}

Readability readability(const TextScan& scan, std::string_view text) {
    Readability r;
    count_into(r, scan, text);
    score(r);
    return r;
}

Readability readability(std::string_view text) { return readability(scan_text(text), text); }

std::vector<TextSentence> long_sentences(const TextScan& scan, std::string_view text) {
    std::vector<TextSentence> out;
    for (auto s : scan.sentences) {
        if (s.words <= kLongSentenceWords) continue;
        // Leading spaces and line breaks are not part of the sentence a reader sees.
        while (s.length > 0 && (text[s.offset] == ' ' || text[s.offset] == '\n')) {
            ++s.offset;
            --s.length;
        }
        out.push_back(s);
    }
    return out;
}

std::vector<TextSpan> long_sentences(std::string_view text) {
    std::vector<TextSpan> out;
    for (auto s : long_sentences(scan_text(text), text)) out.push_back({s.offset, s.length});
    return out;
}

std::vector<TextSpan> passive_phrases(const TextScan& scan, std::string_view text) {
    std::vector<TextSpan> out;
    const auto& words = scan.words;
    std::string w;
    auto fold = [&](std::size_t i) { fold_into(w, text.substr(words[i].offset, words[i].length)); };
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        // Every form of "to be" fits in 9 bytes ("weren’t" with a curly apostrophe), so most
        // words can be passed over unread.
        if (words[i].length > 9 || !may_be_to_be(text[words[i].offset])) continue;
        fold(i);
        if (!in(kToBe, w)) continue;
        std::size_t next = i + 1;
        // "was being seen", "was quickly seen", "was not seen"
        fold(next);
        if ((w == "being" || w == "not" || (w.size() > 3 && w.ends_with("ly"))) &&
            next + 1 < words.size())
            fold(++next);
        if (!past_participle(w) || in(kFeelings, w)) continue;
        // Not across a blank line: a long text is read a paragraph at a time.
        auto end = words[next].offset + words[next].length;
        if (text.substr(words[i].offset, end - words[i].offset).find("\n\n") !=
            std::string_view::npos)
            continue;
        out.push_back({words[i].offset, end - words[i].offset});
        i = next;
    }
    return out;
}

std::vector<TextSpan> passive_phrases(std::string_view text) {
    return passive_phrases(scan_text(text), text);
}

}  // namespace signs::domain
