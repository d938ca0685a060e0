// The casework API beyond reading one record: case lists, opening and changing cases, the
// child's details, addresses, network and contacts. Each reads its JSON into the same form
// the page uses and calls the same service, so the rules and the audit are the same.
#include "core/london_time.hpp"
#include "service/case_membership_service.hpp"
#include "service/casework_service.hpp"
#include "service/child_record_service.hpp"
#include "service/contact_service.hpp"
#include "web/handlers/case_lists.hpp"
#include "web/handlers/casework_json.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

Response ok(int status, const nlohmann::json& body) {
    return Response::json(status, json_text(body));
}

Response done(App& app, Exchange& ex, const core::Result<void>& result, nlohmann::json body) {
    if (!result) return app.error(ex, result.error());
    return ok(200, body);
}

/// What a change request carries: the record numbers in its path and its JSON body.
struct ApiRequest {
    std::int64_t id = 0;
    std::int64_t child = 0;  ///< for paths with a {child}
    JsonBody body;
};

/// Reads the path's numbers ("id", and "child" when `with_child`) and the body, or gives the
/// answer that refuses them.
std::expected<ApiRequest, Response> read_request(App& app, Exchange& ex, bool with_id,
                                                 bool with_child = false) {
    auto id = with_id ? ex.id_param("id") : std::optional<std::int64_t>{0};
    auto child = with_child ? ex.id_param("child") : std::optional<std::int64_t>{0};
    if (!id || !child)
        return std::unexpected(
            app.error(ex, core::Error::of(core::ErrorKind::NotFound, "Not found")));
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return std::unexpected(app.error(ex, body.error()));
    return ApiRequest{*id, *child, std::move(*body)};
}

core::Result<domain::LevelChange> level_change_from(JsonBody& body) {
    auto form = level_form_from_json(body);
    if (auto problems = body.problems()) return std::unexpected(*problems);
    return parse_level_change(form);
}

nlohmann::json contact_json(const store::ContactRecord& c) {
    return {{"id", c.id},
            {"child_id", c.child_id},
            {"child_name", c.child_name},
            {"received_at", c.received_at},
            {"channel", c.channel},
            {"referrer_name", c.referrer_name},
            {"referrer_role", c.referrer_role},
            {"referrer_agency", c.referrer_agency},
            {"referrer_contact", c.referrer_contact},
            {"worried", c.worried},
            {"working_well", c.working_well},
            {"needs_to_happen", c.needs_to_happen},
            {"scale", c.scale ? nlohmann::json(*c.scale) : nlohmann::json(nullptr)},
            {"decision_due", c.decision_due},
            {"decision", or_null(c.decision)},
            {"decision_reason", c.decision_reason},
            {"version", c.version}};
}

}  // namespace

LevelForm level_form_from_json(JsonBody& body) {
    auto date = body.date_parts("date");
    return {body.text("level"),
            body.text("category"),
            body.text("legal_status"),
            date[0],
            date[1],
            date[2],
            body.text("reason")};
}

Response api_list_cases(App& app, Exchange& ex) {
    auto rows = case_list(app, ex, CaseListChoice::from(ex.query()));
    if (!rows) return app.error(ex, rows.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : *rows) {
        list.push_back({{"case_id", r.case_id},
                        {"family_name", r.family_name},
                        {"worker", or_null(r.worker_name)},
                        {"child_id", r.child_id},
                        {"child_name", r.child_name},
                        {"level", or_null(r.level)},
                        {"level_since", or_null(r.level_since)},
                        {"next_due", or_null(r.next_due)},
                        {"alerts_waiting", r.alerts_waiting},
                        {"overdue_actions", r.overdue_actions}});
    }
    return ok(200, {{"cases", list}});
}

Response api_open_case(App& app, Exchange& ex) {
    auto call = read_request(app, ex, false);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto family = body->text("family_name");
    auto children = body->numbers("child_ids");
    auto change = level_change_from(*body);
    if (!change) return app.error(ex, change.error());
    auto opened = app.casework().open_case(ex.actor(), {family, children, *change});
    if (!opened) return app.error(ex, opened.error());
    return ok(201, {{"id", *opened}});
}

Response api_change_level(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto case_id = &call->id;
    auto child_id = &call->child;
    auto change = level_change_from(*body);
    if (!change) return app.error(ex, change.error());
    return done(app, ex, app.casework().change_level(ex.actor(), *case_id, *child_id, *change),
                {{"case_id", *case_id}, {"child_id", *child_id}});
}

Response api_allocate(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto case_id = &call->id;
    auto worker = body->number("worker_id");
    auto version = body->number("version");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    if (!version)
        return app.error(ex, core::Error::invalid({{"version", "Give the case's version"}}));
    return done(app, ex,
                app.casework().allocate(ex.actor(), *case_id, worker, static_cast<int>(*version)),
                {{"case_id", *case_id}});
}

Response api_add_to_case(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto case_id = &call->id;
    auto child = body->number("child_id");
    auto change = level_change_from(*body);
    if (!change) return app.error(ex, change.error());
    if (!child) return app.error(ex, core::Error::invalid({{"child_id", "Select a child"}}));
    return done(app, ex, app.case_membership().add_child(ex.actor(), *case_id, *child, *change),
                {{"case_id", *case_id}, {"child_id", *child}});
}

Response api_close_child(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto case_id = &call->id;
    auto child_id = &call->child;
    auto parts = body->date_parts("date");
    auto reason = body->text("reason");
    auto note = body->text("note");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto on = core::CivilDate::from_parts(parts[0], parts[1], parts[2]);
    if (!on) return app.error(ex, core::Error::invalid({{"date", "Give the date as YYYY-MM-DD"}}));
    return done(
        app, ex,
        app.case_membership().close_child(ex.actor(), *case_id, *child_id, {*on, reason, note}),
        {{"case_id", *case_id}, {"child_id", *child_id}});
}

Response api_update_child(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto id = &call->id;
    auto form = child_form_from_json(*body);
    auto version = body->number("version");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    if (!version)
        return app.error(ex, core::Error::invalid({{"version", "Give the record's version"}}));
    auto saved =
        app.child_records().update_child(ex.actor(), *id, form, static_cast<int>(*version));
    if (!saved) return app.error(ex, saved.error());
    auto child = app.child_records().child_for_edit(ex.actor(), *id);
    if (!child) return app.error(ex, child.error());
    auto json = child_json(*child);
    json["version"] = child->version;
    return ok(200, json);
}

Response api_add_address(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto id = &call->id;
    auto parts = body->date_parts("moved_in");
    domain::AddressForm form{body->text("lines"), body->text("postcode"), parts[0], parts[1],
                             parts[2]};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto added = app.child_records().add_address(ex.actor(), *id, form);
    if (!added) return app.error(ex, added.error());
    return ok(201, {{"child_id", *id}});
}

Response api_network(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error(ex, core::Error::of(core::ErrorKind::NotFound, "Not found"));
    auto view = app.casework().view_child(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    nlohmann::json people = nlohmann::json::array();
    for (const auto& n : view->network) {
        people.push_back({{"person_id", n.person.id},
                          {"first_name", n.person.first_name},
                          {"last_name", n.person.last_name},
                          {"relationship", n.relationship},
                          {"parental_responsibility", n.parental_responsibility},
                          {"lives_with_child", n.lives_with_child},
                          {"safety_network", n.safety_network},
                          {"phone", n.person.phone},
                          {"email", n.person.email}});
    }
    nlohmann::json professionals = nlohmann::json::array();
    for (const auto& p : view->professionals) {
        professionals.push_back({{"name", p.name},
                                 {"role", p.role},
                                 {"agency", p.agency},
                                 {"phone", p.phone},
                                 {"email", p.email}});
    }
    return ok(200, {{"people", people}, {"professionals", professionals}});
}

Response api_add_network_member(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto id = &call->id;
    auto yes_no = [&](const char* name) { return body->flag(name) ? "yes" : "no"; };
    domain::NetworkMemberForm form{body->text("first_name"),   body->text("last_name"),
                                   body->text("relationship"), yes_no("parental_responsibility"),
                                   yes_no("lives_with_child"), yes_no("safety_network"),
                                   body->text("phone"),        body->text("email"),
                                   body->text("address")};
    auto existing = body->number("person_id");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto added = app.casework().add_network_member(ex.actor(), *id, form, existing);
    if (!added) return app.error(ex, added.error());
    return ok(201, {{"person_id", *added}});
}

Response api_list_contacts(App& app, Exchange& ex) {
    auto waiting = app.contacts().awaiting_decision(ex.actor());
    if (!waiting) return app.error(ex, waiting.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : *waiting) list.push_back(contact_json(c));
    return ok(200, {{"contacts", list}});
}

Response api_show_contact(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error(ex, core::Error::of(core::ErrorKind::NotFound, "Not found"));
    auto view = app.contacts().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return ok(200, contact_json(view->record));
}

Response api_create_contact(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto id = &call->id;
    // received_at is a London local time, "YYYY-MM-DDTHH:MM".
    auto received = body->text("received_at");
    domain::ContactForm form;
    if (received.size() == 16 && received[10] == 'T' && received[13] == ':') {
        if (auto day = core::CivilDate::parse_iso(received.substr(0, 10))) {
            auto parts = day->parts();
            form.day = parts.day;
            form.month = parts.month;
            form.year = parts.year;
        }
        form.hour = received.substr(11, 2);
        form.minute = received.substr(14, 2);
    }
    form.channel = body->text("channel");
    form.referrer_name = body->text("referrer_name");
    form.referrer_role = body->text("referrer_role");
    form.referrer_agency = body->text("referrer_agency");
    form.referrer_contact = body->text("referrer_contact");
    form.worried = body->text("worried");
    form.working_well = body->text("working_well");
    form.needs_to_happen = body->text("needs_to_happen");
    if (auto scale = body->number("scale")) form.scale = std::to_string(*scale);
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto recorded = app.contacts().record(ex.actor(), *id, form);
    if (!recorded) return app.error(ex, recorded.error());
    auto view = app.contacts().view(ex.actor(), *recorded);
    if (!view) return app.error(ex, view.error());
    return ok(201, contact_json(view->record));
}

Response api_decide_contact(App& app, Exchange& ex) {
    auto call = read_request(app, ex, true);
    if (!call) return std::move(call.error());
    auto* body = &call->body;
    auto id = &call->id;
    domain::DecisionForm form{body->text("decision"), body->text("reason"),
                              body->text("referral_source")};
    auto version = body->number("version");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    if (!version)
        return app.error(ex, core::Error::invalid({{"version", "Give the contact's version"}}));
    return done(app, ex, app.contacts().decide(ex.actor(), *id, form, static_cast<int>(*version)),
                {{"id", *id}});
}

}  // namespace signs::web::handlers
