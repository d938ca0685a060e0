#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/audit_service.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::vector<std::pair<std::string, std::string>> role_options() {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto role : domain::all_roles()) {
        out.emplace_back(std::string{domain::role_code(role)},
                         std::string{domain::role_label(role)});
    }
    return out;
}

nlohmann::json person_json(const store::UserRecord& user) {
    return {{"id", std::to_string(user.id)},
            {"name", user.name},
            {"email", user.email},
            {"role", domain::role_label(user.role)},
            {"team", user.team_name.empty() ? "No team" : user.team_name},
            {"active", user.active},
            {"is_demo", user.is_demo},
            {"created", when_text(user.created_at)},
            {"version", std::to_string(user.version)}};
}

Response new_user_page(App& app, Exchange& ex, int status, const domain::NewUserForm& form,
                       const core::Error* error) {
    nlohmann::json model = {
        {"title", error ? "Error: Add a user" : "Add a user"},
        {"name", field("name", "Full name", form.name, error, {"text", "off", "", ""})},
        {"email", field("email", "Email address", form.email, error, {"email", "off", "", ""})},
        {"role", radios("role", "Role", role_options(), form.role, error)},
        {"team",
         field("team", "Team (optional)", form.team, error,
               {"text", "off", "Use the exact name of an existing team, or a new one", ""})},
        {"password", field("password", "Password", "", error,
                           {"password", "new-password",
                            "At least 12 characters. A few unrelated words are easy to remember "
                            "and hard to guess.",
                            ""})},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/new_user", model);
}

/// The teams a manager may lead besides their own, with those they lead ticked; false for
/// anyone else, who leads none.
nlohmann::json led_teams_field(App& app, const store::UserRecord& user,
                               const std::vector<std::string>& ticked, const core::Error* error) {
    if (user.role != domain::Role::TeamManager) return false;
    std::vector<std::pair<std::string, std::string>> teams;
    for (const auto& team : app.user_admin().list_teams()) {
        if (team.id != user.team_id) teams.emplace_back(std::to_string(team.id), team.name);
    }
    if (teams.empty()) return false;
    return checkboxes("teams", "Teams they lead besides their own", teams, ticked, error,
                      "They see and act on these teams' cases, contacts, deadlines and booking "
                      "requests as they do their own team's");
}

std::vector<std::string> led_team_ids(const store::UserRecord& user) {
    std::vector<std::string> out;
    for (const auto& team : user.led_teams) out.push_back(std::to_string(team.id));
    return out;
}

Response user_page(App& app, Exchange& ex, int status, const store::UserRecord& user,
                   const core::Error* error, const std::string& done,
                   const std::vector<std::string>* chosen_teams = nullptr) {
    nlohmann::json led = nlohmann::json::array();
    for (const auto& team : user.led_teams) led.push_back(team.name);
    nlohmann::json model = {
        {"title", user.name},
        {"person", person_json(user)},
        {"led_teams", led},
        {"has_led_teams", !led.empty()},
        {"user_id", std::to_string(user.id)},
        {"user_version", std::to_string(user.version)},
        {"teams_field",
         led_teams_field(app, user, chosen_teams ? *chosen_teams : led_team_ids(user), error)},
        {"password_field", field("password", "New password", "", error,
                                 {"password", "new-password", "At least 12 characters", ""})},
        {"done", done.empty() ? nlohmann::json(false) : nlohmann::json(done)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/user", model);
}

}  // namespace

Response list_users(App& app, Exchange& ex) {
    auto users = app.user_admin().list_users(ex.actor());
    if (!users) return app.error(ex, users.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& user : *users) rows.push_back(person_json(user));
    return app.page(ex, 200, "admin/users",
                    {{"title", "Users"},
                     {"users", rows},
                     {"count", std::to_string(users->size())},
                     {"added", ex.query().get("added") == "1"}});
}

Response new_user(App& app, Exchange& ex) { return new_user_page(app, ex, 200, {}, nullptr); }

Response create_user(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    domain::NewUserForm form{f.get("email"), f.get("name"), f.get("role"), f.get("team"),
                             f.get("password")};
    auto created = app.user_admin().add_user(ex.actor(), form);
    if (!created) {
        if (created.error().kind != core::ErrorKind::Invalid) return app.error(ex, created.error());
        return new_user_page(app, ex, 422, form, &created.error());
    }
    return Response::redirect("/admin/users?added=1");
}

Response show_user(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto user = app.user_admin().view_user(ex.actor(), *id);
    if (!user) return app.error(ex, user.error());
    auto done = ex.query().get("done");
    std::string message = done == "password"      ? "Password reset"
                          : done == "deactivated" ? "Account deactivated"
                          : done == "reactivated" ? "Account reactivated"
                          : done == "teams"       ? "Teams saved"
                                                  : "";
    return user_page(app, ex, 200, *user, nullptr, message);
}

Response reset_password(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto version = ex.form->version();
    if (!id) return app.error_page(ex, 404);
    if (!version) return app.error_page(ex, 400);
    auto result =
        app.user_admin().reset_password(ex.actor(), *id, ex.form->get("password"), *version);
    if (!result) {
        if (result.error().kind != core::ErrorKind::Invalid) return app.error(ex, result.error());
        auto user = app.user_admin().view_user(ex.actor(), *id);
        if (!user) return app.error(ex, user.error());
        return user_page(app, ex, 422, *user, &result.error(), "");
    }
    return Response::redirect("/admin/users/" + std::to_string(*id) + "?done=password");
}

Response set_led_teams(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto version = ex.form->version();
    if (!id) return app.error_page(ex, 404);
    if (!version) return app.error_page(ex, 400);
    auto chosen = ex.form->get_all("teams");
    auto result = app.user_admin().set_led_teams(ex.actor(), *id, chosen, *version);
    if (!result) {
        if (result.error().kind != core::ErrorKind::Invalid) return app.error(ex, result.error());
        auto user = app.user_admin().view_user(ex.actor(), *id);
        if (!user) return app.error(ex, user.error());
        return user_page(app, ex, 422, *user, &result.error(), "", &chosen);
    }
    return Response::redirect("/admin/users/" + std::to_string(*id) + "?done=teams");
}

namespace {

Response change_active(App& app, Exchange& ex, bool active) {
    auto id = ex.id_param("id");
    auto version = ex.form->version();
    if (!id) return app.error_page(ex, 404);
    if (!version) return app.error_page(ex, 400);
    auto result = app.user_admin().set_active(ex.actor(), *id, active, *version);
    if (!result) return app.error(ex, result.error());
    return Response::redirect("/admin/users/" + std::to_string(*id) +
                              (active ? "?done=reactivated" : "?done=deactivated"));
}

}  // namespace

Response deactivate_user(App& app, Exchange& ex) { return change_active(app, ex, false); }
Response reactivate_user(App& app, Exchange& ex) { return change_active(app, ex, true); }

Response search_audit(App& app, Exchange& ex) {
    auto query = ex.query();
    store::audit::AuditFilter filter;
    core::FieldChecks checks;
    auto user_text = core::trimmed(query.get("user"));
    if (!user_text.empty()) {
        filter.user_id = parse_number(user_text);
        if (!filter.user_id) checks.add("user", "User number must be a whole number");
    }
    filter.action = core::trimmed(query.get("action"));
    filter.entity_type = core::trimmed(query.get("entity_type"));
    filter.entity_id = core::trimmed(query.get("entity_id"));
    checks.optional_text("action", filter.action, "Action", 50);
    checks.optional_text("entity_type", filter.entity_type, "Record type", 50);
    checks.optional_text("entity_id", filter.entity_id, "Record number", 50);
    auto date_bound = [&](const std::string& name, const std::string& label, int extra_days) {
        auto text = core::trimmed(query.get(name));
        if (text.empty()) return std::string{};
        auto date = core::CivilDate::parse_iso(text);
        if (!date) {
            checks.add(name, label + " must be a real date written like 2026-03-31");
            return std::string{};
        }
        return core::to_storage(core::from_london(date->plus_days(extra_days), 0, 0));
    };
    filter.from_at = date_bound("from", "From date", 0);
    filter.to_at = date_bound("to", "To date", 1);
    if (auto before = query.number("before")) filter.before_seq = *before;
    auto error =
        checks.ok() ? std::optional<core::Error>{} : std::optional<core::Error>{checks.error()};
    std::vector<domain::AuditEvent> events;
    if (!error) {
        auto found = service::search_audit(app.db(), app.audit_writer(), ex.actor(), filter);
        if (!found) return app.error(ex, found.error());
        events = std::move(*found);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : events) {
        rows.push_back(
            {{"seq", std::to_string(e.seq)},
             {"when", when_text(e.at)},
             {"who", e.user_id ? "User " + std::to_string(*e.user_id) : "Nobody signed in"},
             {"action", e.action},
             {"entity", e.entity_type.empty() ? "" : e.entity_type + " " + e.entity_id},
             {"address", e.address},
             {"detail", e.detail}});
    }
    std::string older;
    if (static_cast<int>(events.size()) == filter.limit) {
        older = "/admin/audit?user=" + url_encode(user_text) +
                "&action=" + url_encode(filter.action) +
                "&entity_type=" + url_encode(filter.entity_type) +
                "&entity_id=" + url_encode(filter.entity_id) +
                "&from=" + url_encode(query.get("from")) + "&to=" + url_encode(query.get("to")) +
                "&before=" + std::to_string(events.back().seq);
    }
    const core::Error* err = error ? &*error : nullptr;
    nlohmann::json model = {
        {"title", "Audit log"},
        {"events", rows},
        {"caption", rows.empty() ? "No events match"
                                 : "Events " + rows.front()["seq"].get<std::string>() +
                                       " back to " + rows.back()["seq"].get<std::string>()},
        {"older_href", older.empty() ? nlohmann::json(false) : nlohmann::json(older)},
        {"user_field", field("user", "User number", user_text, err, {"text", "off", "", ""})},
        {"action_field", field("action", "Action", filter.action, err, {"text", "off", "", ""})},
        {"entity_type_field",
         field("entity_type", "Record type", filter.entity_type, err, {"text", "off", "", ""})},
        {"entity_id_field",
         field("entity_id", "Record number", filter.entity_id, err, {"text", "off", "", ""})},
        {"from_field", field("from", "From date", query.get("from"), err,
                             {"text", "off", "For example, 2026-03-31", ""})},
        {"to_field", field("to", "To date", query.get("to"), err, {"text", "off", "", ""})},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, error ? 422 : 200, "admin/audit", model);
}

}  // namespace signs::web::handlers
