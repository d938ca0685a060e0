#pragma once
/// The working-day calendar in force: England's bank holidays from the data file and the
/// council's own closure days, which system administrators add and remove. Every deadline
/// counted in working days uses it.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/timescales/working_days.hpp"
#include "service/actor.hpp"
#include "store/closure_day_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

class CalendarService {
  public:
    CalendarService(store::Database& db, const core::Clock& clock,
                    std::vector<domain::Holiday> bank_holidays)
        : db_(db), clock_(clock), bank_holidays_(std::move(bank_holidays)) {}

    /// The calendar in force. Read again after a change on this node at once, and after a
    /// change on another node within 30 seconds.
    std::shared_ptr<const domain::WorkingCalendar> current();
    /// The calendar as it stands on the caller's connection, inside their transaction.
    domain::WorkingCalendar read(soci::session& sql) const;

    core::Result<std::vector<store::closure_days::ClosureRecord>> closures(const Actor& actor);
    core::Result<void> add_closure(const Actor& actor, const domain::ClosureForm& form);
    core::Result<void> remove_closure(const Actor& actor, const std::string& day);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    std::vector<domain::Holiday> bank_holidays_;
    std::mutex mutex_;
    std::shared_ptr<const domain::WorkingCalendar> current_;
    core::Instant read_at_{};
};

}  // namespace signs::service
