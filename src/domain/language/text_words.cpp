#include "domain/language/text_words.hpp"

namespace signs::domain {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

/// How many bytes the separator at `i` takes, or 0 when a word character is there. Spaces,
/// ASCII punctuation, the no-break space and the general punctuation block (dashes, curly
/// quotes, the ellipsis) separate; every other character is part of a word.
std::size_t separator_width(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return word ? 0 : 1;
    }
    auto rest = text.substr(i);
    if (rest.starts_with("\xC2\xA0")) return 2;
    if (rest.size() >= 3 && c == 0xE2 &&
        (static_cast<unsigned char>(rest[1]) == 0x80 ||
         static_cast<unsigned char>(rest[1]) == 0x81))
        return 3;
    return 0;
}

/// An apostrophe (straight or curly) at `i` with a word character after it: "don't".
std::size_t inner_apostrophe(std::string_view text, std::size_t i) {
    std::size_t width = text[i] == '\'' ? 1 : text.substr(i).starts_with(kCurlyApostrophe) ? 3 : 0;
    if (width == 0 || i + width >= text.size()) return 0;
    return separator_width(text, i + width) == 0 ? width : 0;
}

}  // namespace

std::vector<TextWord> words_in(std::string_view text) {
    std::vector<TextWord> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (auto width = separator_width(text, i)) {
            i += width;
            continue;
        }
        std::size_t start = i;
        while (i < text.size()) {
            if (auto width = inner_apostrophe(text, i)) {
                i += width;
            } else if (separator_width(text, i) == 0) {
                ++i;
            } else {
                break;
            }
        }
        out.push_back({start, i - start});
    }
    return out;
}

std::string folded(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word.substr(i).starts_with(kCurlyApostrophe)) {
            out += '\'';
            i += 2;
            continue;
        }
        char c = word[i];
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

TextPlace PlaceFinder::at(std::size_t offset) {
    for (; done_ < offset && done_ < text_.size(); ++done_) {
        auto c = static_cast<unsigned char>(text_[done_]);
        if (c == '\n') {
            ++place_.line;
            place_.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++place_.column;
        }
    }
    return place_;
}

}  // namespace signs::domain
