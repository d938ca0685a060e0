#pragma once
/// The rules for adding a member of staff, shared by the admin screen, the API and
/// `signs user add`.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/people/role.hpp"

namespace signs::domain {

/// What the person typed, before any checks.
struct NewUserForm {
    std::string email;
    std::string name;
    std::string role;
    std::string team;  ///< team name; empty for none
    std::string password;
};

/// A checked request: email lowercased and trimmed, name trimmed.
struct NewUser {
    std::string email;
    std::string name;
    Role role;
    std::optional<std::string> team;
    std::string password;
};

inline constexpr std::size_t kMaxNameLength = 100;
inline constexpr std::size_t kMaxTeamNameLength = 100;

core::Result<NewUser> check_new_user(const NewUserForm& form);

}  // namespace signs::domain
