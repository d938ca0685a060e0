#include "web/handlers/handlers.hpp"
#include "web/json_body.hpp"
#include "web/language_json.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

struct TermFields {
    std::string phrase, suggestion, reason, meaning;
    bool exact_case = false;
};

Response plain_words_page(App& app, Exchange& ex, int status, const TermFields& form,
                          const core::Error* error) {
    auto local = app.language().local_terms(ex.actor());
    if (!local) return app.error(ex, local.error());
    nlohmann::json own = nlohmann::json::array();
    std::vector<domain::Term> own_terms;
    for (const auto& r : *local) {
        own.push_back(
            {{"id", std::to_string(r.id)},
             {"phrase", r.term.phrase},
             {"suggestion", r.term.suggestion},
             {"reason", r.term.reason},
             {"capitals", r.term.match == domain::TermMatch::ExactCase},
             {"added", r.added_by_name.empty() ? when_text(r.added_at)
                                               : r.added_by_name + ", " + when_text(r.added_at)}});
        own_terms.push_back(r.term);
    }
    // The file's terms as they stand once the council's own have taken their places.
    auto in_force = domain::with_local_terms(app.language().file_terms(), own_terms);
    nlohmann::json from_file = nlohmann::json::array();
    for (std::size_t i = 0; i + own_terms.size() < in_force.size(); ++i) {
        const auto& t = in_force[i];
        if (t.match == domain::TermMatch::Everyday) continue;  // passed over, never shown
        from_file.push_back({{"phrase", t.phrase},
                             {"suggestion", t.suggestion},
                             {"reason", t.reason},
                             {"capitals", t.match == domain::TermMatch::ExactCase}});
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Plain words"}},
        {"own", own},
        {"has_own", !own.empty()},
        {"from_file", from_file},
        {"file_count", std::to_string(from_file.size())},
        {"phrase",
         field("phrase", "Words to look for", form.phrase, error,
               {"text", "off", "For example, TAF or initial child protection conference", ""})},
        {"suggestion", field("suggestion", "What to write instead", form.suggestion, error)},
        {"reason", field("reason", "Why, in a line", form.reason, error)},
        {"meaning",
         field("meaning", "What it means, for families (optional)", form.meaning, error,
               {"text", "off",
                "Shown under \"Words we use\" in family documents that still use the term. "
                "Leave it empty for a word that should be rewritten, not explained.",
                ""})},
        {"exact_case", form.exact_case},
        {"done",
         ex.query().get("done") == "saved" ? nlohmann::json("Saved") : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/plain_words", model);
}

}  // namespace

Response list_plain_words(App& app, Exchange& ex) {
    auto draw = [&] { return plain_words_page(app, ex, 200, {}, nullptr); };
    if (ex.query().has("done")) return draw();
    return app.kept_page(ex, "plain-words." + app.language().terms_stamp(), draw);
}

Response add_plain_word(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    TermFields form{f.get("phrase"), f.get("suggestion"), f.get("reason"), f.get("meaning"),
                    f.get("exact_case") == "yes"};
    auto added = app.language().add_term(
        ex.actor(),
        {form.phrase, form.suggestion, form.reason,
         form.exact_case ? domain::TermMatch::ExactCase : domain::TermMatch::Words, form.meaning});
    if (added) return Response::redirect("/admin/plain-words?done=saved");
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    return plain_words_page(app, ex, 422, form, &added.error());
}

Response remove_plain_word(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto removed = app.language().remove_term(ex.actor(), *id);
    if (!removed) return app.error(ex, removed.error());
    return Response::redirect("/admin/plain-words?done=saved");
}

Response api_check_language(App& app, Exchange& ex) {
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    bool sent = body->has("text");
    auto text = body->text("text");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    if (!sent)
        return app.error(ex,
                         core::Error::invalid({{"text", "Send the text to check as \"text\""}}));
    auto glossary = app.language().glossary();
    auto report = domain::check_language(*glossary, text);
    return Response::json(200, language_report_json(*glossary, report, text));
}

}  // namespace signs::web::handlers
