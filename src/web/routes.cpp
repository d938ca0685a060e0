#include "web/routes.hpp"

#include "web/handlers/handlers.hpp"

namespace signs::web {

std::vector<Route> route_table() {
    using domain::Role;
    namespace h = handlers;
    const auto anyone = Access::anyone();
    const auto signed_in = Access::signed_in();
    const auto admin = Access::only({Role::SystemAdministrator});
    return {
        {"GET", "/", h::home, signed_in},
        {"GET", "/sign-in", h::show_sign_in, anyone},
        {"POST", "/sign-in", h::submit_sign_in, anyone},
        {"POST", "/sign-out", h::sign_out, signed_in},
        {"GET", "/account/api-tokens", h::list_api_tokens, signed_in},
        {"POST", "/account/api-tokens", h::create_api_token, signed_in},
        {"POST", "/account/api-tokens/{id}/revoke", h::revoke_api_token, signed_in},

        {"GET", "/admin/users", h::list_users, admin},
        {"GET", "/admin/users/new", h::new_user, admin},
        {"POST", "/admin/users", h::create_user, admin},
        {"GET", "/admin/users/{id}", h::show_user, admin},
        {"POST", "/admin/users/{id}/password", h::reset_password, admin},
        {"POST", "/admin/users/{id}/deactivate", h::deactivate_user, admin},
        {"POST", "/admin/users/{id}/reactivate", h::reactivate_user, admin},
        {"GET", "/admin/audit", h::search_audit, admin},

        {"GET", "/healthz", h::healthz, anyone},
        {"GET", "/metrics", h::metrics, anyone},

        {"GET", "/api/v1/openapi.json", h::api_openapi, anyone},
        {"GET", "/api/v1/me", h::api_me, signed_in},
        {"GET", "/api/v1/users", h::api_list_users, admin},
        {"POST", "/api/v1/users", h::api_create_user, admin},
    };
}

}  // namespace signs::web
