#pragma once
#include <string_view>

namespace signs::core {

/// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past
/// U+10FFFF). Input that fails is refused before it reaches storage.
bool is_valid_utf8(std::string_view bytes);

/// Number of characters (code points) in valid UTF-8, for length limits people understand.
std::size_t utf8_length(std::string_view valid_utf8);

/// The first `count` characters of valid UTF-8, never cutting one in half.
std::string_view utf8_prefix(std::string_view valid_utf8, std::size_t count);

}  // namespace signs::core
