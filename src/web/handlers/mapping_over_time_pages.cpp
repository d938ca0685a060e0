#include <array>

#include "service/mapping_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

// GOV.UK colours that stay distinct from each other and readable on white.
constexpr std::array<const char*, 8> kColours = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92",
                                                 "#f47738", "#28a197", "#912b88", "#505a5f"};
constexpr int kWidth = 640, kHeight = 260, kLeft = 40, kRight = 20, kTop = 20, kBottom = 40;

int x_of(std::size_t i, std::size_t count) {
    if (count <= 1) return kLeft + (kWidth - kLeft - kRight) / 2;
    return kLeft + static_cast<int>(i) * (kWidth - kLeft - kRight) / static_cast<int>(count - 1);
}

int y_of(int value) { return kTop + (10 - value) * (kHeight - kTop - kBottom) / 10; }

/// The chart's lines, points and axes as data for the template, drawn on the server so the
/// picture needs no JavaScript.
nlohmann::json chart(const service::OverTime& view, bool standalone) {
    auto count = view.mappings.size();
    nlohmann::json lines = nlohmann::json::array();
    for (std::size_t s = 0; s < view.series.size(); ++s) {
        std::string points;
        nlohmann::json dots = nlohmann::json::array();
        for (std::size_t i = 0; i < count; ++i) {
            const auto& value = view.series[s].values[i];
            if (!value) continue;
            auto x = x_of(i, count), y = y_of(*value);
            points += (points.empty() ? "" : " ") + std::to_string(x) + "," + std::to_string(y);
            dots.push_back({{"x", x},
                            {"y", y},
                            {"label", view.series[s].name + ": " + std::to_string(*value) + " on " +
                                          date_text(view.mappings[i].held_on)}});
        }
        lines.push_back({{"name", view.series[s].name},
                         {"colour", kColours[s % kColours.size()]},
                         {"points", points},
                         {"dots", dots},
                         {"legend_y", kTop + static_cast<int>(s) * 18}});
    }
    nlohmann::json grid = nlohmann::json::array();
    for (int v = 0; v <= 10; v += 2) grid.push_back({{"y", y_of(v)}, {"value", v}});
    nlohmann::json ticks = nlohmann::json::array();
    for (std::size_t i = 0; i < count; ++i) {
        std::string label;
        if (auto date = core::CivilDate::parse_iso(view.mappings[i].held_on)) {
            auto p = date->parts();
            label = p.day + "/" + p.month + "/" + p.year;
        }
        ticks.push_back({{"x", x_of(i, count)}, {"label", label}});
    }
    return {
        {"width", kWidth + 200},
        {"display_width", standalone ? std::to_string(kWidth + 200) : "100%"},
        {"description", standalone ? "Each person's overall number from 0 to 10 at each mapping."
                                   : "Each person's overall number from 0 to 10 at each "
                                     "mapping. The same numbers are in the table below."},
        {"height", kHeight},
        {"left", kLeft},
        {"right", kWidth - kRight},
        {"bottom", kHeight - kBottom},
        {"label_y", kHeight - kBottom + 18},
        {"legend_x", kWidth + 10},
        {"legend_text_x", kWidth + 28},
        {"lines", lines},
        {"grid", grid},
        {"ticks", ticks}};
}

std::string change_label(domain::EntryChange change) {
    switch (change) {
        case domain::EntryChange::Added:
            return "New";
        case domain::EntryChange::Changed:
            return "Changed";
        case domain::EntryChange::Resolved:
            return "No longer a concern";
        case domain::EntryChange::Dropped:
            return "Not carried forward";
        case domain::EntryChange::Unchanged:
            break;
    }
    return "Still true";
}

std::string number_or_dash(const std::optional<int>& v) { return v ? std::to_string(*v) : "None"; }

Response over_time_page(App& app, Exchange& ex, std::int64_t case_id) {
    auto query = ex.query();
    auto view =
        app.mappings().over_time(ex.actor(), case_id, query.number("from"), query.number("to"));
    if (!view) return app.error(ex, view.error());
    Options choices;
    for (const auto& m : view->mappings) {
        choices.emplace_back(std::to_string(m.id), date_text(m.held_on) + ", " +
                                                       std::string{domain::label_for(
                                                           domain::mapping_purposes(), m.purpose)});
    }
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& d : view->differences) {
        differences.push_back(
            {{"change", change_label(d.change)},
             {"category", std::string{domain::label_for(domain::entry_categories(), d.category)}},
             {"text", d.text},
             {"before", d.change == domain::EntryChange::Changed ? nlohmann::json(d.before)
                                                                 : nlohmann::json(false)}});
    }
    nlohmann::json scaling = nlohmann::json::array();
    for (const auto& [name, values] : view->scaling) {
        scaling.push_back({{"name", name},
                           {"then", number_or_dash(values.first)},
                           {"now", number_or_dash(values.second)}});
    }
    nlohmann::json table_heads = nlohmann::json::array();
    for (const auto& m : view->mappings) table_heads.push_back(date_text(m.held_on));
    nlohmann::json table_rows = nlohmann::json::array();
    for (const auto& s : view->series) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& v : s.values) cells.push_back(number_or_dash(v));
        table_rows.push_back({{"name", s.name}, {"cells", cells}});
    }
    nlohmann::json model = {
        {"title", "Mappings over time"},
        {"case_id", std::to_string(case_id)},
        {"has_mappings", !view->mappings.empty()},
        {"has_pair", view->mappings.size() >= 2},
        {"chart", chart(*view, false)},
        {"table_heads", table_heads},
        {"table_rows", table_rows},
        {"from",
         select_field("from", "Earlier mapping", choices, std::to_string(view->from), nullptr)},
        {"to", select_field("to", "Later mapping", choices, std::to_string(view->to), nullptr)},
        {"differences", differences},
        {"scaling", scaling},
    };
    return app.page(ex, 200, "mapping/over_time", model);
}

}  // namespace

Response mappings_over_time(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto stamp = app.mappings().over_time_stamp(ex.actor(), *case_id);
    if (!stamp) return app.error(ex, stamp.error());
    auto query = ex.query();
    auto from = query.number("from"), to = query.number("to");
    auto chosen = "." + (from ? std::to_string(*from) : std::string{}) + "." +
                  (to ? std::to_string(*to) : std::string{});
    return app.kept_page(ex, "over-time." + stamp->key + chosen,
                         [&] { return over_time_page(app, ex, *case_id); });
}

/// The chart alone, as an SVG file: for saving, printing or putting in a document.
Response mappings_trend_svg(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto stamp = app.mappings().over_time_stamp(ex.actor(), *case_id);
    if (!stamp) return app.error(ex, stamp.error());
    return app.kept_page(ex, "trend." + stamp->key, [&] {
        auto view = app.mappings().over_time(ex.actor(), *case_id, std::nullopt, std::nullopt);
        if (!view) return app.error(ex, view.error());
        Response response;
        response.body = app.views().render("mapping/trend_svg", {{"chart", chart(*view, true)}});
        response.set_header("Content-Type", "image/svg+xml; charset=utf-8");
        return response;
    });
}

}  // namespace signs::web::handlers
