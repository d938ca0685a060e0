#pragma once
/// A case's outstanding statutory deadlines, from its referrals, mappings, levels and
/// meetings, counted on the working-day calendar in force.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/timescales/case_deadlines.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/calendar_service.hpp"
#include "store/database.hpp"
#include "store/deadline_repository.hpp"

namespace signs::service {

enum class DueScope { Mine, Team, Service };

struct DueList {
    std::vector<store::DueRow> rows;
    int total = 0;  ///< matching rows in all pages, up to kCountedUpTo
    static constexpr int kCountedUpTo = 1000;
};

class DeadlineService {
  public:
    DeadlineService(store::Database& db, const core::Clock& clock, CalendarService& calendars,
                    AuditWriter& audit)
        : db_(db), clock_(clock), calendars_(calendars), audit_(audit) {}

    core::Result<std::vector<domain::DueDeadline>> for_case(const Actor& actor,
                                                            std::int64_t case_id);

    /// Works out again the kept deadlines of every case that has changed (or whose arranged
    /// meeting's day has come) since they were last worked out.
    void refresh();
    /// A due list: the actor's own cases, their team's, or (managers and chairs) the whole
    /// service's, soonest first. An export is audited: the list leaves signs.
    core::Result<DueList> due_list(const Actor& actor, DueScope scope, store::DueFilter filter,
                                   bool for_export = false);
    /// What a drawn due list depends on besides its filters: while it is the same, the page
    /// would be drawn the same. Checked as due_list() is.
    core::Result<std::string> list_stamp(const Actor& actor, DueScope scope);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    CalendarService& calendars_;
    AuditWriter& audit_;
    std::mutex mutex_;
    std::string refreshed_through_;  ///< every meeting up to this day has been accounted for
};

/// What has happened in the case, as the deadline rules read it; read on the caller's
/// connection.
std::vector<domain::CaseEvent> case_events(soci::session& sql, std::int64_t case_id,
                                           core::CivilDate today);

}  // namespace signs::service
