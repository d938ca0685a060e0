#pragma once
/// The front door: recording a contact about a child and deciding, within a working day,
/// what happens next. The team that recorded a contact sees it on their list until it is
/// decided; anyone who may open the child sees it on the child's record.
#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/contact.hpp"
#include "domain/timescales/working_days.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/calendar_service.hpp"
#include "store/contact_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

struct ContactView {
    store::ContactRecord record;
    bool child_in_open_case = false;  ///< else the decision may lead to opening one
};

class ContactService {
  public:
    ContactService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                   CalendarService& calendars, const domain::CensusCodes& codes)
        : db_(db), clock_(clock), audit_(audit), calendars_(calendars), codes_(codes) {}

    /// For anyone who may open the child; the decision falls due on the next working day.
    core::Result<std::int64_t> record(const Actor& actor, std::int64_t child_id,
                                      const domain::ContactForm& form);
    core::Result<ContactView> view(const Actor& actor, std::int64_t contact_id);
    core::Result<void> decide(const Actor& actor, std::int64_t contact_id,
                              const domain::DecisionForm& form, int expected_version);
    /// The actor's team's contacts still waiting for a decision, the earliest due first.
    core::Result<std::vector<store::ContactRecord>> awaiting_decision(const Actor& actor);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    CalendarService& calendars_;
    const domain::CensusCodes& codes_;
};

}  // namespace signs::service
