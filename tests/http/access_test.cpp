// Every route tried by every role: who gets in, who gets 403, who is sent to sign in.
#include <gtest/gtest.h>

#include "support/test_server.hpp"
#include "web/routes.hpp"

namespace signs::testing {
namespace {

using domain::Role;

std::string concrete(std::string pattern) {
    auto open = pattern.find('{');
    if (open != std::string::npos) pattern.replace(open, pattern.find('}') - open + 1, "1");
    return pattern;
}

TEST(Access, EveryRouteAnswersEachRoleAsItsAccessRuleSays) {
    TestServer server;
    std::map<Role, Browser> browsers;
    for (auto role : domain::all_roles())
        browsers.emplace(role,
                         server.signed_in_as(role, "Team " + std::string{domain::role_code(role)}));
    for (const auto& route : web::route_table()) {
        if (route.pattern == "/sign-out" || route.pattern == "/sign-in") continue;
        auto target = concrete(route.pattern);
        for (auto& [role, browser] : browsers) {
            HttpResult result = route.method == "GET" ? browser.get(target)
                                : route.pattern.starts_with("/api/")
                                    ? browser.send_json(route.method, target, "{}")
                                    : browser.post(target, {});
            bool allowed = route.access.roles.empty() ||
                           std::find(route.access.roles.begin(), route.access.roles.end(), role) !=
                               route.access.roles.end();
            if (allowed) {
                EXPECT_NE(result.status, 403)
                    << route.method << " " << target << " as " << domain::role_code(role);
            } else {
                EXPECT_EQ(result.status, 403)
                    << route.method << " " << target << " as " << domain::role_code(role);
            }
            EXPECT_LT(result.status, 500)
                << route.method << " " << target << " as " << domain::role_code(role);
        }
        if (route.access.sign_in_required) {
            auto anonymous = route.method == "GET" ? server.browser().get(target)
                             : route.method == "POST"
                                 ? server.browser().post(target, {})
                                 : server.browser().send_json(route.method, target, "{}");
            EXPECT_TRUE(anonymous.status == 303 || anonymous.status == 401 ||
                        anonymous.status == 403)
                << route.method << " " << target << " signed out gave " << anonymous.status;
        }
    }
}

TEST(Access, AnotherTeamsManagerCannotManageUsers) {
    TestServer server;
    auto manager = server.signed_in_as(Role::TeamManager, "Northgate Team");
    auto target = server.add_user("jo@example.org", Role::Practitioner, "Riverside Team");
    EXPECT_EQ(manager.get("/admin/users/" + std::to_string(target)).status, 403);
    EXPECT_EQ(
        manager.post("/admin/users/" + std::to_string(target) + "/deactivate", {{"version", "1"}})
            .status,
        403);
    auto lease = server.db().lease();
    int active = 0;
    lease.sql() << "SELECT active FROM users WHERE id = :id",
        soci::use(static_cast<long long>(target)), soci::into(active);
    EXPECT_EQ(active, 1);
}

}  // namespace
}  // namespace signs::testing
