#include "core/london_time.hpp"
#include "domain/timescales/deadline_rules.hpp"
#include "service/deadline_service.hpp"
#include "web/downloads.hpp"
#include "web/handlers/case_lists.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

constexpr int kPageSize = 100;
constexpr int kMostExported = 100000;

/// What the person asked for, from the query string; anything unknown is left out.
struct DueChoice {
    service::DueScope scope = service::DueScope::Mine;
    std::string scope_code = "mine";
    std::string within = "20";  ///< "overdue", "5", "20" or "all"
    std::vector<std::string> rules;
    int page = 1;

    /// A conference chair holds no cases: their list starts with the whole service's, whose
    /// conferences and reviews they chair.
    static DueChoice from(const Form& query, const Exchange& ex) {
        DueChoice c;
        auto scope = query.get("scope");
        if (!query.has("scope") && ex.user && ex.user->role == domain::Role::ConferenceChair)
            scope = "service";
        if (scope == "team") c.scope = service::DueScope::Team;
        if (scope == "service") c.scope = service::DueScope::Service;
        if (scope == "team" || scope == "service") c.scope_code = scope;
        auto within = query.get("within");
        if (within == "overdue" || within == "5" || within == "20" || within == "all")
            c.within = within;
        for (const auto& r : query.get_all("rule")) {
            if (domain::find_deadline_rule(r)) c.rules.push_back(r);
        }
        if (auto page = query.number("page"); page && *page < 1000000)
            c.page = std::max(1, static_cast<int>(*page));
        return c;
    }

    std::string query(int page_number) const {
        std::string q = "?scope=" + scope_code + "&within=" + within;
        for (const auto& r : rules) q += "&rule=" + url_encode(r);
        if (page_number > 1) q += "&page=" + std::to_string(page_number);
        return q;
    }

    store::DueFilter filter(App& app) const {
        store::DueFilter f;
        auto today = core::london_date(app.clock().now());
        if (within == "overdue") f.due_by = today.plus_days(-1).iso();
        if (within == "5" || within == "20")
            f.due_by = app.calendar()->add_working_days(today, std::stoi(within)).iso();
        f.rules = rules;
        return f;
    }
};

std::string rule_name(const std::string& code) {
    const auto* rule = domain::find_deadline_rule(code);
    return rule ? std::string{rule->name} : code;
}

/// The rows as a spreadsheet would have them, header first.
Table table_of(const std::vector<store::DueRow>& rows) {
    Table out{
        {"Case", "Family", "Worker", "Team", "Deadline", "Due by", "Counted from", "Arranged for"}};
    for (const auto& r : rows) {
        out.push_back({std::to_string(r.case_id), r.family_name, r.worker_name, r.team_name,
                       rule_name(r.deadline.rule), r.deadline.due_on, r.deadline.from_on,
                       r.deadline.booked_on});
    }
    return out;
}

core::Result<service::DueList> list_for(App& app, Exchange& ex, const DueChoice& choice, int limit,
                                        int offset, bool for_export = false) {
    auto filter = choice.filter(app);
    filter.limit = limit;
    filter.offset = offset;
    return app.deadlines().due_list(ex.actor(), choice.scope, filter, for_export);
}

Response draw_due(App& app, Exchange& ex, const DueChoice& choice);

}  // namespace

Response list_due(App& app, Exchange& ex) {
    auto choice = DueChoice::from(ex.query(), ex);
    auto stamp = app.deadlines().list_stamp(ex.actor(), choice.scope);
    if (!stamp) return app.error(ex, stamp.error());
    return app.kept_page(ex, "due." + *stamp + choice.query(choice.page),
                         [&] { return draw_due(app, ex, choice); });
}

namespace {

Response draw_due(App& app, Exchange& ex, const DueChoice& choice) {
    auto list = list_for(app, ex, choice, kPageSize, (choice.page - 1) * kPageSize);
    if (!list) return app.error(ex, list.error());
    auto today = core::london_date(app.clock().now());
    auto calendar = app.calendar();
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : list->rows) {
        rows.push_back(
            {{"case_id", std::to_string(r.case_id)},
             {"family", r.family_name},
             {"worker", r.worker_name.empty() ? "Not allocated" : r.worker_name},
             {"team", r.team_name},
             {"deadline", rule_name(r.deadline.rule)},
             {"due", due_model(r.deadline.due_on, today, *calendar, kDueSoonWorkingDays)},
             {"booked", r.deadline.booked_on.empty()
                            ? nlohmann::json(false)
                            : nlohmann::json(date_text(r.deadline.booked_on))}});
    }
    Options rules;
    for (const auto& rule : domain::deadline_rules()) {
        if (rule.code != "contact-decision")
            rules.emplace_back(std::string{rule.code}, std::string{rule.name});
    }
    // Past the counted limit the number of pages is not known: a full page means more.
    bool uncounted = list->total > service::DueList::kCountedUpTo;
    int pages = std::max(1, (list->total + kPageSize - 1) / kPageSize);
    bool more = uncounted ? static_cast<int>(list->rows.size()) == kPageSize : choice.page < pages;
    std::string caption =
        uncounted
            ? "More than " + std::to_string(service::DueList::kCountedUpTo) + " deadlines, page " +
                  std::to_string(choice.page)
            : std::to_string(list->total) + (list->total == 1 ? " deadline" : " deadlines") +
                  (pages > 1
                       ? ", page " + std::to_string(choice.page) + " of " + std::to_string(pages)
                       : "");
    bool manager = !ex.user || ex.user->role != domain::Role::Practitioner;
    auto tab = [&](const std::string& code, const std::string& text) {
        auto c = choice;
        c.scope_code = code;
        return nlohmann::json{
            {"href", "/due" + c.query(1)}, {"text", text}, {"current", choice.scope_code == code}};
    };
    nlohmann::json tabs = nlohmann::json::array({tab("mine", "My cases")});
    if (ex.user && !ex.user->team_ids().empty())
        tabs.push_back(tab("team", ex.user->team_ids().size() > 1 ? "My teams" : "My team"));
    if (manager) tabs.push_back(tab("service", "Whole service"));
    nlohmann::json model = {
        {"title", "Due and overdue"},
        {"tabs", tabs},
        {"scope", choice.scope_code},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"caption", caption},
        {"within", select_field("within", "Due",
                                {{"overdue", "Overdue"},
                                 {"5", "Overdue or due in 5 working days"},
                                 {"20", "Overdue or due in 20 working days"},
                                 {"all", "All outstanding"}},
                                choice.within, nullptr)},
        {"rule", checkboxes("rule", "Deadlines", rules, choice.rules, nullptr)},
        {"previous", choice.page > 1 ? nlohmann::json("/due" + choice.query(choice.page - 1))
                                     : nlohmann::json(false)},
        {"next",
         more ? nlohmann::json("/due" + choice.query(choice.page + 1)) : nlohmann::json(false)},
        {"csv", "/due.csv" + choice.query(1)},
        {"xlsx", "/due.xlsx" + choice.query(1)},
    };
    return app.page(ex, 200, "due/list", model);
}

}  // namespace

Response export_due_csv(App& app, Exchange& ex) {
    auto choice = DueChoice::from(ex.query(), ex);
    auto list = list_for(app, ex, choice, kMostExported, 0, true);
    if (!list) return app.error(ex, list.error());
    return csv_download(table_of(list->rows), "due.csv");
}

Response export_due_xlsx(App& app, Exchange& ex) {
    auto choice = DueChoice::from(ex.query(), ex);
    auto list = list_for(app, ex, choice, kMostExported, 0, true);
    if (!list) return app.error(ex, list.error());
    return xlsx_download(table_of(list->rows), "Due", "due.xlsx");
}

Response api_due(App& app, Exchange& ex) {
    auto choice = DueChoice::from(ex.query(), ex);
    auto list = list_for(app, ex, choice, kPageSize, (choice.page - 1) * kPageSize);
    if (!list) return app.error(ex, list.error());
    auto today = core::london_date(app.clock().now()).iso();
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : list->rows) {
        rows.push_back({{"case_id", r.case_id},
                        {"family_name", r.family_name},
                        {"worker", r.worker_name},
                        {"team", r.team_name},
                        {"rule", r.deadline.rule},
                        {"name", rule_name(r.deadline.rule)},
                        {"from_on", r.deadline.from_on},
                        {"due_on", r.deadline.due_on},
                        {"booked_on", r.deadline.booked_on},
                        {"overdue", r.deadline.due_on < today}});
    }
    return Response::json(200, json_text({{"scope", choice.scope_code},
                                          {"within", choice.within},
                                          {"page", choice.page},
                                          {"page_size", kPageSize},
                                          {"total", list->total},
                                          {"counted_up_to", service::DueList::kCountedUpTo},
                                          {"deadlines", rows}}));
}

}  // namespace signs::web::handlers
