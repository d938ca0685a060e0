#pragma once
/// The guidance library's resources. Files' bytes are not here: see service/file_store.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct ResourceRecord {
    std::int64_t id = 0;
    std::string title, summary, kind;
    std::string audiences;  ///< codes joined by spaces
    std::string levels;     ///< codes joined by spaces; empty for every level
    bool is_public = false;
    std::string body;  ///< Markdown
    std::string file_sha256, file_name, file_type;
    std::int64_t file_bytes = 0;
    bool withdrawn = false;
    bool is_demo = false;
    std::optional<std::int64_t> updated_by;
    std::string updated_at;
    int version = 1;

    bool has_file() const { return !file_sha256.empty(); }
};

/// What the library list is narrowed to; empty members do not narrow it.
struct ResourceFilter {
    // Empty braces let a filter name only what it narrows by without compiler warnings.
    std::string words{};  ///< found in the title, summary or page, ignoring case
    std::string kind{}, level{}, audience{};
    bool public_only = false;
};

namespace resources {

std::int64_t insert(soci::session& sql, const ResourceRecord& resource);
std::optional<ResourceRecord> find(soci::session& sql, std::int64_t id);
/// Every field but id and is_demo, when the version is still `version`; false otherwise.
bool update(soci::session& sql, const ResourceRecord& resource, int version);
bool withdraw(soci::session& sql, std::int64_t id, const std::string& at,
              std::optional<std::int64_t> by);
/// Resources still offered, newest first, at most `limit`.
std::vector<ResourceRecord> search(soci::session& sql, const ResourceFilter& filter, int limit);
/// Moves with every resource added, changed or withdrawn (their version).
std::string stamp(soci::session& sql);

}  // namespace resources
}  // namespace signs::store
