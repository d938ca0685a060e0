#pragma once
/// Read models for the pages practitioners live in: the case page and the child's page.
/// Each reads everything its page shows after one access check, on one connection, in one
/// read transaction, so the page is one moment of the record and costs one lease rather
/// than one per part. The view is audited once, after the connection is given back.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/timescales/case_deadlines.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/calendar_service.hpp"
#include "service/case_access.hpp"
#include "service/casework_service.hpp"
#include "service/plan_service.hpp"
#include "service/visit_service.hpp"
#include "store/child_voice_repository.hpp"
#include "store/database.hpp"
#include "store/mapping_repository.hpp"
#include "store/meeting_repository.hpp"
#include "store/story_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

/// Everything the case page shows.
struct CasePage {
    /// Allowed, or BreakGlassNeeded when the person may open the case only by breaking the
    /// glass: then nothing else is read.
    CaseAccess access = CaseAccess::Allowed;
    CaseView view;
    /// The council's name for each way of working its children's open levels follow.
    std::map<domain::PracticeVariant, std::string> variant_names;
    std::vector<store::MappingRecord> mappings;
    std::vector<domain::DueDeadline> deadlines;  ///< none once the case is closed
    std::shared_ptr<const domain::WorkingCalendar> calendar;
    std::vector<store::MeetingRecord> meetings;
    std::optional<PlanSummary> plan;
    std::vector<store::mappings::AlertRecord> alerts;
    std::vector<store::child_voice::VoiceRecord> voices;
    std::vector<store::stories::StoryRecord> stories;  ///< each child's latest
    CaseVisits visits;
    /// For a manager of the case's own team: who they may allocate to, and who broke the
    /// glass on it. Empty for anyone else.
    bool manager = false;
    std::vector<store::UserRecord> team_members;
    std::vector<store::cases::BreakGlassRecord> break_glass;
};

/// What the case page is drawn from, in one line: a page drawn for one key may be served
/// again, to anyone the key names, until the key changes.
struct CasePageKey {
    CaseAccess access = CaseAccess::Allowed;
    std::string key;
};

/// Everything the child's page shows.
struct ChildPage {
    ChildView view;
    /// Who has opened the record, newest first: for a manager of one of the child's cases.
    std::vector<RecordView> viewers;
};

class CasePages {
  public:
    CasePages(store::Database& db, const core::Clock& clock, CalendarService& calendars,
              AuditWriter& audit)
        : db_(db), clock_(clock), calendars_(calendars), audit_(audit) {}

    core::Result<CasePage> case_page(const Actor& actor, std::int64_t case_id);
    /// Checks access and audits the view as `case_page` does, but reads only the case's row:
    /// its version and the stamps the database moves with every change the page shows, with
    /// the day (due dates and overdue actions depend on it) and what the viewer sees that
    /// others do not (a manager's allocation form, a break-glass banner).
    core::Result<CasePageKey> case_page_key(const Actor& actor, std::int64_t case_id);
    core::Result<ChildPage> child_page(const Actor& actor, std::int64_t child_id);
    /// As `case_page_key`, for the child's page. A team manager's page also lists who has
    /// opened the record, so their key names the newest audit event about the child.
    core::Result<std::string> child_page_key(const Actor& actor, std::int64_t child_id);
    /// The key forms about one child are kept under (editing the record, adding an address,
    /// a professional, a contact or a network member): access checked and the view audited
    /// as for the page, with `purpose` as the audit's detail; the child's version and page
    /// stamp and the day; with `family`, the stamps of the children who share a case with
    /// them, whose people the network form offers.
    core::Result<std::string> child_form_key(const Actor& actor, std::int64_t child_id, bool family,
                                             const std::string& purpose);

  private:
    /// Checks access and reads, in one read transaction, the child's version, page stamp and
    /// the day, with what `more` adds; then audits the view with `purpose` as its detail.
    core::Result<std::string> child_key(const Actor& actor, std::int64_t child_id,
                                        const std::string& purpose,
                                        const std::function<std::string(soci::session&)>& more);

    store::Database& db_;
    const core::Clock& clock_;
    CalendarService& calendars_;
    AuditWriter& audit_;
};

}  // namespace signs::service
