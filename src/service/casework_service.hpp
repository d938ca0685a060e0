#pragma once
/// What practitioners and managers do with children and cases: record a child, find one,
/// open a case, change a child's service level, allocate the work, and open a case outside
/// their own work by breaking the glass. Every function checks need-to-know access and
/// audits what it reads or changes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"
#include "domain/casework/chronology_entry.hpp"
#include "domain/casework/network.hpp"
#include "domain/casework/service_level.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/case_access.hpp"
#include "store/address_repository.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/chronology_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/database.hpp"
#include "store/network_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

/// How long a break-glass grant lasts.
inline constexpr std::chrono::hours kBreakGlassLifetime{1};

struct ChildSummary {
    store::ChildRecord child;
    std::string current_level;  ///< code of the newest open level, or empty
};

inline constexpr int kSearchPageSize = 50;

/// A page of search results, in the order the children were recorded, with the cursors of
/// the pages either side of it (keyset paging: each page costs the same however far on).
struct SearchPage {
    std::vector<ChildSummary> children;
    std::optional<std::int64_t> next_after;       ///< more follow: read on after this child
    std::optional<std::int64_t> previous_before;  ///< more come before: read back from here
};

/// The outcome of adding a child: either the new id, or the existing children that look
/// like the same person, for the worker to check before confirming.
struct AddChildOutcome {
    std::optional<std::int64_t> child_id;
    std::vector<store::ChildRecord> lookalikes;
};

struct ChildCaseView {
    store::CaseRecord record;
    std::vector<store::LevelPeriodRecord> history;  ///< this child's levels in this case
};

struct ChildView {
    store::ChildRecord child;
    std::vector<ChildCaseView> cases;
    std::vector<store::ChronologyRecord> chronology;
    std::vector<store::NetworkRow> network;
    std::vector<store::ProfessionalRecord> professionals;
    std::vector<store::AddressRecord> addresses;  ///< oldest first
    std::vector<store::ContactRecord> contacts;   ///< newest first
};

struct CaseChildView {
    store::ChildRecord child;
    std::vector<store::LevelPeriodRecord> history;
    std::optional<store::cases::ChildClosure> closure;  ///< set once their part has ended
};

struct CaseView {
    store::CaseRecord record;
    std::vector<CaseChildView> children;
    bool via_break_glass = false;
};

/// The case's children, each with their levels in it and, once it has ended, their closure.
std::vector<CaseChildView> case_children(soci::session& sql, std::int64_t case_id);

/// The most entries of a chronology one page holds.
inline constexpr int kMostChronologyPerPage = 200;

/// Entries of a child's chronology, and where the next page starts if there is one.
struct ChronologyPage {
    std::vector<store::ChronologyRecord> entries;
    std::optional<store::ChronologyCursor> next;
};

/// The child's record, cases, chronology, network, addresses and contacts; read after an
/// access check.
ChildView child_view(soci::session& sql, const store::ChildRecord& child);

struct OpenCaseForm {
    std::string family_name;
    std::vector<std::int64_t> child_ids;
    domain::LevelChange start;
};

struct Restriction {
    std::int64_t child_id;
    std::string child_name;
    std::vector<std::string> allowed;  ///< "Name <email>"
};

/// One opening of a record, from the audit log.
struct RecordView {
    std::string at;  ///< stored UTC time
    std::string user_name;
    std::string how;  ///< "view" or "view-break-glass"
};

/// The team's active members, for allocation.
std::vector<store::UserRecord> active_team_members(soci::session& sql, std::int64_t team_id);

/// Who has opened the child's record, newest first, from the audit log.
std::vector<RecordView> record_viewers(soci::session& sql, std::int64_t child_id);

class CaseworkService {
  public:
    CaseworkService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                    const domain::CensusCodes& codes)
        : db_(db), clock_(clock), audit_(audit), codes_(codes) {}

    /// With `check_only`, validates and looks for lookalikes but saves nothing (for the
    /// "check your answers" page).
    core::Result<AddChildOutcome> add_child(const Actor& actor, const domain::ChildForm& form,
                                            bool confirmed_not_duplicate, bool check_only = false);
    /// By name (forgiving of one slip per word), date of birth (YYYY-MM-DD), NHS number or
    /// UPN. Only children the user may open are returned.
    /// Results come a page of kSearchPageSize at a time, from the cursor a page gave.
    core::Result<SearchPage> search_children(const Actor& actor, const std::string& query,
                                             const store::children::IdCursor& from = {});
    core::Result<ChildView> view_child(const Actor& actor, std::int64_t child_id);

    core::Result<std::int64_t> open_case(const Actor& actor, const OpenCaseForm& form);
    core::Result<CaseView> view_case(const Actor& actor, std::int64_t case_id);
    core::Result<void> change_level(const Actor& actor, std::int64_t case_id, std::int64_t child_id,
                                    const domain::LevelChange& change);
    /// Managers of the case's team allocate and reallocate; `worker_id` empty leaves it
    /// unallocated in `team_id`.
    core::Result<void> allocate(const Actor& actor, std::int64_t case_id,
                                std::optional<std::int64_t> worker_id, int expected_version);
    core::Result<void> break_glass(const Actor& actor, std::int64_t case_id,
                                   const std::string& reason);

    /// System administrators restrict a child to the users with these email addresses
    /// (separated by commas or new lines); nobody else may open the child or their cases.
    core::Result<void> restrict_child(const Actor& actor, std::int64_t child_id,
                                      const std::string& emails, const std::string& reason);
    core::Result<void> lift_restriction(const Actor& actor, std::int64_t child_id);
    /// Every restricted child, with who may open them; names only, no case content.
    core::Result<std::vector<Restriction>> restrictions(const Actor& actor);

    /// Links a person to the child: a new one from the form, or `existing_person` already
    /// linked to a child who shares a case with this one (the same parent for siblings).
    core::Result<std::int64_t> add_network_member(const Actor& actor, std::int64_t child_id,
                                                  const domain::NetworkMemberForm& form,
                                                  std::optional<std::int64_t> existing_person);
    core::Result<void> add_professional(const Actor& actor, std::int64_t child_id,
                                        const domain::ProfessionalForm& form);
    /// Adults linked to the child's brothers and sisters in any of the child's cases, but not
    /// yet to the child: the people most likely to be linked next.
    std::vector<store::PersonRecord> family_not_yet_linked(const Actor& actor,
                                                           std::int64_t child_id);

    /// Adds an entry to the child's chronology, by anyone who may open the child; returns its
    /// id.
    core::Result<std::int64_t> add_chronology_entry(const Actor& actor, std::int64_t child_id,
                                                    const domain::ChronologyEntryForm& form);
    /// A page of the child's chronology, newest first, for anyone who may open the child;
    /// `limit` is held between 1 and kMostChronologyPerPage. The read is audited as a view
    /// of the child's record.
    core::Result<ChronologyPage> chronology_page(
        const Actor& actor, std::int64_t child_id,
        const std::optional<store::ChronologyCursor>& after, int limit);

    /// The lists take the filter's levels, due date and (for a team) unallocated choice;
    /// whose cases they hold comes from the actor.
    core::Result<std::vector<store::CaseListRow>> my_cases(const Actor& actor,
                                                           store::cases::ListFilter filter);
    core::Result<std::vector<store::CaseListRow>> team_cases(const Actor& actor,
                                                             store::cases::ListFilter filter);

  private:
    CaseAccess access(soci::session& sql, const Actor& actor, const store::CaseRecord& record);
    core::Result<ChildView> read_child(const Actor& actor, std::int64_t child_id);
    core::Result<CaseView> read_case(const Actor& actor, std::int64_t case_id);
    bool can_open_child(soci::session& sql, const Actor& actor, const store::ChildRecord& child);

    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    const domain::CensusCodes& codes_;
};

}  // namespace signs::service
