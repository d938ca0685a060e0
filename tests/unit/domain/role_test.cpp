#include "domain/people/role.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

TEST(Role, EveryRoleRoundTripsThroughItsCode) {
    for (auto role : all_roles()) {
        EXPECT_EQ(parse_role(role_code(role)), role) << role_code(role);
        EXPECT_FALSE(role_label(role).empty());
    }
    EXPECT_EQ(all_roles().size(), 6u);
    EXPECT_EQ(parse_role("performance-officer"), Role::PerformanceOfficer);
}

TEST(Role, AdminIsShortForSystemAdministrator) {
    EXPECT_EQ(parse_role("admin"), Role::SystemAdministrator);
    EXPECT_FALSE(parse_role("Admin"));
    EXPECT_FALSE(parse_role(""));
    EXPECT_FALSE(parse_role("root"));
}

}  // namespace
}  // namespace signs::domain
