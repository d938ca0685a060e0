#include "domain/language/text_words.hpp"

#include <algorithm>

namespace signs::domain {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

/// How many bytes the separator at `i` takes, or 0 when a word character is there. Spaces,
/// ASCII punctuation, the no-break space and the general punctuation block (dashes, curly
/// quotes, the ellipsis) separate; every other character is part of a word.
bool ascii_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::size_t separator_width(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return ascii_word_byte(c) ? 0 : 1;
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

/// Whether the separator at `i` (one ASCII byte) ends a sentence.
bool ends_sentence(std::string_view text, std::size_t i) {
    char c = text[i];
    bool at_end = i + 1 == text.size();
    char next = at_end ? '\0' : text[i + 1];
    if (c == '.' || c == '!' || c == '?')
        return at_end || next == ' ' || next == '\n' || next == '"';
    if (c == '\n') return at_end || next == '\n' || next == '-' || next == '*';
    return false;
}

}  // namespace

TextScan scan_text(std::string_view text) {
    TextScan out;
    // Room for an ordinary text's words and sentences at once: growing the vectors over a
    // long text would copy them again and again.
    out.words.reserve(text.size() / 5 + 1);
    out.sentences.reserve(text.size() / 80 + 1);
    scan_text_into(out, text);
    return out;
}

void scan_text_into(TextScan& out, std::string_view text, std::size_t base) {
    out.words.clear();
    out.sentences.clear();
    std::size_t sentence_start = 0, sentence_first_word = 0;
    auto close_sentence = [&](std::size_t end) {
        auto count = out.words.size() - sentence_first_word;
        // The space between sentences, with no word in it, is not a sentence.
        if (count > 0)
            out.sentences.push_back(
                {base + sentence_start, end - sentence_start, sentence_first_word, count});
        sentence_start = end;
        sentence_first_word = out.words.size();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        if (auto width = separator_width(text, i)) {
            if (width == 1 && ends_sentence(text, i)) close_sentence(i + 1);
            i += width;
            continue;
        }
        std::size_t start = i;
        while (i < text.size()) {
            // Most of a word is ASCII letters: those need no more thought.
            if (ascii_word_byte(static_cast<unsigned char>(text[i]))) {
                ++i;
            } else if (auto width = inner_apostrophe(text, i)) {
                i += width;
            } else if (separator_width(text, i) == 0) {
                ++i;
            } else {
                break;
            }
        }
        out.words.push_back({base + start, i - start});
    }
    close_sentence(text.size());
}

std::size_t part_end(std::string_view text, std::size_t from, std::size_t at_least) {
    if (text.size() - from <= at_least) return text.size();
    auto blank = text.find("\n\n", from + at_least);
    return blank == std::string_view::npos ? text.size() : blank + 1;
}

std::vector<TextWord> words_in(std::string_view text) { return scan_text(text).words; }

void fold_into(std::string& out, std::string_view word) {
    out.clear();
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] == '\xE2' && word.substr(i).starts_with(kCurlyApostrophe)) {
            out += '\'';
            i += 2;
            continue;
        }
        char c = word[i];
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

std::string folded(std::string_view word) {
    std::string out;
    fold_into(out, word);
    return out;
}

TextPlace PlaceFinder::at(std::size_t offset) {
    auto end = std::min(offset, text_.size());
    if (end <= done_) return place_;
    // Counted a stretch at a time rather than byte by byte, so the compiler can use wide
    // instructions: the lines in it, then the characters after its last line break.
    auto stretch = text_.substr(done_, end - done_);
    auto lines = static_cast<std::size_t>(std::count(stretch.begin(), stretch.end(), '\n'));
    if (lines > 0) {
        place_.line += lines;
        place_.column = 1;
        stretch = stretch.substr(stretch.rfind('\n') + 1);
    }
    place_.column +=
        static_cast<std::size_t>(std::count_if(stretch.begin(), stretch.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    done_ = end;
    return place_;
}

}  // namespace signs::domain
