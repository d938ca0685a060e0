#include "domain/guidance/upload.hpp"

#include <array>

#include "core/utf8.hpp"
#include "core/validation.hpp"

namespace signs::domain {
namespace {

constexpr std::array kTypes{
    FileTypeInfo{FileType::Pdf, "application/pdf", "pdf", "PDF"},
    FileTypeInfo{FileType::Docx,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
                 "Word document"},
    FileTypeInfo{FileType::Png, "image/png", "png", "PNG image"},
    FileTypeInfo{FileType::Jpeg, "image/jpeg", "jpg", "JPEG image"},
    FileTypeInfo{FileType::Gif, "image/gif", "gif", "GIF image"},
    FileTypeInfo{FileType::Webp, "image/webp", "webp", "WebP image"},
};

/// The extensions each type is known by; the first is the one `extension` gives.
bool extension_fits(FileType type, std::string_view ext) {
    switch (type) {
        case FileType::Pdf:
            return ext == "pdf";
        case FileType::Docx:
            return ext == "docx";
        case FileType::Png:
            return ext == "png";
        case FileType::Jpeg:
            return ext == "jpg" || ext == "jpeg" || ext == "jpe";
        case FileType::Gif:
            return ext == "gif";
        case FileType::Webp:
            return ext == "webp";
    }
    return false;
}

/// Lower-case extension of a file name, or empty when there is none.
std::string extension_of(std::string_view name) {
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return {};
    return core::lower_ascii(name.substr(dot + 1));
}

}  // namespace

const FileTypeInfo& file_type_info(FileType type) {
    for (const auto& t : kTypes)
        if (t.type == type) return t;
    return kTypes[0];
}

std::span<const FileTypeInfo> accepted_file_types() { return kTypes; }

std::optional<FileType> file_type_for(std::string_view media_type) {
    for (const auto& t : kTypes)
        if (t.media_type == media_type) return t.type;
    return std::nullopt;
}

bool is_image(FileType type) {
    return type == FileType::Png || type == FileType::Jpeg || type == FileType::Gif ||
           type == FileType::Webp;
}

core::Result<CheckedUpload> check_upload(std::string_view field, std::string_view name,
                                         std::size_t size, std::string_view detected,
                                         UploadLimit limit) {
    auto refuse = [&](std::string message) {
        return core::Result<CheckedUpload>{std::unexpected(
            core::Error::invalid({core::FieldError{std::string{field}, std::move(message)}}))};
    };
    if (size == 0) return refuse("The chosen file is empty");
    if (size > limit.bytes()) return refuse(too_large_message(limit));
    auto type = file_type_for(detected);
    if (!type)
        return refuse(
            "The file must be a PDF, a Word document (.docx) or an image (PNG, JPEG, GIF or "
            "WebP)");
    const auto& info = file_type_info(*type);
    auto safe = safe_file_name(name, "file." + std::string{info.extension});
    auto ext = extension_of(safe);
    if (!ext.empty() && !extension_fits(*type, ext))
        return refuse("The file's name ends in ." + ext + " but the file is a " +
                      std::string{info.label} + ". Choose the right file, or rename it");
    if (ext.empty()) safe += "." + std::string{info.extension};
    return CheckedUpload{*type, safe};
}

std::string too_large_message(UploadLimit limit) {
    return "The file must be smaller than " + std::to_string(limit.mib) + " MB";
}

std::string safe_file_name(std::string_view sent, std::string_view fallback) {
    auto slash = sent.find_last_of("/\\");
    if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
    std::string kept;
    if (core::is_valid_utf8(sent)) {
        for (unsigned char c : sent) {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == ':' || c == '*' ||
                c == '?' || c == '|')
                continue;
            kept += static_cast<char>(c);
        }
    }
    kept = core::trimmed(kept);
    while (!kept.empty() && kept.front() == '.') kept.erase(0, 1);
    if (kept.empty()) return std::string{fallback};
    constexpr std::size_t kLongest = 120;
    if (core::utf8_length(kept) > kLongest) {
        // The extension is kept whole; the name before it is cut.
        auto dot = kept.rfind('.');
        std::string ext =
            dot != std::string::npos && kept.size() - dot <= 10 ? kept.substr(dot) : "";
        kept = std::string{core::utf8_prefix(kept, kLongest - ext.size())} + ext;
    }
    return kept;
}

}  // namespace signs::domain
