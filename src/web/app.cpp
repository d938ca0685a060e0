#include "web/app.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/utf8.hpp"
#include "domain/guidance/upload.hpp"
#include "service/casework_service.hpp"
#include "service/data_files.hpp"
#include "web/cookies.hpp"
#include "web/handlers/handlers.hpp"
#include "web/routes.hpp"

namespace signs::web {
namespace {

/// A form carrying a file may be as large as the file allowed plus room for its other fields.
/// A form that carries a file also carries its fields and the multipart boundaries.
constexpr std::size_t kUploadFormRoom = 1024 * 1024;

bool is_safe_method(std::string_view method) { return method == "GET" || method == "HEAD"; }

bool looks_like_token(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

struct ErrorText {
    std::string title;
    std::string body;
};

ErrorText error_text(int status) {
    switch (status) {
        case 400:
            return {"There is a problem with your request",
                    "The request could not be read. Go back and try again."};
        case 401:
            return {"Sign in to continue", "You need to sign in to see this page."};
        case 403:
            return {"You do not have permission to see this page",
                    "If you think you should, ask your manager or a system administrator."};
        case 404:
            return {"Page not found",
                    "If you typed the web address, check it is correct. If you pasted it, check "
                    "you copied all of it."};
        case 405:
            return {"Page not found", "This address does not accept that kind of request."};
        case 409:
            return {"This record has changed",
                    "Someone else changed this record while you were working on it. Go back, check "
                    "their changes and try again."};
        case 413:
            return {"What you sent is too large",
                    "The form or file you sent is larger than signs accepts. Make it smaller and "
                    "try again."};
        case 415:
            return {"There is a problem with your request",
                    "signs cannot read that kind of content."};
        case 429:
            return {"Too many attempts", "Wait a few minutes and try again."};
        case 503:
            return {"Sorry, the service is unavailable", "Try again in a few minutes."};
        default:
            return {"Sorry, there is a problem with the service", "Try again later."};
    }
}

// Only local paths are followed after sign-in, so a link cannot send someone elsewhere.
bool is_local_path(std::string_view next) {
    if (next.empty() || next.front() != '/' || next.size() > 512) return false;
    if (next.starts_with("//") || next.starts_with("/\\")) return false;
    return std::all_of(next.begin(), next.end(),
                       [](unsigned char c) { return c > 0x20 && c < 0x7F && c != '\\'; });
}

}  // namespace

int status_for(core::ErrorKind kind) {
    switch (kind) {
        case core::ErrorKind::Invalid:
            return 422;
        case core::ErrorKind::Unauthenticated:
            return 401;
        case core::ErrorKind::Forbidden:
            return 403;
        case core::ErrorKind::NotFound:
            return 404;
        case core::ErrorKind::Conflict:
            return 409;
        case core::ErrorKind::Stale:
            return 409;
        case core::ErrorKind::Throttled:
            return 429;
        case core::ErrorKind::TooLarge:
            return 413;
        case core::ErrorKind::Unavailable:
            return 503;
        case core::ErrorKind::Internal:
            return 500;
    }
    return 500;
}

std::optional<std::int64_t> Exchange::id_param(const std::string& name) const {
    auto it = params.find(name);
    if (it == params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    auto [end, ec] =
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    if (ec != std::errc{} || end != it->second.data() + it->second.size() || value <= 0)
        return std::nullopt;
    return value;
}

Form Exchange::query() const { return Form::parse(request.query).value_or(Form{}); }

App::App(AppConfig config, store::Database& db, const core::Clock& clock)
    : config_(std::move(config)),
      db_(db),
      clock_(clock),
      calendars_(db, clock, service::load_bank_holidays(config_.resources)),
      questions_(service::load_question_bank(config_.resources)),
      census_codes_(service::load_census_codes(config_.resources)),
      language_(db, clock, service::load_glossary(config_.resources).terms()),
      audit_writer_(db, clock),
      auth_(db, clock, audit_writer_, session_cache_, config_.auth),
      user_admin_(db, clock, audit_writer_, session_cache_),
      casework_(db, clock, audit_writer_, census_codes_),
      case_pages_(db, clock, calendars_, audit_writer_),
      child_records_(db, clock, audit_writer_, census_codes_),
      census_records_(db, clock, audit_writer_, census_codes_),
      pre_proceedings_(db, clock, audit_writer_, census_codes_.pre_proceedings_outcome),
      returns_(db, clock, audit_writer_, service::load_working_calendar(config_.resources),
               census_codes_),
      case_membership_(db, clock, census_codes_),
      contacts_(db, clock, audit_writer_, calendars_, census_codes_),
      mappings_(db, clock, audit_writer_),
      plans_(db, clock, audit_writer_),
      meetings_(db, clock, audit_writer_, mappings_),
      deadlines_(db, clock, calendars_, audit_writer_),
      outbox_(db, clock, config_.mail),
      visits_(db, clock),
      training_(db, clock, {"Signs of Safety training", config_.mail.from}),
      files_(config_.files.empty()
                 ? throw std::invalid_argument("AppConfig::files must name the uploads folder")
                 : config_.files),
      guidance_(db, clock, files_, config.upload_limit),
      family_documents_(db, clock, mappings_, plans_, meetings_, language_),
      child_voice_(db, clock, audit_writer_, files_, mappings_, config.upload_limit),
      public_pages_(config_.resources / "data" / "public"),
      deadline_notices_(db, clock, calendars_, deadlines_),
      practice_settings_(db, clock),
      assets_(config_.resources),
      views_(config_.resources / "templates",
             {{"asset_govuk_css", assets_.url("govuk-frontend.min.css")},
              {"asset_moj_css", assets_.url("moj-frontend.min.css")},
              {"asset_signs_css", assets_.url("signs.css")},
              {"asset_signs_js", assets_.url("signs.js")},
              {"asset_init_js", assets_.url("signs-init.mjs")},
              {"asset_favicon", assets_.url("images/favicon.ico")},
              {"service_name", "signs"}}),
      router_(route_table()),
      csrf_marker_("\x1e" + core::random_token(8) + "\x1e"),
      user_marker_("\x1e" + core::random_token(8) + "\x1e") {}

Response App::handle(Request& request) {
    auto started = std::chrono::steady_clock::now();
    Exchange ex{request, core::random_token(8)};
    Response response;
    try {
        response = dispatch(ex);
    } catch (const core::Fault& fault) {
        spdlog::error(nlohmann::json{
            {"event", "fault"}, {"request_id", ex.request_id}, {"error", fault.what()}}
                          .dump());
        response = error_page(ex, status_for(fault.kind()));
    } catch (const std::exception& fault) {
        spdlog::error(nlohmann::json{
            {"event", "fault"}, {"request_id", ex.request_id}, {"error", fault.what()}}
                          .dump());
        response = error_page(ex, 500);
    }
    finish(ex, response);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string route = ex.route                               ? ex.route->pattern
                        : request.path.starts_with("/assets/") ? "/assets"
                                                               : "unmatched";
    metrics_.observe(request.method, route, response.status, seconds);
    if (config_.log_requests) {
        spdlog::info(nlohmann::json{{"event", "request"},
                                    {"request_id", ex.request_id},
                                    {"method", request.method},
                                    {"route", route},
                                    {"status", response.status},
                                    {"ms", seconds * 1000.0},
                                    {"user", ex.user ? ex.user->id : 0}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return response;
}

Response App::dispatch(Exchange& ex) {
    auto& request = ex.request;
    if (request.path.starts_with("/assets/")) {
        if (is_safe_method(request.method)) {
            if (auto found = assets_.serve(std::string_view{request.path}.substr(8))) return *found;
        }
        return error_page(ex, 404);
    }
    ex.api = request.path.starts_with("/api/");
    if (!core::is_valid_utf8(request.path)) return error_page(ex, 400);
    auto match = router_.match(request.method, request.path);
    bool uploads = match.route && match.route->uploads;
    auto limit = uploads ? config_.upload_limit.bytes() + kUploadFormRoom : config_.max_body_bytes;
    if (request.body.size() > limit) {
        return error(
            ex, core::Error::of(core::ErrorKind::TooLarge,
                                uploads ? domain::too_large_message(config_.upload_limit)
                                        : "The request body is larger than " +
                                              std::to_string(config_.max_body_bytes) + " bytes"));
    }
    if (!match.route) return error_page(ex, match.path_known ? 405 : 404);
    ex.route = match.route;
    ex.params = std::move(match.params);

    auto authorization = request.header("authorization");
    bool bearer = ex.api && authorization.starts_with("Bearer ");
    if (bearer) {
        ex.user = auth_.authenticate_api_token(std::string{authorization.substr(7)});
        if (!ex.user)
            return error(ex, core::Error::of(core::ErrorKind::Unauthenticated,
                                             "The API token is not valid"));
    } else {
        load_session(ex);
    }

    const auto& access = ex.route->access;
    if (access.sign_in_required && !ex.user) {
        if (ex.api)
            return error(ex, core::Error::of(core::ErrorKind::Unauthenticated,
                                             "Sign in or send an API token"));
        // A form posted after the session ended is kept, not lost: the person signs in again
        // and is then shown it to save.
        if (!is_safe_method(request.method) && request.path != "/sign-out" &&
            request.header("content-type").starts_with("application/x-www-form-urlencoded") &&
            Form::parse(request.body)) {
            return handlers::sign_in_to_resume(*this, ex,
                                               auth_.keep_pending_form(request.path, request.body));
        }
        std::string next = request.path;
        if (!request.query.empty()) next += "?" + request.query;
        return Response::redirect(is_safe_method(request.method) && is_local_path(next) &&
                                          next != "/"
                                      ? "/sign-in?next=" + url_encode(next)
                                      : "/sign-in");
    }
    if (!access.roles.empty() &&
        std::find(access.roles.begin(), access.roles.end(), ex.user->role) == access.roles.end()) {
        return error(ex, core::Error::of(core::ErrorKind::Forbidden,
                                         "You do not have permission to do this"));
    }

    if (!is_safe_method(request.method)) {
        auto content_type = request.header("content-type");
        if (ex.api) {
            if (!content_type.starts_with("application/json")) {
                return Response::json(
                    415,
                    error_json(core::Error::of(core::ErrorKind::Invalid,
                                               "Send JSON with Content-Type: application/json"))
                        .dump());
            }
            if (!core::is_valid_utf8(request.body)) {
                return Response::json(
                    400, error_json(core::Error::of(core::ErrorKind::Invalid,
                                                    "The request body is not valid UTF-8"))
                             .dump());
            }
        } else {
            if (uploads && content_type.starts_with("multipart/form-data")) {
                ex.form = Form::parse_multipart(request.body, content_type);
            } else if (content_type.starts_with("application/x-www-form-urlencoded")) {
                ex.form = Form::parse(request.body);
            } else {
                return error_page(ex, 415);
            }
            if (!ex.form)
                return error_page(
                    ex, 400,
                    "The form could not be read: it contains characters that are not valid text.");
        }
        if (!bearer && !csrf_ok(ex)) {
            spdlog::warn(nlohmann::json{{"event", "csrf-rejected"},
                                        {"request_id", ex.request_id},
                                        {"route", ex.route->pattern}}
                             .dump());
            if (ex.api)
                return Response::json(
                    403, error_json(core::Error::of(core::ErrorKind::Forbidden,
                                                    "Missing or wrong X-CSRF-Token header"))
                             .dump());
            return error_page(ex, 403,
                              "This form has expired or was not sent from signs. Go back, reload "
                              "the page and try again.");
        }
    }
    auto response = ex.route->handler(*this, ex);
    if (!ex.api && ex.user) add_plain_words(ex, response);
    return response;
}

void App::add_plain_words(Exchange& ex, Response& response) {
    if (ex.form && response.status == 303 && ex.form->has("prose")) {
        std::string location{response.header("Location")};
        if (is_local_path(location))
            response.set_header("Location",
                                with_plain_words(location, *ex.form, *language_.glossary()));
        return;
    }
    // Shown on the page after the save, kept page or not, at the top of its main content.
    if (response.status != 200 || ex.request.query.find("plain=") == std::string::npos ||
        !response.header("Content-Type").starts_with("text/html"))
        return;
    auto words = plain_words_in(ex.query(), *language_.glossary());
    if (words.empty()) return;
    constexpr std::string_view kMain = R"(id="main-content">)";
    auto at = response.body.find(kMain);
    if (at == std::string::npos) return;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : words)
        list.push_back({{"words", w.words}, {"suggestion", w.suggestion}, {"reason", w.reason}});
    response.body.insert(at + kMain.size(),
                         views_.render("language/plain_words", {{"plain_words", list}}));
}

void App::load_session(Exchange& ex) {
    auto cookies = parse_cookies(ex.request.header("cookie"));
    if (auto it = cookies.find(kSessionCookie);
        it != cookies.end() && looks_like_token(it->second)) {
        ex.session = auth_.resume(it->second);
        if (ex.session) {
            ex.user = ex.session->user;
            ex.csrf_token = ex.session->session.csrf_token;
            return;
        }
        // A stale cookie is removed so the browser stops sending it.
        ex.set_cookies.push_back(set_cookie(kSessionCookie, "", {config_.secure_cookies, 0}));
    }
    if (auto it = cookies.find(kPreSessionCookie);
        it != cookies.end() && looks_like_token(it->second)) {
        ex.csrf_token = it->second;
    }
}

bool App::csrf_ok(Exchange& ex) const {
    if (ex.csrf_token.empty()) return false;
    std::string_view sent =
        ex.api ? ex.request.header("x-csrf-token") : std::string_view{ex.form->get("csrf_token")};
    return core::constant_time_equal(sent, ex.csrf_token);
}

void App::finish(Exchange& ex, Response& response) const {
    if (response.header("Content-Security-Policy").empty())
        response.set_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "same-origin");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (config_.secure_cookies)
        response.set_header("Strict-Transport-Security", "max-age=31536000");
    if (response.header("Cache-Control").empty()) response.set_header("Cache-Control", "no-store");
    response.set_header("X-Request-Id", ex.request_id);
    for (auto& cookie : ex.set_cookies)
        response.headers.emplace_back("Set-Cookie", std::move(cookie));
}

Response App::page(Exchange& ex, int status, const std::string& template_name,
                   nlohmann::json model) {
    const auto& path = ex.request.path;
    PageChrome chrome;
    chrome.csrf_token = ex.drawing_to_keep ? csrf_marker_ : ex.csrf_token;
    if (ex.user) {
        chrome.signed_in = true;
        chrome.user_name = ex.drawing_to_keep ? user_marker_ : ex.user->name;
        chrome.user_role = domain::role_label(ex.user->role);
        chrome.nav.push_back({"/", "Home", path == "/"});
        if (service::has_case_role(ex.actor())) {
            chrome.nav.push_back({"/cases", "Cases", path.starts_with("/cases")});
            chrome.nav.push_back({"/due", "Due", path.starts_with("/due")});
            chrome.nav.push_back({"/contacts", "Front door", path.starts_with("/contacts")});
            chrome.nav.push_back({"/children", "Find a child", path.starts_with("/children")});
        }
        if (ex.user->role == domain::Role::TeamManager ||
            ex.user->role == domain::Role::Practitioner || service::sees_returns(ex.actor())) {
            chrome.nav.push_back(
                {"/data-quality", "Data quality", path.starts_with("/data-quality")});
        }
        if (service::sees_returns(ex.actor()))
            chrome.nav.push_back({"/returns", "Returns", path.starts_with("/returns")});
        if (ex.user->role == domain::Role::SystemAdministrator) {
            chrome.nav.push_back({"/admin/users", "Users", path.starts_with("/admin/users")});
            chrome.nav.push_back({"/admin/audit", "Audit log", path.starts_with("/admin/audit")});
            chrome.nav.push_back({"/admin/restrictions", "Restricted records",
                                  path.starts_with("/admin/restrictions")});
            chrome.nav.push_back(
                {"/admin/practice", "Practice settings", path.starts_with("/admin/practice")});
            chrome.nav.push_back({"/admin/outbox", "Outbox", path.starts_with("/admin/outbox")});
            chrome.nav.push_back(
                {"/admin/closures", "Closure days", path.starts_with("/admin/closures")});
            chrome.nav.push_back(
                {"/admin/visits", "Visit frequencies", path.starts_with("/admin/visits")});
            chrome.nav.push_back(
                {"/admin/plain-words", "Plain words", path.starts_with("/admin/plain-words")});
        }
        chrome.nav.push_back({"/training", "Training", path.starts_with("/training")});
        chrome.nav.push_back({"/guidance", "Guidance", path.starts_with("/guidance")});
        chrome.nav.push_back({"/account/api-tokens", "API tokens", path.starts_with("/account")});
    } else if (path.starts_with("/public")) {
        chrome.nav.push_back({"/public", "Working with families", path == "/public"});
        chrome.nav.push_back(
            {"/public/training", "Training", path.starts_with("/public/training")});
        chrome.nav.push_back(
            {"/public/guidance", "Guidance", path.starts_with("/public/guidance")});
        chrome.nav.push_back({"/sign-in", "Staff sign in", false});
    }
    if (!model.contains("title")) model["title"] = "signs";
    return Response::html(status, views_.render_page(template_name, model, chrome));
}

Response App::kept_page(Exchange& ex, const std::string& key,
                        const std::function<Response()>& draw) {
    // The query string is left out, so made-up parameters cannot crowd real pages out; a
    // page that reads one puts its value in `key`. Visitors who are not signed in share the
    // pages kept for nobody.
    auto full_key = key + '\x1f' +
                    std::string{ex.user ? domain::role_code(ex.user->role) : "nobody"} + '\x1f' +
                    ex.route->pattern;
    // The route and its parameters, not the path as sent, so spellings of one address
    // ("/x/" and "/x") share one kept page.
    for (const auto& [name, value] : ex.params) full_key += '\x1f' + name + '=' + value;
    auto kept = page_cache_.find(full_key);
    Response response;
    if (!kept) {
        struct Drawing {
            Exchange& ex;
            explicit Drawing(Exchange& e) : ex(e) { ex.drawing_to_keep = true; }
            ~Drawing() { ex.drawing_to_keep = false; }  // an error page must not show markers
        } drawing{ex};
        response = draw();
        auto drawn = std::make_shared<const KeptPage>(
            KeptPage::from(response.status, std::string{response.header("Content-Type")},
                           response.body, csrf_marker_, user_marker_));
        if (response.status == 200) page_cache_.keep(full_key, drawn);
        kept = drawn;
    } else {
        response.status = kept->status;
        response.set_header("Content-Type", kept->content_type);
    }
    response.body = kept->body_for(ex.csrf_token, ex.user ? html_escaped(ex.user->name) : "");
    return response;
}

nlohmann::json App::error_json(const core::Error& error) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& field : error.fields) fields[field.field] = field.message;
    return {{"error",
             {{"status", status_for(error.kind)}, {"message", error.message}, {"fields", fields}}}};
}

Response App::error(Exchange& ex, const core::Error& error) {
    int status = status_for(error.kind);
    if (ex.api) {
        auto body = error_json(error);
        body["error"]["request_id"] = ex.request_id;
        return Response::json(status,
                              body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    // Messages of expected errors are our own words; faults (5xx) never show theirs. A form
    // refused outside its own page says what was wrong with it, not just that something was.
    auto message = error.message;
    if (error.kind == core::ErrorKind::Invalid && !error.fields.empty()) {
        message.clear();
        for (const auto& field : error.fields)
            message += (message.empty() ? "" : ". ") + field.message;
    }
    return error_page(ex, status, status >= 500 ? "" : message);
}

Response App::error_page(Exchange& ex, int status, const std::string& message) {
    auto text = error_text(status);
    if (ex.api) {
        return Response::json(status,
                              nlohmann::json{{"error",
                                              {{"status", status},
                                               {"message", message.empty() ? text.title : message},
                                               {"request_id", ex.request_id}}}}
                                  .dump());
    }
    try {
        return page(ex, status, "errors/error",
                    {{"title", text.title},
                     {"heading", text.title},
                     {"message", message.empty() ? text.body : message},
                     {"show_request_id", status >= 500},
                     {"request_id", ex.request_id}});
    } catch (const std::exception&) {
        return Response::text(status, text.title + "\n");
    }
}

}  // namespace signs::web
