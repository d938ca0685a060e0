#include "service/casework_service.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

nlohmann::json or_null(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json child_json(const store::ChildRecord& c) {
    std::vector<std::string> disabilities;
    for (std::size_t start = 0; start < c.disabilities.size();) {
        auto end = c.disabilities.find(',', start);
        disabilities.push_back(c.disabilities.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return {{"id", c.id},
            {"first_name", c.first_name},
            {"last_name", c.last_name},
            {"preferred_name", c.preferred_name},
            {"date_of_birth", or_null(c.date_of_birth)},
            {"expected_date", or_null(c.expected_date)},
            {"gender", c.gender},
            {"ethnicity", c.ethnicity},
            {"disabilities", disabilities},
            {"first_language", c.first_language},
            {"interpreter_needed", c.interpreter_needed},
            {"nhs_number", or_null(c.nhs_number)},
            {"upn", or_null(c.upn)},
            {"school", c.school},
            {"what_matters", c.what_matters}};
}

nlohmann::json period_json(const store::LevelPeriodRecord& p) {
    return {{"level", p.level},
            {"from", p.from_date},
            {"to", or_null(p.to_date)},
            {"reason", p.reason},
            {"category", or_null(p.category)},
            {"legal_status", or_null(p.legal_status)}};
}

}  // namespace

Response api_search_children(App& app, Exchange& ex) {
    auto found = app.casework().search_children(ex.actor(), ex.query().get("q"));
    if (!found) return app.error(ex, found.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : *found) {
        auto item = child_json(r.child);
        item["current_level"] = or_null(r.current_level);
        list.push_back(item);
    }
    return Response::json(200, json_text({{"children", list}}));
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
    auto body = nlohmann::json::parse(ex.request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return app.error(
            ex, core::Error::of(core::ErrorKind::Invalid, "The body must be a JSON object"));
    }
    std::vector<core::FieldError> wrong;
    auto text = [&](const char* name) -> std::string {
        if (!body.contains(name) || body[name].is_null()) return "";
        if (!body[name].is_string()) {
            wrong.push_back({name, std::string{name} + " must be a string"});
            return "";
        }
        return body[name].get<std::string>();
    };
    // Dates come whole in JSON (YYYY-MM-DD) and are split into the form's three boxes.
    auto date_parts = [&](const char* name) -> std::array<std::string, 3> {
        auto value = text(name);
        if (value.empty()) return {};
        auto date = core::CivilDate::parse_iso(value);
        if (!date) {
            wrong.push_back({name, std::string{name} + " must be a real date written YYYY-MM-DD"});
            return {};
        }
        return {std::to_string(static_cast<unsigned>(date->ymd().day())),
                std::to_string(static_cast<unsigned>(date->ymd().month())),
                std::to_string(static_cast<int>(date->ymd().year()))};
    };
    std::vector<std::string> disabilities;
    if (body.contains("disabilities") && !body["disabilities"].is_null()) {
        if (!body["disabilities"].is_array()) {
            wrong.push_back({"disabilities", "disabilities must be a list of codes"});
        } else {
            for (const auto& d : body["disabilities"]) {
                if (d.is_string())
                    disabilities.push_back(d.get<std::string>());
                else
                    wrong.push_back({"disabilities", "disabilities must be a list of codes"});
            }
        }
    }
    auto dob = date_parts("date_of_birth");
    auto due = date_parts("expected_date");
    bool unborn = body.contains("expected_date") && !body["expected_date"].is_null() &&
                  !(body.contains("date_of_birth") && !body["date_of_birth"].is_null());
    domain::ChildForm form{text("first_name"),
                           text("last_name"),
                           text("preferred_name"),
                           unborn ? "yes" : "",
                           dob[0],
                           dob[1],
                           dob[2],
                           due[0],
                           due[1],
                           due[2],
                           text("gender"),
                           text("ethnicity"),
                           disabilities,
                           text("first_language"),
                           body.value("interpreter_needed", false) == true ? "yes" : "no",
                           text("nhs_number"),
                           text("upn"),
                           text("school"),
                           text("what_matters")};
    if (!wrong.empty()) return app.error(ex, core::Error::invalid(wrong));
    bool confirmed = body.value("confirmed_not_duplicate", false) == true;
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
