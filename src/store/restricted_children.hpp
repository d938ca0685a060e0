#pragma once
/// Which restricted children a person may not see, in one read (defined with the children).
#include <soci/soci.h>

#include <cstdint>
#include <vector>

namespace signs::store::children {

/// The restricted children `user_id` is not named for.
std::vector<std::int64_t> hidden_from(soci::session& sql, std::int64_t user_id);

}  // namespace signs::store::children
