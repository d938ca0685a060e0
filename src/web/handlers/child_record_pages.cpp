#include "core/london_time.hpp"
#include "domain/casework/address.hpp"
#include "service/child_record_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// The edit form. `theirs` is the record as someone else saved it while this person was
/// editing: the page then lists what they changed, with the values now saved, above the
/// form that still holds this person's own answers.
Response edit_page(App& app, Exchange& ex, int status, const store::ChildRecord& saved,
                   const domain::ChildForm& form, const core::Error* error,
                   const store::ChildRecord* theirs) {
    auto model = child_fields(form, error, app.census_codes());
    std::string name = saved.first_name + " " + saved.last_name;
    model.update({{"title", (error || theirs ? "Error: " : "") + std::string{"Change "} + name +
                                "'s details"},
                  {"child_id", std::to_string(saved.id)},
                  {"child_name", name},
                  {"version", std::to_string(theirs ? theirs->version : saved.version)}});
    if (theirs) {
        auto mine = child_answer_rows(form, app.census_codes());
        auto now_saved = child_answer_rows(child_form_from(*theirs), app.census_codes());
        nlohmann::json changed = nlohmann::json::array();
        for (std::size_t i = 0; i < mine.size() && i < now_saved.size(); ++i) {
            if (mine[i]["value"] != now_saved[i]["value"]) changed.push_back(now_saved[i]);
        }
        model["stale"] = true;
        model["changed"] = changed;
        model["has_changed"] = !changed.empty();
    }
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/edit_child", model);
}

domain::AddressForm address_form(const Form& f) {
    return {f.get("lines"), f.get("postcode"), f.get("moved-day"), f.get("moved-month"),
            f.get("moved-year")};
}

Response address_page(App& app, Exchange& ex, int status, const store::ChildRecord& child,
                      const domain::AddressForm& form, const core::Error* error) {
    std::string name = child.first_name + " " + child.last_name;
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Record a new address"}},
        {"child_id", std::to_string(child.id)},
        {"child_name", name},
        {"lines", not_prose(field("lines", "Address", form.lines, error))},
        {"postcode", field("postcode", "Postcode (optional)", form.postcode, error,
                           {"text", "postal-code", "", "govuk-input--width-10"})},
        {"moved", date_field("moved", "Date " + child.first_name + " moved in", form.day,
                             form.month, form.year, error, "For example, 27 3 2026")},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/new_address", model);
}

}  // namespace

Response edit_child(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return kept_child_form(app, ex, *id, "", false, "edit", [&](const store::ChildRecord& child) {
        return edit_page(app, ex, 200, child, child_form_from(child), nullptr, nullptr);
    });
}

Response update_child(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = child_form(*ex.form);
    auto version = ex.form->version();
    auto& records = app.child_records();
    auto saved = version ? records.update_child(ex.actor(), *id, form, *version)
                         : core::fail(core::ErrorKind::Invalid,
                                      "This form is out of date. Open the record and try again.");
    if (saved) return Response::redirect("/children/" + std::to_string(*id) + "?done=changed");
    auto kind = saved.error().kind;
    if (kind != core::ErrorKind::Invalid && kind != core::ErrorKind::Stale)
        return app.error(ex, saved.error());
    auto current = records.child_for_edit(ex.actor(), *id);
    if (!current) return app.error(ex, current.error());
    if (kind == core::ErrorKind::Stale)
        return edit_page(app, ex, 409, *current, form, nullptr, &*current);
    return edit_page(app, ex, 422, *current, form, &saved.error(), nullptr);
}

Response new_address(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return kept_child_form(app, ex, *id, "", false, "edit", [&](const store::ChildRecord& child) {
        return address_page(app, ex, 200, child, {}, nullptr);
    });
}

Response add_address(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = address_form(*ex.form);
    auto added = app.child_records().add_address(ex.actor(), *id, form);
    if (added) return Response::redirect("/children/" + std::to_string(*id) + "?done=address");
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    auto child = app.child_records().child_for_edit(ex.actor(), *id);
    if (!child) return app.error(ex, child.error());
    return address_page(app, ex, 422, *child, form, &added.error());
}

}  // namespace signs::web::handlers
