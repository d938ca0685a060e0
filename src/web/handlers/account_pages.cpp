#include "core/crypto.hpp"
#include "domain/documents/family_document.hpp"
#include "web/cookies.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string safe_next(const std::string& next) {
    bool local = !next.empty() && next.front() == '/' && !next.starts_with("//") &&
                 next.find('\\') == std::string::npos && next.size() <= 512;
    return local ? next : "/";
}

Response sign_in_page(App& app, Exchange& ex, int status, const std::string& email,
                      const std::string& next, const core::Error* error,
                      nlohmann::json extra = {}) {
    if (ex.csrf_token.empty()) {
        ex.csrf_token = core::random_token(32);
        ex.set_cookies.push_back(
            set_cookie(kPreSessionCookie, ex.csrf_token, {app.config().secure_cookies, -1}));
    }
    nlohmann::json model = {
        {"title", error ? "Error: Sign in" : "Sign in"},
        {"email", field("email", "Email address", email, error, {"email", "username", "", ""})},
        {"password",
         field("password", "Password", "", error, {"password", "current-password", "", ""})},
        {"next", next},
    };
    if (error) add_error_summary(model, *error);
    if (extra.is_object()) model.update(extra);
    return app.page(ex, status, "account/sign_in", model);
}

nlohmann::json token_rows(const std::vector<store::ApiTokenRecord>& tokens) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& t : tokens) {
        rows.push_back({{"id", std::to_string(t.id)},
                        {"name", t.name},
                        {"created", when_text(t.created_at)},
                        {"last_used", t.last_used_at.empty() ? "Never" : when_text(t.last_used_at)},
                        {"revoked", t.revoked}});
    }
    return rows;
}

Response tokens_page(App& app, Exchange& ex, int status, const std::string& name,
                     const core::Error* error, const std::string& new_token) {
    auto rows = token_rows(app.auth().list_api_tokens(ex.actor()));
    nlohmann::json model = {
        {"title", "API tokens"},
        {"tokens", rows},
        {"has_tokens", !rows.empty()},
        {"name_field",
         field("name", "Token name", name, error,
               {"text", "off", "For example, the name of the program that will use it",
                "govuk-input--width-20"})},
        {"new_token", new_token.empty() ? nlohmann::json(false) : nlohmann::json(new_token)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "account/api_tokens", model);
}

}  // namespace

Response home(App& app, Exchange& ex) {
    const auto& user = *ex.user;
    std::vector<std::string> led;
    for (const auto& team : user.led_teams) led.push_back(team.name);
    auto also_leads = domain::names_joined(led);
    return app.page(
        ex, 200, "account/home",
        {{"title", "Home"},
         {"team", user.team_name.empty() ? nlohmann::json(false) : nlohmann::json(user.team_name)},
         {"also_leads", also_leads.empty() ? nlohmann::json(false) : nlohmann::json(also_leads)},
         {"is_admin", user.role == domain::Role::SystemAdministrator}});
}

Response show_sign_in(App& app, Exchange& ex) {
    if (ex.user) return Response::redirect("/");
    auto query = ex.query();
    return sign_in_page(
        app, ex, 200, "", safe_next(query.get("next")), nullptr,
        {{"signed_out", query.get("signed_out") == "1"}, {"expired", query.get("expired") == "1"}});
}

namespace {

std::string field_label(std::string name) {
    for (auto& c : name) {
        if (c == '_' || c == '-') c = ' ';
    }
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
        name[0] = static_cast<char>(name[0] - 32);
    return name;
}

/// After signing in again: the kept form, to check and save with the new session.
Response resume_page(App& app, Exchange& ex, const store::PendingFormRecord& pending) {
    auto kept = Form::parse(pending.body).value_or(Form{});
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& [name, value] : kept.entries()) {
        if (name == "csrf_token") continue;
        fields.push_back({{"name", name}, {"label", field_label(name)}, {"value", value}});
    }
    return app.page(
        ex, 200, "account/resume",
        {{"title", "Save what you were working on"}, {"path", pending.path}, {"fields", fields}});
}

}  // namespace

Response sign_in_to_resume(App& app, Exchange& ex, const std::string& resume_token) {
    return sign_in_page(app, ex, 401, "", "/", nullptr, {{"resume", resume_token}});
}

Response submit_sign_in(App& app, Exchange& ex) {
    const auto& form = *ex.form;
    auto next = safe_next(form.get("next"));
    auto result = app.auth().sign_in({form.get("email"), form.get("password")},
                                     {ex.request.remote_address, ex.request_id});
    if (!result) {
        auto error = result.error();
        if (error.kind == core::ErrorKind::Unauthenticated ||
            error.kind == core::ErrorKind::Throttled) {
            // Both fields are marked: saying which one was wrong would help someone guessing.
            int status = error.kind == core::ErrorKind::Throttled ? 429 : 422;
            error.fields = {
                {"email", error.message},
                {"password", error.kind == core::ErrorKind::Throttled ? "" : error.message}};
            if (error.fields[1].message.empty()) error.fields.pop_back();
            return sign_in_page(app, ex, status, form.get("email"), next, &error);
        }
        if (error.kind == core::ErrorKind::Invalid)
            return sign_in_page(app, ex, 422, form.get("email"), next, &error);
        return app.error(ex, error);
    }
    ex.set_cookies.push_back(
        set_cookie(kSessionCookie, result->token, {app.config().secure_cookies, -1}));
    if (auto pending = app.auth().take_pending_form(form.get("resume"))) {
        ex.user = result->user;
        ex.csrf_token = result->csrf_token;
        return resume_page(app, ex, *pending);
    }
    ex.set_cookies.push_back(set_cookie(kPreSessionCookie, "", {app.config().secure_cookies, 0}));
    return Response::redirect(next);
}

Response sign_out(App& app, Exchange& ex) {
    app.auth().sign_out(*ex.session, {ex.request.remote_address, ex.request_id});
    ex.set_cookies.push_back(set_cookie(kSessionCookie, "", {app.config().secure_cookies, 0}));
    return Response::redirect("/sign-in?signed_out=1");
}

Response list_api_tokens(App& app, Exchange& ex) {
    return tokens_page(app, ex, 200, "", nullptr, "");
}

Response create_api_token(App& app, Exchange& ex) {
    const auto& name = ex.form->get("name");
    auto created = app.auth().create_api_token(ex.actor(), name);
    if (!created) {
        if (created.error().kind != core::ErrorKind::Invalid) return app.error(ex, created.error());
        return tokens_page(app, ex, 422, name, &created.error(), "");
    }
    // Shown once, in the response to the POST, and never stored in a form we can show again.
    return tokens_page(app, ex, 201, "", nullptr, created->token);
}

Response revoke_api_token(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto revoked = app.auth().revoke_api_token(ex.actor(), *id);
    if (!revoked) return app.error(ex, revoked.error());
    return Response::redirect("/account/api-tokens");
}

}  // namespace signs::web::handlers
