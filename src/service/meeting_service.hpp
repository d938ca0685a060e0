#pragma once
/// Meetings about a case's children: arranged, moved or cancelled (each change a new
/// revision in people's calendars), with invitees and their attendance, and a record that
/// follows the framework: a mapping made at the meeting from the latest one, everyone's
/// numbers in it, the decision, the plan version agreed, dissent by name and the next date.
/// Anyone who may open the case may work on its meetings while the case is open.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/meetings/icalendar.hpp"
#include "domain/meetings/meeting.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/mapping_service.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/database.hpp"
#include "store/meeting_repository.hpp"

namespace signs::service {

struct MeetingView {
    store::MeetingRecord meeting;
    store::CaseRecord case_record;
    const domain::MeetingType* type = nullptr;
    std::vector<store::ChildRecord> children;
    std::vector<store::InviteeRecord> invitees;
    std::vector<int> agreed_plan_versions;  ///< of the case's plan, for the record
    std::optional<std::int64_t> plan_id;
    bool can_change = false;  ///< arranged, and the case open
    bool can_record = false;  ///< not cancelled, on or before today, and the case open
};

/// The kinds of meeting and the children a new meeting can be about.
struct MeetingChoices {
    store::CaseRecord case_record;
    std::vector<const domain::MeetingType*> types;
    std::vector<store::ChildRecord> children;
};

class MeetingService {
  public:
    MeetingService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                   MappingService& mappings)
        : db_(db), clock_(clock), audit_(audit), mappings_(mappings) {}

    core::Result<MeetingChoices> choices(const Actor& actor, std::int64_t case_id);
    core::Result<std::int64_t> arrange(const Actor& actor, std::int64_t case_id,
                                       const domain::MeetingForm& form);
    core::Result<std::vector<store::MeetingRecord>> for_case(const Actor& actor,
                                                             std::int64_t case_id);
    core::Result<MeetingView> view(const Actor& actor, std::int64_t meeting_id);
    /// A new date, time, place, chair or children; the calendar revision goes up.
    core::Result<void> move(const Actor& actor, std::int64_t meeting_id,
                            const domain::MeetingForm& form, int expected_version);
    core::Result<void> cancel(const Actor& actor, std::int64_t meeting_id,
                              const std::string& reason, int expected_version);
    core::Result<std::int64_t> invite(const Actor& actor, std::int64_t meeting_id,
                                      const domain::InviteeForm& form);
    core::Result<void> set_attendance(const Actor& actor, std::int64_t meeting_id,
                                      std::int64_t invitee_id, const std::string& attendance,
                                      const std::string& reason);
    core::Result<void> set_dissent(const Actor& actor, std::int64_t meeting_id,
                                   std::int64_t invitee_id, const std::string& dissent);
    core::Result<void> record_outcome(const Actor& actor, std::int64_t meeting_id,
                                      const domain::OutcomeForm& form, int expected_version);
    /// The meeting's mapping: a review of the case's latest agreed mapping when there is one,
    /// else a new one, with everyone who attended taking part. Made once; returns its id.
    core::Result<std::int64_t> open_mapping(const Actor& actor, std::int64_t meeting_id);
    /// The meeting as an iCalendar file; cancelled meetings give a cancellation.
    core::Result<std::string> calendar_file(const Actor& actor, std::int64_t meeting_id);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    MappingService& mappings_;
};

}  // namespace signs::service
