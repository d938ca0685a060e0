#include "service/case_access.hpp"

#include <algorithm>

namespace signs::service {
namespace {

bool restriction_allows(soci::session& sql, const store::ChildRecord& child, std::int64_t user_id) {
    if (!child.restricted) return true;
    auto allowed = store::children::restricted_to(sql, child.id);
    return std::find(allowed.begin(), allowed.end(), user_id) != allowed.end();
}

}  // namespace

bool has_case_role(const Actor& actor) {
    return actor.has_role(domain::Role::Practitioner) ||
           actor.has_role(domain::Role::TeamManager) ||
           actor.has_role(domain::Role::ConferenceChair);
}

bool is_own_work(const Actor& actor, const store::CaseRecord& record) {
    if (!actor.user) return false;
    const auto& user = *actor.user;
    bool own = record.worker_id && *record.worker_id == user.id;
    return own || user.works_in(record.team_id);
}

CaseAccess case_access(soci::session& sql, const Actor& actor, const store::CaseRecord& record,
                       const std::string& now) {
    if (!has_case_role(actor)) return CaseAccess::Refused;
    const auto& user = *actor.user;
    // One question for every child in the case, since this runs on every page of it.
    if (!store::children::restricted_in_case_against(sql, record.id, user.id).empty())
        return CaseAccess::Refused;
    if (is_own_work(actor, record)) return CaseAccess::Allowed;
    if (store::cases::has_break_glass(sql, user.id, record.id, now)) return CaseAccess::Allowed;
    return CaseAccess::BreakGlassNeeded;
}

bool can_open_child(soci::session& sql, const Actor& actor, const store::ChildRecord& child,
                    const std::string& now) {
    if (!has_case_role(actor)) return false;
    if (!restriction_allows(sql, child, actor.user->id)) return false;
    auto case_ids = store::cases::ids_for_child(sql, child.id);
    if (case_ids.empty()) return child.created_by && *child.created_by == actor.user->id;
    return std::any_of(case_ids.begin(), case_ids.end(), [&](std::int64_t id) {
        auto record = store::cases::find(sql, id);
        return record && case_access(sql, actor, *record, now) == CaseAccess::Allowed;
    });
}

core::Result<store::CaseRecord> open_case_for(soci::session& sql, const Actor& actor,
                                              std::int64_t case_id, const std::string& now) {
    auto record = store::cases::find(sql, case_id);
    if (!record) return core::fail(core::ErrorKind::NotFound, "There is no case with that number");
    if (case_access(sql, actor, *record, now) != CaseAccess::Allowed)
        return core::fail(core::ErrorKind::Forbidden, "This case is not part of your work");
    return *record;
}

core::Result<store::CaseRecord> open_case_to_change(soci::session& sql, const Actor& actor,
                                                    std::int64_t case_id, const std::string& now) {
    auto record = open_case_for(sql, actor, case_id, now);
    if (!record) return record;
    if (!record->closed_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This case is closed");
    return record;
}

}  // namespace signs::service
