#include "service/casework_service.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

Response restrictions_page(App& app, Exchange& ex, int status, const std::string& child,
                           const std::string& emails, const std::string& reason,
                           const core::Error* error) {
    auto& service = app.casework();
    auto current = service.restrictions(ex.actor());
    if (!current) return app.error(ex, current.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : *current) {
        std::string allowed;
        for (const auto& person : r.allowed) allowed += (allowed.empty() ? "" : ", ") + person;
        rows.push_back(
            {{"id", std::to_string(r.child_id)}, {"name", r.child_name}, {"allowed", allowed}});
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Restricted records"}},
        {"has_restrictions", !rows.empty()},
        {"restrictions", rows},
        {"child_field", field("child", "Child number", child, error,
                              {"text", "off", "The number at the end of the child's page address",
                               "govuk-input--width-10"})},
        {"emails_field", not_prose(field("emails", "Email addresses of the people who may open it",
                                         emails, error))},
        {"reason_field", field("reason", "Reason", reason, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/restrictions", model);
}

}  // namespace

Response list_restrictions(App& app, Exchange& ex) {
    return restrictions_page(app, ex, 200, "", "", "", nullptr);
}

Response restrict_child(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    const auto& child = f.get("child");
    auto trimmed = child;
    std::erase(trimmed, ' ');
    auto child_id = parse_number(trimmed);
    if (!child_id) {
        auto error = core::Error::invalid({{"child", "Enter the child's number, like 42"}});
        return restrictions_page(app, ex, 422, child, f.get("emails"), f.get("reason"), &error);
    }
    auto& service = app.casework();
    auto done = service.restrict_child(ex.actor(), *child_id, f.get("emails"), f.get("reason"));
    if (!done) {
        if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
        return restrictions_page(app, ex, 422, child, f.get("emails"), f.get("reason"),
                                 &done.error());
    }
    return Response::redirect("/admin/restrictions");
}

Response lift_restriction(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto& service = app.casework();
    auto done = service.lift_restriction(ex.actor(), *id);
    if (!done) return app.error(ex, done.error());
    return Response::redirect("/admin/restrictions");
}

}  // namespace signs::web::handlers
