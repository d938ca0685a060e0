#include "web/handlers/level_views.hpp"

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "web/handlers/child_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {

std::string level_text(const std::string& code) {
    auto level = domain::parse_level(code);
    return level ? std::string{domain::level_label(*level)} : "Closed";
}

LevelForm level_form(const Form& f) {
    return {f.get("level"),      f.get("category"),  f.get("legal_status"), f.get("date-day"),
            f.get("date-month"), f.get("date-year"), f.get("reason")};
}

LevelForm today_form(App& app) {
    auto today = core::london_date(app.clock().now()).parts();
    LevelForm form;
    form.day = today.day;
    form.month = today.month;
    form.year = today.year;
    return form;
}

core::Result<domain::LevelChange> parse_level_change(const LevelForm& form) {
    core::FieldChecks checks;
    auto level = domain::parse_level(form.level);
    if (!level) checks.add("level", "Select a service level");
    auto date = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!date) checks.add("date-day", "Enter the date the level starts, as a real date");
    std::optional<domain::CpCategory> category;
    if (!form.category.empty()) {
        category = domain::parse_category(form.category);
        if (!category) checks.add("category", "Select a category of plan");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    std::string legal = *level == domain::ServiceLevel::CaredFor ? form.legal_status : "";
    if (*level != domain::ServiceLevel::ChildProtection) category.reset();
    return domain::LevelChange{*level, *date, form.reason, category, legal};
}

/// The domain names the date field "date"; the page's first box is "date-day".
core::Error for_page(core::Error error) {
    for (auto& f : error.fields) {
        if (f.field == "date") f.field = "date-day";
    }
    return error;
}

nlohmann::json level_fields(App& app, const LevelForm& form, const core::Error* error) {
    Options levels, categories, statuses{{"", "Select a legal status"}};
    auto names = app.practice_settings().variant_names();
    for (auto level : domain::all_levels()) {
        levels.emplace_back(std::string{domain::level_code(level)},
                            std::string{domain::level_label(level)} + " (" +
                                names.at(domain::variant_for(level)) + ")");
    }
    for (auto category : domain::all_categories()) {
        categories.emplace_back(std::string{domain::category_code(category)},
                                std::string{domain::category_label(category)});
    }
    for (auto status : domain::all_legal_statuses()) {
        statuses.emplace_back(std::string{domain::legal_status_code(status)},
                              std::string{domain::legal_status_label(status)});
    }
    return {
        {"level", radios("level", "Service level", levels, form.level, error)},
        {"category", radios("category", "Child protection plan category (child protection only)",
                            categories, form.category, error)},
        {"legal_status", select_field("legal_status", "Legal status (cared for only)", statuses,
                                      form.legal_status, error)},
        {"date", date_field("date", "Date this level starts", form.day, form.month, form.year,
                            error, "For example, 27 3 2026")},
        {"reason", field("reason", "Reason", form.reason, error)},
    };
}

}  // namespace signs::web::handlers
