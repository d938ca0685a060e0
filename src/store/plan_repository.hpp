#pragma once
/// Plans, their versions with the goals and actions in each, and progress on the actions.
#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/plans/plan.hpp"

namespace signs::store {

struct PlanRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::optional<std::int64_t> mapping_id;  ///< the mapping it was built from
    std::string started_on;                  ///< ISO date
    int latest_version = 1;
    std::optional<int> in_force;  ///< the newest agreed version
    std::optional<std::int64_t> created_by;
    std::string created_at;
};

struct PlanVersionRecord {
    int number = 0;
    std::string variant;
    std::string status;  ///< "draft" or "agreed"
    std::string agreed_on;
    std::string agreed_where;
    std::string agreed_by_name;   ///< read only
    std::string created_by_name;  ///< read only
    std::string created_at;
};

/// An action's latest progress.
struct ActionState {
    std::string status;
    std::string on_date;
};

struct PlanUpdateRecord {
    std::int64_t id = 0;
    int action_ref = 0;
    std::string status;
    std::string note;
    std::string on_date;
    std::string recorded_by_name;  ///< read only
    std::string recorded_at;
};

namespace plans {

/// A new plan with its first version, a draft holding `first`. Refs in `first` are ignored
/// and given afresh.
std::int64_t insert(soci::session& sql, const PlanRecord& plan, const std::string& variant,
                    const domain::PlanContent& first);
std::optional<PlanRecord> find(soci::session& sql, std::int64_t id);
std::optional<PlanRecord> for_case(soci::session& sql, std::int64_t case_id);
/// Oldest first.
std::vector<PlanVersionRecord> versions(soci::session& sql, std::int64_t plan_id);
domain::PlanContent content(soci::session& sql, std::int64_t plan_id, int version);

/// Locks the version for the caller's transaction if it is still a draft: every change to a
/// draft takes this first, and agreeing does too, so no change lands in an agreed version.
bool hold_draft(soci::session& sql, std::int64_t plan_id, int version);
/// Changes to a draft version; the caller holds it (hold_draft). Adding returns the new ref.
int add_goal(soci::session& sql, std::int64_t plan_id, int version, const std::string& text);
bool update_goal(soci::session& sql, std::int64_t plan_id, int version, int ref,
                 const std::string& text);
/// Also moves the goal's actions to "no goal yet".
bool remove_goal(soci::session& sql, std::int64_t plan_id, int version, int ref);
int add_action(soci::session& sql, std::int64_t plan_id, int version,
               const domain::PlanAction& action);
bool update_action(soci::session& sql, std::int64_t plan_id, int version,
                   const domain::PlanAction& action);
bool remove_action(soci::session& sql, std::int64_t plan_id, int version, int ref);

/// Agrees the draft `version`: false when it is not a draft (agreed meanwhile, or unknown).
bool agree(soci::session& sql, std::int64_t plan_id, int version, const std::string& on,
           const std::string& where, std::optional<std::int64_t> by, const std::string& at);
/// A new draft after `latest`, holding a copy of it; returns its number. Throws
/// StoreFault(Unique) when `latest` is no longer the latest (someone else made one meanwhile).
int new_version(soci::session& sql, std::int64_t plan_id, int latest, const std::string& variant,
                std::optional<std::int64_t> by, const std::string& at);

/// Records progress and moves the action's latest state on, unless a later-dated update is
/// already there.
void add_update(soci::session& sql, std::int64_t plan_id, int action_ref,
                const domain::UpdateForm& update, const std::string& on,
                std::optional<std::int64_t> by, const std::string& at);
/// Newest first.
std::vector<PlanUpdateRecord> updates(soci::session& sql, std::int64_t plan_id);
std::map<int, ActionState> states(soci::session& sql, std::int64_t plan_id);

/// How many actions of the plan in force on the case are past their date and not done.
int overdue_actions(soci::session& sql, std::int64_t case_id, const std::string& today);
/// The same count as a correlated subquery for a case aliased `c`. Today's date is bound to
/// the placeholder called `today_name` (given without its colon); a query that uses the
/// subquery twice gives each use a different name and binds the date twice.
std::string overdue_actions_sql(const std::string& today_name);

}  // namespace plans
}  // namespace signs::store
