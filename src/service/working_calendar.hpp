#pragma once
/// Loads the working-day calendar from the bank holiday list in the resources' data folder.
#include <filesystem>

#include "domain/timescales/working_days.hpp"

namespace signs::service {

/// Reads `data/bank-holidays-england.csv` under `resources`. Throws when the file is missing
/// or has a bad line, so a server never starts counting deadlines without its holidays.
domain::WorkingCalendar load_working_calendar(const std::filesystem::path& resources);

}  // namespace signs::service
