#pragma once
/// Need-to-know: who may open a case or a child's record. A practitioner opens the cases
/// allocated to them or their team, a manager their own team's and those of any team they
/// lead, anyone with a case role a case
/// they broke the glass on while the grant runs; a restricted child opens only to the users
/// named for them. Every casework service asks here, so the rule lives in one place (the
/// store's `children::openable` says the same in SQL for searches).
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "service/actor.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"

namespace signs::service {

enum class CaseAccess { Allowed, BreakGlassNeeded, Refused };

/// True for the roles that do casework (practitioners, managers, chairs).
bool has_case_role(const Actor& actor);

/// `now` is the stored form of the current time, for break-glass grants.
CaseAccess case_access(soci::session& sql, const Actor& actor, const store::CaseRecord& record,
                       const std::string& now);

/// Through any of the child's cases; a child in no case yet opens to whoever recorded them.
bool can_open_child(soci::session& sql, const Actor& actor, const store::ChildRecord& child,
                    const std::string& now);

/// The case, when the actor may work on it: NotFound or Forbidden otherwise.
core::Result<store::CaseRecord> open_case_for(soci::session& sql, const Actor& actor,
                                              std::int64_t case_id, const std::string& now);

/// The case, when the actor may work on it and it is still open: also Conflict when closed.
core::Result<store::CaseRecord> open_case_to_change(soci::session& sql, const Actor& actor,
                                                    std::int64_t case_id, const std::string& now);

/// The user's own case or one of their teams', as opposed to one opened by breaking the glass.
bool is_own_work(const Actor& actor, const store::CaseRecord& record);

}  // namespace signs::service
