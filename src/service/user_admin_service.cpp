#include "service/user_admin_service.hpp"

#include <set>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "domain/people/password_policy.hpp"
#include "service/audit_service.hpp"
#include "store/session_repository.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

constexpr std::string_view kRefusal = "Only system administrators can manage users";

}  // namespace

core::Result<store::UserRecord> UserAdminService::add_user(const Actor& actor,
                                                           const domain::NewUserForm& form) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto checked = domain::check_new_user(form);
    if (!checked) return std::unexpected(checked.error());

    store::UserRecord user;
    user.email = checked->email;
    user.name = checked->name;
    user.role = checked->role;
    user.password_hash = core::hash_password(checked->password);
    user.created_at = core::to_storage(clock_.now());

    auto lease = db_.lease();
    store::Transaction tx{lease};
    if (store::users::find_by_email(lease.sql(), user.email)) {
        return std::unexpected(
            core::Error::invalid({{"email", "A user with this email address already exists"}}));
    }
    if (checked->team) {
        user.team_id = store::users::find_or_create_team(lease.sql(), *checked->team, false);
        user.team_name = *checked->team;
    }
    try {
        user.id = store::users::insert(lease.sql(), user);
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return std::unexpected(
            core::Error::invalid({{"email", "A user with this email address already exists"}}));
    }
    record_audit(lease.sql(), clock_, actor,
                 {"user-add", "user", std::to_string(user.id),
                  std::string{domain::role_code(user.role)} + " " + user.email});
    tx.commit();
    return user;
}

core::Result<std::vector<store::UserRecord>> UserAdminService::list_users(const Actor& actor) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    return store::users::list(lease.sql());
}

core::Result<store::UserRecord> UserAdminService::view_user(const Actor& actor, std::int64_t id) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto user = [&] {
        auto lease = db_.lease();
        return store::users::find_by_id(lease.sql(), id);
    }();
    if (!user) return core::fail(core::ErrorKind::NotFound, "There is no user with that number");
    audit_.record_view(actor, {"view", "user", std::to_string(id), ""});
    return *user;
}

core::Result<void> UserAdminService::reset_password(const Actor& actor, std::int64_t id,
                                                    const std::string& new_password,
                                                    int expected_version) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    auto user = store::users::find_by_id(lease.sql(), id);
    if (!user) return core::fail(core::ErrorKind::NotFound, "There is no user with that number");
    if (auto problem = domain::password_problem(new_password, user->email)) {
        return std::unexpected(core::Error::invalid({{"password", *problem}}));
    }
    auto hash = core::hash_password(new_password);
    store::Transaction tx{lease};
    if (!store::users::update_password(lease.sql(), id, hash, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this user while you were looking at it");
    }
    store::sessions::remove_for_user(lease.sql(), id);
    record_audit(lease.sql(), clock_, actor,
                 {"user-password-reset", "user", std::to_string(id), ""});
    tx.commit();
    sessions_.forget_user(id);
    return {};
}

core::Result<void> UserAdminService::set_active(const Actor& actor, std::int64_t id, bool active,
                                                int expected_version) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    if (!active && actor.user && actor.user->id == id) {
        return core::fail(core::ErrorKind::Conflict, "You cannot deactivate your own account");
    }
    auto lease = db_.lease();
    if (!store::users::find_by_id(lease.sql(), id)) {
        return core::fail(core::ErrorKind::NotFound, "There is no user with that number");
    }
    store::Transaction tx{lease};
    if (!store::users::set_active(lease.sql(), id, active, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this user while you were looking at it");
    }
    if (!active) store::sessions::remove_for_user(lease.sql(), id);
    record_audit(lease.sql(), clock_, actor,
                 {active ? "user-reactivate" : "user-deactivate", "user", std::to_string(id), ""});
    tx.commit();
    sessions_.forget_user(id);
    return {};
}

core::Result<void> UserAdminService::set_led_teams(const Actor& actor, std::int64_t id,
                                                   const std::vector<std::string>& chosen,
                                                   int expected_version) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto user = store::users::find_by_id(sql, id);
    if (!user) return core::fail(core::ErrorKind::NotFound, "There is no user with that number");
    std::set<std::int64_t> known;
    for (const auto& team : store::users::list_teams(sql)) known.insert(team.id);
    std::set<std::int64_t> teams;
    for (const auto& text : chosen) {
        auto team = core::parse_number(text);
        if (!team || !known.contains(*team))
            return std::unexpected(core::Error::invalid({{"teams", "Choose teams from the list"}}));
        if (*team != user->team_id) teams.insert(*team);
    }
    if (!teams.empty() && user->role != domain::Role::TeamManager) {
        return std::unexpected(
            core::Error::invalid({{"teams", "Only team managers lead teams besides their own"}}));
    }
    if (!store::users::set_led_teams(sql, id, {teams.begin(), teams.end()}, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this user while you were looking at it");
    }
    std::string detail = teams.empty() ? "none" : "";
    for (auto team : teams) detail += (detail.empty() ? "" : " ") + std::to_string(team);
    record_audit(sql, clock_, actor, {"user-teams", "user", std::to_string(id), "leads " + detail});
    tx.commit();
    // Their cached sign-in carries the teams whose work they see.
    sessions_.forget_user(id);
    return {};
}

std::vector<store::TeamRecord> UserAdminService::list_teams() {
    auto lease = db_.lease();
    return store::users::list_teams(lease.sql());
}

}  // namespace signs::service
