#include "core/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace signs::core {

bool is_valid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        // Most text is ASCII: eight bytes at a time while none has its high bit set.
        while (end - p >= 8) {
            std::uint64_t eight;
            std::memcpy(&eight, p, 8);
            if (eight & 0x8080808080808080u) break;
            p += 8;
        }
        if (p == end) break;
        unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        unsigned min_value = 0;
        unsigned value = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, min_value = 0x80, value = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min_value = 0x800, value = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min_value = 0x10000, value = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra) return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            value = (value << 6) | (p[i] & 0x3F);
        }
        if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
            return false;
        }
        p += extra + 1;
    }
    return true;
}

std::size_t utf8_length(std::string_view valid_utf8) {
    std::size_t count = 0;
    for (unsigned char c : valid_utf8) {
        if ((c & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string_view utf8_prefix(std::string_view valid_utf8, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < valid_utf8.size(); ++i) {
        if ((static_cast<unsigned char>(valid_utf8[i]) & 0xC0) != 0x80 && seen++ == count)
            return valid_utf8.substr(0, i);
    }
    return valid_utf8;
}

}  // namespace signs::core
