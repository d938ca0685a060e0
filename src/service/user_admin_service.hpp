#pragma once
/// What system administrators do with staff accounts: add, list, view, reset a password,
/// deactivate and reactivate, and say which other teams a manager leads. The command line
/// uses the same functions as the operator.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/people/new_user.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/session_cache.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

class UserAdminService {
  public:
    UserAdminService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                     SessionCache& sessions)
        : db_(db), clock_(clock), audit_(audit), sessions_(sessions) {}

    core::Result<store::UserRecord> add_user(const Actor& actor, const domain::NewUserForm& form);
    core::Result<std::vector<store::UserRecord>> list_users(const Actor& actor);
    /// Viewing a person's record is audited.
    core::Result<store::UserRecord> view_user(const Actor& actor, std::int64_t id);
    /// Sets a new password and ends the person's sessions. `expected_version` is the version
    /// the admin saw; a newer one gives Stale.
    core::Result<void> reset_password(const Actor& actor, std::int64_t id,
                                      const std::string& new_password, int expected_version);
    core::Result<void> set_active(const Actor& actor, std::int64_t id, bool active,
                                  int expected_version);
    /// Sets the teams a manager leads besides their own, from the team numbers chosen
    /// (`chosen`, as written in the form). Their own team is always theirs and is left out.
    core::Result<void> set_led_teams(const Actor& actor, std::int64_t id,
                                     const std::vector<std::string>& chosen, int expected_version);
    std::vector<store::TeamRecord> list_teams();

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    SessionCache& sessions_;
};

}  // namespace signs::service
