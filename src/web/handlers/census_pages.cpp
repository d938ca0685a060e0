// The child's census record: referrals with who made them, the main need and no further
// action, and assessments with a manager's authorisation.
#include "domain/code_label.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string name_of(const store::ChildRecord& c) { return c.first_name + " " + c.last_name; }

std::string labelled(const domain::CodeSet& set, const std::string& code) {
    return code.empty() ? "Not recorded" : code + ": " + std::string{set.label(code)};
}

std::string census_path(std::int64_t child_id) {
    return "/children/" + std::to_string(child_id) + "/census";
}

nlohmann::json episode_json(App& app, const Exchange& ex, const service::ChildCensusView& view,
                            const store::EpisodeRecord& e) {
    const auto& codes = app.census_codes();
    nlohmann::json assessments = nlohmann::json::array();
    bool open_assessment = false;
    bool manager = ex.actor().has_role(domain::Role::TeamManager);
    for (const auto& a : view.assessments) {
        if (a.episode_id != e.id) continue;
        open_assessment = open_assessment || a.authorised_on.empty();
        std::string factors;
        for (const auto& f : domain::split_codes(a.factors))
            factors +=
                (factors.empty() ? "" : "; ") + std::string{codes.assessment_factor.label(f)};
        assessments.push_back(
            {{"id", std::to_string(a.id)},
             {"child_id", std::to_string(view.child.id)},
             {"started", date_text(a.started_on)},
             {"authorised", a.authorised_on.empty()
                                ? std::string{"Not yet"}
                                : date_text(a.authorised_on) + " by " + a.authorised_by_name},
             {"can_authorise", manager && a.authorised_on.empty()},
             {"factors", factors.empty() ? "Not recorded" : factors}});
    }
    return {{"id", std::to_string(e.id)},
            {"child_id", std::to_string(view.child.id)},
            {"referral", date_text(e.referral_date)},
            {"source", labelled(codes.referral_source, e.referral_source)},
            {"need", labelled(codes.primary_need, e.primary_need)},
            {"nfa", e.no_further_action ? "Yes" : "No"},
            {"closed", e.closed_on.empty()
                           ? std::string{"Not closed"}
                           : date_text(e.closed_on) + ": " +
                                 std::string{codes.closure_reason.label(e.closure_reason)}},
            {"has_assessments", !assessments.empty()},
            {"assessments", assessments},
            {"can_start", !e.no_further_action && e.closed_on.empty() && !open_assessment}};
}

/// The census view for a form page: the child and the episode the page is about.
struct FormSubject {
    service::ChildCensusView view;
    const store::EpisodeRecord* episode = nullptr;
    const store::AssessmentRecord* assessment = nullptr;
};

core::Result<FormSubject> subject(App& app, Exchange& ex, std::optional<std::int64_t> episode_id,
                                  std::optional<std::int64_t> assessment_id) {
    auto child_id = ex.id_param("id");
    if (!child_id) return core::fail(core::ErrorKind::NotFound, "There is no such child");
    auto view = app.census_records().view(ex.actor(), *child_id);
    if (!view) return std::unexpected(view.error());
    FormSubject s{std::move(*view)};
    for (const auto& a : s.view.assessments) {
        if (assessment_id && a.id == *assessment_id) {
            s.assessment = &a;
            episode_id = a.episode_id;
        }
    }
    for (const auto& e : s.view.episodes) {
        if (episode_id && e.id == *episode_id) s.episode = &e;
    }
    if (!s.episode || (assessment_id && !s.assessment))
        return core::fail(core::ErrorKind::NotFound, "There is no such referral for this child");
    return s;
}

Response episode_page(App& app, Exchange& ex, int status, const FormSubject& s,
                      const domain::EpisodeAnswersForm& form, const std::string& version,
                      const core::Error* error) {
    const auto& codes = app.census_codes();
    auto sources = code_options(codes.referral_source.entries());
    sources.insert(sources.begin(), {"", "Choose who made the referral"});
    auto needs = code_options(codes.primary_need.entries());
    needs.insert(needs.begin(), {"", "Not known yet"});
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"The referral of "} +
                      date_text(s.episode->referral_date)},
        {"child_id", std::to_string(s.view.child.id)},
        {"child_name", name_of(s.view.child)},
        {"episode_id", std::to_string(s.episode->id)},
        {"referral", date_text(s.episode->referral_date)},
        {"version", version},
        {"source", select_field("referral_source", "Who made the referral", sources,
                                form.referral_source, error)},
        {"need", select_field("primary_need", "The child's main need", needs, form.primary_need,
                              error, "As the assessment found it")},
        {"nfa", radios("no_further_action", "Did the referral lead to no further action?",
                       {{"yes", "Yes, nothing further was done"}, {"no", "No"}},
                       form.no_further_action, error)},
        {"closure", s.episode->closed_on.empty()
                        ? nlohmann::json(false)
                        : select_field("closure_reason",
                                       "Why it closed, on " + date_text(s.episode->closed_on),
                                       code_options(codes.closure_reason.entries()),
                                       form.closure_reason, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/census_episode", model);
}

Response start_page(App& app, Exchange& ex, int status, const FormSubject& s,
                    const domain::DateForm& form, const core::Error* error) {
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Record that an assessment started"}},
        {"child_id", std::to_string(s.view.child.id)},
        {"child_name", name_of(s.view.child)},
        {"heading", "Record that an assessment started"},
        {"explanation", "After the referral of " + date_text(s.episode->referral_date) +
                            ". A team manager authorises it when it is complete."},
        {"action", census_path(s.view.child.id) + "/episodes/" + std::to_string(s.episode->id) +
                       "/assessments"},
        {"version", false},
        {"date", date_field("started", "Date the assessment started", form.day, form.month,
                            form.year, error, "For example, 4 5 2026")},
        {"factors", false},
        {"button", "Save"},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/census_assessment", model);
}

Response authorise_page(App& app, Exchange& ex, int status, const FormSubject& s,
                        const domain::AuthorisationForm& form, const core::Error* error) {
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Authorise the assessment"}},
        {"child_id", std::to_string(s.view.child.id)},
        {"child_name", name_of(s.view.child)},
        {"heading", "Authorise the assessment"},
        {"explanation", "Started " + date_text(s.assessment->started_on) +
                            ". Your name is recorded with the authorisation."},
        {"action", census_path(s.view.child.id) + "/assessments/" +
                       std::to_string(s.assessment->id) + "/authorise"},
        {"version", std::to_string(s.assessment->version)},
        {"date", date_field("authorised", "Date authorised", form.day, form.month, form.year, error,
                            "For example, 4 5 2026")},
        {"factors", checkboxes("factors", "Factors the assessment found",
                               code_options(app.census_codes().assessment_factor.entries()),
                               form.factors, error, "Select all that apply")},
        {"button", "Authorise"},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/census_assessment", model);
}

domain::DateForm date_form(const Form& f, const std::string& prefix) {
    return {f.get(prefix + "-day"), f.get(prefix + "-month"), f.get(prefix + "-year")};
}

}  // namespace

Response show_child_census(App& app, Exchange& ex) {
    auto child_id = ex.id_param("id");
    if (!child_id) return app.error_page(ex, 404);
    auto view = app.census_records().view(ex.actor(), *child_id);
    if (!view) return app.error(ex, view.error());
    nlohmann::json episodes = nlohmann::json::array();
    for (auto e = view->episodes.rbegin(); e != view->episodes.rend(); ++e)
        episodes.push_back(episode_json(app, ex, *view, *e));
    nlohmann::json enquiries = nlohmann::json::array();
    for (const auto& e : view->enquiries) {
        std::string outcome =
            !e.conference_on.empty() ? "Initial conference on " + date_text(e.conference_on)
            : !e.no_conference_on.empty()
                ? "No conference needed (decided " + date_text(e.no_conference_on) + ")"
                : std::string{"Going on"};
        enquiries.push_back(
            {{"id", std::to_string(e.meeting_id)},
             {"child_id", std::to_string(view->child.id)},
             {"held", date_text(e.held_on)},
             {"outcome", outcome},
             {"can_record", e.conference_on.empty() && e.no_conference_on.empty()}});
    }
    auto done = ex.query().get("done");
    nlohmann::json model = {
        {"title", name_of(view->child) + ": children in need census"},
        {"has_enquiries", !enquiries.empty()},
        {"enquiries", enquiries},
        {"child_id", std::to_string(view->child.id)},
        {"child_name", name_of(view->child)},
        {"has_episodes", !episodes.empty()},
        {"episodes", episodes},
        {"done", done == "saved"        ? nlohmann::json("Answers saved")
                 : done == "started"    ? nlohmann::json("Assessment recorded")
                 : done == "authorised" ? nlohmann::json("Assessment authorised")
                 : done == "enquiry"    ? nlohmann::json("The enquiry's outcome is recorded")
                                        : nlohmann::json(false)},
    };
    return app.page(ex, 200, "casework/census", model);
}

Response edit_census_episode(App& app, Exchange& ex) {
    auto s = subject(app, ex, ex.id_param("episode"), std::nullopt);
    if (!s) return app.error(ex, s.error());
    domain::EpisodeAnswersForm form{s->episode->referral_source, s->episode->primary_need,
                                    s->episode->no_further_action ? "yes" : "no",
                                    s->episode->closure_reason};
    return episode_page(app, ex, 200, *s, form, std::to_string(s->episode->version), nullptr);
}

Response update_census_episode(App& app, Exchange& ex) {
    auto s = subject(app, ex, ex.id_param("episode"), std::nullopt);
    if (!s) return app.error(ex, s.error());
    domain::EpisodeAnswersForm form{ex.form->get("referral_source"), ex.form->get("primary_need"),
                                    ex.form->get("no_further_action"),
                                    ex.form->get("closure_reason")};
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto done = app.census_records().update_episode(ex.actor(), s->view.child.id, s->episode->id,
                                                    form, *version);
    if (done) return Response::redirect(census_path(s->view.child.id) + "?done=saved");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return episode_page(app, ex, 422, *s, form, std::to_string(*version), &done.error());
}

Response new_census_assessment(App& app, Exchange& ex) {
    auto s = subject(app, ex, ex.id_param("episode"), std::nullopt);
    if (!s) return app.error(ex, s.error());
    return start_page(app, ex, 200, *s, {}, nullptr);
}

Response start_census_assessment(App& app, Exchange& ex) {
    auto s = subject(app, ex, ex.id_param("episode"), std::nullopt);
    if (!s) return app.error(ex, s.error());
    auto form = date_form(*ex.form, "started");
    auto done =
        app.census_records().start_assessment(ex.actor(), s->view.child.id, s->episode->id, form);
    if (done) return Response::redirect(census_path(s->view.child.id) + "?done=started");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return start_page(app, ex, 422, *s, form, &done.error());
}

namespace {

/// The page asking when it was decided that an enquiry needed no conference.
Response no_conference_page(App& app, Exchange& ex, int status, const store::ChildRecord& child,
                            const store::cin::EnquiryRecord& enquiry, const domain::DateForm& form,
                            const core::Error* error) {
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Record that no conference was needed"}},
        {"child_id", std::to_string(child.id)},
        {"child_name", name_of(child)},
        {"heading", "Record that no conference was needed"},
        {"explanation", "The section 47 enquiry that began with the strategy discussion of " +
                            date_text(enquiry.held_on) +
                            " ended without an initial child protection conference."},
        {"action", census_path(child.id) + "/enquiries/" + std::to_string(enquiry.meeting_id) +
                       "/no-conference"},
        {"version", false},
        {"date", date_field("decided", "Date it was decided", form.day, form.month, form.year,
                            error, "For example, 4 5 2026")},
        {"factors", false},
        {"button", "Save"},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/census_assessment", model);
}

/// The child and the enquiry the page is about.
core::Result<std::pair<store::ChildRecord, store::cin::EnquiryRecord>> enquiry_subject(
    App& app, Exchange& ex) {
    auto child_id = ex.id_param("id");
    auto meeting_id = ex.id_param("meeting");
    if (!child_id || !meeting_id) return core::fail(core::ErrorKind::NotFound, "No such enquiry");
    auto view = app.census_records().view(ex.actor(), *child_id);
    if (!view) return std::unexpected(view.error());
    for (const auto& e : view->enquiries) {
        if (e.meeting_id == *meeting_id) return std::pair{view->child, e};
    }
    return core::fail(core::ErrorKind::NotFound, "There is no such enquiry for this child");
}

}  // namespace

Response show_no_conference(App& app, Exchange& ex) {
    auto s = enquiry_subject(app, ex);
    if (!s) return app.error(ex, s.error());
    return no_conference_page(app, ex, 200, s->first, s->second, {}, nullptr);
}

Response record_no_conference(App& app, Exchange& ex) {
    auto s = enquiry_subject(app, ex);
    if (!s) return app.error(ex, s.error());
    auto form = date_form(*ex.form, "decided");
    auto done = app.census_records().record_no_conference(ex.actor(), s->first.id,
                                                          s->second.meeting_id, form);
    if (done) return Response::redirect(census_path(s->first.id) + "?done=enquiry");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return no_conference_page(app, ex, 422, s->first, s->second, form, &done.error());
}

Response show_authorise_assessment(App& app, Exchange& ex) {
    auto s = subject(app, ex, std::nullopt, ex.id_param("assessment"));
    if (!s) return app.error(ex, s.error());
    return authorise_page(app, ex, 200, *s, {}, nullptr);
}

Response authorise_census_assessment(App& app, Exchange& ex) {
    auto s = subject(app, ex, std::nullopt, ex.id_param("assessment"));
    if (!s) return app.error(ex, s.error());
    auto date = date_form(*ex.form, "authorised");
    domain::AuthorisationForm form{date.day, date.month, date.year, ex.form->get_all("factors")};
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto done = app.census_records().authorise_assessment(ex.actor(), s->view.child.id,
                                                          s->assessment->id, form, *version);
    if (done) return Response::redirect(census_path(s->view.child.id) + "?done=authorised");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return authorise_page(app, ex, 422, *s, form, &done.error());
}

}  // namespace signs::web::handlers
