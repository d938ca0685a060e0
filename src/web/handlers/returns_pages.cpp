// Statutory returns: the data quality behind the Children in Need census, every day, and
// the return itself as the DfE's XML.
#include "core/london_time.hpp"
#include "service/case_access.hpp"
#include "web/downloads.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// The census year asked for, or the one today falls in.
std::optional<domain::CensusYear> year_asked(App& app, const Exchange& ex) {
    auto query = ex.query();
    if (!query.has("year"))
        return domain::CensusYear::holding(core::london_date(app.clock().now()));
    return domain::CensusYear::parse(query.get("year"));
}

std::string year_words(const domain::CensusYear& year) {
    return std::to_string(year.end_year() - 1) + " to " + std::to_string(year.end_year());
}

/// Where the problem is put right, for those who may open the child.
std::string fix_link(const service::DataQualityRow& row) {
    auto child = "/children/" + std::to_string(row.child_id);
    switch (row.rule->place) {
        case domain::RulePlace::Child:
            return child + "/edit";
        case domain::RulePlace::Episode:
        case domain::RulePlace::Assessment:
            return child + "/census";
        case domain::RulePlace::PreProceedings:
            return row.case_id ? "/cases/" + std::to_string(row.case_id) + "/pre-proceedings"
                               : child;
        case domain::RulePlace::Return:
            return "";
        default:
            return child;
    }
}

std::string severity_words(const domain::CensusRule& rule) {
    return rule.severity == domain::RuleSeverity::Error ? "Error" : "Query";
}

Options id_options(const std::vector<std::pair<std::int64_t, std::string>>& items,
                   const std::string& everyone) {
    Options out{{"", everyone}};
    for (const auto& [id, name] : items) out.emplace_back(std::to_string(id), name);
    return out;
}

Options year_options(const domain::CensusYear& shown, core::CivilDate today) {
    Options out;
    auto year = domain::CensusYear::holding(today);
    for (int i = 0; i < 3; ++i) {
        out.emplace_back(year.name(), year_words(year));
        year = *domain::CensusYear::parse(std::to_string(year.end_year() - 2) + "-" +
                                          std::to_string(year.end_year() - 1));
    }
    if (std::none_of(out.begin(), out.end(),
                     [&](const auto& o) { return o.first == shown.name(); }))
        out.emplace_back(shown.name(), year_words(shown));
    return out;
}

/// The census years a return can be downloaded for: this one and the two before.
nlohmann::json census_years(core::CivilDate today) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto& [code, words] : year_options(domain::CensusYear::holding(today), today))
        years.push_back({{"name", code}, {"words", words}});
    return years;
}

}  // namespace

Response show_data_quality(App& app, Exchange& ex) {
    auto year = year_asked(app, ex);
    if (!year) return app.error_page(ex, 400, "The year must be a census year, like 2026-27");
    auto query = ex.query();
    service::DataQualityFilter filter;
    for (auto [name, target] :
         {std::pair{"team", &filter.team_id}, {"worker", &filter.worker_id}}) {
        if (query.get(name).empty()) continue;
        *target = query.number(name);
        if (!*target) return app.error_page(ex, 400, "Choose the team and worker from the lists");
    }
    std::size_t page = 1;
    if (!query.get("page").empty()) {
        auto asked = query.number("page");
        if (!asked || *asked < 1) return app.error_page(ex, 400, "The page must be a number");
        page = static_cast<std::size_t>(*asked);
    }
    auto kept = app.returns().data_quality(ex.actor(), *year, filter);
    if (!kept) return app.error(ex, kept.error());
    const auto* report = kept->get();
    bool opens = service::has_case_role(ex.actor());

    if (query.get("format") == "csv") {
        Table table{{"Child number", "Child", "Team", "Worker", "Rule", "Error or query",
                     "What is wrong", "The DfE's words", "Episode"}};
        for (const auto& row : report->rows) {
            table.push_back(
                {row.child_id ? std::to_string(row.child_id) : "", std::string{row.child_name},
                 std::string{row.team}, std::string{row.worker}, std::string{row.rule->number},
                 severity_words(*row.rule), std::string{row.rule->plain},
                 std::string{row.rule->message}, row.episode ? std::to_string(row.episode) : ""});
        }
        return csv_download(table, "cin-census-" + year->name() + "-data-quality.csv");
    }

    // A page of problems at a time; the counts above and the CSV cover them all.
    constexpr std::size_t kPerPage = 50;
    auto pages = std::max<std::size_t>(1, (report->rows.size() + kPerPage - 1) / kPerPage);
    if (page > pages) return app.error_page(ex, 404, "There is no such page of problems");
    // Drawn once for everything it shows: the census as its stamp says, who is looking (their
    // role, themselves, their teams; the restricted children they may not see move the stamp
    // when they change), the filter, the page and the day (which years are offered).
    auto today = core::london_date(app.clock().now());
    std::string key = "data-quality." + year->name() + "." + std::to_string(report->check->stamp) +
                      "." + std::to_string(ex.user->id) + ".";
    for (auto team : ex.user->team_ids()) key += std::to_string(team) + ",";
    key += "." + (filter.team_id ? std::to_string(*filter.team_id) : "") + "." +
           (filter.worker_id ? std::to_string(*filter.worker_id) : "") + "." +
           std::to_string(page) + "." + today.iso();
    return app.kept_page(ex, key, [&] {
        auto first = (page - 1) * kPerPage;
        auto last = std::min(first + kPerPage, report->rows.size());
        nlohmann::json rows = nlohmann::json::array();
        for (auto i = first; i < last; ++i) {
            const auto& row = report->rows[i];
            auto link = opens && row.child_id ? fix_link(row) : "";
            rows.push_back(
                {{"child", row.child_id ? std::string{row.child_name}
                                        : std::string{"The return as a whole"}},
                 {"link", link.empty() ? nlohmann::json(false) : nlohmann::json(link)},
                 {"team", row.team.empty() ? "No team" : std::string{row.team}},
                 {"worker", row.worker.empty() ? "Not allocated" : std::string{row.worker}},
                 {"rule", std::string{row.rule->number}},
                 {"error", row.rule->severity == domain::RuleSeverity::Error},
                 {"severity", severity_words(*row.rule)},
                 {"plain", std::string{row.rule->plain}},
                 {"place", std::string{domain::place_label(row.rule->place)}},
                 {"episode", row.episode ? "Referral " + std::to_string(row.episode) : ""}});
        }
        nlohmann::json counts = nlohmann::json::array();
        for (const auto& c : report->counts) {
            counts.push_back({{"rule", std::string{c.rule->number}},
                              {"error", c.rule->severity == domain::RuleSeverity::Error},
                              {"severity", severity_words(*c.rule)},
                              {"plain", std::string{c.rule->plain}},
                              {"message", std::string{c.rule->message}},
                              {"count", c.count}});
        }
        auto here = "/data-quality?year=" + year->name() +
                    (filter.team_id ? "&team=" + std::to_string(*filter.team_id) : "") +
                    (filter.worker_id ? "&worker=" + std::to_string(*filter.worker_id) : "");
        auto csv = here + "&format=csv";
        auto page_href = [&](std::size_t n) {
            return nlohmann::json(here + "&page=" + std::to_string(n));
        };
        nlohmann::json model = {
            {"title", "Data quality: Children in need census " + year_words(*year)},
            {"year_words", year_words(*year)},
            {"scope", report->whole_service       ? "every team"
                      : report->own_children_only ? "the children allocated to you"
                                                  : "your teams"},
            {"filters", !report->own_children_only},
            {"children", report->children_checked},
            {"errors", report->errors},
            {"queries", report->queries},
            {"clean", report->rows.empty()},
            {"year_field", select_field("year", "Census year", year_options(*year, today),
                                        year->name(), nullptr)},
            {"team_field",
             select_field("team", "Team", id_options(report->teams, "Every team"),
                          filter.team_id ? std::to_string(*filter.team_id) : "", nullptr)},
            {"worker_field",
             select_field("worker", "Worker", id_options(report->workers, "Every worker"),
                          filter.worker_id ? std::to_string(*filter.worker_id) : "", nullptr)},
            {"csv", csv},
            {"has_counts", !counts.empty()},
            {"counts", counts},
            {"rows", rows},
            {"shown", report->rows.size() > kPerPage
                          ? nlohmann::json("Problems " + std::to_string(first + 1) + " to " +
                                           std::to_string(last) + " of " +
                                           std::to_string(report->rows.size()))
                          : nlohmann::json(false)},
            {"previous_href", page > 1 ? page_href(page - 1) : nlohmann::json(false)},
            {"next_href", last < report->rows.size() ? page_href(page + 1) : nlohmann::json(false)},
        };
        return app.page(ex, 200, "returns/data_quality", model);
    });
}

Response show_returns(App& app, Exchange& ex) {
    auto settings = app.returns().settings(ex.actor());
    if (!settings) return app.error(ex, settings.error());
    auto done = ex.query().get("done");
    nlohmann::json model = {
        {"title", "Statutory returns"},
        {"la_code", settings->la_code},
        {"has_la_code", !settings->la_code.empty()},
        {"version", std::to_string(settings->version)},
        {"la_field",
         field("la_code", "The council's DfE number", settings->la_code, nullptr,
               {"text", "off", "Three digits, as in the DfE's list of local authorities",
                "govuk-input--width-4"})},
        {"years", census_years(core::london_date(app.clock().now()))},
        {"done",
         done == "saved" ? nlohmann::json("The council's number is saved") : nlohmann::json(false)},
    };
    return app.page(ex, 200, "returns/index", model);
}

Response save_return_settings(App& app, Exchange& ex) {
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto code = core::trimmed(ex.form->get("la_code"));
    auto done = app.returns().set_la_code(ex.actor(), code, *version);
    if (done) return Response::redirect("/returns?done=saved");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    auto settings = app.returns().settings(ex.actor());
    if (!settings) return app.error(ex, settings.error());
    nlohmann::json model = {
        {"title", "Error: Statutory returns"},
        {"la_code", settings->la_code},
        {"has_la_code", !settings->la_code.empty()},
        {"version", std::to_string(*version)},
        {"la_field",
         field("la_code", "The council's DfE number", code, &done.error(),
               {"text", "off", "Three digits, as in the DfE's list of local authorities",
                "govuk-input--width-4"})},
        {"years", census_years(core::london_date(app.clock().now()))},
        {"done", false},
    };
    add_error_summary(model, done.error());
    return app.page(ex, 422, "returns/index", model);
}

Response download_cin_census(App& app, Exchange& ex) {
    auto year = year_asked(app, ex);
    if (!year) return app.error_page(ex, 400, "The year must be a census year, like 2026-27");
    auto xml = app.returns().cin_census_xml(ex.actor(), *year);
    if (!xml) return app.error(ex, xml.error());
    return file_download(std::move(*xml), "application/xml; charset=utf-8",
                         "cin-census-" + year->name() + ".xml");
}

}  // namespace signs::web::handlers
