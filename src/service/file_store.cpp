#include "service/file_store.hpp"

#include <fcntl.h>
#include <unistd.h>

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
    // Already kept, and whole: nothing to do. A file cut short by a crash is written again.
    if (read(sha256)) return sha256;
    auto path = path_of(sha256);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    // Written beside its place, flushed to disk, then renamed, so no reader ever sees half a
    // file and a row committed after this names bytes that survive a crash.
    auto partial = path;
    partial += "." + core::random_token(8) + ".part";
    auto failed = [&] {
        std::filesystem::remove(partial, ec);
        return core::fail(core::ErrorKind::Internal, "The file could not be saved");
    };
    int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return failed();
    std::size_t written = 0;
    while (written < bytes.size()) {
        auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    bool synced = written == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) return failed();
    std::filesystem::rename(partial, path, ec);
    if (ec) return failed();
    int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
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
