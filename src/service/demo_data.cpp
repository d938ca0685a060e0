#include "service/demo_data.hpp"

#include <array>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "service/actor.hpp"
#include "service/audit_service.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

struct DemoPerson {
    const char* email;
    const char* name;
    domain::Role role;
    const char* team;
};

// Invented names at the reserved example.org domain.
constexpr std::array<DemoPerson, 6> kPeople = {{
    {"practitioner@signs.example.org", "Jordan Pemberton (demo)", domain::Role::Practitioner,
     "Riverside Family Help Team"},
    {"practitioner2@signs.example.org", "Alex Marlowe (demo)", domain::Role::Practitioner,
     "Northgate Child Protection Team"},
    {"manager@signs.example.org", "Robin Ashdown (demo)", domain::Role::TeamManager,
     "Riverside Family Help Team"},
    {"chair@signs.example.org", "Morgan Fairleigh (demo)", domain::Role::ConferenceChair,
     "Safeguarding and Review Unit"},
    {"training@signs.example.org", "Casey Holloway (demo)", domain::Role::TrainingAdministrator,
     "Workforce Development"},
    {"admin@signs.example.org", "Demo Administrator", domain::Role::SystemAdministrator, ""},
}};

}  // namespace

core::Result<DemoDataResult> load_demo_data(store::Database& db, const core::Clock& clock) {
    auto lease = db.lease();
    store::Transaction tx{lease};
    if (store::users::count(lease.sql()) > 0) {
        return core::fail(
            core::ErrorKind::Conflict,
            "demo data goes only into a new database, and this one already has users");
    }
    DemoDataResult result{"admin@signs.example.org", core::random_token(12)};
    auto now = core::to_storage(clock.now());
    for (const auto& person : kPeople) {
        store::UserRecord user;
        user.email = person.email;
        user.name = person.name;
        user.role = person.role;
        user.is_demo = true;
        user.created_at = now;
        bool is_admin = person.role == domain::Role::SystemAdministrator;
        // Only the admin gets a known password; the admin can reset the others in the UI.
        user.password_hash =
            core::hash_password(is_admin ? result.admin_password : core::random_token(24));
        if (*person.team) {
            user.team_id = store::users::find_or_create_team(lease.sql(), person.team, true);
        }
        user.id = store::users::insert(lease.sql(), user);
    }
    record_audit(lease.sql(), clock, Actor::system("demo-data"),
                 {"demo-data-load", "", "", "fictional teams and staff"});
    tx.commit();
    return result;
}

}  // namespace signs::service
