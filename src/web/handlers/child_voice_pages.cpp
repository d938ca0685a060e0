#include "web/child_voice_svg.hpp"
#include "web/downloads.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

Response voice_form(App& app, Exchange& ex, int status, std::int64_t case_id,
                    const domain::ChildVoiceForm& form, const core::Error* error) {
    const auto* tool = domain::find_voice_tool(form.tool);
    if (!tool) return app.error_page(ex, 404);
    auto children = app.child_voice().children(ex.actor(), case_id);
    if (!children) return app.error(ex, children.error());
    Options choices;
    for (const auto& c : *children)
        choices.emplace_back(std::to_string(c.id), c.known_as() + " " + c.last_name);
    auto chosen = form.child.empty() && choices.size() == 1 ? choices.front().first : form.child;
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& part : tool->parts) {
        auto found = form.parts.find(std::string{part.code});
        // The child's own words are kept as they said them: no plainer-word suggestions.
        auto box = not_prose(field(std::string{part.code}, std::string{part.name},
                                   found == form.parts.end() ? "" : found->second, error,
                                   {"text", "off", std::string{part.prompt}, ""}));
        parts.push_back(box);
    }
    auto drawing_error = field_message(error, "drawing");
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{tool->name}},
        {"case_id", std::to_string(case_id)},
        {"max_upload_mib", app.config().upload_limit.mib},
        {"max_upload_bytes", app.config().upload_limit.bytes()},
        {"tool", std::string{tool->code}},
        {"tool_name", std::string{tool->name}},
        {"child", radios("child", "Whose words are these?", choices, chosen, error)},
        {"on", date_field("on", "When did you do this together?", form.day, form.month, form.year,
                          error, "For example, 27 11 2026")},
        {"helped_by", field("helped_by", "Who helped", form.helped_by, error,
                            {"text", "off", "Your name, and anyone else who was there", ""})},
        {"parts", parts},
        {"has_path", tool->has_path},
        {"place",
         field("place", "Where did they put themself on the path? (optional)", form.place, error,
               {"text", "off", "0 is furthest from the house, 10 is at the door",
                "govuk-input--width-2"})},
        {"drawing_error",
         drawing_error.empty() ? nlohmann::json(false) : nlohmann::json(drawing_error)},
        {"share_family",
         radios("share_family", "Did the child agree for their family to read these words?",
                {{"yes", "Yes"}, {"no", "No, or we did not ask"}}, form.share_family, error)},
        {"share_network",
         radios("share_network",
                "Did the child agree for their safety network to read these words?",
                {{"yes", "Yes"}, {"no", "No, or we did not ask"}}, form.share_network, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "child_voice/new", model);
}

/// Who the child agreed may read their words, as a sentence for the record page.
std::string who_may_read(const std::string& child, const store::child_voice::VoiceRecord& r) {
    if (r.shared_with_family && r.shared_with_network)
        return child + " agreed for their family and their network to read these words.";
    if (r.shared_with_family)
        return child + " agreed for their family to read these words, but not their network.";
    if (r.shared_with_network)
        return child + " agreed for their network to read these words, but not their family.";
    return child +
           " did not agree for their family or network to read these words: they stay with the "
           "professionals.";
}

/// The record page; `error` is a problem with the "Add to a mapping" form just sent.
Response voice_page(App& app, Exchange& ex, int status, std::int64_t id, const core::Error* error) {
    auto view = app.child_voice().view(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    const auto& r = view->record;
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& part : view->tool->parts) {
        auto words = r.parts.find(std::string{part.code});
        parts.push_back({{"name", std::string{part.name}},
                         {"words", words == r.parts.end() || words->second.empty()
                                       ? nlohmann::json(false)
                                       : nlohmann::json(words->second)}});
    }
    Options mappings;
    for (const auto& m : view->open_mappings)
        mappings.emplace_back(std::to_string(m.id), "Mapping of " + date_text(m.held_on));
    auto href = "/child-voice/" + std::to_string(r.id);
    bool image = r.drawing_type.starts_with("image/");
    nlohmann::json model = {
        {"title", std::string{view->tool->name} + ": " + view->child_name + "'s words"},
        {"tool_name", std::string{view->tool->name}},
        {"child_name", view->child_name},
        {"case_id", std::to_string(r.case_id)},
        {"family", view->family_name},
        {"on", date_text(r.held_on)},
        {"helped_by", r.helped_by},
        {"place",
         r.place ? nlohmann::json(std::to_string(*r.place) + " out of 10") : nlohmann::json(false)},
        {"picture", child_voice_svg(*view->tool, r.parts, r.place)},
        {"parts", parts},
        {"drawing", r.drawing_sha256.empty() ? nlohmann::json(false)
                                             : nlohmann::json{{"href", href + "/drawing"},
                                                              {"image", image},
                                                              {"name", r.drawing_name}}},
        {"href", href},
        {"shared", who_may_read(view->child_name, r)},
        {"can_map", !mappings.empty() && r.may_go_into_mapping()},
        {"mapping", radios("mapping", "Which mapping?", mappings,
                           mappings.size() == 1 ? mappings.front().first : "", error)},
        {"done",
         ex.query().get("done") == "saved" ? nlohmann::json("Saved") : nlohmann::json(false)},
    };
    if (error) {
        add_error_summary(model, *error);
        model["title"] = "Error: " + model["title"].get<std::string>();
    }
    return app.page(ex, status, "child_voice/show", model);
}

}  // namespace

Response new_child_voice(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    domain::ChildVoiceForm form;
    form.tool = ex.query().get("tool");
    auto draw = [&] { return voice_form(app, ex, 200, *id, form, nullptr); };
    // Only a tool the page knows names a kept form; anything else is drawn as it comes.
    if (!form.tool.empty() && !domain::find_voice_tool(form.tool)) return draw();
    return kept_case_form(app, ex, *id, form.tool, draw);
}

Response create_child_voice(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::ChildVoiceForm form{f.get("tool"),
                                f.get("child"),
                                f.get("on-day"),
                                f.get("on-month"),
                                f.get("on-year"),
                                f.get("helped_by"),
                                {},
                                f.get("place"),
                                f.get("share_family"),
                                f.get("share_network")};
    if (const auto* tool = domain::find_voice_tool(form.tool)) {
        for (const auto& part : tool->parts) form.parts[std::string{part.code}] = f.get(part.code);
    }
    std::optional<service::Upload> drawing;
    if (const auto* file = f.file("drawing")) drawing = service::Upload{file->name, file->bytes};
    auto made = app.child_voice().record(ex.actor(), *id, form, drawing);
    if (made) return Response::redirect("/child-voice/" + std::to_string(*made) + "?done=saved");
    if (made.error().kind != core::ErrorKind::Invalid) return app.error(ex, made.error());
    if (!domain::find_voice_tool(form.tool)) return app.error_page(ex, 422);
    return voice_form(app, ex, 422, *id, form, &made.error());
}

Response show_child_voice(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return voice_page(app, ex, 200, *id, nullptr);
}

Response child_voice_drawing(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto drawing = app.child_voice().drawing(ex.actor(), *id);
    if (!drawing) return app.error(ex, drawing.error());
    return file_download(std::move(drawing->bytes), drawing->media_type, drawing->name);
}

Response child_voice_to_mapping(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto mapping = parse_number(ex.form->get("mapping"));
    auto added = app.child_voice().add_to_mapping(ex.actor(), *id, mapping.value_or(0));
    if (!added && added.error().kind == core::ErrorKind::Invalid)
        return voice_page(app, ex, 422, *id, &added.error());
    if (!added) return app.error(ex, added.error());
    return Response::redirect("/mappings/" + std::to_string(*mapping) + "?done=saved");
}

}  // namespace signs::web::handlers
