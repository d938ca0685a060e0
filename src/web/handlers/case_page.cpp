#include <algorithm>
#include <map>

#include "core/london_time.hpp"
#include "domain/child_voice/child_voice.hpp"
#include "domain/meetings/meeting.hpp"
#include "domain/timescales/deadline_rules.hpp"
#include "service/case_pages.hpp"
#include "web/handlers/case_lists.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/handlers/level_views.hpp"
#include "web/view_model.hpp"

// The case page, where a practitioner spends the day: everything on it comes from one read
// model (service::CasePages), and this file only turns that into the template's model.
// Opening a case outside one's own work goes through the break-glass form first.

namespace signs::web::handlers {
namespace {

Response break_glass_page(App& app, Exchange& ex, int status, std::int64_t case_id,
                          const std::string& reason, const core::Error* error) {
    nlohmann::json model = {
        {"title", error ? "Error: This case is not part of your work"
                        : "This case is not part of your work"},
        {"case_id", std::to_string(case_id)},
        {"reason", field("reason", "Why do you need to see this case now?", reason, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/break_glass", model);
}

/// Each child's latest visit and the recent visits, for the case page.
nlohmann::json visits_model(const service::CaseVisits& visits) {
    nlohmann::json last_seen = nlohmann::json::array(), recent = nlohmann::json::array();
    for (const auto& child : visits.children) {
        auto it = std::find_if(visits.latest.begin(), visits.latest.end(),
                               [&](const auto& v) { return v.child_id == child.id; });
        last_seen.push_back(
            {{"name", child.name},
             {"seen", it == visits.latest.end()
                          ? std::string{"Not seen on a visit in this case"}
                          : date_text(it->visited_on) + (it->seen_alone ? ", seen alone" : "")}});
    }
    for (const auto& v : visits.recent) {
        recent.push_back({{"on", date_text(v.visited_on)},
                          {"child", v.child_name},
                          {"alone", v.seen_alone ? "Yes" : "No"},
                          {"by", v.recorded_by_name}});
    }
    return {{"last_seen", last_seen},
            {"recent", recent},
            {"has_recent", !recent.empty()},
            {"can_record", visits.can_record}};
}

/// The success banner after a change to the case, named in the redirect's "done" value.
nlohmann::json done_message(const std::string& done) {
    static const std::map<std::string, std::string, std::less<>> kMessages = {
        {"opened", "Case opened"},
        {"level", "Service level changed"},
        {"allocated", "Case allocated"},
        {"added", "Child added to the case"},
        {"closed", "Closed"},
        {"visit", "Visit recorded"},
    };
    auto it = kMessages.find(done);
    return it == kMessages.end() ? nlohmann::json(false) : nlohmann::json(it->second);
}

Response case_page(App& app, Exchange& ex, std::int64_t id, const nlohmann::json& banner) {
    auto page = app.case_pages().case_page(ex.actor(), id);
    if (!page) return app.error(ex, page.error());
    if (page->access == service::CaseAccess::BreakGlassNeeded)
        return break_glass_page(app, ex, 403, id, "", nullptr);
    const auto* view = &page->view;
    const auto& r = view->record;
    nlohmann::json children = nlohmann::json::array();
    bool case_open = r.closed_on.empty();
    const auto& variant_names = page->variant_names;
    for (const auto& k : view->children) {
        const auto* last = k.history.empty() ? nullptr : &k.history.back();
        bool open = last && last->to_date.empty();
        auto level = open ? domain::parse_level(last->level) : std::nullopt;
        std::string level_words = "Closed";
        if (open) {
            level_words = level_text(last->level);
            if (auto category = domain::parse_category(last->category))
                level_words += " (" + std::string{domain::category_label(*category)} + ")";
        } else if (k.closure) {
            level_words = "Closed: " +
                          std::string{app.census_codes().closure_reason.label(k.closure->reason)};
        }
        children.push_back(
            {{"id", std::to_string(k.child.id)},
             {"case_id", std::to_string(r.id)},
             {"name", k.child.first_name + " " + k.child.last_name},
             {"level", level_words},
             {"open", open},
             {"variant", level ? variant_names.at(domain::variant_for(*level)) : ""},
             {"since", last ? date_text(open ? last->from_date : last->to_date) : ""}});
    }
    nlohmann::json mappings = nlohmann::json::array();
    bool any_agreed = false;
    for (const auto& m : page->mappings) {
        any_agreed = any_agreed || m.status == "agreed";
        mappings.push_back(
            {{"id", std::to_string(m.id)},
             {"held_on", date_text(m.held_on)},
             {"purpose", std::string{domain::label_for(domain::mapping_purposes(), m.purpose)}},
             {"status", std::string{domain::label_for(domain::mapping_statuses(), m.status)}}});
    }
    nlohmann::json deadlines = nlohmann::json::array();
    if (page->calendar) {
        auto today = core::london_date(app.clock().now());
        const auto& calendar = page->calendar;
        for (const auto& d : page->deadlines) {
            deadlines.push_back(
                {{"name", std::string{d.rule.name}},
                 {"due", due_model(d.due.iso(), today, *calendar, kDueSoonWorkingDays)},
                 {"rule", domain::rule_text(d.rule) + " (" + d.from.long_text() + ")"},
                 {"source", std::string{d.rule.source}},
                 {"booked", d.booked ? nlohmann::json("Arranged for " + d.booked->long_text())
                                     : nlohmann::json(false)}});
        }
    }
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& m : page->meetings) {
        const auto* type = domain::find_meeting_type(m.type);
        meetings.push_back(
            {{"id", std::to_string(m.id)},
             {"when", date_text(m.held_on) + ", " + domain::clock_text(m.start_minutes)},
             {"name", type ? std::string{type->name} : m.type},
             {"status", m.status == "cancelled" ? "Cancelled"
                        : m.status == "held"    ? "Held"
                                                : "Arranged"}});
    }
    nlohmann::json plan = false;
    if (page->plan) {
        const auto& s = *page->plan;
        std::string state = s.in_force ? "version " + std::to_string(*s.in_force) + " agreed on " +
                                             date_text(s.agreed_on)
                                       : "not yet agreed";
        if (s.in_force && !s.latest_agreed)
            state += "; version " + std::to_string(s.latest_version) + " is being drafted";
        plan = {{"id", std::to_string(s.id)},
                {"name", s.name},
                {"state", state},
                {"overdue", s.overdue == 0
                                ? nlohmann::json(false)
                                : nlohmann::json(std::to_string(s.overdue) +
                                                 (s.overdue == 1 ? " action is" : " actions are") +
                                                 " overdue")}};
    }
    bool manager = page->manager;
    nlohmann::json alerts = nlohmann::json::array();
    bool waiting = false;
    for (const auto& a : page->alerts) {
        waiting = waiting || a.seen_at.empty();
        alerts.push_back({{"id", std::to_string(a.id)},
                          {"reason", a.reason},
                          {"when", when_text(a.raised_at)},
                          {"mapping", a.mapping_id ? std::to_string(*a.mapping_id) : ""},
                          {"seen", a.seen_at.empty() ? nlohmann::json(false)
                                                     : nlohmann::json(a.seen_by_name + ", " +
                                                                      when_text(a.seen_at))},
                          {"can_mark", manager && a.seen_at.empty()}});
    }
    nlohmann::json voices = nlohmann::json::array();
    for (const auto& v : page->voices) {
        const auto* tool = domain::find_voice_tool(v.tool);
        std::string child;
        for (const auto& c : view->children)
            if (c.child.id == v.child_id) child = c.child.known_as();
        voices.push_back({{"href", "/child-voice/" + std::to_string(v.id)},
                          {"tool", tool ? std::string{tool->name} : v.tool},
                          {"child", child},
                          {"on", date_text(v.held_on)}});
    }
    nlohmann::json stories = nlohmann::json::array();
    for (const auto& s : page->stories) {
        std::string child;
        for (const auto& c : view->children)
            if (c.child.id == s.child_id) child = c.child.known_as();
        stories.push_back({{"href", "/stories/" + std::to_string(s.id)},
                           {"title", s.title},
                           {"child", child},
                           {"version", std::to_string(s.version)}});
    }
    nlohmann::json tools = nlohmann::json::array();
    for (const auto& t : domain::voice_tools())
        tools.push_back({{"code", std::string{t.code}}, {"name", std::string{t.name}}});
    nlohmann::json model = {
        {"voices", voices},
        {"stories", stories},
        {"family_plan_ready", any_agreed},
        {"has_voices", !voices.empty()},
        {"voice_tools", tools},
        {"title", r.family_name},
        {"case_id", std::to_string(r.id)},
        {"family", r.family_name},
        {"team", r.team_name.empty() ? "No team" : r.team_name},
        {"worker", r.worker_name.empty() ? "Not allocated" : r.worker_name},
        {"opened", date_text(r.opened_on)},
        {"open", case_open},
        {"mappings", mappings},
        {"alerts", alerts},
        {"has_alerts", !alerts.empty()},
        {"alerts_waiting", waiting},
        {"has_mappings", !mappings.empty()},
        {"plan", plan},
        {"meetings", meetings},
        {"deadlines", deadlines},
        {"has_deadlines", !deadlines.empty()},
        {"has_meetings", !meetings.empty()},
        {"visits", visits_model(page->visits)},
        {"closed", case_open ? "" : date_text(r.closed_on) + ": " + r.close_reason},
        {"version", std::to_string(r.version)},
        {"children", children},
        {"via_break_glass", view->via_break_glass},
        {"can_allocate", manager},
        {"done", banner},
    };
    if (manager) {
        Options workers{{"", "Nobody (leave unallocated)"}};
        for (const auto& u : page->team_members) workers.emplace_back(std::to_string(u.id), u.name);
        model["worker_field"] =
            select_field("worker", "Allocated worker", workers,
                         r.worker_id ? std::to_string(*r.worker_id) : "", nullptr);
        nlohmann::json grants = nlohmann::json::array();
        for (const auto& g : page->break_glass) {
            grants.push_back(
                {{"who", g.user_name}, {"when", when_text(g.granted_at)}, {"reason", g.reason}});
        }
        model["has_break_glass"] = !grants.empty();
        model["break_glass"] = grants;
    }
    return app.page(ex, 200, "casework/case", model);
}

}  // namespace

Response show_case(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto key = app.case_pages().case_page_key(ex.actor(), *id);
    if (!key) return app.error(ex, key.error());
    if (key->access == service::CaseAccess::BreakGlassNeeded)
        return break_glass_page(app, ex, 403, *id, "", nullptr);
    // Only the banners the page knows are part of the key, so made-up values share one page.
    auto done = ex.query().get("done");
    auto banner = done_message(done);
    return app.kept_page(ex, "case." + key->key + (banner.is_string() ? "." + done : ""),
                         [&] { return case_page(app, ex, *id, banner); });
}

Response break_glass(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    const auto& reason = ex.form->get("reason");
    auto done = app.casework().break_glass(ex.actor(), *case_id, reason);
    if (!done) {
        if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
        return break_glass_page(app, ex, 422, *case_id, reason, &done.error());
    }
    return Response::redirect("/cases/" + std::to_string(*case_id));
}

Response kept_case_form(App& app, Exchange& ex, std::int64_t case_id, const std::string& variant,
                        const std::function<Response()>& draw) {
    auto key = app.case_pages().case_page_key(ex.actor(), case_id);
    if (!key) return app.error(ex, key.error());
    if (key->access == service::CaseAccess::BreakGlassNeeded)
        return break_glass_page(app, ex, 403, case_id, "", nullptr);
    return app.kept_page(ex, "case-form." + key->key + "." + variant, draw);
}

}  // namespace signs::web::handlers
