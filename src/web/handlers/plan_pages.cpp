#include "core/london_time.hpp"
#include "service/mapping_service.hpp"
#include "service/plan_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/handlers/plan_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// A plan version number named in the query string; nothing when it is not one.
std::optional<int> version_number(const Form& query, std::string_view name) {
    auto number = query.number(name);
    if (!number || *number > 1000000) return std::nullopt;
    return static_cast<int>(*number);
}

Response new_plan_page(App& app, Exchange& ex, int status, std::int64_t case_id,
                       const std::string& chosen, const core::Error* error) {
    auto view = app.casework().view_case(ex.actor(), case_id);
    if (!view) return app.error(ex, view.error());
    auto mappings = app.mappings().for_case(ex.actor(), case_id);
    if (!mappings) return app.error(ex, mappings.error());
    Options options;
    for (const auto& m : *mappings) {
        options.emplace_back(
            std::to_string(m.id),
            date_text(m.held_on) + ": " +
                std::string{domain::label_for(domain::mapping_purposes(), m.purpose)} + " (" +
                std::string{domain::label_for(domain::mapping_statuses(), m.status)} + ")");
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Start a plan"}},
        {"case_id", std::to_string(case_id)},
        {"family", view->record.family_name},
        {"has_mappings", !options.empty()},
        {"mapping",
         radios("mapping", "Which mapping is the plan built from?", options,
                chosen.empty() && !options.empty() ? options.front().first : chosen, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "plans/new", model);
}

nlohmann::json version_model(const store::PlanVersionRecord& v, int shown, std::int64_t plan_id) {
    std::string state = v.status == "agreed" ? "Agreed on " + date_text(v.agreed_on) : "Draft";
    if (v.status == "agreed" && !v.agreed_where.empty()) state += " at " + v.agreed_where;
    return {{"number", std::to_string(v.number)},
            {"href", "/plans/" + std::to_string(plan_id) + "?version=" + std::to_string(v.number)},
            {"state", state},
            {"current", v.number == shown}};
}

nlohmann::json done_text(const std::string& done) {
    static const std::map<std::string, std::string, std::less<>> kMessages = {
        {"started", "Plan started"},    {"goal", "Goal saved"},
        {"action", "Action saved"},     {"removed", "Removed"},
        {"agreed", "Plan agreed"},      {"changes", "New draft version started"},
        {"progress", "Progress saved"},
    };
    auto it = kMessages.find(done);
    return it == kMessages.end() ? nlohmann::json(false) : nlohmann::json(it->second);
}

/// Each child's own Safety House, as they said it: the plan should keep to it.
nlohmann::json safety_houses_model(const std::vector<service::LatestSafetyHouse>& houses) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [record_id, house, shared_with_family] : houses) {
        nlohmann::json rows = nlohmann::json::array();
        auto row = [&](const char* label, const std::string& value) {
            if (!value.empty()) rows.push_back({{"label", label}, {"value", value}});
        };
        row("Inside the house", house.inside);
        row("On the path, if they keep the rules", house.path);
        row("Outside", house.outside);
        row("The rules", house.rules);
        if (house.place)
            row("Where they put themself on the path", std::to_string(*house.place) + " out of 10");
        out.push_back({{"child", house.child},
                       {"href", "/child-voice/" + std::to_string(record_id)},
                       {"rows", rows},
                       {"not_for_family", !shared_with_family}});
    }
    return out;
}

Response plan_page(App& app, Exchange& ex, int status, const service::PlanView& view,
                   const domain::AgreeForm& agree, const std::string& goal_text,
                   const core::Error* error) {
    auto today = core::london_date(app.clock().now());
    auto plan_id = std::to_string(view.plan.id);
    nlohmann::json goals = nlohmann::json::array();
    for (const auto& g : view.content.goals) {
        nlohmann::json actions = nlohmann::json::array();
        for (const auto& a : view.content.actions) {
            if (a.goal_ref == g.ref) actions.push_back(action_model(view, a, today));
        }
        goals.push_back({{"ref", std::to_string(g.ref)},
                         {"text", g.text},
                         {"actions", actions},
                         {"has_actions", !actions.empty()}});
    }
    nlohmann::json loose = nlohmann::json::array();
    for (const auto& a : view.content.actions) {
        if (a.goal_ref == 0) loose.push_back(action_model(view, a, today));
    }
    int overdue = view.overdue;
    std::map<int, std::string> action_names;
    for (const auto& a : view.content.actions) action_names[a.ref] = a.what;
    nlohmann::json progress = nlohmann::json::array();
    for (const auto& u : view.updates) {
        auto name = action_names.contains(u.action_ref) ? action_names[u.action_ref]
                                                        : "An action no longer in the plan";
        progress.push_back({{"on", date_text(u.on_date)},
                            {"action", "Action " + std::to_string(u.action_ref) + ": " + name},
                            {"status", status_tag(u.status)},
                            {"note", u.note},
                            {"who", u.recorded_by_name}});
    }
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : view.versions)
        versions.push_back(version_model(v, view.shown, view.plan.id));
    const auto& shown = view.version();
    bool latest = view.shown == view.plan.latest_version;
    bool open = view.case_record.closed_on.empty();
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : view.agreement_problems) problems.push_back(p);
    Options compare_options;
    for (const auto& v : view.versions)
        compare_options.emplace_back(std::to_string(v.number),
                                     "Version " + std::to_string(v.number));
    auto earlier = std::to_string(std::max(1, view.shown - 1));
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + view.name},
        {"plan_id", plan_id},
        {"case_id", std::to_string(view.case_record.id)},
        {"family", view.case_record.family_name},
        {"name", view.name},
        {"version", std::to_string(view.shown)},
        {"state", version_model(shown, view.shown, view.plan.id)["state"]},
        {"in_force", view.plan.in_force == view.shown},
        {"superseded", shown.status == "agreed" && view.plan.in_force != view.shown},
        {"draft", view.draft},
        {"goals", goals},
        {"has_goals", !goals.empty()},
        {"loose", loose},
        {"has_loose", !loose.empty()},
        {"overdue", overdue == 0 ? nlohmann::json(false)
                                 : nlohmann::json(std::to_string(overdue) +
                                                  (overdue == 1 ? " action is" : " actions are") +
                                                  " overdue")},
        {"safety_houses", safety_houses_model(view.safety_houses)},
        {"has_safety_houses", !view.safety_houses.empty()},
        {"bottom_lines", view.bottom_lines},
        {"has_bottom_lines", !view.bottom_lines.empty()},
        {"problems", problems},
        {"has_problems", !problems.empty()},
        {"can_agree", view.draft && problems.empty()},
        {"can_change", latest && open && shown.status == "agreed"},
        {"progress", progress},
        {"has_progress", !progress.empty()},
        {"versions", versions},
        {"many_versions", versions.size() > 1},
        {"compare_from", select_field("from", "From", compare_options, earlier, nullptr)},
        {"compare_to",
         select_field("to", "To", compare_options, std::to_string(view.shown), nullptr)},
        {"goal", field("text", "A new goal", goal_text, error,
                       {"text", "off",
                        "What the people around the child will do, so that the "
                        "child is safe and well",
                        ""})},
        {"agreed", date_field("agreed", "Date it was agreed", agree.day, agree.month, agree.year,
                              error, "For example, 26 11 2026")},
        {"where", field("where", "Where it was agreed (optional)", agree.where, error,
                        {"text", "off", "For example, initial child protection conference", ""})},
        {"done", done_text(ex.query().get("done"))},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "plans/plan", model);
}

/// An action in one line, for comparing versions.
std::string described(const domain::PlanAction& a) {
    return a.what + " (who: " + owner_text(a) +
           "; by when: " + (a.due_on.empty() ? "not yet agreed" : date_text(a.due_on)) +
           "; how everyone will know: " + (a.how_known.empty() ? "not yet agreed" : a.how_known) +
           (a.goal_ref ? "; goal " + std::to_string(a.goal_ref) + ")" : "; under no goal yet)");
}

domain::AgreeForm today_agreement(App& app) {
    auto parts = core::london_date(app.clock().now()).parts();
    return {parts.day, parts.month, parts.year, ""};
}

std::string plan_href(std::int64_t plan_id, const std::string& done) {
    return "/plans/" + std::to_string(plan_id) + "?done=" + done;
}

}  // namespace

Response new_plan(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    return kept_case_form(app, ex, *case_id, "",
                          [&] { return new_plan_page(app, ex, 200, *case_id, "", nullptr); });
}

Response create_plan(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto chosen = ex.form->get("mapping");
    auto started = app.plans().start(ex.actor(), *case_id, chosen);
    if (started) return Response::redirect(plan_href(*started, "started"));
    if (started.error().kind != core::ErrorKind::Invalid) return app.error(ex, started.error());
    return new_plan_page(app, ex, 422, *case_id, chosen, &started.error());
}

Response show_plan(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto asked = ex.query().get("version");
    auto version = version_number(ex.query(), "version");
    if (!asked.empty() && !version) return app.error_page(ex, 404);
    auto view = app.plans().view(ex.actor(), *id, version);
    if (!view) return app.error(ex, view.error());
    return plan_page(app, ex, 200, *view, today_agreement(app), "", nullptr);
}

Response add_plan_goal(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    domain::GoalForm form{ex.form->get("text")};
    auto added = app.plans().add_goal(ex.actor(), *id, form);
    if (added) return Response::redirect(plan_href(*id, "goal"));
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return plan_page(app, ex, 422, *view, today_agreement(app), form.text, &added.error());
}

Response agree_plan(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::AgreeForm form{f.get("agreed-day"), f.get("agreed-month"), f.get("agreed-year"),
                           f.get("where")};
    auto agreed = app.plans().agree(ex.actor(), *id, form);
    if (agreed) return Response::redirect(plan_href(*id, "agreed"));
    if (agreed.error().kind != core::ErrorKind::Invalid) return app.error(ex, agreed.error());
    auto view = app.plans().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return plan_page(app, ex, 422, *view, form, "", &agreed.error());
}

Response start_plan_changes(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto started = app.plans().start_changes(ex.actor(), *id);
    if (!started) return app.error(ex, started.error());
    return Response::redirect(plan_href(*id, "changes"));
}

Response compare_plan_versions(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto query = ex.query();
    auto from = version_number(query, "from"), to = version_number(query, "to");
    if (!from || !to) return app.error_page(ex, 404);
    auto compared = app.plans().compare(ex.actor(), *id, *from, *to);
    if (!compared) return app.error(ex, compared.error());
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : compared->changes) {
        std::string kind = c.kind == domain::PlanChange::Kind::Added     ? "Added"
                           : c.kind == domain::PlanChange::Kind::Removed ? "Removed"
                                                                         : "Changed";
        std::string parts;
        for (std::size_t i = 0; i < c.changed.size(); ++i)
            parts += (i == 0 ? "" : ", ") + c.changed[i];
        changes.push_back({{"kind", kind},
                           {"what", (c.is_goal ? "Goal " : "Action ") + std::to_string(c.ref)},
                           {"before", c.was ? described(*c.was) : c.before},
                           {"after", c.now ? described(*c.now) : c.after},
                           {"parts", parts}});
    }
    nlohmann::json model = {
        {"title", "Compare versions " + std::to_string(*from) + " and " + std::to_string(*to)},
        {"plan_id", std::to_string(*id)},
        {"from", std::to_string(*from)},
        {"to", std::to_string(*to)},
        {"changes", changes},
        {"has_changes", !changes.empty()},
    };
    return app.page(ex, 200, "plans/compare", model);
}

}  // namespace signs::web::handlers
