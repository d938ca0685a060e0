// A child's chronology through the API: read a page at a time, newest first, and add an
// entry as the child's page does. Paging is by keyset: "next" names the last entry given, so
// entries added while a client pages through never shift one from a page to the next.
#include "service/casework_service.hpp"
#include "web/form.hpp"
#include "web/handlers/handlers.hpp"
#include "web/json_body.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

constexpr int kDefaultPage = 50;

/// "2026-11-20.123": the date and id of the last entry of the page before.
std::string cursor_text(const store::ChronologyCursor& cursor) {
    return cursor.occurred_on + "." + std::to_string(cursor.id);
}

std::optional<store::ChronologyCursor> parse_cursor(std::string_view text) {
    auto dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    auto day = core::CivilDate::parse_iso(std::string{text.substr(0, dot)});
    auto id = parse_number(text.substr(dot + 1));
    if (!day || !id || *id <= 0) return std::nullopt;
    return store::ChronologyCursor{day->iso(), *id};
}

nlohmann::json entry_json(const store::ChronologyRecord& e) {
    return {{"id", e.id},
            {"date", e.occurred_on},
            {"kind", e.kind},
            {"summary", e.summary},
            {"source", e.source},
            {"recorded_by", e.recorded_by_name.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(e.recorded_by_name)},
            {"recorded_at", e.recorded_at}};
}

}  // namespace

Response api_chronology(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id)
        return app.error(
            ex, core::Error::of(core::ErrorKind::NotFound, "There is no child with that number"));
    const auto& query = ex.query();
    std::vector<core::FieldError> problems;
    int limit = kDefaultPage;
    if (query.has("limit")) {
        auto asked = query.number("limit");
        if (!asked || *asked < 1 || *asked > service::kMostChronologyPerPage)
            problems.push_back({"limit", "Give limit as a whole number from 1 to " +
                                             std::to_string(service::kMostChronologyPerPage)});
        else
            limit = static_cast<int>(*asked);
    }
    std::optional<store::ChronologyCursor> after;
    if (query.has("after")) {
        after = parse_cursor(query.get("after"));
        if (!after)
            problems.push_back(
                {"after", "Give after as the \"next\" value of the page before, as it was sent"});
    }
    if (!problems.empty()) return app.error(ex, core::Error::invalid(problems));
    auto page = app.casework().chronology_page(ex.actor(), *id, after, limit);
    if (!page) return app.error(ex, page.error());
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : page->entries) entries.push_back(entry_json(e));
    return Response::json(200,
                          json_text({{"entries", entries},
                                     {"next", page->next ? nlohmann::json(cursor_text(*page->next))
                                                         : nlohmann::json(nullptr)}}));
}

Response api_add_chronology_entry(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id)
        return app.error(
            ex, core::Error::of(core::ErrorKind::NotFound, "There is no child with that number"));
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto date = body->date_parts("date");
    domain::ChronologyEntryForm form{body->text("kind"), date[0], date[1], date[2],
                                     body->text("summary")};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto added = app.casework().add_chronology_entry(ex.actor(), *id, form);
    if (!added) return app.error(ex, added.error());
    return Response::json(201, json_text({{"id", *added}}));
}

}  // namespace signs::web::handlers
