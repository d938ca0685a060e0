#pragma once
/// Visits to children, and the council's visit frequencies by level.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct VisitRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::int64_t child_id = 0;
    std::string child_name;  ///< read only
    std::string visited_on;  ///< ISO date
    bool seen_alone = false;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_by_name;  ///< read only
    std::string recorded_at;
};

struct FrequencyRecord {
    std::string level;
    int amount = 0;
    std::string unit;
    std::string changed_by_name;
    std::string changed_at;
};

namespace visits {

std::int64_t add(soci::session& sql, const VisitRecord& visit);
/// The case's visits, newest first, at most `limit`.
std::vector<VisitRecord> for_case(soci::session& sql, std::int64_t case_id, int limit);
/// Each child's latest visit in the case.
std::vector<VisitRecord> latest_per_child(soci::session& sql, std::int64_t case_id);

/// The frequencies the council has set; levels it has not set are absent.
std::vector<FrequencyRecord> frequencies(soci::session& sql);
void set_frequency(soci::session& sql, const FrequencyRecord& frequency,
                   std::optional<std::int64_t> by);

}  // namespace visits
}  // namespace signs::store
