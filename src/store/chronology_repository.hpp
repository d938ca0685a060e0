#pragma once
/// The chronology: significant events in a child's life, from the record's own changes and
/// from entries people add.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct ChronologyRecord {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::string occurred_on;  ///< ISO date
    std::string kind;         ///< "level-change", "allocation", "case-opened", "note", ...
    std::string summary;
    std::string source;  ///< "record" (made by signs) or "manual"
    std::optional<std::int64_t> recorded_by;
    std::string recorded_by_name;
    std::string recorded_at;
};

/// Where a page of the chronology ends: the last entry's date and id. The next page starts
/// after it, in the same newest-first order (keyset paging: an entry added meanwhile never
/// moves another from one page to the next).
struct ChronologyCursor {
    std::string occurred_on;
    std::int64_t id = 0;
};

namespace chronology {

/// Returns the new entry's id.
std::int64_t add(soci::session& sql, const ChronologyRecord& event);
/// Newest first.
std::vector<ChronologyRecord> for_child(soci::session& sql, std::int64_t child_id, int limit);

/// Up to `limit` entries newest first, after `after` when given.
std::vector<ChronologyRecord> page_for_child(soci::session& sql, std::int64_t child_id,
                                             const std::optional<ChronologyCursor>& after,
                                             int limit);

}  // namespace chronology
}  // namespace signs::store
