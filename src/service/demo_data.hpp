#pragma once
/// Fictional teams and staff for trying signs out. Every record is marked as demo; no real
/// person is named.
#include <filesystem>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/timescales/working_days.hpp"
#include "service/calendar_service.hpp"
#include "store/database.hpp"

namespace signs::service {

struct DemoDataResult {
    std::string admin_email;
    std::string practitioner_email;
    std::string manager_email;
    std::string password;  ///< random, shared by every demo account; printed once
};

/// Loads demo data into a new database only: Conflict if anyone is already there. Besides
/// staff, seven fictional families with children at every service level, the people around
/// them, where they live, some history, and contacts at the front door (one waiting for a
/// decision, whose deadline `calendar` sets).
/// `resources` holds data/guidance, the demo library's pages.
core::Result<DemoDataResult> load_demo_data(store::Database& db, const core::Clock& clock,
                                            CalendarService& calendars,
                                            const std::filesystem::path& resources);

}  // namespace signs::service
