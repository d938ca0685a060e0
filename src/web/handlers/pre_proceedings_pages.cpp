// Pre-proceedings on a case: what has happened so far with the warnings the law gives, and
// the one form that begins them and brings them up to date.
#include <map>

#include "domain/meetings/meeting.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

constexpr const char* kNotYet = "not-yet";

std::string pre_proceedings_path(std::int64_t case_id) {
    return "/cases/" + std::to_string(case_id) + "/pre-proceedings";
}

std::string answer_text(const std::string& answer, const std::string& none) {
    return answer == "yes" ? "Yes" : answer == "no" ? "No" : none;
}

std::string day_or(const std::string& iso, const std::string& none) {
    return iso.empty() ? none : date_text(iso);
}

domain::DateForm date_parts(const std::string& iso) {
    auto day = core::CivilDate::parse_iso(iso);
    return day ? domain::DateForm::of(*day) : domain::DateForm{};
}

domain::PreProceedingsForm form_from(const store::PreProceedingsRecord& r) {
    domain::PreProceedingsForm f;
    for (auto c : r.children) f.child_ids.push_back(std::to_string(c));
    f.started = date_parts(r.started_on);
    f.letter_sent = date_parts(r.letter_sent_on);
    f.family_meeting_offered = r.family_meeting_offered;
    f.not_offered_reason = r.not_offered_reason;
    f.family_meeting_accepted = r.family_meeting_accepted;
    f.outcome = r.outcome;
    f.decided = date_parts(r.decided_on);
    f.court_application = date_parts(r.court_application_on);
    f.letter_initiating = date_parts(r.letter_initiating_on);
    return f;
}

domain::PreProceedingsForm form_from(const Form& f) {
    auto date = [&](const std::string& prefix) -> domain::DateForm {
        return {f.get(prefix + "-day"), f.get(prefix + "-month"), f.get(prefix + "-year")};
    };
    auto answer = [&](const char* name) {
        auto value = f.get(name);
        return value == kNotYet ? std::string{} : value;
    };
    return {f.get_all("children"),
            date("started"),
            date("letter-sent"),
            answer("family-meeting-offered"),
            f.get("not-offered-reason"),
            answer("family-meeting-accepted"),
            f.get("outcome"),
            date("decided"),
            date("court-application"),
            date("letter-initiating")};
}

nlohmann::json date_input(const std::string& id, const std::string& label,
                          const domain::DateForm& d, const core::Error* error,
                          const std::string& hint) {
    return date_field(id, label, d.day, d.month, d.year, error, hint);
}

/// The form, for beginning (`record` null) or bringing up to date.
Response form_page(App& app, Exchange& ex, int status, const service::CasePreProceedings& page,
                   const store::PreProceedingsRecord* record,
                   const domain::PreProceedingsForm& form, const std::string& version,
                   const core::Error* error) {
    const auto& outcomes = app.census_codes().pre_proceedings_outcome;
    Options children;
    for (const auto& c : page.children) children.emplace_back(std::to_string(c.id), c.name);
    Options outcome_options{{"", "Not decided yet"}};
    for (const auto& o : outcomes.entries())
        outcome_options.emplace_back(std::string{o.code}, std::string{o.label});
    auto blank = [](const std::string& v) { return v.empty() ? std::string{kNotYet} : v; };
    auto heading = record ? std::string{"Bring pre-proceedings up to date"}
                          : std::string{"Begin pre-proceedings"};
    auto path = pre_proceedings_path(page.record.id);
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + heading},
        {"heading", heading},
        {"family_name", page.record.family_name},
        {"case_id", std::to_string(page.record.id)},
        {"action", record ? path + "/" + std::to_string(record->id) : path},
        {"version", version.empty() ? nlohmann::json(false) : nlohmann::json(version)},
        {"children", checkboxes("children", "Which children the letter before proceedings concerns",
                                children, form.child_ids, error)},
        {"started", date_input("started", "Date pre-proceedings began", form.started, error,
                               "The legal planning meeting, or other meeting, that decided to "
                               "begin. For example, 4 5 2026")},
        {"letter_sent", date_input("letter-sent", "Date the letter before proceedings was sent",
                                   form.letter_sent, error, "Leave empty until it is sent")},
        {"offered", radios("family-meeting-offered",
                           "Did the letter offer a family group decision-making meeting?",
                           {{"yes", "Yes"},
                            {"no", "No, not offering one was in the child's best interests"},
                            {kNotYet, "The letter has not been sent yet"}},
                           blank(form.family_meeting_offered), error)},
        {"reason", field("not-offered-reason",
                         "If not, why not offering one was in the child's best interests",
                         form.not_offered_reason, error)},
        {"accepted",
         radios("family-meeting-accepted", "Did the family accept the meeting?",
                {{"yes", "Yes"}, {"no", "No"}, {kNotYet, "No answer yet, or none offered"}},
                blank(form.family_meeting_accepted), error)},
        {"outcome", select_field("outcome", "Outcome", outcome_options, form.outcome, error,
                                 "Whether the council decided to apply to court or step down")},
        {"decided", date_input("decided", "Date of the decision", form.decided, error,
                               "Leave empty until it is decided")},
        {"court_application",
         date_input("court-application", "Date of the application to court", form.court_application,
                    error, "Only after a decision to apply")},
        {"letter_initiating",
         date_input("letter-initiating",
                    "Date of the letter telling the parents proceedings have begun",
                    form.letter_initiating, error, "")},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/pre_proceedings_form", model);
}

core::Error closed_case() {
    return core::Error::of(core::ErrorKind::Conflict,
                           "This case is closed: its pre-proceedings can be read but not changed");
}

const store::PreProceedingsRecord* find_record(const service::CasePreProceedings& page,
                                               std::int64_t id) {
    for (const auto& e : page.entries) {
        if (e.record.id == id) return &e.record;
    }
    return nullptr;
}

}  // namespace

Response show_pre_proceedings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto page = app.pre_proceedings().for_case(ex.actor(), *case_id);
    if (!page) return app.error(ex, page.error());
    const auto& outcomes = app.census_codes().pre_proceedings_outcome;
    std::map<std::int64_t, std::string> names;
    for (const auto& c : page->children) names[c.id] = c.name;
    nlohmann::json entries = nlohmann::json::array();
    bool going_on = false;
    for (const auto& e : page->entries) {
        const auto& r = e.record;
        going_on = going_on || e.going_on;
        std::string children;
        for (auto c : r.children) children += (children.empty() ? "" : ", ") + names[c];
        std::string offered = answer_text(r.family_meeting_offered, "Not yet answered");
        if (r.family_meeting_offered == "no") offered += ": " + r.not_offered_reason;
        nlohmann::json warnings = nlohmann::json::array();
        for (const auto& w : e.warnings) warnings.push_back(w);
        entries.push_back(
            {{"id", std::to_string(r.id)},
             {"heading", "Pre-proceedings from " + date_text(r.started_on)},
             {"going_on", e.going_on},
             {"children", children},
             {"started", date_text(r.started_on)},
             {"letter_sent", day_or(r.letter_sent_on, "Not sent yet")},
             {"offered", offered},
             {"accepted", answer_text(r.family_meeting_accepted, "No answer yet")},
             {"decided", r.decided_on.empty() ? std::string{"Not decided yet"}
                                              : date_text(r.decided_on) + ": " +
                                                    std::string{outcomes.label(r.outcome)}},
             {"court_application", day_or(r.court_application_on, "None")},
             {"letter_initiating", day_or(r.letter_initiating_on, "None")},
             {"has_warnings", !warnings.empty()},
             {"warnings", warnings},
             {"can_change", page->can_change}});
    }
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& m : page->meetings) {
        const auto* type = domain::find_meeting_type(m.type);
        meetings.push_back({{"id", std::to_string(m.id)},
                            {"when", date_text(m.held_on)},
                            {"name", type ? std::string{type->name} : m.type},
                            {"status", m.status == "held"        ? "Held"
                                       : m.status == "cancelled" ? "Cancelled"
                                                                 : "Arranged"}});
    }
    auto done = ex.query().get("done");
    nlohmann::json model = {
        {"title", page->record.family_name + ": pre-proceedings"},
        {"family_name", page->record.family_name},
        {"case_id", std::to_string(*case_id)},
        {"has_entries", !entries.empty()},
        {"entries", entries},
        {"has_meetings", !meetings.empty()},
        {"meetings", meetings},
        {"can_begin", page->can_change && !going_on},
        {"can_arrange", page->can_change},
        {"done", done == "begun"   ? nlohmann::json("Pre-proceedings recorded")
                 : done == "saved" ? nlohmann::json("Pre-proceedings brought up to date")
                                   : nlohmann::json(false)},
    };
    return app.page(ex, 200, "casework/pre_proceedings", model);
}

Response new_pre_proceedings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto page = app.pre_proceedings().for_case(ex.actor(), *case_id);
    if (!page) return app.error(ex, page.error());
    if (!page->can_change) return app.error(ex, closed_case());
    for (const auto& e : page->entries) {
        if (e.going_on) {
            return app.error(ex, core::Error::of(core::ErrorKind::Conflict,
                                                 "Pre-proceedings are already going on in this "
                                                 "case: bring those up to date instead"));
        }
    }
    domain::PreProceedingsForm form;
    for (const auto& c : page->children) form.child_ids.push_back(std::to_string(c.id));
    return form_page(app, ex, 200, *page, nullptr, form, "", nullptr);
}

Response begin_pre_proceedings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto form = form_from(*ex.form);
    auto begun = app.pre_proceedings().start(ex.actor(), *case_id, form);
    if (begun) return Response::redirect(pre_proceedings_path(*case_id) + "?done=begun");
    if (begun.error().kind != core::ErrorKind::Invalid) return app.error(ex, begun.error());
    auto page = app.pre_proceedings().for_case(ex.actor(), *case_id);
    if (!page) return app.error(ex, page.error());
    return form_page(app, ex, 422, *page, nullptr, form, "", &begun.error());
}

Response edit_pre_proceedings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    auto id = ex.id_param("record");
    if (!case_id || !id) return app.error_page(ex, 404);
    auto page = app.pre_proceedings().for_case(ex.actor(), *case_id);
    if (!page) return app.error(ex, page.error());
    const auto* record = find_record(*page, *id);
    if (!record) return app.error_page(ex, 404);
    if (!page->can_change) return app.error(ex, closed_case());
    return form_page(app, ex, 200, *page, record, form_from(*record),
                     std::to_string(record->version), nullptr);
}

Response update_pre_proceedings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    auto id = ex.id_param("record");
    if (!case_id || !id) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto form = form_from(*ex.form);
    auto saved = app.pre_proceedings().update(ex.actor(), *case_id, *id, form, *version);
    if (saved) return Response::redirect(pre_proceedings_path(*case_id) + "?done=saved");
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    auto page = app.pre_proceedings().for_case(ex.actor(), *case_id);
    if (!page) return app.error(ex, page.error());
    const auto* record = find_record(*page, *id);
    if (!record) return app.error_page(ex, 404);
    return form_page(app, ex, 422, *page, record, form, std::to_string(*version), &saved.error());
}

}  // namespace signs::web::handlers
