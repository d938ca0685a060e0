#include "service/file_store.hpp"

#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

namespace signs::service {
namespace {

bool looks_like_sha256(std::string_view text) {
    if (text.size() != 64) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

}  // namespace

std::filesystem::path FileStore::path_of(std::string_view sha256) const {
    // Two letters of folder keep any one folder small.
    return folder_ / std::string{sha256.substr(0, 2)} / std::string{sha256};
}

core::Result<std::string> FileStore::keep(std::string_view bytes) {
    auto sha256 = core::sha256_hex(bytes);
    auto path = path_of(sha256);
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return sha256;
    std::filesystem::create_directories(path.parent_path(), ec);
    // Written beside its place and renamed, so no reader ever sees half a file.
    auto partial = path;
    partial += "." + core::random_token(8) + ".part";
    {
        std::ofstream out(partial, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush())
            return core::fail(core::ErrorKind::Internal, "The file could not be saved");
    }
    std::filesystem::permissions(
        partial, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return core::fail(core::ErrorKind::Internal, "The file could not be saved");
    }
    return sha256;
}

std::optional<std::string> FileStore::read(std::string_view sha256) const {
    if (!looks_like_sha256(sha256)) return std::nullopt;
    std::ifstream in(path_of(sha256), std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto text = std::move(bytes).str();
    if (core::sha256_hex(text) != sha256) return std::nullopt;
    return text;
}

}  // namespace signs::service
