#pragma once
/// The addresses a child has lived at, oldest first.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct AddressRecord {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::string lines;
    std::string postcode;
    std::string moved_in;   ///< ISO date
    std::string moved_out;  ///< ISO date, or empty for the current address
    std::optional<std::int64_t> recorded_by;
    std::string recorded_at;
};

namespace addresses {

/// Ends the current address on the day of the move and adds the new one.
std::int64_t move(soci::session& sql, const AddressRecord& address);
std::vector<AddressRecord> for_child(soci::session& sql, std::int64_t child_id);

}  // namespace addresses
}  // namespace signs::store
