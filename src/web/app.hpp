#pragma once
/// The application behind the HTTP server: the middleware chain (request id, limits, session,
/// access, CSRF, errors, security headers, metrics, logs) around the one route table.
#include <nlohmann/json.hpp>

#include <functional>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/guidance/upload.hpp"
#include "domain/mapping/question_bank.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/auth_service.hpp"
#include "service/calendar_service.hpp"
#include "service/case_membership_service.hpp"
#include "service/case_pages.hpp"
#include "service/casework_service.hpp"
#include "service/census_record_service.hpp"
#include "service/child_record_service.hpp"
#include "service/child_voice_service.hpp"
#include "service/contact_service.hpp"
#include "service/deadline_notice_service.hpp"
#include "service/deadline_service.hpp"
#include "service/family_document_service.hpp"
#include "service/file_store.hpp"
#include "service/guidance_service.hpp"
#include "service/language_service.hpp"
#include "service/mapping_service.hpp"
#include "service/meeting_service.hpp"
#include "service/outbox_service.hpp"
#include "service/plan_service.hpp"
#include "service/practice_settings_service.hpp"
#include "service/pre_proceedings_service.hpp"
#include "service/returns_service.hpp"
#include "service/training_service.hpp"
#include "service/user_admin_service.hpp"
#include "service/visit_service.hpp"
#include "store/database.hpp"
#include "web/assets.hpp"
#include "web/form.hpp"
#include "web/http.hpp"
#include "web/metrics.hpp"
#include "web/page_cache.hpp"
#include "web/plain_words.hpp"
#include "web/public_pages.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace signs::web {

struct AppConfig {
    std::filesystem::path resources;  ///< holds templates/, assets/, migrations/
    std::filesystem::path files;      ///< where uploaded files are kept; outside any web root
    std::size_t max_body_bytes = 1024 * 1024;  ///< larger bodies get 413
    domain::UploadLimit upload_limit;          ///< for forms that take a file
    bool secure_cookies = false;               ///< set when served over HTTPS
    bool log_requests = true;
    service::AuthSettings auth;
    service::MailSettings mail;  ///< no SMTP URL: messages wait in the outbox
};

/// Everything one request carries through the middleware into its handler.
struct Exchange {
    Exchange(Request& request, std::string request_id)
        : request(request), request_id(std::move(request_id)) {}

    Request& request;
    std::string request_id;
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::optional<service::CurrentSession> session;
    std::optional<store::UserRecord> user;  ///< from the session or an API token
    std::string csrf_token;                 ///< the token forms on this page must carry
    std::vector<std::string> set_cookies;
    std::optional<Form> form;  ///< a POSTed form, already checked for UTF-8
    bool api = false;
    bool drawing_to_keep = false;  ///< page() draws markers in place of per-person values

    service::Actor actor() const { return {user, {request.remote_address, request_id}}; }
    /// A positive whole-number path parameter, or nothing.
    std::optional<std::int64_t> id_param(const std::string& name) const;
    /// The query string, decoded (empty form when it is malformed).
    Form query() const;
};

class App {
  public:
    App(AppConfig config, store::Database& db, const core::Clock& clock);

    Response handle(Request& request);

    // Used by handlers.
    store::Database& db() { return db_; }
    const core::Clock& clock() const { return clock_; }
    const AppConfig& config() const { return config_; }
    service::AuthService& auth() { return auth_; }
    service::UserAdminService& user_admin() { return user_admin_; }
    service::AuditWriter& audit_writer() { return audit_writer_; }
    service::CaseworkService& casework() { return casework_; }
    service::CasePages& case_pages() { return case_pages_; }
    service::ChildRecordService& child_records() { return child_records_; }
    service::CaseMembershipService& case_membership() { return case_membership_; }
    service::ContactService& contacts() { return contacts_; }
    service::MappingService& mappings() { return mappings_; }
    service::PlanService& plans() { return plans_; }
    service::MeetingService& meetings() { return meetings_; }
    service::DeadlineService& deadlines() { return deadlines_; }
    service::OutboxService& outbox() { return outbox_; }
    service::VisitService& visits() { return visits_; }
    service::TrainingService& training() { return training_; }
    service::GuidanceService& guidance() { return guidance_; }
    service::FamilyDocumentService& family_documents() { return family_documents_; }
    service::ChildVoiceService& child_voice() { return child_voice_; }
    const PublicPages& public_pages() const { return public_pages_; }
    service::DeadlineNoticeService& deadline_notices() { return deadline_notices_; }
    service::PracticeSettingsService& practice_settings() { return practice_settings_; }
    /// The working-day calendar in force (bank holidays and the council's closure days).
    std::shared_ptr<const domain::WorkingCalendar> calendar() { return calendars_.current(); }
    service::CalendarService& calendars() { return calendars_; }
    const domain::QuestionBank& questions() const { return questions_; }
    /// The census code lists, from `data/codes/`.
    const domain::CensusCodes& census_codes() const { return census_codes_; }
    service::CensusRecordService& census_records() { return census_records_; }
    service::PreProceedingsService& pre_proceedings() { return pre_proceedings_; }
    service::ReturnsService& returns() { return returns_; }
    /// The plain-language checker, with the council's own terms.
    service::LanguageService& language() { return language_; }
    const Assets& assets() const { return assets_; }
    const Views& views() const { return views_; }
    const Metrics& metrics() const { return metrics_; }
    const Router& router() const { return router_; }

    /// A full page: the template rendered inside the layout, with the user, navigation,
    /// CSRF token and asset URLs filled in.
    Response page(Exchange& ex, int status, const std::string& template_name, nlohmann::json model);
    /// A page that depends only on `key` (which must name everything it is drawn from,
    /// including any query parameter it reads) and on the asker's role and the path: served
    /// as kept when drawn before, otherwise drawn by `draw` and kept. Only the access check
    /// and audit that make the key run every time.
    Response kept_page(Exchange& ex, const std::string& key, const std::function<Response()>& draw);
    /// The answer for an expected failure: an error page, or a JSON error for the API.
    Response error(Exchange& ex, const core::Error& error);
    Response error_page(Exchange& ex, int status, const std::string& message = "");
    static nlohmann::json error_json(const core::Error& error);

  private:
    Response dispatch(Exchange& ex);
    void load_session(Exchange& ex);
    bool csrf_ok(Exchange& ex) const;
    void finish(Exchange& ex, Response& response) const;
    /// Gentle suggestions about what was just saved: carried on the redirect after a save
    /// and shown on the page it leads to (see plain_words.hpp).
    void add_plain_words(Exchange& ex, Response& response);

    AppConfig config_;
    store::Database& db_;
    const core::Clock& clock_;
    service::CalendarService calendars_;
    domain::QuestionBank questions_;
    domain::CensusCodes census_codes_;
    service::LanguageService language_;
    service::AuditWriter audit_writer_;
    service::SessionCache session_cache_;
    service::AuthService auth_;
    service::UserAdminService user_admin_;
    service::CaseworkService casework_;
    service::CasePages case_pages_;
    service::ChildRecordService child_records_;
    service::CensusRecordService census_records_;
    service::PreProceedingsService pre_proceedings_;
    service::ReturnsService returns_;
    service::CaseMembershipService case_membership_;
    service::ContactService contacts_;
    service::MappingService mappings_;
    service::PlanService plans_;
    service::MeetingService meetings_;
    service::DeadlineService deadlines_;
    service::OutboxService outbox_;
    service::VisitService visits_;
    service::TrainingService training_;
    service::FileStore files_;
    service::GuidanceService guidance_;
    service::FamilyDocumentService family_documents_;
    service::ChildVoiceService child_voice_;
    PublicPages public_pages_;
    service::DeadlineNoticeService deadline_notices_;
    service::PracticeSettingsService practice_settings_;
    Assets assets_;
    Views views_;
    Router router_;
    Metrics metrics_;
    PageCache page_cache_;
    std::string csrf_marker_;  ///< random per process, so no text anyone types can match it
    std::string user_marker_;
};

/// The status code for an error kind: Invalid 422, NotFound 404, Forbidden 403, ...
int status_for(core::ErrorKind kind);

/// Cookie names, shared by the middleware and the sign-in handlers.
inline constexpr const char* kSessionCookie = "signs_session";
inline constexpr const char* kPreSessionCookie = "signs_csrf";

}  // namespace signs::web
