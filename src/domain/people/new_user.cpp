#include "domain/people/new_user.hpp"

#include "core/validation.hpp"
#include "domain/people/password_policy.hpp"

namespace signs::domain {

core::Result<NewUser> check_new_user(const NewUserForm& form) {
    core::FieldChecks checks;
    checks.email("email", form.email);
    checks.text("name", form.name, "Enter the person's full name", "Full name", kMaxNameLength);
    auto role = parse_role(form.role);
    if (!role) checks.add("role", "Select the person's role");
    checks.optional_text("team", form.team, "Team name", kMaxTeamNameLength);
    if (auto problem = password_problem(form.password, core::trimmed(form.email))) {
        checks.add("password", *problem);
    }
    if (!checks.ok()) return std::unexpected(checks.error());

    NewUser user{core::lower_ascii(core::trimmed(form.email)), core::trimmed(form.name), *role,
                 std::nullopt, form.password};
    if (auto team = core::trimmed(form.team); !team.empty()) user.team = team;
    return user;
}

}  // namespace signs::domain
