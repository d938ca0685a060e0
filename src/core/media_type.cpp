#include "core/media_type.hpp"

#include <magic.h>

#include <memory>

namespace signs::core {
namespace {

struct MagicCloser {
    void operator()(magic_set* cookie) const { magic_close(cookie); }
};
using Magic = std::unique_ptr<magic_set, MagicCloser>;

/// libmagic cookies are not safe to share between threads, and loading the database takes a
/// few milliseconds, so each thread opens one on first use and keeps it.
magic_set* cookie() {
    thread_local Magic magic = [] {
        Magic opened{magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF |
                                MAGIC_ERROR)};
        if (opened && magic_load(opened.get(), nullptr) != 0) opened.reset();
        return opened;
    }();
    return magic.get();
}

}  // namespace

std::string media_type_of(std::string_view bytes) {
    constexpr std::string_view unknown = "application/octet-stream";
    auto* magic = cookie();
    if (!magic || bytes.empty()) return std::string{unknown};
    const char* found =
        magic_buffer(magic, bytes.data(), std::min<std::size_t>(bytes.size(), 1024 * 1024));
    return found ? std::string{found} : std::string{unknown};
}

}  // namespace signs::core
