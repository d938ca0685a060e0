#include "service/case_membership_service.hpp"

#include <algorithm>

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/cin_episodes.hpp"
#include "service/level_history.hpp"
#include "store/case_repository.hpp"
#include "store/chronology_repository.hpp"

namespace signs::service {
namespace {

bool holds(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::vector<store::ChildRecord> CaseMembershipService::children_to_add(const Actor& actor,
                                                                       std::int64_t case_id) {
    if (!has_case_role(actor)) return {};
    auto lease = db_.lease();
    auto& sql = lease.sql();
    if (!open_case_to_change(sql, actor, case_id, core::to_storage(clock_.now()))) return {};
    return store::children::find_many(
        sql, store::children::ids_recorded_without_case(sql, actor.user->id, 100));
}

core::Result<void> CaseMembershipService::add_child(const Actor& actor, std::int64_t case_id,
                                                    std::int64_t child_id,
                                                    const domain::LevelChange& start) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto record = open_case_to_change(sql, actor, case_id, now);
    if (!record) return std::unexpected(record.error());
    auto child = store::children::find(sql, child_id);
    if (!child || !can_open_child(sql, actor, *child, now)) {
        return std::unexpected(
            core::Error::invalid({{"child", "Select a child whose record you can open"}}));
    }
    if (holds(store::cases::child_ids(sql, case_id), child_id)) {
        return std::unexpected(
            core::Error::invalid({{"child", "That child is already part of this case"}}));
    }
    auto checked = domain::check_first_level(start, core::london_date(clock_.now()));
    if (!checked) return std::unexpected(checked.error());
    store::cases::add_child(sql, case_id, child_id);
    store::cases::add_level_period(sql, period_from(case_id, child_id, start, actor.user->id, now));
    follow_level(sql, child_id, "", std::string{domain::level_code(start.to)}, start.on.iso(),
                 actor.user->id, now);
    store::chronology::add(sql, {0, child_id, start.on.iso(), "case-opened",
                                 "Joined the " + record->family_name + " case at " +
                                     describe_level(start) + ": " + core::trimmed(start.reason),
                                 "record", actor.user->id, "", now});
    record_audit(
        sql, clock_, actor,
        {"case-add-child", "case", std::to_string(case_id), "child " + std::to_string(child_id)});
    tx.commit();
    return {};
}

core::Result<void> CaseMembershipService::close_child(const Actor& actor, std::int64_t case_id,
                                                      std::int64_t child_id,
                                                      const domain::Closure& closure) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto record = open_case_to_change(sql, actor, case_id, now);
    if (!record) return std::unexpected(record.error());
    auto children = store::cases::child_ids(sql, case_id);
    if (!holds(children, child_id))
        return core::fail(core::ErrorKind::NotFound, "That child is not in this case");
    auto history = to_domain(store::cases::level_history(sql, case_id, child_id));
    auto checked = domain::check_closure(history, closure, core::london_date(clock_.now()),
                                         codes_.closure_reason);
    if (!checked) return std::unexpected(checked.error());
    auto note = core::trimmed(closure.note);
    store::cases::end_current_period(sql, case_id, child_id, closure.on.iso());
    store::cases::record_closure(sql, case_id, child_id, {closure.reason, note});
    close_episode_with_case(sql, child_id, closure.on.iso(), closure.reason);
    std::string reason{codes_.closure_reason.label(closure.reason)};
    store::chronology::add(sql, {0, child_id, closure.on.iso(), "case-closed",
                                 "Closed in the " + record->family_name + " case: " + reason +
                                     (note.empty() ? "" : ". " + note),
                                 "record", actor.user->id, "", now});
    bool any_open = std::any_of(children.begin(), children.end(), [&](std::int64_t id) {
        return domain::current_level(to_domain(store::cases::level_history(sql, case_id, id)))
            .has_value();
    });
    if (!any_open &&
        !store::cases::close(sql, case_id, closure.on.iso(), reason, record->version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this case while you were closing it");
    }
    record_audit(sql, clock_, actor,
                 {"case-close-child", "case", std::to_string(case_id),
                  "child " + std::to_string(child_id) + " " + closure.reason});
    tx.commit();
    return {};
}

}  // namespace signs::service
