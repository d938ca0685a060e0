#include "core/london_time.hpp"
#include "service/visit_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

const Options kSeenOptions = {{"no", "Not seen"}, {"yes", "Seen"}, {"alone", "Seen alone"}};

/// Today as the date boxes want it, "27 11 2026", for the hint.
std::string example_date(App& app) {
    auto today = core::london_date(app.clock().now()).parts();
    return today.day + " " + today.month + " " + today.year;
}

Response visit_page(App& app, Exchange& ex, int status, std::int64_t case_id,
                    const domain::VisitForm& form, const core::Error* error) {
    auto visits = app.visits().for_case(ex.actor(), case_id);
    if (!visits) return app.error(ex, visits.error());
    if (!visits->can_record) return app.error_page(ex, 409, "This case is closed");
    // The error about who was seen sits on the first child's choices, so that the summary's
    // link lands on them.
    std::optional<core::Error> seen_error;
    if (error && !visits->children.empty()) {
        seen_error = *error;
        for (auto& f : seen_error->fields) {
            if (f.field == "seen") f.field = "seen-" + std::to_string(visits->children[0].id);
        }
    }
    nlohmann::json children = nlohmann::json::array();
    for (const auto& child : visits->children) {
        auto it = form.seen.find(child.id);
        // Nothing is chosen for the worker: a child is recorded as seen only when they say so.
        children.push_back(radios("seen-" + std::to_string(child.id), child.name, kSeenOptions,
                                  it == form.seen.end() ? "" : it->second,
                                  seen_error ? &*seen_error : nullptr));
    }
    auto case_href = "/cases/" + std::to_string(case_id);
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Record a visit"}},
        {"family", visits->family_name},
        {"back", case_href},
        {"action", case_href + "/visits"},
        {"date", date_field("date", "Date of the visit", form.day, form.month, form.year, error,
                            "For example, " + example_date(app))},
        {"children", children},
    };
    if (error) add_error_summary(model, seen_error ? *seen_error : *error);
    return app.page(ex, status, "casework/visit", model);
}

Response frequencies_page(App& app, Exchange& ex, int status,
                          const std::vector<domain::VisitFrequencyForm>& forms,
                          const core::Error* error) {
    auto settings = app.visits().frequencies(ex.actor());
    if (!settings) return app.error(ex, settings.error());
    Options units;
    for (auto unit : {domain::DeadlineUnit::WorkingDays, domain::DeadlineUnit::Weeks,
                      domain::DeadlineUnit::Months})
        units.emplace_back(std::string{domain::unit_code(unit)}, domain::unit_words(unit, 2));
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& s : *settings) {
        auto code = std::string{domain::level_code(s.in_force.level)};
        auto label = std::string{domain::level_label(s.in_force.level)};
        auto amount = std::to_string(s.in_force.amount);
        auto unit = std::string{domain::unit_code(s.in_force.unit)};
        for (const auto& f : forms) {
            if (f.level == code) {
                amount = f.amount;
                unit = f.unit;
            }
        }
        levels.push_back(
            {{"label", label},
             {"now", domain::frequency_text(s.in_force)},
             {"set_by", s.local ? "Set by " +
                                      (s.changed_by_name.empty() ? std::string{"an administrator"}
                                                                 : s.changed_by_name) +
                                      ", " + when_text(s.changed_at)
                                : std::string{"the default"}},
             {"amount",
              field("amount-" + code, "Every", amount, error,
                    {.autocomplete = "off", .hint = "", .width = "govuk-input--width-3"})},
             {"unit", select_field("unit-" + code, "Counted in", units, unit, error)}});
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Visit frequencies"}},
        {"levels", levels},
        {"done",
         ex.query().get("done") == "saved" ? nlohmann::json("Saved") : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/visits", model);
}

}  // namespace

Response new_visit(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    return kept_case_form(app, ex, *case_id, "", [&] {
        auto today = core::london_date(app.clock().now()).parts();
        return visit_page(app, ex, 200, *case_id, {today.day, today.month, today.year, {}},
                          nullptr);
    });
}

Response record_visit(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::VisitForm form{f.get("date-day"), f.get("date-month"), f.get("date-year"), {}};
    for (const auto& [name, value] : f.entries()) {
        if (!name.starts_with("seen-")) continue;
        auto child = parse_number(std::string_view{name}.substr(5));
        // A field naming no child is a form that was not ours; the check refuses it.
        form.seen[child.value_or(0)] = value;
    }
    auto recorded = app.visits().record(ex.actor(), *case_id, form);
    if (recorded) return Response::redirect("/cases/" + std::to_string(*case_id) + "?done=visit");
    if (recorded.error().kind != core::ErrorKind::Invalid) return app.error(ex, recorded.error());
    return visit_page(app, ex, 422, *case_id, form, &recorded.error());
}

Response show_visit_frequencies(App& app, Exchange& ex) {
    return frequencies_page(app, ex, 200, {}, nullptr);
}

Response set_visit_frequencies(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    std::vector<domain::VisitFrequencyForm> forms;
    for (auto level : domain::all_levels()) {
        auto code = std::string{domain::level_code(level)};
        forms.push_back({code, f.get("amount-" + code), f.get("unit-" + code)});
    }
    auto saved = app.visits().set_frequencies(ex.actor(), forms);
    if (saved) return Response::redirect("/admin/visits?done=saved");
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    return frequencies_page(app, ex, 422, forms, &saved.error());
}

}  // namespace signs::web::handlers
