#pragma once
/// Words and sentences in running text, with where each one is, for the language checks. A
/// word is a run of letters, digits, apostrophes inside it, and any non-ASCII character (so
/// "café" and "Zoë" stay whole); everything else, hyphens included, separates words. A
/// sentence ends at ., ! or ? followed by a space, a line break, a quote or the end, and at a
/// blank line or a line starting a list item ("-" or "*"), so a heading or list item is a
/// sentence of its own.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace signs::domain {

struct TextWord {
    std::size_t offset = 0;  ///< bytes from the start of the text
    std::size_t length = 0;  ///< bytes
};

struct TextSentence {
    std::size_t offset = 0, length = 0;     ///< bytes, from the end of the one before
    std::size_t first_word = 0, words = 0;  ///< into TextScan::words; never 0 words
};

struct TextScan {
    std::vector<TextWord> words;
    std::vector<TextSentence> sentences;
};

/// Words and sentences together, in one pass over the text.
TextScan scan_text(std::string_view text);
/// The same into `out`, whose memory is used again, with every offset counted from `base`:
/// for a long text read a part at a time.
void scan_text_into(TextScan& out, std::string_view text, std::size_t base = 0);

/// Where the part of `text` that starts at `from` ends: just after the first line break of
/// a blank line at least `at_least` bytes on, or at the end. Every sentence ends there, so
/// the parts can be read one at a time and say what the whole would.
std::size_t part_end(std::string_view text, std::size_t from, std::size_t at_least);

std::vector<TextWord> words_in(std::string_view text);

/// The word in lower case (ASCII letters only) with a curly apostrophe made straight.
std::string folded(std::string_view word);
/// The same into `out`, whose memory is used again: the checks fold every word of long texts.
void fold_into(std::string& out, std::string_view word);

/// 1-based line and column (in characters) of a byte offset into valid UTF-8.
struct TextPlace {
    std::size_t line = 1, column = 1;
};

/// Finds places for many offsets in one pass; offsets must be asked for in increasing order.
class PlaceFinder {
  public:
    explicit PlaceFinder(std::string_view text) : text_(text) {}
    TextPlace at(std::size_t offset);

  private:
    std::string_view text_;
    std::size_t done_ = 0;
    TextPlace place_;
};

}  // namespace signs::domain
