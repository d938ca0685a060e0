#include "domain/documents/family_document.hpp"
#include "service/case_pages.hpp"
#include "web/downloads.hpp"
#include "web/family_pdf.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// The document's sections as the print view draws them: bullets side by side make one list,
/// and the labelled lines after a bullet are its details, so screen readers hear the shape.
nlohmann::json document_model(const domain::FamilyDocument& doc) {
    using Kind = domain::DocumentBlock::Kind;
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& section : doc.sections) {
        nlohmann::json groups = nlohmann::json::array();
        auto last_is = [&](const char* kind) {
            return !groups.empty() && groups.back().contains(kind);
        };
        for (const auto& b : section.blocks) {
            nlohmann::json detail = {{"label", b.label}, {"text", b.text}};
            switch (b.kind) {
                case Kind::Subheading:
                    groups.push_back({{"subheading", b.text}});
                    break;
                case Kind::Paragraph:
                    groups.push_back({{"paragraph", b.text}});
                    break;
                case Kind::Bullet:
                    if (!last_is("items"))
                        groups.push_back({{"is_list", true}, {"items", nlohmann::json::array()}});
                    groups.back()["items"].push_back({{"text", b.text},
                                                      {"has_details", false},
                                                      {"details", nlohmann::json::array()}});
                    break;
                case Kind::Detail:
                    if (last_is("items")) {
                        auto& item = groups.back()["items"].back();
                        item["details"].push_back(detail);
                        item["has_details"] = true;
                    } else {
                        if (!last_is("rows"))
                            groups.push_back(
                                {{"is_details", true}, {"rows", nlohmann::json::array()}});
                        groups.back()["rows"].push_back(detail);
                    }
                    break;
            }
        }
        sections.push_back({{"heading", section.heading}, {"groups", groups}});
    }
    return {{"title", doc.title},
            {"for_whom", doc.for_whom},
            {"dated", date_text(doc.dated)},
            {"sections", sections}};
}

/// Before a mapping is agreed there is nothing to give the family yet: said as that, with the
/// way back to the case, rather than as an error.
Response not_ready(App& app, Exchange& ex, std::int64_t case_id, const core::Error& error) {
    if (error.kind != core::ErrorKind::Conflict) return app.error(ex, error);
    return app.page(ex, 409, "documents/not_ready",
                    {{"title", "Our plan is not ready yet"},
                     {"message", error.message},
                     {"case_id", std::to_string(case_id)}});
}

Response our_plan_page(App& app, Exchange& ex, int status, std::int64_t case_id,
                       const domain::GivenForm& form, const core::Error* error) {
    auto made = app.family_documents().our_plan(ex.actor(), case_id);
    if (!made) return not_ready(app, ex, case_id, made.error());
    nlohmann::json given = nlohmann::json::array();
    for (const auto& g : made->given) {
        given.push_back({{"to", g.given_to},
                         {"on", date_text(g.given_on)},
                         {"how", std::string{domain::label_for(domain::given_ways(), g.how)}},
                         {"version", g.fingerprint == made->fingerprint ? "This version"
                                                                        : "An earlier version"},
                         {"based_on", g.based_on},
                         {"href", "/cases/" + std::to_string(case_id) + "/our-plan/given/" +
                                      std::to_string(g.id)}});
    }
    Options ways;
    for (const auto& w : domain::given_ways())
        ways.emplace_back(std::string{w.code}, std::string{w.label});
    nlohmann::json model = {
        {"title",
         (error ? "Error: " : "") + made->document.title + " for " + made->document.for_whom},
        {"case_id", std::to_string(case_id)},
        {"document", document_model(made->document)},
        {"based_on", made->based_on},
        {"given", given},
        {"has_given", !given.empty()},
        {"given_to", field("given_to", "Who you gave it to", form.given_to, error,
                           {"text", "off", "Their name, and who they are to the family", ""})},
        {"given_date", date_field("given", "Date you gave it", form.day, form.month, form.year,
                                  error, "For example, 27 11 2026")},
        {"how", radios("how", "How you gave it", ways, form.how, error)},
        {"done", ex.query().get("done") == "given" ? nlohmann::json("The copy given is recorded")
                                                   : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "documents/our_plan", model);
}

}  // namespace

Response show_our_plan(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto draw = [&] { return our_plan_page(app, ex, 200, *id, {}, nullptr); };
    if (ex.query().has("done")) return draw();
    auto key = app.case_pages().case_page_key(ex.actor(), *id);
    if (!key) return app.error(ex, key.error());
    if (key->access != service::CaseAccess::Allowed) return draw();
    return app.kept_page(
        ex, "our-plan." + key->key + "." + app.family_documents().our_plan_stamp(*id), draw);
}

Response our_plan_pdf(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto made = app.family_documents().our_plan(ex.actor(), *id);
    if (!made) return not_ready(app, ex, *id, made.error());
    return file_download(family_document_pdf(made->document), "application/pdf",
                         "our-plan-" + made->document.dated + ".pdf");
}

Response record_our_plan_given(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::GivenForm form{f.get("given_to"), f.get("given-day"), f.get("given-month"),
                           f.get("given-year"), f.get("how")};
    auto recorded = app.family_documents().record_given(ex.actor(), *id, form);
    if (recorded)
        return Response::redirect("/cases/" + std::to_string(*id) + "/our-plan?done=given");
    if (recorded.error().kind != core::ErrorKind::Invalid) return app.error(ex, recorded.error());
    return our_plan_page(app, ex, 422, *id, form, &recorded.error());
}

Response show_our_plan_given(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    auto record = ex.id_param("record");
    if (!id || !record) return app.error_page(ex, 404);
    auto given = app.family_documents().given(ex.actor(), *id, *record);
    if (!given) return app.error(ex, given.error());
    nlohmann::json lines = nlohmann::json::array();
    std::size_t start = 0;
    const auto& content = given->content;
    while (start < content.size()) {
        auto end = content.find('\n', start);
        if (end == std::string::npos) end = content.size();
        if (end > start) lines.push_back(content.substr(start, end - start));
        start = end + 1;
    }
    return app.page(ex, 200, "documents/given",
                    {{"title", given->title + " as given to " + given->given_to},
                     {"case_id", std::to_string(*id)},
                     {"heading", given->title},
                     {"to", given->given_to},
                     {"on", date_text(given->given_on)},
                     {"how", std::string{domain::label_for(domain::given_ways(), given->how)}},
                     {"based_on", given->based_on},
                     {"by", given->recorded_by_name},
                     {"lines", lines}});
}

}  // namespace signs::web::handlers
