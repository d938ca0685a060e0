#pragma once
/// How easy a piece of writing is to read: the Flesch reading ease and Flesch-Kincaid grade
/// (from words per sentence and syllables per word), given as a reading age, which is what a
/// worker can act on; and the sentences that are long or passive, which are what to change.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language/text_words.hpp"

namespace signs::domain {

struct Readability {
    std::size_t sentences = 0, words = 0, syllables = 0;
    double reading_ease = 0;  ///< 0 (very hard) to 100 (very easy); higher is easier
    double grade = 0;         ///< US school grade
    int reading_age = 0;      ///< years: grade + 5, at least 5
};

/// Nothing is counted for text without words.
Readability readability(std::string_view text);
/// The same from a scan already made of `text`.
Readability readability(const TextScan& scan, std::string_view text);
/// Adds the words, sentences and syllables of a scan (offsets into `text`) to `totals`, for
/// a long text read a part at a time; `score` then works out the figures from them.
void count_into(Readability& totals, const TextScan& scan, std::string_view text);
void score(Readability& totals);

/// English syllables in one word, by its vowel groups (an estimate, as every readability
/// formula uses): at least 1.
std::size_t syllables_in(std::string_view word);

struct TextSpan {
    std::size_t offset = 0, length = 0;  ///< bytes
};

inline constexpr std::size_t kLongSentenceWords = 25;

/// Sentences of more than kLongSentenceWords words.
std::vector<TextSpan> long_sentences(std::string_view text);
/// The same from a scan, with each sentence's word count.
std::vector<TextSentence> long_sentences(const TextScan& scan, std::string_view text);

/// "was seen", "were told", "is being assessed": a form of "to be" and a past participle,
/// perhaps with an adverb between. Each span covers those words.
std::vector<TextSpan> passive_phrases(std::string_view text);
/// The same from a scan already made of `text`.
std::vector<TextSpan> passive_phrases(const TextScan& scan, std::string_view text);

}  // namespace signs::domain
