#include "domain/documents/words_and_pictures.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/story_pictures.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

Response story_form(App& app, Exchange& ex, int status, std::int64_t case_id,
                    const domain::StoryForm& form, const core::Error* error) {
    auto children = app.child_voice().children(ex.actor(), case_id);
    if (!children) return app.error(ex, children.error());
    Options choices;
    for (const auto& c : *children)
        choices.emplace_back(std::to_string(c.id), c.known_as() + " " + c.last_name);
    auto chosen = form.child.empty() && choices.size() == 1 ? choices.front().first : form.child;
    Options pictures{{"", "No picture"}};
    for (const auto& p : domain::story_pictures())
        pictures.emplace_back(std::string{p.code}, std::string{p.label});
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& part : domain::story_parts()) {
        std::string code{part.code};
        auto words = form.words.contains(code) ? form.words.at(code) : "";
        auto picture = form.pictures.contains(code) ? form.pictures.at(code) : "";
        // The family's own words: no plainer-word suggestions here either.
        parts.push_back(
            {{"words", not_prose(field(code, std::string{part.label}, words, error))},
             {"picture", select_field(code + "-picture",
                                      "Picture for “" + std::string{part.label} + "” (optional)",
                                      pictures, picture, error)}});
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Words and pictures"}},
        {"case_id", std::to_string(case_id)},
        {"child", radios("child", "Who is the story for?", choices, chosen, error)},
        {"story_title", field("title", "Title", form.title, error,
                              {"text", "off", "For example, Maya's story", ""})},
        {"written_with",
         field("written_with", "Written with", form.written_with, error,
               {"text", "off", "Who in the family wrote it with you, such as Mum and Gran", ""})},
        {"parts", parts},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "stories/form", model);
}

Response story_page(App& app, Exchange& ex, int status, std::int64_t id,
                    const domain::GivenForm& form, const core::Error* error) {
    auto view = app.family_documents().story(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    const auto& s = view->story;
    nlohmann::json pages = nlohmann::json::array();
    for (const auto& part : domain::story_parts()) {
        std::string code{part.code};
        const auto& picture = s.pictures.contains(code) ? s.pictures.at(code) : "";
        std::string label{domain::label_for(domain::story_pictures(), picture)};
        nlohmann::json lines = nlohmann::json::array();
        for (const auto& section : view->document.sections)
            if (section.heading == part.label)
                for (const auto& b : section.blocks) lines.push_back(b.text);
        pages.push_back({{"heading", std::string{part.label}},
                         {"picture", story_picture_svg(picture, label)},
                         {"lines", lines}});
    }
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : view->versions) {
        versions.push_back(
            {{"href", "/stories/" + std::to_string(v.id)},
             {"text", "Version " + std::to_string(v.version) + ", " + when_text(v.created_at) +
                          (v.created_by_name.empty() ? "" : " by " + v.created_by_name)},
             {"current", v.id == s.id}});
    }
    nlohmann::json given = nlohmann::json::array();
    for (const auto& g : view->given) {
        given.push_back(
            {{"to", g.given_to},
             {"on", date_text(g.given_on)},
             {"how", std::string{domain::label_for(domain::given_ways(), g.how)}},
             {"what", g.title + ", " + g.based_on},
             {"version", g.based_on == view->based_on ? "This version" : "Another version"}});
    }
    Options ways;
    for (const auto& w : domain::given_ways())
        ways.emplace_back(std::string{w.code}, std::string{w.label});
    auto done = ex.query().get("done");
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + s.title},
        {"story_title", s.title},
        {"child_name", view->child_name},
        {"family", view->family_name},
        {"case_id", std::to_string(s.case_id)},
        {"id", std::to_string(s.id)},
        {"version", std::to_string(s.version)},
        {"latest", view->versions.empty() || view->versions.front().id == s.id},
        {"written_with", s.written_with},
        {"pages", pages},
        {"versions", versions},
        {"given", given},
        {"has_given", !given.empty()},
        {"open", view->case_open},
        {"given_to", field("given_to", "Who you gave it to", form.given_to, error)},
        {"given_date", date_field("given", "Date you gave it", form.day, form.month, form.year,
                                  error, "For example, 27 11 2026")},
        {"how", radios("how", "How you gave it", ways, form.how, error)},
        {"done", done == "saved"   ? nlohmann::json("Saved as version " + std::to_string(s.version))
                 : done == "given" ? nlohmann::json("The copy given is recorded")
                                   : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "stories/show", model);
}

domain::StoryForm story_form_from(const Form& f) {
    domain::StoryForm form{f.get("child"), f.get("title"), f.get("written_with"), {}, {}};
    for (const auto& part : domain::story_parts()) {
        std::string code{part.code};
        form.words[code] = f.get(code);
        form.pictures[code] = f.get(code + "-picture");
    }
    return form;
}

}  // namespace

Response new_story(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    domain::StoryForm form;
    // Changing a story starts from the version being changed.
    if (auto from = parse_number(ex.query().get("from"))) {
        auto view = app.family_documents().story(ex.actor(), *from);
        if (!view) return app.error(ex, view.error());
        if (view->story.case_id != *id) return app.error_page(ex, 404);
        form = {std::to_string(view->story.child_id), view->story.title, view->story.written_with,
                view->story.words, view->story.pictures};
        return story_form(app, ex, 200, *id, form, nullptr);
    }
    // A new story starts empty, so it is drawn from the case alone.
    return kept_case_form(app, ex, *id, "",
                          [&] { return story_form(app, ex, 200, *id, form, nullptr); });
}

Response create_story(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = story_form_from(*ex.form);
    auto written = app.family_documents().write_story(ex.actor(), *id, form);
    if (written) return Response::redirect("/stories/" + std::to_string(*written) + "?done=saved");
    if (written.error().kind != core::ErrorKind::Invalid) return app.error(ex, written.error());
    return story_form(app, ex, 422, *id, form, &written.error());
}

Response show_story(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return story_page(app, ex, 200, *id, {}, nullptr);
}

Response record_story_given(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::GivenForm form{f.get("given_to"), f.get("given-day"), f.get("given-month"),
                           f.get("given-year"), f.get("how")};
    auto recorded = app.family_documents().record_story_given(ex.actor(), *id, form);
    if (recorded) return Response::redirect("/stories/" + std::to_string(*id) + "?done=given");
    if (recorded.error().kind != core::ErrorKind::Invalid) return app.error(ex, recorded.error());
    return story_page(app, ex, 422, *id, form, &recorded.error());
}

}  // namespace signs::web::handlers
