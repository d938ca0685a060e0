#pragma once
/// A case's outstanding statutory deadlines, from its referrals, mappings, levels and
/// meetings, counted on the working-day calendar in force.
#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/timescales/case_deadlines.hpp"
#include "service/actor.hpp"
#include "service/calendar_service.hpp"
#include "store/database.hpp"

namespace signs::service {

class DeadlineService {
  public:
    DeadlineService(store::Database& db, const core::Clock& clock, CalendarService& calendars)
        : db_(db), clock_(clock), calendars_(calendars) {}

    core::Result<std::vector<domain::DueDeadline>> for_case(const Actor& actor,
                                                            std::int64_t case_id);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    CalendarService& calendars_;
};

/// What has happened in the case, as the deadline rules read it; read on the caller's
/// connection.
std::vector<domain::CaseEvent> case_events(soci::session& sql, std::int64_t case_id,
                                           core::CivilDate today);

}  // namespace signs::service
