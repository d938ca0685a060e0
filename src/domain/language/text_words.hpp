#pragma once
/// Words in running text, with where each one is, for the language checks. A word is a run of
/// letters, digits, apostrophes inside it, and any non-ASCII character (so "café" and "Zoë"
/// stay whole); everything else, hyphens included, separates words.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace signs::domain {

struct TextWord {
    std::size_t offset = 0;  ///< bytes from the start of the text
    std::size_t length = 0;  ///< bytes
};

std::vector<TextWord> words_in(std::string_view text);

/// The word in lower case (ASCII letters only) with a curly apostrophe made straight.
std::string folded(std::string_view word);

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
