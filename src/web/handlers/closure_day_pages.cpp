#include "core/london_time.hpp"
#include "service/calendar_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

Response closures_page(App& app, Exchange& ex, int status, const domain::ClosureForm& form,
                       const core::Error* error) {
    auto days = app.calendars().closures(ex.actor());
    if (!days) return app.error(ex, days.error());
    auto today = core::london_date(app.clock().now()).iso();
    nlohmann::json coming = nlohmann::json::array(), past = nlohmann::json::array();
    for (const auto& d : *days) {
        nlohmann::json row = {
            {"day", d.day},
            {"date", date_text(d.day)},
            {"reason", d.reason},
            {"added", d.added_by_name.empty() ? when_text(d.added_at)
                                              : d.added_by_name + ", " + when_text(d.added_at)}};
        (d.day >= today ? coming : past).push_back(row);
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Closure days"}},
        {"coming", coming},
        {"has_coming", !coming.empty()},
        {"past", past},
        {"has_past", !past.empty()},
        {"date", date_field("date", "Date the council is closed", form.day, form.month, form.year,
                            error, "For example, 29 12 2026")},
        {"reason", field("reason", "Reason", form.reason, error)},
        {"done",
         ex.query().get("done") == "saved" ? nlohmann::json("Saved") : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/closures", model);
}

}  // namespace

Response list_closure_days(App& app, Exchange& ex) {
    return closures_page(app, ex, 200, {}, nullptr);
}

Response add_closure_day(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    domain::ClosureForm form{f.get("date-day"), f.get("date-month"), f.get("date-year"),
                             f.get("reason")};
    auto added = app.calendars().add_closure(ex.actor(), form);
    if (added) return Response::redirect("/admin/closures?done=saved");
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    return closures_page(app, ex, 422, form, &added.error());
}

Response remove_closure_day(App& app, Exchange& ex) {
    auto day = core::CivilDate::parse_iso(ex.params["day"]);
    if (!day) return app.error_page(ex, 404);
    auto removed = app.calendars().remove_closure(ex.actor(), day->iso());
    if (!removed) return app.error(ex, removed.error());
    return Response::redirect("/admin/closures?done=saved");
}

}  // namespace signs::web::handlers
