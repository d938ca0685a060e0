#pragma once
#include <string>
#include <string_view>

namespace signs::web {

/// The gzip form of `data` (zlib, default level).
std::string gzip_compress(std::string_view data);
/// True for the content types worth compressing: HTML, CSS, JavaScript, JSON, SVG, text.
bool is_compressible(std::string_view content_type);

}  // namespace signs::web
