#include "web/handlers/case_lists.hpp"

#include "core/london_time.hpp"
#include "domain/casework/service_level.hpp"

namespace signs::web::handlers {

CaseListChoice CaseListChoice::from(const Form& query) {
    CaseListChoice c;
    c.team = query.get("view") == "team";
    for (const auto& level : query.get_all("level")) {
        if (domain::parse_level(level)) c.levels.push_back(level);
    }
    c.unallocated = c.team && query.get("unallocated") == "yes";
    c.due_soon = query.get("due") == "soon";
    c.alerts = query.get("alerts") == "waiting";
    c.overdue = query.get("overdue") == "actions";
    return c;
}

std::string CaseListChoice::href() const {
    std::string q;
    auto add = [&](const std::string& name, const std::string& value) {
        q += (q.empty() ? "?" : "&") + name + "=" + url_encode(value);
    };
    if (team) add("view", "team");
    for (const auto& level : levels) add("level", level);
    if (unallocated) add("unallocated", "yes");
    if (due_soon) add("due", "soon");
    if (alerts) add("alerts", "waiting");
    if (overdue) add("overdue", "actions");
    return "/cases" + q;
}

core::Result<std::vector<store::CaseListRow>> case_list(App& app, Exchange& ex,
                                                        const CaseListChoice& choice) {
    store::cases::ListFilter filter;
    filter.levels = choice.levels;
    filter.unallocated_only = choice.unallocated;
    filter.alerts_only = choice.alerts;
    filter.overdue_only = choice.overdue;
    if (choice.due_soon) {
        auto today = core::london_date(app.clock().now());
        filter.due_by = app.calendar()->add_working_days(today, kDueSoonWorkingDays).iso();
    }
    auto& service = app.casework();
    return choice.team ? service.team_cases(ex.actor(), filter)
                       : service.my_cases(ex.actor(), filter);
}

}  // namespace signs::web::handlers
