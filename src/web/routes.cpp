#include "web/routes.hpp"

#include "web/handlers/handlers.hpp"

namespace signs::web {

std::vector<Route> route_table() {
    using domain::Role;
    namespace h = handlers;
    const auto anyone = Access::anyone();
    const auto signed_in = Access::signed_in();
    const auto admin = Access::only({Role::SystemAdministrator});
    const auto casework =
        Access::only({Role::Practitioner, Role::TeamManager, Role::ConferenceChair});
    const auto manager = Access::only({Role::TeamManager});
    return {
        {"GET", "/", h::home, signed_in},
        {"GET", "/sign-in", h::show_sign_in, anyone},
        {"POST", "/sign-in", h::submit_sign_in, anyone},
        {"POST", "/sign-out", h::sign_out, signed_in},
        {"GET", "/account/api-tokens", h::list_api_tokens, signed_in},
        {"POST", "/account/api-tokens", h::create_api_token, signed_in},
        {"POST", "/account/api-tokens/{id}/revoke", h::revoke_api_token, signed_in},

        {"GET", "/cases", h::list_cases, casework},
        {"GET", "/cases/new", h::new_case, casework},
        {"POST", "/cases", h::create_case, casework},
        {"GET", "/cases/{id}", h::show_case, casework},
        {"GET", "/cases/{id}/children/{child}/level", h::show_change_level, casework},
        {"POST", "/cases/{id}/children/{child}/level", h::change_level, casework},
        {"GET", "/cases/{id}/children/new", h::show_add_to_case, casework},
        {"POST", "/cases/{id}/children", h::add_to_case, casework},
        {"GET", "/cases/{id}/children/{child}/close", h::show_close_child, casework},
        {"POST", "/cases/{id}/children/{child}/close", h::close_child, casework},
        {"POST", "/cases/{id}/allocate", h::allocate_case, manager},
        {"GET", "/cases/{id}/mappings/new", h::new_mapping, casework},
        {"GET", "/cases/{id}/mappings/over-time", h::mappings_over_time, casework},
        {"GET", "/cases/{id}/mappings/trend.svg", h::mappings_trend_svg, casework},
        {"POST", "/cases/{id}/mappings", h::create_mapping, casework},
        {"GET", "/questions", h::search_questions, casework},
        {"GET", "/mappings/{id}", h::show_mapping, casework},
        {"POST", "/mappings/{id}/participants", h::add_mapping_participant, casework},
        {"POST", "/mappings/{id}/participants/{participant}/disagreement",
         h::set_mapping_disagreement, casework},
        {"POST", "/mappings/{id}/entries", h::add_mapping_entry, casework},
        {"GET", "/mappings/{id}/entries/{entry}", h::show_mapping_entry, casework},
        {"POST", "/mappings/{id}/entries/{entry}", h::update_mapping_entry, casework},
        {"POST", "/mappings/{id}/entries/{entry}/move", h::move_mapping_entry, casework},
        {"GET", "/mappings/{id}/builder", h::show_mapping_builder, casework},
        {"POST", "/mappings/{id}/builder", h::build_mapping_statement, casework},
        {"POST", "/mappings/{id}/scores", h::add_mapping_score, casework},
        {"POST", "/mappings/{id}/status", h::set_mapping_status, casework},
        {"POST", "/mappings/{id}/review", h::start_mapping_review, casework},
        {"POST", "/cases/{id}/break-glass", h::break_glass, casework},
        {"GET", "/contacts", h::list_contacts, casework},
        {"GET", "/contacts/{id}", h::show_contact, casework},
        {"POST", "/contacts/{id}/decision", h::decide_contact, casework},
        {"GET", "/children/{id}/contacts/new", h::new_contact, casework},
        {"POST", "/children/{id}/contacts", h::create_contact, casework},
        {"GET", "/children", h::find_children, casework},
        {"GET", "/children/new", h::new_child, casework},
        {"POST", "/children", h::create_child, casework},
        {"GET", "/children/{id}", h::show_child, casework},
        {"POST", "/children/{id}/chronology", h::add_chronology_entry, casework},
        {"GET", "/children/{id}/edit", h::edit_child, casework},
        {"POST", "/children/{id}/edit", h::update_child, casework},
        {"GET", "/children/{id}/addresses/new", h::new_address, casework},
        {"POST", "/children/{id}/addresses", h::add_address, casework},
        {"GET", "/children/{id}/network/new", h::new_network_member, casework},
        {"POST", "/children/{id}/network", h::add_network_member, casework},
        {"GET", "/children/{id}/professionals/new", h::new_professional, casework},
        {"POST", "/children/{id}/professionals", h::add_professional, casework},

        {"GET", "/admin/users", h::list_users, admin},
        {"GET", "/admin/users/new", h::new_user, admin},
        {"POST", "/admin/users", h::create_user, admin},
        {"GET", "/admin/users/{id}", h::show_user, admin},
        {"POST", "/admin/users/{id}/password", h::reset_password, admin},
        {"POST", "/admin/users/{id}/deactivate", h::deactivate_user, admin},
        {"POST", "/admin/users/{id}/reactivate", h::reactivate_user, admin},
        {"GET", "/admin/audit", h::search_audit, admin},
        {"GET", "/admin/restrictions", h::list_restrictions, admin},
        {"POST", "/admin/restrictions", h::restrict_child, admin},
        {"POST", "/admin/restrictions/{id}/lift", h::lift_restriction, admin},

        {"GET", "/healthz", h::healthz, anyone},
        {"GET", "/metrics", h::metrics, anyone},

        {"GET", "/api/v1/openapi.json", h::api_openapi, anyone},
        {"GET", "/api/v1/me", h::api_me, signed_in},
        {"GET", "/api/v1/users", h::api_list_users, admin},
        {"POST", "/api/v1/users", h::api_create_user, admin},
        {"GET", "/api/v1/children", h::api_search_children, casework},
        {"POST", "/api/v1/children", h::api_create_child, casework},
        {"GET", "/api/v1/children/{id}", h::api_show_child, casework},
        {"PUT", "/api/v1/children/{id}", h::api_update_child, casework},
        {"POST", "/api/v1/children/{id}/addresses", h::api_add_address, casework},
        {"GET", "/api/v1/children/{id}/network", h::api_network, casework},
        {"POST", "/api/v1/children/{id}/network", h::api_add_network_member, casework},
        {"POST", "/api/v1/children/{id}/contacts", h::api_create_contact, casework},
        {"GET", "/api/v1/contacts", h::api_list_contacts, casework},
        {"GET", "/api/v1/contacts/{id}", h::api_show_contact, casework},
        {"POST", "/api/v1/contacts/{id}/decision", h::api_decide_contact, casework},
        {"GET", "/api/v1/cases", h::api_list_cases, casework},
        {"POST", "/api/v1/cases", h::api_open_case, casework},
        {"GET", "/api/v1/cases/{id}", h::api_show_case, casework},
        {"POST", "/api/v1/cases/{id}/allocate", h::api_allocate, manager},
        {"POST", "/api/v1/cases/{id}/children", h::api_add_to_case, casework},
        {"POST", "/api/v1/cases/{id}/children/{child}/level", h::api_change_level, casework},
        {"POST", "/api/v1/cases/{id}/children/{child}/close", h::api_close_child, casework},
        {"GET", "/api/v1/cases/{id}/mappings", h::api_case_mappings, casework},
        {"POST", "/api/v1/cases/{id}/mappings", h::api_start_mapping, casework},
        {"GET", "/api/v1/mappings/{id}", h::api_show_mapping, casework},
        {"POST", "/api/v1/mappings/{id}/participants", h::api_add_mapping_participant, casework},
        {"POST", "/api/v1/mappings/{id}/entries", h::api_add_mapping_entry, casework},
        {"PUT", "/api/v1/mappings/{id}/entries/{entry}", h::api_update_mapping_entry, casework},
        {"POST", "/api/v1/mappings/{id}/scores", h::api_add_mapping_score, casework},
        {"POST", "/api/v1/mappings/{id}/status", h::api_set_mapping_status, casework},
    };
}

}  // namespace signs::web
