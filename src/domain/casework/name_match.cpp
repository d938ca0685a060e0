#include "domain/casework/name_match.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace signs::domain {
namespace {

/// Decodes UTF-8, skipping any byte that does not start a well-formed character, so a
/// damaged name still yields its readable parts.
std::u32string decode(std::string_view bytes) {
    std::u32string out;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            out += static_cast<char32_t>(c);
            ++p;
            continue;
        }
        int extra = 0;
        char32_t value = 0;
        char32_t min_value = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, value = c & 0x1F, min_value = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, value = c & 0x0F, min_value = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, value = c & 0x07, min_value = 0x10000;
        } else {
            ++p;
            continue;
        }
        bool well_formed = end - p > extra;
        for (int i = 1; well_formed && i <= extra; ++i) {
            well_formed = (p[i] & 0xC0) == 0x80;
            value = (value << 6) | (p[i] & 0x3F);
        }
        if (!well_formed || value < min_value || value > 0x10FFFF ||
            (value >= 0xD800 && value <= 0xDFFF)) {
            ++p;
            continue;
        }
        out += value;
        p += extra + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) append_utf8(out, c);
    return out;
}

/// Latin letters with marks, upper and lower case, and the plain letters they are searched
/// as. A record made from a letter that dropped its accent must still be found.
struct Plain {
    char32_t first;
    char32_t last;
    std::string_view letters;
};

constexpr auto kPlainLetters = std::to_array<Plain>({
    {0x00C0, 0x00C5, "a"},  {0x00C6, 0x00C6, "ae"}, {0x00C7, 0x00C7, "c"},  {0x00C8, 0x00CB, "e"},
    {0x00CC, 0x00CF, "i"},  {0x00D0, 0x00D0, "d"},  {0x00D1, 0x00D1, "n"},  {0x00D2, 0x00D6, "o"},
    {0x00D8, 0x00D8, "o"},  {0x00D9, 0x00DC, "u"},  {0x00DD, 0x00DD, "y"},  {0x00DE, 0x00DE, "th"},
    {0x00DF, 0x00DF, "ss"}, {0x00E0, 0x00E5, "a"},  {0x00E6, 0x00E6, "ae"}, {0x00E7, 0x00E7, "c"},
    {0x00E8, 0x00EB, "e"},  {0x00EC, 0x00EF, "i"},  {0x00F0, 0x00F0, "d"},  {0x00F1, 0x00F1, "n"},
    {0x00F2, 0x00F6, "o"},  {0x00F8, 0x00F8, "o"},  {0x00F9, 0x00FC, "u"},  {0x00FD, 0x00FD, "y"},
    {0x00FE, 0x00FE, "th"}, {0x00FF, 0x00FF, "y"},  {0x0100, 0x0105, "a"},  {0x0106, 0x010D, "c"},
    {0x010E, 0x0111, "d"},  {0x0112, 0x011B, "e"},  {0x011C, 0x0123, "g"},  {0x0124, 0x0127, "h"},
    {0x0128, 0x0131, "i"},  {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},  {0x0136, 0x0138, "k"},
    {0x0139, 0x0142, "l"},  {0x0143, 0x014B, "n"},  {0x014C, 0x0151, "o"},  {0x0152, 0x0153, "oe"},
    {0x0154, 0x0159, "r"},  {0x015A, 0x0161, "s"},  {0x0162, 0x0167, "t"},  {0x0168, 0x0173, "u"},
    {0x0174, 0x0175, "w"},  {0x0176, 0x0178, "y"},  {0x0179, 0x017E, "z"},  {0x017F, 0x017F, "s"},
    {0x0218, 0x0219, "s"},  {0x021A, 0x021B, "t"},  {0x1E9E, 0x1E9E, "ss"},
});

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'`' || c == 0x00B4 || c == 0x02BC || c == 0x2018 || c == 0x2019;
}

bool is_combining_mark(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

bool is_separator(char32_t c) {
    if (c < 0x80) {
        bool alphanumeric =
            (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
        return !alphanumeric;
    }
    // Latin-1 punctuation and symbols, but not the ordinal letters or the micro sign.
    if (c >= 0x0080 && c <= 0x00BF) return c != 0x00AA && c != 0x00B5 && c != 0x00BA;
    return c == 0x00D7 || c == 0x00F7 || (c >= 0x2000 && c <= 0x200A) ||
           (c >= 0x2010 && c <= 0x2015) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000;
}

/// Greek vowels with their accent (tonos) or diaeresis, either case, as the plain lower-case
/// vowel, and the final sigma as sigma: "ΆΝΝΑ", "Άννα" and "αννα" are searched alike.
char32_t plain_greek(char32_t c) {
    switch (c) {
        case 0x0386:
        case 0x03AC:
            return 0x03B1;  // alpha
        case 0x0388:
        case 0x03AD:
            return 0x03B5;  // epsilon
        case 0x0389:
        case 0x03AE:
            return 0x03B7;  // eta
        case 0x038A:
        case 0x03AF:
        case 0x03AA:
        case 0x03CA:
        case 0x0390:
            return 0x03B9;  // iota
        case 0x038C:
        case 0x03CC:
            return 0x03BF;  // omicron
        case 0x038E:
        case 0x03CD:
        case 0x03AB:
        case 0x03CB:
        case 0x03B0:
            return 0x03C5;  // upsilon
        case 0x038F:
        case 0x03CE:
            return 0x03C9;  // omega
        case 0x03C2:
            return 0x03C3;  // final sigma
        default:
            return 0;
    }
}

/// Lower case for the scripts where it is a fixed offset; other characters pass unchanged.
char32_t lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (auto greek = plain_greek(c)) return greek;
    if (c >= 0x0391 && c <= 0x03AB && c != 0x03A2) return c + 32;  // Greek
    if (c >= 0x0410 && c <= 0x042F) return c + 32;                 // Cyrillic
    if (c >= 0x0400 && c <= 0x040F) return c + 80;                 // Cyrillic Ѐ to Џ
    return c;
}

/// The normalised name as characters, words separated by single spaces.
std::u32string normalised(std::string_view text) {
    std::u32string out;
    bool gap = false;
    for (char32_t c : decode(text)) {
        if (is_apostrophe(c) || is_combining_mark(c)) continue;
        if (is_separator(c)) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += U' ';
        gap = false;
        auto plain = std::find_if(kPlainLetters.begin(), kPlainLetters.end(),
                                  [&](const Plain& p) { return c >= p.first && c <= p.last; });
        if (plain != kPlainLetters.end()) {
            for (char letter : plain->letters) out += static_cast<char32_t>(letter);
        } else {
            out += lower(c);
        }
    }
    return out;
}

std::vector<std::u32string> words_of(std::string_view text) {
    std::vector<std::u32string> words;
    auto name = normalised(text);
    std::size_t start = 0;
    while (start < name.size()) {
        auto space = name.find(U' ', start);
        if (space == std::u32string::npos) space = name.size();
        words.push_back(name.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

constexpr std::size_t kFuzzyWordLength = 4;

bool within_one_edit(std::u32string_view a, std::u32string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    auto [a_at, b_at] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    auto i = static_cast<std::size_t>(a_at - a.begin());
    if (i == a.size() && a.size() == b.size()) return true;
    if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
}

bool query_word_matches(std::u32string_view query, std::u32string_view word) {
    if (query == word) return true;
    if (query.size() >= 2 && word.starts_with(query)) return true;
    return query.size() >= kFuzzyWordLength && word.size() >= kFuzzyWordLength &&
           within_one_edit(query, word);
}

bool similar_words(std::u32string_view a, std::u32string_view b) {
    if (a == b) return true;
    return std::max(a.size(), b.size()) >= kFuzzyWordLength && within_one_edit(a, b);
}

/// Every word of `from` is similar to some word of `to`.
bool all_found(const std::vector<std::u32string>& from, const std::vector<std::u32string>& to) {
    return std::all_of(from.begin(), from.end(), [&](const std::u32string& word) {
        return std::any_of(to.begin(), to.end(),
                           [&](const std::u32string& other) { return similar_words(word, other); });
    });
}

std::vector<std::string> keys_for(std::string_view text) {
    std::vector<std::string> keys;
    for (const auto& word : words_of(text)) {
        keys.push_back(encode(word));
        if (word.size() < kFuzzyWordLength) continue;
        for (std::size_t i = 0; i < word.size(); ++i) {
            auto shorter = word;
            shorter.erase(i, 1);
            keys.push_back(encode(shorter));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

}  // namespace

std::string normalise_name(std::string_view text) { return encode(normalised(text)); }

std::vector<std::string> name_words(std::string_view full_name) {
    std::vector<std::string> words;
    for (const auto& word : words_of(full_name)) words.push_back(encode(word));
    return words;
}

std::vector<std::string> name_index_keys(std::string_view full_name) { return keys_for(full_name); }

std::vector<std::string> name_query_keys(std::string_view query_word) {
    return keys_for(query_word);
}

bool word_within_one_edit(std::string_view a, std::string_view b) {
    return within_one_edit(decode(a), decode(b));
}

bool name_matches(std::string_view query, std::string_view full_name) {
    auto query_words = words_of(query);
    if (query_words.empty()) return false;
    auto words = words_of(full_name);
    return std::all_of(query_words.begin(), query_words.end(), [&](const std::u32string& q) {
        return std::any_of(words.begin(), words.end(),
                           [&](const std::u32string& word) { return query_word_matches(q, word); });
    });
}

bool names_look_alike(std::string_view a, std::string_view b) {
    auto a_words = words_of(a);
    auto b_words = words_of(b);
    if (a_words.empty() || b_words.empty()) return false;
    if (a_words.size() == b_words.size() && all_found(a_words, b_words) &&
        all_found(b_words, a_words)) {
        return true;
    }
    return similar_words(a_words.front(), b_words.front()) &&
           similar_words(a_words.back(), b_words.back());
}

}  // namespace signs::domain
