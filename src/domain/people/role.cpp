#include "domain/people/role.hpp"

#include <array>

namespace signs::domain {
namespace {

struct RoleText {
    Role role;
    std::string_view code;
    std::string_view label;
};

constexpr std::array<RoleText, 6> kRoles = {{
    {Role::Practitioner, "practitioner", "Practitioner"},
    {Role::TeamManager, "team-manager", "Team manager"},
    {Role::ConferenceChair, "conference-chair", "Conference chair or reviewing officer"},
    {Role::TrainingAdministrator, "training-admin", "Training administrator"},
    {Role::SystemAdministrator, "system-admin", "System administrator"},
    {Role::PerformanceOfficer, "performance-officer", "Performance officer"},
}};

constexpr std::array<Role, 6> kAll = {Role::Practitioner,       Role::TeamManager,
                                      Role::ConferenceChair,    Role::TrainingAdministrator,
                                      Role::PerformanceOfficer, Role::SystemAdministrator};

}  // namespace

std::string_view role_code(Role role) { return kRoles[static_cast<std::size_t>(role)].code; }
std::string_view role_label(Role role) { return kRoles[static_cast<std::size_t>(role)].label; }

std::optional<Role> parse_role(std::string_view code) {
    if (code == "admin") return Role::SystemAdministrator;
    for (const auto& entry : kRoles) {
        if (entry.code == code) return entry.role;
    }
    return std::nullopt;
}

std::span<const Role> all_roles() { return kAll; }

}  // namespace signs::domain
