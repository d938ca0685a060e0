#pragma once
/// The fictional demo data's training: venues of the kind a council uses, the half-day
/// introduction and the 2-day course, the spring 2018 introductions (kept as past sessions)
/// and sessions in the weeks ahead, some with demo staff booked.
#include "core/clock.hpp"
#include "store/database.hpp"

namespace signs::service {

void load_demo_training(store::Database& db, const core::Clock& clock);

}  // namespace signs::service
