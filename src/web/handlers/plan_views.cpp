#include "web/handlers/plan_views.hpp"

#include "web/handlers/child_views.hpp"

namespace signs::web::handlers {

nlohmann::json status_tag(const std::string& status) {
    static const std::map<std::string, std::string, std::less<>> kColours = {
        {"not-started", "govuk-tag--grey"},
        {"on-track", "govuk-tag--blue"},
        {"done", "govuk-tag--green"},
        {"not-happening", "govuk-tag--red"},
    };
    auto colour = kColours.find(status);
    return {{"text", std::string{domain::label_for(domain::action_statuses(), status)}},
            {"colour", colour == kColours.end() ? "" : colour->second}};
}

std::string owner_text(const domain::PlanAction& action) {
    if (action.owner_kind.empty() && action.owner_name.empty()) return "Not yet agreed";
    auto kind = std::string{domain::label_for(domain::action_owner_kinds(), action.owner_kind)};
    if (action.owner_name.empty()) return kind;
    return kind.empty() ? action.owner_name : kind + ": " + action.owner_name;
}

nlohmann::json action_model(const service::PlanView& view, const domain::PlanAction& action,
                            core::CivilDate today) {
    auto status = view.status_of(action.ref);
    bool in_force = view.plan.in_force == view.shown;
    return {{"ref", std::to_string(action.ref)},
            {"what", action.what},
            {"who", owner_text(action)},
            {"due", action.due_on.empty() ? "Not yet agreed" : date_text(action.due_on)},
            {"how_known", action.how_known.empty() ? "Not yet agreed" : action.how_known},
            {"status", status_tag(status)},
            {"overdue", in_force && domain::action_overdue(action, status, today)},
            {"can_change", view.draft},
            {"can_update", in_force && view.case_record.closed_on.empty()}};
}

domain::ActionForm action_form(const Form& f) {
    return {f.get("goal"),    f.get("what"),      f.get("owner_kind"), f.get("owner_name"),
            f.get("due-day"), f.get("due-month"), f.get("due-year"),   f.get("how_known")};
}

domain::ActionForm action_form_from(const domain::PlanAction& a) {
    domain::ActionForm form{a.goal_ref ? std::to_string(a.goal_ref) : "",
                            a.what,
                            a.owner_kind,
                            a.owner_name,
                            "",
                            "",
                            "",
                            a.how_known};
    if (auto due = core::CivilDate::parse_iso(a.due_on)) {
        auto parts = due->parts();
        form.day = parts.day;
        form.month = parts.month;
        form.year = parts.year;
    }
    return form;
}

}  // namespace signs::web::handlers
