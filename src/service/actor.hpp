#pragma once
/// Who is acting and from where: passed to every service function so that access checks and
/// audit events need nothing from the web layer.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/people/role.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

struct RequestContext {
    std::string address;  ///< client IP, or "cli" for the command line
    std::string request_id;
};

struct Actor {
    std::optional<store::UserRecord> user;  ///< empty for the command line (the operator)
    RequestContext context;

    static Actor system(std::string request_id) {
        return {std::nullopt, {"cli", std::move(request_id)}};
    }
    /// The operator at the command line; a visitor who has not signed in is never this.
    bool is_system() const { return !user.has_value() && context.address == "cli"; }
    bool has_role(domain::Role role) const { return user && user->role == role; }
    std::optional<std::int64_t> user_id() const {
        return user ? std::optional<std::int64_t>{user->id} : std::nullopt;
    }
};

/// Lets system administrators (and the command line) through; refuses anyone else with
/// `refusal`, which says what only administrators may do.
inline core::Result<void> require_admin(const Actor& actor, std::string_view refusal) {
    if (actor.is_system() || actor.has_role(domain::Role::SystemAdministrator)) return {};
    return core::fail(core::ErrorKind::Forbidden, std::string{refusal});
}

}  // namespace signs::service
