#include "service/casework_service.hpp"
#include "web/handlers/casework_json.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {

nlohmann::json or_null(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json child_json(const store::ChildRecord& c) {
    return {{"id", c.id},
            {"first_name", c.first_name},
            {"last_name", c.last_name},
            {"preferred_name", c.preferred_name},
            {"date_of_birth", or_null(c.date_of_birth)},
            {"expected_date", or_null(c.expected_date)},
            {"sex", c.sex},
            {"ethnicity", c.ethnicity},
            {"disabilities", domain::split_codes(c.disabilities)},
            {"first_language", c.first_language},
            {"interpreter_needed", c.interpreter_needed},
            {"nhs_number", or_null(c.nhs_number)},
            {"upn", or_null(c.upn)},
            {"former_upn", or_null(c.former_upn)},
            {"upn_unknown", or_null(c.upn_unknown)},
            {"date_of_death", or_null(c.date_of_death)},
            {"school", c.school},
            {"what_matters", c.what_matters}};
}

namespace {

nlohmann::json period_json(const store::LevelPeriodRecord& p) {
    return {{"level", p.level},
            {"from", p.from_date},
            {"to", or_null(p.to_date)},
            {"reason", p.reason},
            {"category", or_null(p.category)},
            {"legal_status", or_null(p.legal_status)}};
}

}  // namespace

domain::ChildForm child_form_from_json(JsonBody& body) {
    auto dob = body.date_parts("date_of_birth");
    auto due = body.date_parts("expected_date");
    bool unborn = body.has("expected_date") && !body.has("date_of_birth");
    auto died = body.date_parts("date_of_death");
    domain::ChildForm form;
    form.first_name = body.text("first_name");
    form.last_name = body.text("last_name");
    form.preferred_name = body.text("preferred_name");
    form.unborn = unborn ? "yes" : "";
    form.dob_day = dob[0], form.dob_month = dob[1], form.dob_year = dob[2];
    form.due_day = due[0], form.due_month = due[1], form.due_year = due[2];
    form.sex = body.text("sex");
    form.ethnicity = body.text("ethnicity");
    form.disabilities = body.texts("disabilities");
    form.first_language = body.text("first_language");
    form.interpreter = body.flag("interpreter_needed") ? "yes" : "no";
    form.nhs_number = body.text("nhs_number");
    form.upn = body.text("upn");
    form.former_upn = body.text("former_upn");
    form.upn_unknown = body.text("upn_unknown");
    form.died_day = died[0], form.died_month = died[1], form.died_year = died[2];
    form.school = body.text("school");
    form.what_matters = body.text("what_matters");
    return form;
}

Response api_search_children(App& app, Exchange& ex) {
    auto query = ex.query();
    auto cursor = search_cursor(query);
    if (!cursor) {
        return app.error_page(ex, 400,
                              "after and before are children's numbers, and only one is given");
    }
    auto found = app.casework().search_children(ex.actor(), query.get("q"), *cursor);
    if (!found) return app.error(ex, found.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : found->children) {
        auto item = child_json(r.child);
        item["current_level"] = or_null(r.current_level);
        list.push_back(item);
    }
    auto cursor_json = [](const std::optional<std::int64_t>& id) {
        return id ? nlohmann::json(std::to_string(*id)) : nlohmann::json(nullptr);
    };
    return Response::json(200, json_text({{"children", list},
                                          {"next", cursor_json(found->next_after)},
                                          {"previous", cursor_json(found->previous_before)},
                                          {"has_more", found->next_after.has_value()}}));
}

Response api_show_child(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id)
        return app.error(
            ex, core::Error::of(core::ErrorKind::NotFound, "There is no child with that number"));
    auto view = app.casework().view_child(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    auto body = child_json(view->child);
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& k : view->cases) {
        nlohmann::json levels = nlohmann::json::array();
        for (const auto& p : k.history) levels.push_back(period_json(p));
        cases.push_back(
            {{"id", k.record.id}, {"family_name", k.record.family_name}, {"levels", levels}});
    }
    body["cases"] = cases;
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : view->chronology) {
        events.push_back({{"date", e.occurred_on}, {"kind", e.kind}, {"summary", e.summary}});
    }
    body["chronology"] = events;
    return Response::json(200, json_text(body));
}

Response api_create_child(App& app, Exchange& ex) {
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto form = child_form_from_json(*body);
    if (auto problems = body->problems()) return app.error(ex, *problems);
    bool confirmed = body->flag("confirmed_not_duplicate");
    auto added = app.casework().add_child(ex.actor(), form, confirmed);
    if (!added) return app.error(ex, added.error());
    if (!added->child_id) {
        nlohmann::json alike = nlohmann::json::array();
        for (const auto& c : added->lookalikes) alike.push_back(child_json(c));
        return Response::json(409, json_text({{"error",
                                               {{"status", 409},
                                                {"message",
                                                 "This child may already have a record; send "
                                                 "confirmed_not_duplicate: true to add anyway"},
                                                {"possible_duplicates", alike}}}}));
    }
    auto view = app.casework().view_child(ex.actor(), *added->child_id);
    if (!view) return app.error(ex, view.error());
    return Response::json(201, json_text(child_json(view->child)));
}

Response api_show_case(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id)
        return app.error(
            ex, core::Error::of(core::ErrorKind::NotFound, "There is no case with that number"));
    auto view = app.casework().view_case(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    const auto& r = view->record;
    nlohmann::json children = nlohmann::json::array();
    for (const auto& k : view->children) {
        nlohmann::json levels = nlohmann::json::array();
        for (const auto& p : k.history) levels.push_back(period_json(p));
        children.push_back({{"id", k.child.id},
                            {"name", k.child.first_name + " " + k.child.last_name},
                            {"levels", levels}});
    }
    return Response::json(200, json_text({{"id", r.id},
                                          {"family_name", r.family_name},
                                          {"team", or_null(r.team_name)},
                                          {"worker", or_null(r.worker_name)},
                                          {"opened_on", r.opened_on},
                                          {"version", r.version},
                                          {"children", children}}));
}

}  // namespace signs::web::handlers
