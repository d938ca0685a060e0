#include "web/router.hpp"

#include <gtest/gtest.h>

#include "web/http.hpp"
#include "web/routes.hpp"

namespace signs::web {
namespace {

Response nothing(App&, Exchange&) { return {}; }

TEST(Router, MatchesLiteralsAndPlaceholders) {
    Router router{{{"GET", "/admin/users", nothing, Access::signed_in()},
                   {"GET", "/admin/users/new", nothing, Access::signed_in()},
                   {"GET", "/admin/users/{id}", nothing, Access::signed_in()},
                   {"POST", "/admin/users/{id}/password", nothing, Access::signed_in()}}};
    EXPECT_EQ(router.match("GET", "/admin/users/new").route->pattern, "/admin/users/new");
    auto user = router.match("GET", "/admin/users/42");
    ASSERT_TRUE(user.route);
    EXPECT_EQ(user.params.at("id"), "42");
    EXPECT_TRUE(router.match("HEAD", "/admin/users").route);
    EXPECT_FALSE(router.match("GET", "//admin/users").route);
    EXPECT_FALSE(router.match("GET", "/admin//users/42").route);
    EXPECT_FALSE(router.match("GET", "/admin/users/42/password").route);
    EXPECT_TRUE(router.match("GET", "/admin/users/42/password").path_known);
    EXPECT_FALSE(router.match("GET", "/admin/users/").route);
    EXPECT_FALSE(router.match("GET", "/admin").route);
    EXPECT_FALSE(router.match("GET", "/admin/users/42/password").route);
}

TEST(Router, TheRouteTableHasNoDuplicatesAndGuardsEveryNonPublicArea) {
    auto routes = route_table();
    for (std::size_t i = 0; i < routes.size(); ++i) {
        for (std::size_t j = i + 1; j < routes.size(); ++j) {
            EXPECT_FALSE(routes[i].method == routes[j].method &&
                         routes[i].pattern == routes[j].pattern)
                << routes[i].method << " " << routes[i].pattern;
        }
        if (routes[i].pattern.starts_with("/admin")) {
            EXPECT_EQ(routes[i].access.roles, std::vector{domain::Role::SystemAdministrator})
                << routes[i].pattern;
        }
    }
}

}  // namespace
}  // namespace signs::web
