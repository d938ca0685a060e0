#include "core/london_time.hpp"
#include "service/meeting_service.hpp"
#include "web/downloads.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string meeting_href(std::int64_t id, const std::string& done = "") {
    return "/meetings/" + std::to_string(id) + (done.empty() ? "" : "?done=" + done);
}

domain::MeetingForm meeting_form(const Form& f) {
    return {f.get("type"),       f.get("date-day"),     f.get("date-month"), f.get("date-year"),
            f.get("start-hour"), f.get("start-minute"), f.get("end-hour"),   f.get("end-minute"),
            f.get("venue"),      f.get("remote"),       f.get("chair"),      f.get_all("children")};
}

domain::MeetingForm form_from(const store::MeetingRecord& m) {
    auto parts = core::CivilDate::parse_iso(m.held_on)->parts();
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    domain::MeetingForm form{m.type,
                             parts.day,
                             parts.month,
                             parts.year,
                             std::to_string(m.start_minutes / 60),
                             two(m.start_minutes % 60),
                             std::to_string(m.end_minutes / 60),
                             two(m.end_minutes % 60),
                             m.venue,
                             m.remote ? "yes" : "",
                             m.chair,
                             {}};
    for (auto id : m.child_ids) form.child_ids.push_back(std::to_string(id));
    return form;
}

/// The arrange form (no `meeting`) or the form to move one.
Response meeting_form_page(App& app, Exchange& ex, int status, std::int64_t case_id,
                           const store::MeetingRecord* meeting, const domain::MeetingForm& form,
                           const core::Error* error) {
    auto choices = app.meetings().choices(ex.actor(), case_id);
    if (!choices) return app.error(ex, choices.error());
    Options types, children;
    for (const auto* t : choices->types)
        types.emplace_back(std::string{t->code}, std::string{t->name});
    for (const auto& c : choices->children)
        children.emplace_back(std::to_string(c.id), c.first_name + " " + c.last_name);
    auto heading = meeting ? std::string{"Move or change the meeting"} : "Arrange a meeting";
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + heading},
        {"heading", heading},
        {"case_id", std::to_string(case_id)},
        {"family", choices->case_record.family_name},
        {"action", meeting ? meeting_href(meeting->id) + "/change"
                           : "/cases/" + std::to_string(case_id) + "/meetings"},
        {"back", meeting ? meeting_href(meeting->id) : "/cases/" + std::to_string(case_id)},
        {"version", meeting ? std::to_string(meeting->version) : ""},
        {"moving", meeting != nullptr},
        {"type", meeting ? nlohmann::json(false)
                         : radios("type", "Kind of meeting", types, form.type, error)},
        {"kept_type", meeting ? form.type : ""},
        {"date", date_field("date", "Date", form.day, form.month, form.year, error,
                            "For example, 3 12 2026")},
        {"start", time_field("start", "Starts at", form.start_hour, form.start_minute, error,
                             "London time, on the 24-hour clock: for example, 10 00")},
        {"end", time_field("end", "Ends at", form.end_hour, form.end_minute, error)},
        {"remote", checkboxes("remote", "Remote meeting", {{"yes", "Held by video or phone"}},
                              {form.remote}, error)},
        {"venue", field("venue", "Where, or how to join", form.venue, error,
                        {"text", "off", "For example, Macclesfield Town Hall, room 4", ""})},
        {"chair", field("chair", "Chaired by", form.chair, error)},
        {"children",
         checkboxes("children", "Which children is it about?", children, form.child_ids, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "meetings/form", model);
}

nlohmann::json done_text(const std::string& done) {
    static const std::map<std::string, std::string, std::less<>> kMessages = {
        {"arranged", "Meeting arranged"},   {"moved", "Meeting changed"},
        {"cancelled", "Meeting cancelled"}, {"invited", "Invitation added"},
        {"attendance", "Attendance saved"}, {"dissent", "Saved"},
        {"recorded", "Meeting recorded"},
    };
    auto it = kMessages.find(done);
    return it == kMessages.end() ? nlohmann::json(false) : nlohmann::json(it->second);
}

struct MeetingPageForms {
    domain::InviteeForm invitee;
    domain::OutcomeForm outcome;
    std::string cancel_reason;
};

Response meeting_page(App& app, Exchange& ex, int status, const service::MeetingView& view,
                      const MeetingPageForms& forms, const core::Error* error) {
    const auto& m = view.meeting;
    auto day = core::CivilDate::parse_iso(m.held_on);
    nlohmann::json children = nlohmann::json::array();
    for (const auto& c : view.children) children.push_back(c.first_name + " " + c.last_name);
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : view.invitees) {
        auto id = std::to_string(p.id);
        people.push_back(
            {{"id", id},
             {"name", p.name},
             {"who", std::string{domain::label_for(domain::participant_kinds(), p.kind)} +
                         (p.role.empty() ? "" : ": " + p.role)},
             {"email", p.email},
             {"attendance",
              std::string{domain::label_for(domain::attendance_codes(), p.attendance)} +
                  (p.reason.empty() ? "" : " (" + p.reason + ")")},
             {"dissent", p.dissent},
             {"attendance_field",
              select_field("attendance-" + id, "Attendance of " + p.name,
                           code_options(domain::attendance_codes()), p.attendance, nullptr)},
             {"reason_field", field("reason-" + id, "Reason for apologies", p.reason, nullptr)},
             {"dissent_field", field("dissent-" + id, "What " + p.name + " does not agree with",
                                     p.dissent, nullptr)}});
    }
    Options versions{{"", "None"}};
    for (auto n : view.agreed_plan_versions)
        versions.emplace_back(std::to_string(n), "Version " + std::to_string(n));
    Options categories{{"", "Select a category"}};
    for (auto c : domain::all_categories())
        categories.emplace_back(std::string{domain::category_code(c)},
                                std::string{domain::category_label(c)});
    std::string state = m.status == "cancelled" ? "Cancelled: " + m.cancel_reason
                        : m.status == "held"    ? "Held"
                                                : "Arranged";
    nlohmann::json outcome = false;
    if (m.status == "held") {
        std::string plan =
            m.plan_needed == "yes"
                ? "A child protection plan is needed (" +
                      std::string{domain::category_label(*domain::parse_category(m.category))} + ")"
            : m.plan_needed == "no" ? "A child protection plan is not needed"
                                    : "";
        outcome = {{"decision", m.decision},
                   {"plan", plan},
                   {"plan_version", m.plan_version ? "Version " + std::to_string(*m.plan_version)
                                                   : std::string{""}},
                   {"next", m.next_on.empty() ? "" : date_text(m.next_on)}};
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{view.type ? view.type->name : "Meeting"}},
        {"meeting_id", std::to_string(m.id)},
        {"case_id", std::to_string(view.case_record.id)},
        {"family", view.case_record.family_name},
        {"name", std::string{view.type ? view.type->name : m.type}},
        {"when", (day ? day->long_text() : m.held_on) + ", " + domain::clock_text(m.start_minutes) +
                     " to " + domain::clock_text(m.end_minutes) + " (London time)"},
        {"where", m.remote ? (m.venue.empty() ? "Remote" : "Remote: " + m.venue) : m.venue},
        {"chair", m.chair},
        {"state", state},
        {"children", children},
        {"people", people},
        {"has_people", !people.empty()},
        {"can_change", view.can_change},
        {"can_record", view.can_record},
        {"can_invite", view.case_record.closed_on.empty() && m.status != "cancelled"},
        {"version", std::to_string(m.version)},
        {"outcome", outcome},
        {"mapping",
         m.mapping_id ? nlohmann::json(std::to_string(*m.mapping_id)) : nlohmann::json(false)},
        {"invitee_name", field("name", "Name", forms.invitee.name, error)},
        {"invitee_kind", select_field(
                             "kind", "Who they are",
                             [] {
                                 Options o{{"", "Select"}};
                                 for (const auto& k : code_options(domain::participant_kinds()))
                                     o.push_back(k);
                                 return o;
                             }(),
                             forms.invitee.kind, error)},
        {"invitee_role", field("role", "Their part (optional)", forms.invitee.role, error,
                               {"text", "off", "For example, class teacher at Oak Primary", ""})},
        {"invitee_email", field("email", "Email address (optional)", forms.invitee.email, error,
                                {"email", "off", "The invitation goes to this address", ""})},
        {"decision", field("decision", "What the meeting decided", forms.outcome.decision, error)},
        {"conference", view.type && view.type->conference},
        {"plan_needed", radios("plan_needed", "Is a child protection plan needed?",
                               {{"yes", "Yes"}, {"no", "No"}}, forms.outcome.plan_needed, error)},
        {"category", select_field("category", "Category of the plan", categories,
                                  forms.outcome.category, error)},
        {"plan_version", select_field("plan_version", "Plan version agreed at the meeting",
                                      versions, forms.outcome.plan_version, error)},
        {"next", date_field("next", "Date of the next meeting (optional)", forms.outcome.next_day,
                            forms.outcome.next_month, forms.outcome.next_year, error)},
        {"cancel_reason", field("reason", "Why is it cancelled?", forms.cancel_reason, error)},
        {"done", done_text(ex.query().get("done"))},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "meetings/meeting", model);
}

/// Shows the meeting page again with the problem, or the error page for anything else.
Response retry(App& app, Exchange& ex, std::int64_t id, const core::Error& problem,
               const MeetingPageForms& forms) {
    if (problem.kind != core::ErrorKind::Invalid) return app.error(ex, problem);
    auto view = app.meetings().view(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    return meeting_page(app, ex, 422, *view, forms, &problem);
}

}  // namespace

Response new_meeting(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    return kept_case_form(app, ex, *case_id, "", [&] {
        return meeting_form_page(app, ex, 200, *case_id, nullptr, {}, nullptr);
    });
}

Response create_meeting(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto form = meeting_form(*ex.form);
    auto made = app.meetings().arrange(ex.actor(), *case_id, form);
    if (made) return Response::redirect(meeting_href(*made, "arranged"));
    if (made.error().kind != core::ErrorKind::Invalid) return app.error(ex, made.error());
    return meeting_form_page(app, ex, 422, *case_id, nullptr, form, &made.error());
}

Response show_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto view = app.meetings().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    // A record already written comes back to be corrected, not typed again.
    MeetingPageForms forms;
    const auto& m = view->meeting;
    if (m.status == "held") {
        forms.outcome.decision = m.decision;
        forms.outcome.plan_needed = m.plan_needed;
        forms.outcome.category = m.category;
        forms.outcome.plan_version = m.plan_version ? std::to_string(*m.plan_version) : "";
        if (auto next = core::CivilDate::parse_iso(m.next_on)) {
            auto parts = next->parts();
            forms.outcome.next_day = parts.day;
            forms.outcome.next_month = parts.month;
            forms.outcome.next_year = parts.year;
        }
    }
    return meeting_page(app, ex, 200, *view, forms, nullptr);
}

Response show_move_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto view = app.meetings().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    if (!view->can_change) return app.error_page(ex, 409, "This meeting can no longer be moved");
    return meeting_form_page(app, ex, 200, view->case_record.id, &view->meeting,
                             form_from(view->meeting), nullptr);
}

Response move_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = meeting_form(*ex.form);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400, "The form was missing its version");
    auto view = app.meetings().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    form.type = view->meeting.type;
    auto moved = app.meetings().move(ex.actor(), *id, form, *version);
    if (moved) return Response::redirect(meeting_href(*id, "moved"));
    if (moved.error().kind != core::ErrorKind::Invalid) return app.error(ex, moved.error());
    return meeting_form_page(app, ex, 422, view->case_record.id, &view->meeting, form,
                             &moved.error());
}

Response cancel_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400, "The form was missing its version");
    MeetingPageForms forms;
    forms.cancel_reason = ex.form->get("reason");
    auto cancelled = app.meetings().cancel(ex.actor(), *id, forms.cancel_reason, *version);
    if (cancelled) return Response::redirect(meeting_href(*id, "cancelled"));
    return retry(app, ex, *id, cancelled.error(), forms);
}

Response invite_to_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    MeetingPageForms forms;
    forms.invitee = {f.get("name"), f.get("kind"), f.get("role"), f.get("email")};
    auto invited = app.meetings().invite(ex.actor(), *id, forms.invitee);
    if (invited) return Response::redirect(meeting_href(*id, "invited"));
    return retry(app, ex, *id, invited.error(), forms);
}

Response set_meeting_attendance(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto invitee = ex.id_param("invitee");
    if (!id || !invitee) return app.error_page(ex, 404);
    auto key = std::to_string(*invitee);
    auto saved =
        app.meetings().set_attendance(ex.actor(), *id, *invitee, ex.form->get("attendance-" + key),
                                      ex.form->get("reason-" + key));
    if (saved) return Response::redirect(meeting_href(*id, "attendance"));
    if (saved.error().kind == core::ErrorKind::Invalid) {
        // The fields are named per person on the page; say whose they were.
        auto problem = saved.error();
        for (auto& field : problem.fields) field.field += "-" + key;
        return retry(app, ex, *id, problem, {});
    }
    return app.error(ex, saved.error());
}

Response set_meeting_dissent(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto invitee = ex.id_param("invitee");
    if (!id || !invitee) return app.error_page(ex, 404);
    auto key = std::to_string(*invitee);
    auto saved =
        app.meetings().set_dissent(ex.actor(), *id, *invitee, ex.form->get("dissent-" + key));
    if (saved) return Response::redirect(meeting_href(*id, "dissent"));
    if (saved.error().kind == core::ErrorKind::Invalid) {
        auto problem = saved.error();
        for (auto& field : problem.fields) field.field += "-" + key;
        return retry(app, ex, *id, problem, {});
    }
    return app.error(ex, saved.error());
}

Response record_meeting(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400, "The form was missing its version");
    const auto& f = *ex.form;
    MeetingPageForms forms;
    forms.outcome = {f.get("decision"),     f.get("plan_needed"), f.get("category"),
                     f.get("plan_version"), f.get("next-day"),    f.get("next-month"),
                     f.get("next-year")};
    auto saved = app.meetings().record_outcome(ex.actor(), *id, forms.outcome, *version);
    if (saved) return Response::redirect(meeting_href(*id, "recorded"));
    return retry(app, ex, *id, saved.error(), forms);
}

Response open_meeting_mapping(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto mapping = app.meetings().open_mapping(ex.actor(), *id);
    if (!mapping) return app.error(ex, mapping.error());
    return Response::redirect("/mappings/" + std::to_string(*mapping));
}

Response meeting_invitation(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto file = app.meetings().calendar_file(ex.actor(), *id);
    if (!file) return app.error(ex, file.error());
    return calendar_download(*file, "meeting.ics");
}

}  // namespace signs::web::handlers
