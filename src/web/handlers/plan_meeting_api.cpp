// Plans, meetings, deadlines and visits through the API: the same services as the pages, so
// the same access rules, checks and audit.
#include "core/london_time.hpp"
#include "domain/meetings/meeting.hpp"
#include "domain/plans/plan.hpp"
#include "service/deadline_service.hpp"
#include "service/meeting_service.hpp"
#include "service/plan_service.hpp"
#include "service/visit_service.hpp"
#include "web/handlers/handlers.hpp"
#include "web/json_body.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// A read of part of a case through the API is a view of the case, as opening its page is.
void viewed(App& app, Exchange& ex, std::int64_t case_id, const std::string& part) {
    app.audit_writer().record_view(ex.actor(),
                                   {"view", "case", std::to_string(case_id), "api: " + part});
}

nlohmann::json plan_json(const service::PlanView& v, core::CivilDate today) {
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& version : v.versions) {
        versions.push_back({{"number", version.number},
                            {"status", version.status},
                            {"variant", version.variant},
                            {"agreed_on", version.agreed_on},
                            {"agreed_where", version.agreed_where}});
    }
    nlohmann::json goals = nlohmann::json::array();
    for (const auto& g : v.content.goals) goals.push_back({{"ref", g.ref}, {"text", g.text}});
    nlohmann::json actions = nlohmann::json::array();
    bool in_force = v.plan.in_force && *v.plan.in_force == v.shown;
    for (const auto& a : v.content.actions) {
        auto status = v.status_of(a.ref);
        actions.push_back(
            {{"ref", a.ref},
             {"goal_ref", a.goal_ref == 0 ? nlohmann::json(nullptr) : nlohmann::json(a.goal_ref)},
             {"what", a.what},
             {"owner_kind", a.owner_kind},
             {"owner_name", a.owner_name},
             {"due_on", a.due_on},
             {"how_known", a.how_known},
             {"status", status},
             {"overdue", in_force && domain::action_overdue(a, status, today)}});
    }
    nlohmann::json updates = nlohmann::json::array();
    for (const auto& u : v.updates) {
        updates.push_back({{"action_ref", u.action_ref},
                           {"status", u.status},
                           {"note", u.note},
                           {"on", u.on_date},
                           {"recorded_by", u.recorded_by_name},
                           {"recorded_at", u.recorded_at}});
    }
    return {
        {"id", v.plan.id},
        {"case_id", v.plan.case_id},
        {"name", v.name},
        {"version", v.shown},
        {"status", v.version().status},
        {"in_force", v.plan.in_force ? nlohmann::json(*v.plan.in_force) : nlohmann::json(nullptr)},
        {"versions", versions},
        {"bottom_lines", v.bottom_lines},
        {"goals", goals},
        {"actions", actions},
        {"updates", updates},
        {"overdue_actions", v.overdue},
        {"agreement_problems", v.agreement_problems}};
}

Response plan_answer(App& app, Exchange& ex, std::int64_t plan_id, std::optional<int> version,
                     int status = 200) {
    auto view = app.plans().view(ex.actor(), plan_id, version);
    if (!view) return app.error(ex, view.error());
    return Response::json(status,
                          json_text(plan_json(*view, core::london_date(app.clock().now()))));
}

nlohmann::json meeting_json(const store::MeetingRecord& m) {
    return {{"id", m.id},
            {"case_id", m.case_id},
            {"type", m.type},
            {"held_on", m.held_on},
            {"start", clock_json(m.start_minutes)},
            {"end", clock_json(m.end_minutes)},
            {"time_zone", "Europe/London"},
            {"venue", m.venue},
            {"remote", m.remote},
            {"chair", m.chair},
            {"status", m.status},
            {"cancel_reason", m.cancel_reason},
            {"child_ids", m.child_ids},
            {"mapping_id", m.mapping_id ? nlohmann::json(*m.mapping_id) : nlohmann::json(nullptr)},
            {"decision", m.decision},
            {"plan_needed", m.plan_needed},
            {"category", m.category},
            {"plan_version",
             m.plan_version ? nlohmann::json(*m.plan_version) : nlohmann::json(nullptr)},
            {"next_on", m.next_on},
            {"version", m.version}};
}

Response meeting_answer(App& app, Exchange& ex, std::int64_t id, int status = 200) {
    auto view = app.meetings().view(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    auto out = meeting_json(view->meeting);
    nlohmann::json invitees = nlohmann::json::array();
    for (const auto& i : view->invitees) {
        invitees.push_back({{"id", i.id},
                            {"name", i.name},
                            {"kind", i.kind},
                            {"role", i.role},
                            {"email", i.email},
                            {"attendance", i.attendance},
                            {"reason", i.reason},
                            {"dissent", i.dissent}});
    }
    out["invitees"] = invitees;
    return Response::json(status, json_text(out));
}

nlohmann::json visit_json(const store::VisitRecord& v) {
    return {{"id", v.id},
            {"child_id", v.child_id},
            {"child_name", v.child_name},
            {"visited_on", v.visited_on},
            {"seen_alone", v.seen_alone},
            {"recorded_by", v.recorded_by_name},
            {"recorded_at", v.recorded_at}};
}

Response visits_answer(App& app, Exchange& ex, std::int64_t case_id, int status = 200) {
    auto visits = app.visits().for_case(ex.actor(), case_id);
    if (!visits) return app.error(ex, visits.error());
    viewed(app, ex, case_id, "visits");
    nlohmann::json latest = nlohmann::json::array(), recent = nlohmann::json::array();
    for (const auto& v : visits->latest) latest.push_back(visit_json(v));
    for (const auto& v : visits->recent) recent.push_back(visit_json(v));
    return Response::json(
        status, json_text({{"case_id", case_id}, {"latest", latest}, {"recent", recent}}));
}

}  // namespace

Response api_case_plan(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto summary = app.plans().summary(ex.actor(), *case_id);
    if (!summary) return app.error(ex, summary.error());
    if (!*summary)
        return app.error(ex, core::Error::of(core::ErrorKind::NotFound, "This case has no plan"));
    return plan_answer(app, ex, (*summary)->id, std::nullopt);
}

Response api_show_plan(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    std::optional<int> version;
    if (ex.query().has("version")) {
        auto asked = ex.query().version();
        if (!asked) return api_not_found(app, ex);
        version = *asked;
    }
    return plan_answer(app, ex, *id, version);
}

Response api_add_plan_progress(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto ref = ex.id_param("ref");
    if (!id || !ref || *ref > 1000000) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto on = body->date_parts("on");
    domain::UpdateForm form{body->text("status"), body->text("note"), on[0], on[1], on[2]};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto added = app.plans().add_update(ex.actor(), *id, static_cast<int>(*ref), form);
    if (!added) return app.error(ex, added.error());
    return plan_answer(app, ex, *id, std::nullopt, 201);
}

Response api_case_meetings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto list = app.meetings().for_case(ex.actor(), *case_id);
    if (!list) return app.error(ex, list.error());
    viewed(app, ex, *case_id, "meetings");
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& m : *list) meetings.push_back(meeting_json(m));
    return Response::json(200, json_text({{"case_id", *case_id}, {"meetings", meetings}}));
}

Response api_show_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    return meeting_answer(app, ex, *id);
}

Response api_arrange_meeting(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto date = body->date_parts("held_on");
    auto [start_hour, start_minute] = body->clock_parts("start");
    auto [end_hour, end_minute] = body->clock_parts("end");
    std::vector<std::string> children;
    for (auto id : body->numbers("child_ids")) children.push_back(std::to_string(id));
    domain::MeetingForm form{body->text("type"),
                             date[0],
                             date[1],
                             date[2],
                             start_hour,
                             start_minute,
                             end_hour,
                             end_minute,
                             body->text("venue"),
                             body->flag("remote") ? "yes" : "",
                             body->text("chair"),
                             children};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto arranged = app.meetings().arrange(ex.actor(), *case_id, form);
    if (!arranged) return app.error(ex, arranged.error());
    return meeting_answer(app, ex, *arranged, 201);
}

Response api_case_deadlines(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto due = app.deadlines().for_case(ex.actor(), *case_id);
    if (!due) return app.error(ex, due.error());
    viewed(app, ex, *case_id, "deadlines");
    auto today = core::london_date(app.clock().now());
    nlohmann::json deadlines = nlohmann::json::array();
    for (const auto& d : *due) {
        deadlines.push_back({{"rule", std::string{d.rule.code}},
                             {"name", std::string{d.rule.name}},
                             {"rule_text", domain::rule_text(d.rule)},
                             {"source", std::string{d.rule.source}},
                             {"from_on", d.from.iso()},
                             {"due_on", d.due.iso()},
                             {"booked_on", d.booked ? d.booked->iso() : ""},
                             {"overdue", d.due < today}});
    }
    return Response::json(200, json_text({{"case_id", *case_id}, {"deadlines", deadlines}}));
}

Response api_case_visits(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    return visits_answer(app, ex, *case_id);
}

Response api_record_visit(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto date = body->date_parts("visited_on");
    domain::VisitForm form{date[0], date[1], date[2], {}};
    for (auto id : body->numbers("seen")) form.seen[id] = "yes";
    for (auto id : body->numbers("seen_alone")) form.seen[id] = "alone";
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto recorded = app.visits().record(ex.actor(), *case_id, form);
    if (!recorded) return app.error(ex, recorded.error());
    return visits_answer(app, ex, *case_id, 201);
}

}  // namespace signs::web::handlers
