#include "core/london_time.hpp"
#include "service/plan_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/plan_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string plan_href(std::int64_t plan_id, const std::string& done) {
    return "/plans/" + std::to_string(plan_id) + "?done=" + done;
}

std::optional<int> ref_param(Exchange& ex) {
    auto ref = ex.id_param("ref");
    if (!ref || *ref > 1000000) return std::nullopt;
    return static_cast<int>(*ref);
}

const domain::PlanGoal* goal_in(const service::PlanView& view, int ref) {
    for (const auto& g : view.content.goals) {
        if (g.ref == ref) return &g;
    }
    return nullptr;
}

const domain::PlanAction* action_in(const domain::PlanContent& content, int ref) {
    for (const auto& a : content.actions) {
        if (a.ref == ref) return &a;
    }
    return nullptr;
}

Response goal_page(App& app, Exchange& ex, int status, const service::PlanView& view, int ref,
                   const std::string& text, const core::Error* error) {
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Change goal "} + std::to_string(ref)},
        {"plan_id", std::to_string(view.plan.id)},
        {"ref", std::to_string(ref)},
        {"name", view.name},
        {"family", view.case_record.family_name},
        {"goal", field("text", "Goal " + std::to_string(ref), text, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "plans/goal", model);
}

/// The form for a new action (`ref` 0) or for changing one.
Response action_page(App& app, Exchange& ex, int status, const service::PlanView& view, int ref,
                     const domain::ActionForm& form, const core::Error* error) {
    Options goals{{"", "Not yet decided"}};
    for (const auto& g : view.content.goals) {
        auto text = g.text.size() > 70 ? g.text.substr(0, 67) + "..." : g.text;
        goals.emplace_back(std::to_string(g.ref), "Goal " + std::to_string(g.ref) + ": " + text);
    }
    Options owners{{"", "Not yet agreed"}};
    for (const auto& o : code_options(domain::action_owner_kinds())) owners.push_back(o);
    auto heading = ref ? "Change action " + std::to_string(ref) : std::string{"Add an action"};
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + heading},
        {"heading", heading},
        {"plan_id", std::to_string(view.plan.id)},
        {"ref", ref ? nlohmann::json(std::to_string(ref)) : nlohmann::json(false)},
        {"action",
         ref ? "/plans/" + std::to_string(view.plan.id) + "/actions/" + std::to_string(ref)
             : "/plans/" + std::to_string(view.plan.id) + "/actions"},
        {"name", view.name},
        {"family", view.case_record.family_name},
        {"goal", select_field("goal", "The goal it works towards", goals, form.goal, error)},
        {"what", field("what", "What will be done", form.what, error)},
        {"owner_kind",
         select_field("owner_kind", "Who will do it", owners, form.owner_kind, error)},
        {"owner_name",
         field("owner_name", "Their name", form.owner_name, error,
               {"text", "off", "For example, Grandma Pat or the health visitor", ""})},
        {"due", date_field("due", "By when", form.day, form.month, form.year, error,
                           "For example, 15 1 2027")},
        {"how_known",
         field("how_known", "How will everyone know it is happening?", form.how_known, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "plans/action", model);
}

Response progress_page(App& app, Exchange& ex, int status, const service::PlanView& view,
                       const domain::PlanAction& action, const domain::UpdateForm& form,
                       const core::Error* error) {
    auto today = core::london_date(app.clock().now());
    nlohmann::json history = nlohmann::json::array();
    for (const auto& u : view.updates) {
        if (u.action_ref != action.ref) continue;
        history.push_back({{"on", date_text(u.on_date)},
                           {"status", status_tag(u.status)},
                           {"note", u.note},
                           {"who", u.recorded_by_name}});
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Progress on action "} +
                      std::to_string(action.ref)},
        {"plan_id", std::to_string(view.plan.id)},
        {"name", view.name},
        {"family", view.case_record.family_name},
        {"item", action_model(view, action, today)},
        {"history", history},
        {"has_history", !history.empty()},
        {"status", radios("status", "How is it going?", code_options(domain::action_statuses()),
                          form.status, error)},
        {"note", field("note", "What has happened (optional)", form.note, error)},
        {"on", date_field("on", "Date", form.day, form.month, form.year, error,
                          "For example, 26 11 2026")},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "plans/progress", model);
}

}  // namespace

Response show_plan_goal(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    const auto* goal = goal_in(*view, *ref);
    if (!goal) return app.error_page(ex, 404);
    if (!view->draft)
        return app.error_page(ex, 409,
                              "This version of the plan has been agreed. Start changes "
                              "to make a new version.");
    return goal_page(app, ex, 200, *view, *ref, goal->text, nullptr);
}

Response update_plan_goal(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    domain::GoalForm form{ex.form->get("text")};
    auto saved = app.plans().update_goal(ex.actor(), *id, *ref, form);
    if (saved) return Response::redirect(plan_href(*id, "goal"));
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return goal_page(app, ex, 422, *view, *ref, form.text, &saved.error());
}

Response remove_plan_goal(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    auto removed = app.plans().remove_goal(ex.actor(), *id, *ref);
    if (!removed) return app.error(ex, removed.error());
    return Response::redirect(plan_href(*id, "removed"));
}

Response new_plan_action(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    domain::ActionForm form;
    form.goal = ex.query().get("goal");
    if (!goal_in(*view, std::atoi(form.goal.c_str()))) form.goal.clear();
    return action_page(app, ex, 200, *view, 0, form, nullptr);
}

Response add_plan_action(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = action_form(*ex.form);
    auto added = app.plans().add_action(ex.actor(), *id, form);
    if (added) return Response::redirect(plan_href(*id, "action"));
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return action_page(app, ex, 422, *view, 0, form, &added.error());
}

Response show_plan_action(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    const auto* action = action_in(view->content, *ref);
    if (!action) return app.error_page(ex, 404);
    if (!view->draft)
        return app.error_page(ex, 409,
                              "This version of the plan has been agreed. Start changes "
                              "to make a new version.");
    return action_page(app, ex, 200, *view, *ref, action_form_from(*action), nullptr);
}

Response update_plan_action(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    auto form = action_form(*ex.form);
    auto saved = app.plans().update_action(ex.actor(), *id, *ref, form);
    if (saved) return Response::redirect(plan_href(*id, "action"));
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return action_page(app, ex, 422, *view, *ref, form, &saved.error());
}

Response remove_plan_action(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    auto removed = app.plans().remove_action(ex.actor(), *id, *ref);
    if (!removed) return app.error(ex, removed.error());
    return Response::redirect(plan_href(*id, "removed"));
}

Response show_action_progress(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    auto plan = app.plans().view(ex.actor(), *id);
    if (!plan) return app.error(ex, plan.error());
    if (!plan->plan.in_force) return app.error_page(ex, 404);
    auto view = app.plans().view(ex.actor(), *id, *plan->plan.in_force);
    if (!view) return app.error(ex, view.error());
    const auto* action = action_in(view->content, *ref);
    if (!action) return app.error_page(ex, 404);
    auto parts = core::london_date(app.clock().now()).parts();
    domain::UpdateForm form{view->status_of(*ref), "", parts.day, parts.month, parts.year};
    return progress_page(app, ex, 200, *view, *action, form, nullptr);
}

Response add_action_progress(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ref_param(ex);
    if (!id || !ref) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::UpdateForm form{f.get("status"), f.get("note"), f.get("on-day"), f.get("on-month"),
                            f.get("on-year")};
    auto saved = app.plans().add_update(ex.actor(), *id, *ref, form);
    if (saved) return Response::redirect(plan_href(*id, "progress"));
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    auto plan = app.plans().view(ex.actor(), *id);
    if (!plan) return app.error(ex, plan.error());
    auto view = app.plans().view(ex.actor(), *id, plan->plan.in_force);
    if (!view) return app.error(ex, view.error());
    const auto* action = action_in(view->content, *ref);
    if (!action) return app.error_page(ex, 404);
    return progress_page(app, ex, 422, *view, *action, form, &saved.error());
}

}  // namespace signs::web::handlers
