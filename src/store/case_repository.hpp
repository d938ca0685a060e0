#pragma once
/// Cases (a piece of work with one family), the children in them, each child's service
/// levels over time, and break-glass grants to open a case outside one's own work.
#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct CaseRecord {
    std::int64_t id = 0;
    std::string family_name;
    std::optional<std::int64_t> team_id;
    std::string team_name;
    std::optional<std::int64_t> worker_id;
    std::string worker_name;
    std::string opened_on;
    std::string closed_on;  ///< empty while open
    std::string close_reason;
    bool is_demo = false;
    std::string created_at;
    int version = 1;
    /// Moved on by the database whenever anything its mapping pages show changes.
    std::int64_t mapping_stamp = 0;
    /// Moved on with anything its deadlines are worked out from (migration 0020).
    std::int64_t deadline_stamp = 0;
    /// Moved on with the rest of what the case page shows (migration 0032).
    std::int64_t page_stamp = 0;
};

struct LevelPeriodRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::int64_t child_id = 0;
    std::string level;
    std::string from_date;
    std::string to_date;  ///< empty for the current period
    std::string reason;
    std::string category;  ///< child protection plan category code, or empty
    std::string legal_status;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_at;
};

/// A row of "My cases" / "Team cases": a case with one of its children and that child's
/// current level.
struct CaseListRow {
    std::int64_t case_id = 0;
    std::string family_name;
    std::string worker_name;  ///< empty when unallocated
    std::string team_name;    ///< empty when the case has no team
    std::int64_t child_id = 0;
    std::string child_name;
    std::string level;  ///< empty when the child's part in the case is closed
    std::string level_since;
    std::string next_due;     ///< ISO date of the child's earliest outstanding deadline, or empty
    int alerts_waiting = 0;   ///< alerts on the case that no manager has marked as seen
    int overdue_actions = 0;  ///< actions of the case's plan in force past their date, not done
};

namespace cases {

std::int64_t insert(soci::session& sql, const CaseRecord& record);
std::optional<CaseRecord> find(soci::session& sql, std::int64_t id);
/// Holds the case's row for the rest of the transaction (PostgreSQL's FOR UPDATE; SQLite's
/// writer already holds the database), so what a writer checks about the case stays true.
void hold(soci::session& sql, std::int64_t id);
/// Marks a case as part of the fictional demo data.
void mark_demo(soci::session& sql, std::int64_t id);
void add_child(soci::session& sql, std::int64_t case_id, std::int64_t child_id);
std::vector<std::int64_t> child_ids(soci::session& sql, std::int64_t case_id);

/// Why a child's part in a case ended: a closure reason code and the worker's note.
struct ChildClosure {
    std::string reason;
    std::string note;
};
void record_closure(soci::session& sql, std::int64_t case_id, std::int64_t child_id,
                    const ChildClosure& closure);
/// The closed children of a case, by child id.
std::map<std::int64_t, ChildClosure> closures(soci::session& sql, std::int64_t case_id);
/// Cases that hold this child, newest first.
std::vector<std::int64_t> ids_for_child(soci::session& sql, std::int64_t child_id);

/// False when the case is no longer at `expected_version`.
bool allocate(soci::session& sql, std::int64_t case_id, std::optional<std::int64_t> team_id,
              std::optional<std::int64_t> worker_id, int expected_version);
bool close(soci::session& sql, std::int64_t case_id, const std::string& on,
           const std::string& reason, int expected_version);

/// Filter for the case lists: by worker, or by teams (any of them); `unallocated_only` for a
/// manager's queue; `levels` level codes (any of them), empty for all; `due_by` an ISO date to keep
/// only children with something due on or before it.
///
/// A child's outstanding deadlines are, for now, the decisions due on contacts about them.
struct ListFilter {
    std::optional<std::int64_t> worker_id;
    std::vector<std::int64_t> team_ids;
    bool unallocated_only = false;
    std::vector<std::string> levels;
    std::string due_by;
    bool alerts_only = false;   ///< only cases with an alert no manager has seen yet
    std::string today;          ///< ISO date: plan actions before it and not done are overdue
    bool overdue_only = false;  ///< only cases with an overdue plan action
    int limit = 200;
};
std::vector<CaseListRow> list(soci::session& sql, const ListFilter& filter);

void add_level_period(soci::session& sql, const LevelPeriodRecord& period);
/// Ends the open period of this child in this case on `to_date`.
void end_current_period(soci::session& sql, std::int64_t case_id, std::int64_t child_id,
                        const std::string& to_date);
/// The open level of each of these children (the newest, if they are in several cases).
std::map<std::int64_t, std::string> current_levels(soci::session& sql,
                                                   const std::vector<std::int64_t>& child_ids);
/// Oldest first.
std::vector<LevelPeriodRecord> level_history(soci::session& sql, std::int64_t case_id,
                                             std::int64_t child_id);

void grant_break_glass(soci::session& sql, std::int64_t user_id, std::int64_t case_id,
                       const std::string& reason, const std::string& at,
                       const std::string& expires_at);
bool has_break_glass(soci::session& sql, std::int64_t user_id, std::int64_t case_id,
                     const std::string& now);

struct BreakGlassRecord {
    std::int64_t user_id;
    std::string user_name;
    std::string reason;
    std::string granted_at;
    std::string expires_at;
};
std::vector<BreakGlassRecord> break_glass_for_case(soci::session& sql, std::int64_t case_id);

}  // namespace cases
}  // namespace signs::store
