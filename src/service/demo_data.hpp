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
    std::string practitioner_email;
    std::string manager_email;
    std::string password;  ///< random, shared by every demo account; printed once
};

/// Loads demo data into a new database only: Conflict if anyone is already there. Besides
/// staff, six fictional families with children at every service level and some history.
core::Result<DemoDataResult> load_demo_data(store::Database& db, const core::Clock& clock);

}  // namespace signs::service
