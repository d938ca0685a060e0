#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/mapping_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

Options speaker_options(const service::MappingView& view) {
    Options out{{"agency", "The agency"}};
    for (const auto& p : view.participants) out.emplace_back(std::to_string(p.id), p.name);
    return out;
}

Options statement_options(const service::MappingView& view, std::int64_t except = 0) {
    Options out{{"", "Not a goal"}};
    int n = 0;
    for (const auto& e : view.entries) {
        if (e.category != domain::kDangerStatement || e.id == except) continue;
        auto text = e.text.size() > 60 ? e.text.substr(0, 57) + "..." : e.text;
        out.emplace_back(std::to_string(e.id),
                         view.wording.statement + " " + std::to_string(++n) + ": " + text);
    }
    return out;
}

Options category_options(const domain::MappingWording& w) {
    Options out;
    for (const auto& c : domain::entry_categories()) {
        std::string label = c.code == domain::kDangerStatement ? w.statement
                            : c.code == domain::kSafetyGoal    ? w.goal
                                                               : std::string{c.label};
        out.emplace_back(std::string{c.code}, label);
    }
    return out;
}

/// The edit form for one entry, with its earlier versions. `saved` is the entry as it is
/// now; after someone else's save it differs from what this person typed in `form`.
Response entry_page(App& app, Exchange& ex, int status, const service::MappingView& view,
                    const store::EntryRecord& saved, const domain::EntryForm& form,
                    const core::Error* error, bool stale) {
    auto history = app.mappings().entry_history(ex.actor(), saved.id);
    if (!history) return app.error(ex, history.error());
    nlohmann::json earlier = nlohmann::json::array();
    for (auto it = history->rbegin(); it != history->rend(); ++it) {
        earlier.push_back(
            {{"text", it->text},
             {"category", std::string{domain::label_for(domain::entry_categories(), it->category)}},
             {"who", it->changed_by_name.empty() ? "signs" : it->changed_by_name},
             {"when", when_text(it->changed_at)}});
    }
    nlohmann::json model = {
        {"title", (error || stale ? "Error: " : "") + std::string{"Change an entry"}},
        {"mapping_id", std::to_string(view.record.id)},
        {"entry_id", std::to_string(saved.id)},
        {"version", std::to_string(saved.version)},
        {"stale", stale},
        {"saved_text", saved.text},
        {"category", select_field("category", "Where it goes", category_options(view.wording),
                                  form.category, error)},
        {"text", field("text", "What was said, in their words", form.text, error)},
        {"said_by", select_field("said_by", "Who said it", speaker_options(view),
                                 form.said_by.empty() ? "agency" : form.said_by, error)},
        {"answers", select_field("answers",
                                 "For a " + core::lower_ascii(view.wording.goal) + ": the " +
                                     core::lower_ascii(view.wording.statement) + " it answers",
                                 statement_options(view, saved.id), form.answers, error)},
        {"earlier", earlier},
        {"has_earlier", !earlier.empty()},
        {"carried", saved.carried_from.has_value()},
        {"mark", radios("mark", "Since the last mapping", code_options(domain::review_marks()),
                        form.mark, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "mapping/entry", model);
}

domain::EntryForm form_of(const store::EntryRecord& e) {
    return {e.category, e.text, e.said_by ? std::to_string(*e.said_by) : "agency",
            e.answers ? std::to_string(*e.answers) : "", e.review_mark};
}

const store::EntryRecord* entry_in(const service::MappingView& view, std::int64_t entry_id) {
    for (const auto& e : view.entries) {
        if (e.id == entry_id) return &e;
    }
    return nullptr;
}

Response builder_page(App& app, Exchange& ex, int status, const service::MappingView& view,
                      const Form& f, const std::string& built_text, const std::string& built_kind) {
    const auto& w = view.wording;
    nlohmann::json model = {
        {"title", std::string{"Write a "} + core::lower_ascii(w.statement) + " or " +
                      core::lower_ascii(w.goal)},
        {"mapping_id", std::to_string(view.record.id)},
        {"statement_word", w.statement},
        {"goal_word", w.goal},
        {"who",
         field("who_is_worried", "Who is worried?", f.get("who_is_worried"), nullptr,
               {"text", "off", "For example: the social worker and Maya's grandmother", ""})},
        {"behaviour",
         field("behaviour", "What are they worried someone will do, or not do?", f.get("behaviour"),
               nullptr, {"text", "off", "Name who and what they do, plainly", ""})},
        {"impact",
         field("impact", "What could that mean for the child?", f.get("impact"), nullptr)},
        {"people_will", field("people_will", "What will the people around the child do?",
                              f.get("people_will"), nullptr,
                              {"text", "off",
                               "Say it as what people will do, not what they "
                               "will stop doing",
                               ""})},
        {"child_will",
         field("child_will", "What will the child experience?", f.get("child_will"), nullptr)},
        {"goal_answers",
         select_field("goal_answers", "The " + core::lower_ascii(w.statement) + " it answers",
                      statement_options(view), f.get("goal_answers"), nullptr)},
        {"has_built", !built_text.empty()},
        {"built_category", built_kind},
        {"built_answers", f.get("goal_answers")},
        {"built", field("text", "Check and change the words, then add it", built_text, nullptr)},
        {"said_by",
         select_field("said_by", "Who said it", speaker_options(view), "agency", nullptr)},
    };
    return app.page(ex, status, "mapping/builder", model);
}

}  // namespace

Response show_mapping_entry(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto entry_id = ex.id_param("entry");
    if (!id || !entry_id) return app.error_page(ex, 404);
    // The entry and its history are part of the mapping, so its stamp names them too.
    auto stamp = app.mappings().view_stamp(ex.actor(), *id);
    if (!stamp) return app.error(ex, stamp.error());
    return app.kept_page(ex, "mapping-entry." + stamp->key, [&] {
        auto view = app.mappings().view(ex.actor(), *id);
        if (!view) return app.error(ex, view.error());
        const auto* entry = entry_in(*view, *entry_id);
        if (!entry) return app.error_page(ex, 404);
        return entry_page(app, ex, 200, *view, *entry, form_of(*entry), nullptr, false);
    });
}

Response update_mapping_entry(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto entry_id = ex.id_param("entry");
    if (!id || !entry_id) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    domain::EntryForm form{ex.form->get("category"), ex.form->get("text"), ex.form->get("said_by"),
                           ex.form->get("answers"), ex.form->get("mark")};
    for (const auto& v : {form.said_by, form.answers}) {
        if (!v.empty() && v != "agency" && !parse_number(v)) return app.error_page(ex, 400);
    }
    auto done = app.mappings().update_entry(ex.actor(), *entry_id, form, *version);
    if (done) return Response::redirect("/mappings/" + std::to_string(*id) + "?done=saved");
    auto kind = done.error().kind;
    if (kind != core::ErrorKind::Invalid && kind != core::ErrorKind::Stale)
        return app.error(ex, done.error());
    auto view = app.mappings().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    const auto* entry = entry_in(*view, *entry_id);
    if (!entry) return app.error_page(ex, 404);
    bool stale = kind == core::ErrorKind::Stale;
    return entry_page(app, ex, stale ? 409 : 422, *view, *entry, form,
                      stale ? nullptr : &done.error(), stale);
}

Response show_mapping_builder(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto stamp = app.mappings().view_stamp(ex.actor(), *id);
    if (!stamp) return app.error(ex, stamp.error());
    return app.kept_page(ex, "mapping-builder." + stamp->key, [&] {
        auto view = app.mappings().view(ex.actor(), *id);
        if (!view) return app.error(ex, view.error());
        return builder_page(app, ex, 200, *view, Form{}, "", "");
    });
}

/// Puts the builder's parts together into a statement the worker can change before adding.
Response build_mapping_statement(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto view = app.mappings().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    const auto& f = *ex.form;
    bool goal = f.get("kind") == "goal";
    auto text = goal ? domain::safety_goal({f.get("people_will"), f.get("child_will")})
                     : domain::danger_statement(
                           {f.get("who_is_worried"), f.get("behaviour"), f.get("impact")});
    return builder_page(app, ex, 200, *view, f, text,
                        std::string{goal ? domain::kSafetyGoal : domain::kDangerStatement});
}

}  // namespace signs::web::handlers
