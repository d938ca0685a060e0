// The guidance library: staff search and read it; training administrators add, change and
// withdraw resources; its public part is open to anyone at /public/guidance.
#include <cstdio>

#include "core/utf8.hpp"
#include "domain/guidance/upload.hpp"
#include "service/guidance_service.hpp"
#include "web/downloads.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/markdown.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

using service::Reader;

/// The public pages show the public part of the library to everyone, signed in or not.
Reader reader_of(const Exchange& ex) {
    return ex.route->pattern.starts_with("/public/") ? Reader::Public : Reader::Staff;
}

/// Where the library lives for this reader: staff and everyone else have their own pages.
std::string library_root(Reader reader) {
    return reader == Reader::Staff ? "/guidance" : "/public/guidance";
}

std::string size_text(std::int64_t bytes) {
    char text[32];
    if (bytes < 1024 * 1024) {
        std::snprintf(text, sizeof text, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
    } else {
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
    }
    return text;
}

std::string labels_of(const std::set<domain::ServiceLevel>& levels) {
    if (levels.empty()) return "Every level";
    std::string out;
    for (auto level : levels)
        out += (out.empty() ? "" : ", ") + std::string{domain::level_label(level)};
    return out;
}

std::string labels_of(const std::set<domain::Audience>& audiences) {
    std::string out;
    for (auto a : audiences)
        out += (out.empty() ? "" : ", ") + std::string{domain::audience_label(a)};
    return out;
}

std::string file_label(const store::ResourceRecord& r) {
    auto type = domain::file_type_for(r.file_type);
    return std::string{type ? domain::file_type_info(*type).label : "File"} + ", " +
           size_text(r.file_bytes);
}

nlohmann::json resource_model(const store::ResourceRecord& r, Reader reader) {
    auto kind = domain::parse_resource_kind(r.kind);
    auto href = library_root(reader) + "/" + std::to_string(r.id);
    return {{"id", r.id},
            {"href", href},
            {"title", r.title},
            {"summary", r.summary},
            {"kind", kind ? std::string{domain::resource_kind_label(*kind)} : r.kind},
            {"levels", labels_of(domain::levels_in(r.levels))},
            {"audiences", labels_of(domain::audiences_in(r.audiences))},
            {"updated", when_text(r.updated_at)},
            {"has_page", !r.body.empty()},
            {"file", r.has_file() ? nlohmann::json{{"href", href + "/file"},
                                                   {"name", r.file_name},
                                                   {"label", file_label(r)}}
                                  : nlohmann::json(false)}};
}

Options kind_options() {
    Options out;
    for (auto kind : domain::all_resource_kinds())
        out.emplace_back(domain::resource_kind_code(kind), domain::resource_kind_label(kind));
    return out;
}

Options level_options() {
    Options out;
    for (auto level : domain::all_levels())
        out.emplace_back(domain::level_code(level), domain::level_label(level));
    return out;
}

Options audience_options() {
    Options out;
    for (auto a : domain::all_audiences())
        out.emplace_back(domain::audience_code(a), domain::audience_label(a));
    return out;
}

/// A filter choice kept only when it is one of `options`, so nothing else reaches a query.
std::string chosen(const Form& query, const std::string& name, const Options& options) {
    const auto& value = query.get(name);
    for (const auto& [code, label] : options)
        if (code == value) return value;
    return "";
}

Response library_page(App& app, Exchange& ex) {
    auto reader = reader_of(ex);
    auto query = ex.query();
    store::ResourceFilter filter;
    filter.words = std::string{core::utf8_prefix(query.get("q"), 200)};
    filter.kind = chosen(query, "kind", kind_options());
    filter.level = chosen(query, "level", level_options());
    if (reader == Reader::Staff) filter.audience = chosen(query, "audience", audience_options());
    auto found = app.guidance().library(reader, filter);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : found) rows.push_back(resource_model(r, reader));
    auto with_any = [](Options options, const std::string& any) {
        options.insert(options.begin(), {"", any});
        return options;
    };
    bool filtered = !filter.words.empty() || !filter.kind.empty() || !filter.level.empty() ||
                    !filter.audience.empty();
    nlohmann::json model = {
        {"title", reader == Reader::Staff ? "Guidance library" : "Guidance and information"},
        {"action", library_root(reader)},
        {"staff", reader == Reader::Staff},
        {"q", field("q", "Words to look for", filter.words, nullptr,
                    {.type = "search", .autocomplete = "off", .hint = "", .width = ""})},
        {"kind",
         select_field("kind", "Kind", with_any(kind_options(), "Any kind"), filter.kind, nullptr)},
        {"level", select_field("level", "Service level", with_any(level_options(), "Any level"),
                               filter.level, nullptr)},
        {"audience", reader == Reader::Staff
                         ? select_field("audience", "For", with_any(audience_options(), "Anyone"),
                                        filter.audience, nullptr)
                         : nlohmann::json(false)},
        {"resources", rows},
        {"count", rows.size() == 1 ? "1 resource" : std::to_string(rows.size()) + " resources"},
        {"filtered", filtered},
        {"keeper", service::keeps_library(ex.actor())},
        {"done", ex.query().get("done") == "withdrawn" ? nlohmann::json("Resource withdrawn")
                                                       : nlohmann::json(false)},
    };
    return app.page(ex, 200, "guidance/list", model);
}

/// The library without words to look for is kept under the library's stamp and the choices
/// made (only ones the lists offer); searches for words are drawn as they come.
Response kept_library_page(App& app, Exchange& ex) {
    auto query = ex.query();
    auto draw = [&] { return library_page(app, ex); };
    if (!query.get("q").empty() || query.has("done")) return draw();
    auto key = "library." + app.guidance().stamp() + "." + chosen(query, "kind", kind_options()) +
               "." + chosen(query, "level", level_options()) + "." +
               chosen(query, "audience", audience_options());
    return app.kept_page(ex, key, draw);
}

Response resource_page(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto reader = reader_of(ex);
    auto found = app.guidance().resource(reader, *id);
    if (!found) return app.error(ex, found.error());
    auto model = resource_model(*found, reader);
    model["body_html"] = markdown_html(found->body);
    model["back"] = library_root(reader);
    model["keeper"] = service::keeps_library(ex.actor());
    auto done = ex.query().get("done");
    model["done"] = done == "added"     ? nlohmann::json("Resource added")
                    : done == "changed" ? nlohmann::json("Resource saved")
                                        : nlohmann::json(false);
    return app.page(ex, 200, "guidance/show", model);
}

Response file_of(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto file = app.guidance().file(reader_of(ex), *id);
    if (!file) return app.error(ex, file.error());
    return file_download(std::move(file->bytes), file->media_type, file->name);
}

domain::ResourceForm resource_form(const Form& f) {
    return {f.get("title"), f.get("summary"),       f.get("kind"),
            f.get("body"),  f.get_all("audiences"), f.get_all("levels")};
}

std::optional<service::Upload> upload_in(const Form& f) {
    if (const auto* file = f.file("file")) return service::Upload{file->name, file->bytes};
    return std::nullopt;
}

Response form_page(App& app, Exchange& ex, int status, const domain::ResourceForm& form,
                   const store::ResourceRecord* editing, const core::Error* error) {
    if (!service::keeps_library(ex.actor())) return app.error_page(ex, 403);
    auto heading = editing ? "Change " + editing->title : std::string{"Add a resource"};
    auto file_message = field_message(error, "file");
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + heading},
        {"heading", heading},
        {"max_upload_mib", app.config().upload_limit.mib},
        {"max_upload_bytes", app.config().upload_limit.bytes()},
        {"action", editing ? "/guidance/" + std::to_string(editing->id) : "/guidance"},
        {"back", editing ? "/guidance/" + std::to_string(editing->id) : "/guidance"},
        {"version", editing ? editing->version : 0},
        {"editing", editing != nullptr},
        {"title_field", field("title", "Title", form.title, error)},
        {"summary", field("summary", "Summary", form.summary, error)},
        {"kind", radios("kind", "Kind", kind_options(), form.kind, error)},
        {"audiences",
         checkboxes("audiences", "Who it is for", audience_options(), form.audiences, error,
                    "Resources for partners or families are also shown on the "
                    "public pages, to anyone, without signing in")},
        {"levels", checkboxes("levels", "Service levels (optional)", level_options(), form.levels,
                              error, "Leave these empty if it is for every level")},
        {"body", field("body", "Page (optional if you upload a file)", form.body, error,
                       {.type = "text",
                        .autocomplete = "off",
                        .hint = "Markdown: # for headings, * for lists, [words](address) for "
                                "links. Anything else that looks like code is left out.",
                        .width = ""})},
        {"file_error", file_message.empty() ? nlohmann::json(false) : nlohmann::json(file_message)},
        {"current_file",
         editing && editing->has_file()
             ? nlohmann::json{{"name", editing->file_name}, {"label", file_label(*editing)}}
             : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "guidance/form", model);
}

}  // namespace

Response list_guidance(App& app, Exchange& ex) { return kept_library_page(app, ex); }
Response public_guidance(App& app, Exchange& ex) { return kept_library_page(app, ex); }

Response show_guidance(App& app, Exchange& ex) {
    auto draw = [&] { return resource_page(app, ex); };
    if (ex.query().has("done")) return draw();
    return app.kept_page(ex, "resource." + app.guidance().stamp(), draw);
}
Response guidance_file(App& app, Exchange& ex) { return file_of(app, ex); }

Response new_guidance(App& app, Exchange& ex) {
    domain::ResourceForm blank;
    blank.kind = "guidance";
    blank.audiences = {"staff"};
    return form_page(app, ex, 200, blank, nullptr, nullptr);
}

Response create_guidance(App& app, Exchange& ex) {
    auto form = resource_form(*ex.form);
    auto added = app.guidance().add(ex.actor(), form, upload_in(*ex.form));
    if (added) return Response::redirect("/guidance/" + std::to_string(*added) + "?done=added");
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    return form_page(app, ex, 422, form, nullptr, &added.error());
}

Response edit_guidance(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return app.kept_page(ex, "resource-edit." + app.guidance().stamp(), [&] {
        auto found = app.guidance().resource(Reader::Staff, *id);
        if (!found) return app.error(ex, found.error());
        domain::ResourceForm form{found->title, found->summary, found->kind, found->body, {}, {}};
        for (auto a : domain::audiences_in(found->audiences))
            form.audiences.emplace_back(domain::audience_code(a));
        for (auto level : domain::levels_in(found->levels))
            form.levels.emplace_back(domain::level_code(level));
        return form_page(app, ex, 200, form, &*found, nullptr);
    });
}

Response update_guidance(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto found = app.guidance().resource(Reader::Staff, *id);
    if (!found) return app.error(ex, found.error());
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto form = resource_form(*ex.form);
    auto saved = app.guidance().update(ex.actor(), *id, *version, form, upload_in(*ex.form));
    if (saved) return Response::redirect("/guidance/" + std::to_string(*id) + "?done=changed");
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    // The form goes back with the version it was read at, so a save by someone else since is
    // still caught when this one is sent again.
    found->version = *version;
    return form_page(app, ex, 422, form, &*found, &saved.error());
}

Response withdraw_guidance(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto withdrawn = app.guidance().withdraw(ex.actor(), *id);
    if (!withdrawn) return app.error(ex, withdrawn.error());
    return Response::redirect("/guidance?done=withdrawn");
}

}  // namespace signs::web::handlers
