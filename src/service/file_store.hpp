#pragma once
/// Uploaded files, kept in a folder of the data directory (never under the web root), each
/// under the SHA-256 of its bytes: no name anyone sent ever becomes a path, the same file
/// uploaded twice is kept once, and a file read back can be checked against its name. With
/// several app nodes the folder must be shared storage.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace signs::service {

class FileStore {
  public:
    explicit FileStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

    /// Keeps the bytes and returns the name they are kept under (their SHA-256 in hex).
    core::Result<std::string> keep(std::string_view bytes);
    /// The bytes kept under `sha256`, or nothing when there is no such file, the name is not
    /// a SHA-256, or the bytes no longer match it.
    std::optional<std::string> read(std::string_view sha256) const;

  private:
    std::filesystem::path path_of(std::string_view sha256) const;

    std::filesystem::path folder_;
};

}  // namespace signs::service
