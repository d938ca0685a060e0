#include <cstdio>

#include "core/london_time.hpp"
#include "service/contact_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/handlers/level_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

domain::ContactForm contact_form(const Form& f) {
    return {f.get("received-day"),    f.get("received-month"),
            f.get("received-year"),   f.get("received-hour"),
            f.get("received-minute"), f.get("channel"),
            f.get("referrer_name"),   f.get("referrer_role"),
            f.get("referrer_agency"), f.get("referrer_contact"),
            f.get("worried"),         f.get("working_well"),
            f.get("needs_to_happen"), f.get("scale")};
}

nlohmann::json due_json(App& app, const std::string& due_iso) {
    return due_model(due_iso, core::london_date(app.clock().now()), *app.calendar());
}

Response new_contact_page(App& app, Exchange& ex, int status, const store::ChildRecord& child,
                          const domain::ContactForm& form, const core::Error* error) {
    std::string name = child.first_name + " " + child.last_name;
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Record a contact"}},
        {"child_id", std::to_string(child.id)},
        {"child_name", name},
        {"received", date_field("received", "Date received", form.day, form.month, form.year, error,
                                "For example, 27 3 2026")},
        {"received_time", time_field("received", "Time received", form.hour, form.minute, error,
                                     "Use the 24-hour clock, for example 14 05")},
        {"channel", radios("channel", "How did it reach us?",
                           code_options(domain::contact_channels()), form.channel, error)},
        {"referrer_name", field("referrer_name", "Their name", form.referrer_name, error)},
        {"referrer_role",
         field("referrer_role", "Who they are to " + child.first_name + ", or their job",
               form.referrer_role, error,
               {"text", "off", "For example, class teacher, grandmother, neighbour", ""})},
        {"referrer_agency",
         field("referrer_agency", "Organisation (optional)", form.referrer_agency, error)},
        {"referrer_contact",
         field("referrer_contact", "How to reach them (optional)", form.referrer_contact, error,
               {"text", "off", "A phone number or email address", ""})},
        {"worried", field("worried", "What are they worried about?", form.worried, error,
                          {"text", "off",
                           "In their words: what has happened, and what they "
                           "think could happen",
                           ""})},
        {"working_well", field("working_well", "What do they think is working well? (optional)",
                               form.working_well, error)},
        {"needs_to_happen",
         field("needs_to_happen", "What do they think needs to happen? (optional)",
               form.needs_to_happen, error)},
        {"scale", field("scale", "Their scale, from 0 to 10 (optional)", form.scale, error,
                        {"text", "off", std::string{domain::kContactScaleQuestion},
                         "govuk-input--width-2"})},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "contacts/new", model);
}

Response contact_page(App& app, Exchange& ex, int status, std::int64_t id,
                      const domain::DecisionForm& form, const core::Error* error) {
    auto view = app.contacts().view(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    const auto& c = view->record;
    auto received = core::from_storage(c.received_at);
    Options decisions = code_options(domain::contact_decisions());
    bool decided = !c.decision.empty();
    std::string suggested_level = c.decision == "early-help" ? "early-help" : "child-in-need";
    bool leads_to_case =
        c.decision == "early-help" || c.decision == "assessment" || c.decision == "strategy";
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Contact about "} + c.child_name},
        {"id", std::to_string(c.id)},
        {"child_id", std::to_string(c.child_id)},
        {"child_name", c.child_name},
        {"received", received ? core::london_text(*received) : ""},
        {"channel", std::string{domain::label_for(domain::contact_channels(), c.channel)}},
        {"referrer", c.referrer_name + " (" + c.referrer_role +
                         (c.referrer_agency.empty() ? "" : ", " + c.referrer_agency) + ")"},
        {"reach", c.referrer_contact.empty() ? "Not given" : c.referrer_contact},
        {"worried", c.worried},
        {"working_well", c.working_well.empty() ? "Nothing said" : c.working_well},
        {"needs_to_happen", c.needs_to_happen.empty() ? "Nothing said" : c.needs_to_happen},
        {"scale", c.scale ? std::to_string(*c.scale) + " out of 10" : "Not given"},
        {"scale_question", c.scale_question},
        {"recorded_by", c.recorded_by_name},
        {"due", due_json(app, c.decision_due)},
        {"decided", decided},
        {"decision", std::string{domain::label_for(domain::contact_decisions(), c.decision)}},
        {"decision_reason", c.decision_reason},
        {"decided_by", c.decided_by_name},
        {"decided_at", c.decided_at.empty() ? "" : when_text(c.decided_at)},
        {"version", std::to_string(c.version)},
        {"offer_case", decided && leads_to_case && !view->child_in_open_case},
        {"suggested_level", suggested_level},
        {"decision_field",
         radios("decision", "What happens next?", decisions, form.decision, error)},
        {"reason_field", field("reason", "Why", form.reason, error)},
        {"source_field",
         [&] {
             auto sources = code_options(app.census_codes().referral_source.entries());
             sources.insert(sources.begin(), {"", "Choose who made the referral"});
             return select_field("referral_source", "Who made the referral", sources,
                                 form.referral_source, error,
                                 "Needed when the contact goes on for a social work assessment "
                                 "or a strategy discussion, which makes it a referral.");
         }()},
        {"done", ex.query().get("done") == "recorded"  ? nlohmann::json("Contact recorded")
                 : ex.query().get("done") == "decided" ? nlohmann::json("Decision recorded")
                                                       : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "contacts/show", model);
}

}  // namespace

Response list_contacts(App& app, Exchange& ex) {
    auto awaiting = app.contacts().awaiting_decision(ex.actor());
    if (!awaiting) return app.error(ex, awaiting.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : *awaiting) {
        auto received = core::from_storage(c.received_at);
        rows.push_back({{"id", std::to_string(c.id)},
                        {"child", c.child_name},
                        {"received", received ? core::london_text(*received) : ""},
                        {"from", c.referrer_name + " (" + c.referrer_role + ")"},
                        {"due", due_json(app, c.decision_due)}});
    }
    return app.page(ex, 200, "contacts/list",
                    {{"title", "Contacts waiting for a decision"},
                     {"has_contacts", !rows.empty()},
                     {"contacts", rows}});
}

Response new_contact(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    // The form starts at the present minute, so the kept copy lasts a minute at most.
    auto today = today_form(app);
    auto clock = core::london_clock(app.clock().now());
    domain::ContactForm form;
    form.day = today.day;
    form.month = today.month;
    form.year = today.year;
    form.hour = std::to_string(clock.hour);
    char minute[4];
    std::snprintf(minute, sizeof minute, "%02d", clock.minute);
    form.minute = minute;
    auto minute_key =
        form.year + "-" + form.month + "-" + form.day + "T" + form.hour + ":" + form.minute;
    return kept_child_form(app, ex, *id, minute_key, false, "edit",
                           [&](const store::ChildRecord& child) {
                               return new_contact_page(app, ex, 200, child, form, nullptr);
                           });
}

Response create_contact(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = contact_form(*ex.form);
    auto recorded = app.contacts().record(ex.actor(), *id, form);
    if (recorded)
        return Response::redirect("/contacts/" + std::to_string(*recorded) + "?done=recorded");
    if (recorded.error().kind != core::ErrorKind::Invalid) return app.error(ex, recorded.error());
    auto child = app.child_records().child_for_edit(ex.actor(), *id);
    if (!child) return app.error(ex, child.error());
    return new_contact_page(app, ex, 422, *child, form, &recorded.error());
}

Response show_contact(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return contact_page(app, ex, 200, *id, {}, nullptr);
}

Response decide_contact(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    domain::DecisionForm form{ex.form->get("decision"), ex.form->get("reason"),
                              ex.form->get("referral_source")};
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto done = app.contacts().decide(ex.actor(), *id, form, *version);
    if (done) return Response::redirect("/contacts/" + std::to_string(*id) + "?done=decided");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return contact_page(app, ex, 422, *id, form, &done.error());
}

}  // namespace signs::web::handlers
