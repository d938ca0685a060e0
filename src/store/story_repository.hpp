#pragma once
/// "Words and pictures" stories, one row per version.
#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace signs::store::stories {

struct StoryRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::int64_t child_id = 0;
    int version = 1;
    std::string title, written_with;
    std::map<std::string, std::string> words, pictures;  ///< by part code
    std::optional<std::int64_t> created_by;
    std::string created_by_name;  ///< read only
    std::string created_at;
};

/// Adds the next version of the child's story in the case; returns its id. Throws
/// StoreFault(Unique) when someone else added that version first.
std::int64_t add(soci::session& sql, StoryRecord& record);
std::optional<StoryRecord> find(soci::session& sql, std::int64_t id);
/// Every version of every story in the case, newest first.
std::vector<StoryRecord> for_case(soci::session& sql, std::int64_t case_id);

}  // namespace signs::store::stories
