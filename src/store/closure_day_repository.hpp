#pragma once
/// The council's own closure days.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store::closure_days {

struct ClosureRecord {
    std::string day;  ///< ISO date
    std::string reason;
    std::string added_by_name;  ///< read only
    std::string added_at;
};

/// Every closure day, earliest first.
std::vector<ClosureRecord> all(soci::session& sql);
/// Throws StoreFault(Unique) when the day is already a closure day.
void add(soci::session& sql, const std::string& day, const std::string& reason,
         std::optional<std::int64_t> by, const std::string& at);
/// False when the day was not a closure day.
bool remove(soci::session& sql, const std::string& day);

}  // namespace signs::store::closure_days
