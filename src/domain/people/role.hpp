#pragma once
/// The jobs people do in signs. A role says what someone may do; the team says whose
/// records they may see.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace signs::domain {

enum class Role {
    Practitioner,  ///< social worker or early help practitioner
    TeamManager,
    ConferenceChair,  ///< conference chair or independent reviewing officer
    TrainingAdministrator,
    SystemAdministrator,
    PerformanceOfficer,  ///< data and returns: sees data quality and returns, no case notes
};

/// The stable code stored in the database and used on the command line ("practitioner").
std::string_view role_code(Role role);
/// The words shown to people ("Team manager").
std::string_view role_label(Role role);
/// Accepts a code, or "admin" for the system administrator.
std::optional<Role> parse_role(std::string_view code);
std::span<const Role> all_roles();

}  // namespace signs::domain
