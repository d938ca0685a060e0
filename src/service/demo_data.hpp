#pragma once
/// Fictional teams and staff for trying signs out. Every record is marked as demo; no real
/// person is named.
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/database.hpp"

namespace signs::service {

struct DemoDataResult {
    std::string admin_email;
    std::string admin_password;  ///< random; printed once by the command line
};

/// Loads demo data into a new database only: Conflict if anyone is already there.
core::Result<DemoDataResult> load_demo_data(store::Database& db, const core::Clock& clock);

}  // namespace signs::service
