#include "core/london_time.hpp"
#include "service/case_membership_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/handlers/level_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// The case and one of its children, as the actor may see them.
struct CaseChild {
    service::CaseView view;
    const service::CaseChildView* child = nullptr;
};

core::Result<CaseChild> case_child(App& app, Exchange& ex, std::int64_t case_id,
                                   std::int64_t child_id) {
    auto view = app.casework().view_case(ex.actor(), case_id);
    if (!view) return std::unexpected(view.error());
    CaseChild out{std::move(*view), nullptr};
    for (const auto& k : out.view.children) {
        if (k.child.id == child_id) out.child = &k;
    }
    if (!out.child) return core::fail(core::ErrorKind::NotFound, "That child is not in this case");
    return out;
}

struct ClosureForm {
    std::string day, month, year, reason, note;
};

Response close_page(App& app, Exchange& ex, int status, const CaseChild& found,
                    const ClosureForm& form, const core::Error* error) {
    Options reasons;
    for (const auto& r : app.census_codes().closure_reason.entries())
        reasons.emplace_back(std::string{r.code}, std::string{r.label});
    const auto& child = found.child->child;
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Close "} + child.first_name +
                      "'s part in the case"},
        {"case_id", std::to_string(found.view.record.id)},
        {"child_id", std::to_string(child.id)},
        {"child_name", child.first_name + " " + child.last_name},
        {"family", found.view.record.family_name},
        {"date", date_field("date", "Date the work ended", form.day, form.month, form.year, error,
                            "For example, 27 3 2026")},
        {"reason", radios("reason", "Reason for closing", reasons, form.reason, error)},
        {"note", field("note", "What happened (optional)", form.note, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/close_child", model);
}

Response add_page(App& app, Exchange& ex, int status, const service::CaseView& view,
                  const std::string& chosen, const LevelForm& form, const core::Error* error) {
    Options children;
    for (const auto& c : app.case_membership().children_to_add(ex.actor(), view.record.id))
        children.emplace_back(std::to_string(c.id), c.first_name + " " + c.last_name);
    auto model = level_fields(app, form, error);
    model.update({
        {"title", (error ? "Error: " : "") + std::string{"Add a child to the case"}},
        {"case_id", std::to_string(view.record.id)},
        {"family", view.record.family_name},
        {"has_children", !children.empty()},
        {"child", radios("child", "Which child", children, chosen, error)},
    });
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/add_to_case", model);
}

}  // namespace

Response show_close_child(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    auto child_id = ex.id_param("child");
    if (!case_id || !child_id) return app.error_page(ex, 404);
    return kept_case_form(app, ex, *case_id, "", [&] {
        auto found = case_child(app, ex, *case_id, *child_id);
        if (!found) return app.error(ex, found.error());
        auto today = today_form(app);
        return close_page(app, ex, 200, *found, {today.day, today.month, today.year, "", ""},
                          nullptr);
    });
}

Response close_child(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    auto child_id = ex.id_param("child");
    if (!case_id || !child_id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    ClosureForm form{f.get("date-day"), f.get("date-month"), f.get("date-year"), f.get("reason"),
                     f.get("note")};
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year);
    core::Error error =
        core::Error::invalid({{"date-day", "Enter the date the work ended, as a real date"}});
    if (on) {
        auto done = app.case_membership().close_child(ex.actor(), *case_id, *child_id,
                                                      {*on, form.reason, form.note});
        if (done) return Response::redirect("/cases/" + std::to_string(*case_id) + "?done=closed");
        if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
        error = for_page(done.error());
    }
    auto found = case_child(app, ex, *case_id, *child_id);
    if (!found) return app.error(ex, found.error());
    return close_page(app, ex, 422, *found, form, &error);
}

/// Not kept: the form offers children recorded anywhere in the user's work since.
Response show_add_to_case(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto view = app.casework().view_case(ex.actor(), *case_id);
    if (!view) return app.error(ex, view.error());
    if (!view->record.closed_on.empty())
        return app.error(ex, core::Error::of(core::ErrorKind::Conflict, "This case is closed"));
    return add_page(app, ex, 200, *view, "", today_form(app), nullptr);
}

Response add_to_case(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto form = level_form(*ex.form);
    const auto& chosen = ex.form->get("child");
    auto child_id = parse_number(chosen);
    auto change = parse_level_change(form);
    core::Result<void> done = std::unexpected(core::Error::invalid({{"child", "Select a child"}}));
    if (child_id && change) {
        done = app.case_membership().add_child(ex.actor(), *case_id, *child_id, *change);
    } else if (!change) {
        done = std::unexpected(change.error());
        if (!child_id)
            done.error().fields.insert(done.error().fields.begin(), {"child", "Select a child"});
    }
    if (done) return Response::redirect("/cases/" + std::to_string(*case_id) + "?done=added");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    auto view = app.casework().view_case(ex.actor(), *case_id);
    if (!view) return app.error(ex, view.error());
    auto error = for_page(done.error());
    return add_page(app, ex, 422, *view, chosen, form, &error);
}

}  // namespace signs::web::handlers
