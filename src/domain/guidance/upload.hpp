#pragma once
/// Which uploaded files the library accepts. The type is what the bytes are, as read from
/// them (see core/media_type), never what the browser or the file's name claims; a name that
/// claims another type is refused so nobody downloads a "report.pdf" that is really a program.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace signs::domain {

enum class FileType { Pdf, Docx, Png, Jpeg, Gif, Webp };

struct FileTypeInfo {
    FileType type;
    std::string_view media_type;  ///< "application/pdf"
    std::string_view extension;   ///< "pdf", used when a name has none
    std::string_view label;       ///< "PDF"
};

const FileTypeInfo& file_type_info(FileType type);
std::span<const FileTypeInfo> accepted_file_types();
std::optional<FileType> file_type_for(std::string_view media_type);
bool is_image(FileType type);

/// The largest file the council takes, in whole MiB: 20 unless `--max-upload-mib` says
/// otherwise.
struct UploadLimit {
    std::size_t mib = 20;
    std::size_t bytes() const { return mib * 1024 * 1024; }
};

/// "The file must be smaller than 20 MB": the one message for a file too large, whether the
/// library, the child's voice or the server's body limit refuses it.
std::string too_large_message(UploadLimit limit);

struct CheckedUpload {
    FileType type;
    std::string name;  ///< safe to show and to offer as the download's name
};

/// An upload is accepted when it has bytes, is within `limit`, `detected` (the media type
/// read from its content) is one we take, and the name's extension, if it has one, belongs
/// to that type. Errors are for `field`.
core::Result<CheckedUpload> check_upload(std::string_view field, std::string_view name,
                                         std::size_t size, std::string_view detected,
                                         UploadLimit limit);

/// The last part of a path as sent by any browser (either slash), without control characters
/// or quotes, at most 120 characters; `fallback` when nothing is left.
std::string safe_file_name(std::string_view sent, std::string_view fallback);

}  // namespace signs::domain
