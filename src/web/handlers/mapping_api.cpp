// Mappings through the API: read one, list and export a case's, and the same changes as the
// mapping page (participants, entries, numbers, status), through the same service.
#include "service/mapping_service.hpp"
#include "web/handlers/casework_json.hpp"
#include "web/handlers/handlers.hpp"
#include "web/json_body.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

nlohmann::json optional_id(const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

nlohmann::json mapping_json(const service::MappingView& v) {
    nlohmann::json participants = nlohmann::json::array();
    for (const auto& p : v.participants) {
        participants.push_back(
            {{"id", p.id},
             {"name", p.name},
             {"kind", p.kind},
             {"took_part", p.took_part},
             {"disagrees", p.disagrees},
             {"person_id", p.person_id ? nlohmann::json(*p.person_id) : nlohmann::json(nullptr)},
             {"user_id", p.user_id ? nlohmann::json(*p.user_id) : nlohmann::json(nullptr)},
             {"recorded_name", p.recorded_name}});
    }
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : v.entries) {
        entries.push_back({{"id", e.id},
                           {"category", e.category},
                           {"column", std::string{domain::column_of(e.category)}},
                           {"text", e.text},
                           {"said_by", optional_id(e.said_by)},
                           {"answers", optional_id(e.answers)},
                           {"position", e.position},
                           {"version", e.version}});
    }
    nlohmann::json scores = nlohmann::json::array();
    for (const auto& s : v.scores) {
        nlohmann::json score = {{"participant_id", s.participant_id},
                                {"about", optional_id(s.statement_id)},
                                {"question", s.question},
                                {"anchor_zero", s.anchor_zero},
                                {"anchor_ten", s.anchor_ten},
                                {"direction", s.direction},
                                {"recorded_at", s.recorded_at}};
        // Blind scaling keeps the numbers back here too until everyone has given theirs.
        if (v.revealed) {
            score["value"] = s.value;
            score["why_not_lower"] = s.why_not_lower;
            score["one_point_higher"] = s.one_point_higher;
        }
        scores.push_back(score);
    }
    return {{"id", v.record.id},
            {"case_id", v.record.case_id},
            {"held_on", v.record.held_on},
            {"purpose", v.record.purpose},
            {"status", v.record.status},
            {"variant", v.record.variant},
            {"blind", v.record.blind},
            {"revealed", v.revealed},
            {"version", v.record.version},
            {"child_ids", v.record.child_ids},
            {"participants", participants},
            {"entries", entries},
            {"scores", scores},
            {"agreement_problems", v.agreement_problems}};
}

/// The mapping's number from the path and the request's JSON body.
struct MappingCall {
    std::int64_t id;
    JsonBody body;
};

std::expected<MappingCall, Response> mapping_call(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return std::unexpected(api_not_found(app, ex));
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return std::unexpected(app.error(ex, body.error()));
    return MappingCall{*id, std::move(*body)};
}

/// A number from the body as the text the forms carry ("" when absent).
std::string number_text(JsonBody& body, const std::string& name) {
    auto n = body.number(name);
    return n ? std::to_string(*n) : "";
}

Response answer(App& app, Exchange& ex, const core::Result<void>& done, std::int64_t id) {
    if (!done) return app.error(ex, done.error());
    auto view = app.mappings().view(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    return Response::json(200, json_text(mapping_json(*view)));
}

}  // namespace

Response api_show_mapping(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    auto view = app.mappings().view(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return Response::json(200, json_text(mapping_json(*view)));
}

Response api_case_mappings(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto list = app.mappings().for_case(ex.actor(), *case_id);
    if (!list) return app.error(ex, list.error());
    // The whole of each mapping: this is the export of a case's mappings.
    nlohmann::json mappings = nlohmann::json::array();
    for (const auto& m : *list) {
        auto view = app.mappings().view(ex.actor(), m.id);
        if (!view) return app.error(ex, view.error());
        mappings.push_back(mapping_json(*view));
    }
    return Response::json(200, json_text({{"case_id", *case_id}, {"mappings", mappings}}));
}

Response api_start_mapping(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto date = body->date_parts("held_on");
    std::vector<std::string> children;
    for (auto id : body->numbers("child_ids")) children.push_back(std::to_string(id));
    domain::MappingForm form{date[0],  date[1],
                             date[2],  body->text("purpose"),
                             children, body->flag("blind") ? "yes" : ""};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto started = app.mappings().start(ex.actor(), *case_id, form);
    if (!started) return app.error(ex, started.error());
    auto view = app.mappings().view(ex.actor(), *started);
    if (!view) return app.error(ex, view.error());
    return Response::json(201, json_text(mapping_json(*view)));
}

Response api_add_mapping_participant(App& app, Exchange& ex) {
    auto call = mapping_call(app, ex);
    if (!call) return std::move(call.error());
    auto& body = call->body;
    domain::ParticipantForm form{body.text("name"), body.text("kind"), body.text("took_part"),
                                 number_text(body, "person_id"), number_text(body, "user_id")};
    if (auto problems = body.problems()) return app.error(ex, *problems);
    auto added = app.mappings().add_participant(ex.actor(), call->id, form);
    return answer(app, ex, added ? core::Result<void>{} : std::unexpected(added.error()), call->id);
}

Response api_add_mapping_entry(App& app, Exchange& ex) {
    auto call = mapping_call(app, ex);
    if (!call) return std::move(call.error());
    auto& body = call->body;
    auto said_by = number_text(body, "said_by");
    domain::EntryForm form{body.text("category"), body.text("text"),
                           said_by.empty() ? "agency" : said_by, number_text(body, "answers"), ""};
    if (auto problems = body.problems()) return app.error(ex, *problems);
    auto added = app.mappings().add_entry(ex.actor(), call->id, form);
    return answer(app, ex, added ? core::Result<void>{} : std::unexpected(added.error()), call->id);
}

Response api_add_mapping_score(App& app, Exchange& ex) {
    auto call = mapping_call(app, ex);
    if (!call) return std::move(call.error());
    auto& body = call->body;
    domain::ScoreForm form{number_text(body, "participant_id"), number_text(body, "value"),
                           body.text("why_not_lower"), body.text("one_point_higher"),
                           number_text(body, "about")};
    if (auto problems = body.problems()) return app.error(ex, *problems);
    return answer(app, ex, app.mappings().put_score(ex.actor(), call->id, form), call->id);
}

Response api_set_mapping_status(App& app, Exchange& ex) {
    auto call = mapping_call(app, ex);
    if (!call) return std::move(call.error());
    auto& body = call->body;
    auto status = body.text("status");
    auto version = body.number("version");
    if (auto problems = body.problems()) return app.error(ex, *problems);
    if (!version)
        return app.error(ex, core::Error::invalid({{"version", "Give the mapping's version"}}));
    return answer(
        app, ex,
        app.mappings().set_status(ex.actor(), call->id, status, static_cast<int>(*version)),
        call->id);
}

Response api_update_mapping_entry(App& app, Exchange& ex) {
    auto call = mapping_call(app, ex);
    if (!call) return std::move(call.error());
    auto entry = ex.id_param("entry");
    if (!entry) return api_not_found(app, ex);
    auto& body = call->body;
    auto said_by = number_text(body, "said_by");
    domain::EntryForm form{body.text("category"), body.text("text"),
                           said_by.empty() ? "agency" : said_by, number_text(body, "answers"),
                           body.text("mark")};
    auto version = body.number("version");
    auto move = body.text("move");  // "up", "down" or "remove" instead of new words
    if (auto problems = body.problems()) return app.error(ex, *problems);
    if (!version)
        return app.error(ex, core::Error::invalid({{"version", "Give the entry's version"}}));
    auto v = static_cast<int>(*version);
    auto& mappings = app.mappings();
    if (move == "remove")
        return answer(app, ex, mappings.remove_entry(ex.actor(), *entry, v), call->id);
    if (move == "up" || move == "down") {
        auto way = move == "up" ? service::Move::Up : service::Move::Down;
        return answer(app, ex, mappings.move_entry(ex.actor(), *entry, way, v), call->id);
    }
    if (!move.empty())
        return app.error(
            ex, core::Error::invalid({{"move", "move must be up, down or remove, or left out"}}));
    return answer(app, ex, mappings.update_entry(ex.actor(), *entry, form, v), call->id);
}

}  // namespace signs::web::handlers
