#include <map>

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/mapping_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/handlers/level_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// The values of whichever form on the mapping page was sent, to show again with its errors.
struct MappingForms {
    domain::ParticipantForm participant;
    domain::EntryForm entry;
    domain::ScoreForm score;
};

/// A category's name in the mapping's own words ("Worry statement" in early help).
std::string category_label(std::string_view code, const domain::MappingWording& wording) {
    if (code == domain::kDangerStatement) return wording.statement;
    if (code == domain::kSafetyGoal) return wording.goal;
    if (code == "harm") return wording.harm + ": what has happened";
    return std::string{domain::label_for(domain::entry_categories(), code)};
}

std::string shortened(const std::string& text, std::size_t length = 80) {
    return text.size() > length ? text.substr(0, length - 3) + "..." : text;
}

Response mapping_page(App& app, Exchange& ex, int status, std::int64_t id,
                      const MappingForms& forms, const core::Error* error) {
    auto view = app.mappings().view(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    const auto& m = view->record;
    const auto& w = view->wording;
    bool editable = m.status != "agreed";
    std::map<std::int64_t, std::string> names;
    for (const auto& p : view->participants) names[p.id] = p.name;
    auto who = [&](const std::optional<std::int64_t>& said_by) {
        return said_by && names.contains(*said_by) ? names[*said_by] : std::string{"The agency"};
    };
    std::map<std::int64_t, std::string> statements;
    std::vector<std::int64_t> statement_order;
    for (const auto& e : view->entries) {
        if (e.category == domain::kDangerStatement) {
            statements[e.id] = e.text;
            statement_order.push_back(e.id);
        }
    }

    nlohmann::json columns = nlohmann::json::array();
    const std::pair<const char*, std::string> kColumns[] = {{"worried", w.worried_column},
                                                            {"working", w.working_column},
                                                            {"needs", w.needs_column},
                                                            {"grey", "Grey areas"}};
    for (const auto& [column, heading] : kColumns) {
        nlohmann::json categories = nlohmann::json::array();
        for (const auto& c : domain::entry_categories()) {
            if (domain::column_of(c.code) != column) continue;
            nlohmann::json entries = nlohmann::json::array();
            for (const auto& e : view->entries) {
                if (e.category != c.code) continue;
                nlohmann::json goal_for = false;
                if (e.answers && statements.contains(*e.answers))
                    goal_for = shortened(statements[*e.answers]);
                nlohmann::json mark = false;
                if (e.carried_from) {
                    mark =
                        e.review_mark.empty()
                            ? std::string{"Not marked yet"}
                            : std::string{domain::label_for(domain::review_marks(), e.review_mark)};
                }
                entries.push_back({{"entry_id", std::to_string(e.id)},
                                   {"mark", mark},
                                   {"resolved", e.review_mark == "resolved"},
                                   {"text", e.text},
                                   {"who", who(e.said_by)},
                                   {"version", std::to_string(e.version)},
                                   {"goal_for", goal_for}});
            }
            categories.push_back({{"label", category_label(c.code, w)},
                                  {"has_entries", !entries.empty()},
                                  {"entries", entries}});
        }
        nlohmann::json questions = nlohmann::json::array();
        for (const auto& c : domain::entry_categories()) {
            if (domain::column_of(c.code) != column) continue;
            for (const auto& q : app.questions().find(c.code, "", "")) {
                questions.push_back({{"text", q.text},
                                     {"asked", std::string{domain::label_for(
                                                   domain::question_audiences(), q.asked)}}});
            }
        }
        columns.push_back({{"heading", heading},
                           {"key", column},
                           {"questions", questions},
                           {"has_questions", !questions.empty()},
                           {"grey", std::string{column} == "grey"},
                           {"categories", categories}});
    }

    // Every voice side by side: one row per participant, one column per question.
    nlohmann::json score_heads = nlohmann::json::array({"Overall"});
    for (std::size_t i = 0; i < statement_order.size(); ++i)
        score_heads.push_back(w.statement + " " + std::to_string(i + 1));
    nlohmann::json score_rows = nlohmann::json::array();
    for (const auto& p : view->participants) {
        nlohmann::json cells = nlohmann::json::array();
        auto cell_for = [&](std::optional<std::int64_t> about) {
            for (const auto& s : view->scores) {
                if (s.participant_id != p.id || s.statement_id != about) continue;
                // Blind scaling: that a number was given shows; the number waits for all.
                if (!view->revealed)
                    return nlohmann::json{{"value", "Given"}, {"why", ""}, {"higher", ""}};
                return nlohmann::json{{"value", std::to_string(s.value)},
                                      {"why", s.why_not_lower},
                                      {"higher", s.one_point_higher}};
            }
            return nlohmann::json{{"value", "Not given"}, {"why", ""}, {"higher", ""}};
        };
        cells.push_back(cell_for(std::nullopt));
        for (auto sid : statement_order) cells.push_back(cell_for(sid));
        score_rows.push_back({{"name", p.name}, {"cells", cells}});
    }
    nlohmann::json statement_list = nlohmann::json::array();
    for (std::size_t i = 0; i < statement_order.size(); ++i) {
        statement_list.push_back({{"label", w.statement + " " + std::to_string(i + 1)},
                                  {"text", statements[statement_order[i]]}});
    }

    std::vector<std::string> scaling_questions;
    for (const auto& q : app.questions().find("scaling", "", ""))
        scaling_questions.push_back(q.text);
    Options speakers{{"agency", "The agency"}};
    Options voices;
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : view->participants) {
        speakers.emplace_back(std::to_string(p.id), p.name);
        voices.emplace_back(std::to_string(p.id), p.name);
        people.push_back(
            {{"pid", std::to_string(p.id)},
             {"name", p.name},
             {"kind", std::string{domain::label_for(domain::participant_kinds(), p.kind)}},
             {"took_part",
              std::string{domain::label_for(domain::participation_ways(), p.took_part)}},
             {"disagrees", p.disagrees},
             {"on_record", p.person_id.has_value()},
             {"staff", p.user_id.has_value()},
             {"recorded_as",
              p.renamed() ? nlohmann::json(p.recorded_name) : nlohmann::json(false)}});
    }
    Options family{{"", "Nobody: type their name below"}};
    for (const auto& p : view->family)
        family.emplace_back(std::to_string(p.id), p.first_name + " " + p.last_name);
    Options professionals{{"", "Nobody: type their name below"}};
    for (const auto& u : view->professionals)
        professionals.emplace_back(std::to_string(u.id), u.name);
    Options categories;
    for (const auto& c : domain::entry_categories())
        categories.emplace_back(std::string{c.code}, category_label(c.code, w));
    Options answers{{"", "Not a goal"}};
    Options abouts{{"", "The whole mapping"}};
    for (std::size_t i = 0; i < statement_order.size(); ++i) {
        auto label = w.statement + " " + std::to_string(i + 1) + ": " +
                     shortened(statements[statement_order[i]], 60);
        answers.emplace_back(std::to_string(statement_order[i]), label);
        abouts.emplace_back(std::to_string(statement_order[i]), label);
    }
    Options statuses;
    for (const auto& s : domain::mapping_statuses())
        statuses.emplace_back(std::string{s.code}, std::string{s.label});
    std::string children;
    for (const auto& c : view->children)
        children += (children.empty() ? "" : ", ") + c.first_name + " " + c.last_name;

    nlohmann::json model = {
        {"title", (error ? "Error: " : "") +
                      std::string{domain::label_for(domain::mapping_purposes(), m.purpose)} +
                      " mapping"},
        {"id", std::to_string(m.id)},
        {"mapping_id", std::to_string(m.id)},
        {"case_id", std::to_string(m.case_id)},
        {"family", view->case_record.family_name},
        {"children", children},
        {"held_on", date_text(m.held_on)},
        {"purpose", std::string{domain::label_for(domain::mapping_purposes(), m.purpose)}},
        {"status", std::string{domain::label_for(domain::mapping_statuses(), m.status)}},
        {"variant", w.name},
        {"version", std::to_string(m.version)},
        {"editable", editable},
        {"agreed_by", m.agreed_by_name},
        {"agreed_at", m.agreed_at.empty() ? "" : when_text(m.agreed_at)},
        {"previous",
         m.previous_id ? nlohmann::json(std::to_string(*m.previous_id)) : nlohmann::json(false)},
        {"review", view->review_id ? nlohmann::json(std::to_string(*view->review_id))
                                   : nlohmann::json(false)},
        {"can_review", !editable && !view->review_id && view->case_record.closed_on.empty()},
        {"columns", columns},
        {"people", people},
        {"has_people", !people.empty()},
        {"hidden", !view->revealed},
        {"scale_question", w.scale.question},
        {"scaling_questions", scaling_questions},
        {"has_scaling_questions", !scaling_questions.empty()},
        {"scale_zero", w.scale.zero},
        {"scale_ten", w.scale.ten},
        {"score_heads", score_heads},
        {"score_rows", score_rows},
        {"statements", statement_list},
        {"has_statements", !statement_list.empty()},
        {"problems", view->agreement_problems},
        {"has_problems", !view->agreement_problems.empty()},
        {"many_statements", view->many_statements},
        {"statement_word", core::lower_ascii(w.statement)},
        {"has_family", !view->family.empty()},
        {"participant_person", select_field("person", "Someone on the family's records", family,
                                            forms.participant.person, error)},
        {"participant_professional",
         select_field("professional", "A professional working with signs", professionals,
                      forms.participant.professional, error)},
        {"participant_name",
         field("name", "Name", forms.participant.name, error,
               {"text", "off",
                view->family.empty() ? "" : "Leave this empty if you chose someone above", ""})},
        {"participant_kind",
         select_field("kind", "Who they are", code_options(domain::participant_kinds()),
                      forms.participant.kind, error)},
        {"participant_way",
         select_field("took_part", "How they took part", code_options(domain::participation_ways()),
                      forms.participant.took_part, error)},
        {"entry_category",
         select_field("category", "Where it goes", categories, forms.entry.category, error)},
        {"entry_text", field("text", "What was said, in their words", forms.entry.text, error)},
        {"entry_said_by",
         select_field("said_by", "Who said it", speakers,
                      forms.entry.said_by.empty() ? "agency" : forms.entry.said_by, error)},
        {"entry_answers", select_field("answers",
                                       "For a " + core::lower_ascii(w.goal) + ": the " +
                                           core::lower_ascii(w.statement) + " it answers",
                                       answers, forms.entry.answers, error)},
        {"score_participant",
         select_field("participant", "Whose number", voices, forms.score.participant, error)},
        {"score_value", field("value", "Their number, from 0 to 10", forms.score.value, error,
                              {"text", "off", "", "govuk-input--width-2"})},
        {"score_about", select_field("about", "About", abouts, forms.score.about, error)},
        {"score_why", field("why_not_lower", "Why is it not lower? (in their words)",
                            forms.score.why_not_lower, error)},
        {"score_higher", field("one_point_higher", "What would make it one point higher?",
                               forms.score.one_point_higher, error)},
        {"status_field", radios("status", "Status", statuses, m.status, error)},
        {"has_voices", !voices.empty()},
        {"done",
         ex.query().get("done") == "saved" ? nlohmann::json("Saved") : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "mapping/mapping", model);
}

Response new_mapping_page(App& app, Exchange& ex, int status, const service::CaseView& view,
                          const domain::MappingForm& form, const core::Error* error) {
    Options children;
    for (const auto& k : view.children)
        children.emplace_back(std::to_string(k.child.id),
                              k.child.first_name + " " + k.child.last_name);
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Start a mapping"}},
        {"case_id", std::to_string(view.record.id)},
        {"family", view.record.family_name},
        {"date", date_field("date", "Date of the mapping", form.day, form.month, form.year, error,
                            "For example, 27 3 2026")},
        {"purpose", radios("purpose", "What is it for?", code_options(domain::mapping_purposes()),
                           form.purpose, error)},
        {"children",
         checkboxes("children", "Which children is it about?", children, form.child_ids, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "mapping/new", model);
}

/// Answers a change on the mapping page: back to the page, or the page again with the
/// problem named on the form that was sent.
Response after_change(App& app, Exchange& ex, std::int64_t id, const core::Result<void>& done,
                      const MappingForms& forms) {
    if (done) return Response::redirect("/mappings/" + std::to_string(id) + "?done=saved");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return mapping_page(app, ex, 422, id, forms, &done.error());
}

core::Result<void> as_void(const core::Result<std::int64_t>& r) {
    if (!r) return std::unexpected(r.error());
    return {};
}

Response questions_page(App& app, Exchange& ex, const std::string& category,
                        const std::string& asked, const std::string& search) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& q : app.questions().find(category, asked, search)) {
        std::string where =
            q.category == "scaling"
                ? "Scaling"
                : std::string{domain::label_for(domain::entry_categories(), q.category)};
        results.push_back(
            {{"text", q.text},
             {"where", where},
             {"asked", std::string{domain::label_for(domain::question_audiences(), q.asked)}},
             {"kind", std::string{domain::label_for(domain::question_kinds(), q.kind)}}});
    }
    Options categories{{"", "Every part of the mapping"}, {"scaling", "Scaling"}};
    for (const auto& c : domain::entry_categories())
        categories.emplace_back(std::string{c.code}, std::string{c.label});
    Options audiences{{"", "Anyone"}};
    for (const auto& a : domain::question_audiences()) {
        if (a.code != "any") audiences.emplace_back(std::string{a.code}, std::string{a.label});
    }
    nlohmann::json model = {
        {"title", "Questions to ask"},
        {"q", field("q", "Words in the question", search, nullptr)},
        {"category",
         select_field("category", "Part of the mapping", categories, category, nullptr)},
        {"asked", select_field("asked", "Who you are asking", audiences, asked, nullptr)},
        {"results", results},
        {"caption", results.empty() ? std::string{"No questions match"}
                                    : std::to_string(results.size()) + " questions"},
    };
    return app.page(ex, 200, "mapping/questions", model);
}

}  // namespace

Response search_questions(App& app, Exchange& ex) {
    auto query = ex.query();
    auto category = query.get("category");
    auto asked = query.get("asked");
    auto search = query.get("q");
    if (!category.empty() && category != "scaling" &&
        !domain::is_code_in(domain::entry_categories(), category))
        category.clear();
    if (!domain::is_code_in(domain::question_audiences(), asked)) asked.clear();
    core::FieldChecks checks;
    checks.optional_text("q", search, "Search", 100);
    if (!checks.ok()) search.clear();
    auto draw = [&] { return questions_page(app, ex, category, asked, search); };
    // The bank is fixed at start, so a list without words to search for is kept; searches
    // are drawn as they come, so that made-up words cannot crowd real pages out.
    if (!search.empty()) return draw();
    return app.kept_page(ex, "questions." + category + "." + asked, draw);
}

Response new_mapping(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    return kept_case_form(app, ex, *case_id, "", [&] {
        auto view = app.casework().view_case(ex.actor(), *case_id);
        if (!view) return app.error(ex, view.error());
        auto today = today_form(app);
        domain::MappingForm form{today.day, today.month, today.year, "first-assessment", {}, ""};
        for (const auto& k : view->children) form.child_ids.push_back(std::to_string(k.child.id));
        return new_mapping_page(app, ex, 200, *view, form, nullptr);
    });
}

Response create_mapping(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::MappingForm form{f.get("date-day"), f.get("date-month"),   f.get("date-year"),
                             f.get("purpose"),  f.get_all("children"), f.get("blind")};
    for (const auto& id : form.child_ids) {
        if (!parse_number(id)) return app.error_page(ex, 400);
    }
    auto started = app.mappings().start(ex.actor(), *case_id, form);
    if (started) return Response::redirect("/mappings/" + std::to_string(*started));
    if (started.error().kind != core::ErrorKind::Invalid) return app.error(ex, started.error());
    auto view = app.casework().view_case(ex.actor(), *case_id);
    if (!view) return app.error(ex, view.error());
    return new_mapping_page(app, ex, 422, *view, form, &started.error());
}

Response show_mapping(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto stamp = app.mappings().view_stamp(ex.actor(), *id);
    if (!stamp) return app.error(ex, stamp.error());
    auto saved = ex.query().get("done") == "saved";
    return app.kept_page(ex, "mapping." + stamp->key + (saved ? ".saved" : ""),
                         [&] { return mapping_page(app, ex, 200, *id, {}, nullptr); });
}

Response add_mapping_participant(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    MappingForms forms;
    forms.participant = {ex.form->get("name"), ex.form->get("kind"), ex.form->get("took_part"),
                         ex.form->get("person"), ex.form->get("professional")};
    if (!forms.participant.person.empty() && !parse_number(forms.participant.person))
        return app.error_page(ex, 400);
    return after_change(app, ex, *id,
                        as_void(app.mappings().add_participant(ex.actor(), *id, forms.participant)),
                        forms);
}

Response add_mapping_entry(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    MappingForms forms;
    forms.entry = {ex.form->get("category"), ex.form->get("text"), ex.form->get("said_by"),
                   ex.form->get("answers"), ""};
    for (const auto& v : {forms.entry.said_by, forms.entry.answers}) {
        if (!v.empty() && v != "agency" && !parse_number(v)) return app.error_page(ex, 400);
    }
    return after_change(app, ex, *id,
                        as_void(app.mappings().add_entry(ex.actor(), *id, forms.entry)), forms);
}

Response add_mapping_score(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    MappingForms forms;
    forms.score = {ex.form->get("participant"), ex.form->get("value"),
                   ex.form->get("why_not_lower"), ex.form->get("one_point_higher"),
                   ex.form->get("about")};
    for (const auto& v : {forms.score.participant, forms.score.about}) {
        if (!v.empty() && !parse_number(v)) return app.error_page(ex, 400);
    }
    return after_change(app, ex, *id, app.mappings().put_score(ex.actor(), *id, forms.score),
                        forms);
}

Response set_mapping_status(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    return after_change(
        app, ex, *id, app.mappings().set_status(ex.actor(), *id, ex.form->get("status"), *version),
        {});
}

Response set_mapping_disagreement(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto participant = ex.id_param("participant");
    if (!id || !participant) return app.error_page(ex, 404);
    return after_change(app, ex, *id,
                        app.mappings().set_disagreement(ex.actor(), *participant,
                                                        ex.form->get("disagrees") == "yes"),
                        {});
}

Response start_mapping_review(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto review = app.mappings().start_review(ex.actor(), *id);
    if (!review) return app.error(ex, review.error());
    return Response::redirect("/mappings/" + std::to_string(*review));
}

Response move_mapping_entry(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto entry = ex.id_param("entry");
    auto version = ex.form->version();
    if (!id || !entry) return app.error_page(ex, 404);
    if (!version) return app.error_page(ex, 400);
    const auto& way = ex.form->get("way");
    core::Result<void> done =
        way == "remove" ? app.mappings().remove_entry(ex.actor(), *entry, *version)
        : way == "up"   ? app.mappings().move_entry(ex.actor(), *entry, service::Move::Up, *version)
        : way == "down"
            ? app.mappings().move_entry(ex.actor(), *entry, service::Move::Down, *version)
            : core::fail(core::ErrorKind::Invalid, "Choose up, down or remove");
    return after_change(app, ex, *id, done, {});
}

Response mark_alert_seen(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto case_id = app.mappings().mark_alert_seen(ex.actor(), *id);
    if (!case_id) return app.error(ex, case_id.error());
    return Response::redirect("/cases/" + std::to_string(*case_id));
}

}  // namespace signs::web::handlers
