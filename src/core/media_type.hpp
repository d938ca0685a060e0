#pragma once
/// What a file is, read from its bytes by libmagic (the library behind `file`), so an upload
/// is judged by its content and never by the name or type the browser sent.
#include <string>
#include <string_view>

namespace signs::core {

/// The media type of `bytes`, such as "application/pdf"; "application/octet-stream" when
/// nothing is recognised. Only the first megabyte is read.
std::string media_type_of(std::string_view bytes);

}  // namespace signs::core
