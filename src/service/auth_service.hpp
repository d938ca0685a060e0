#pragma once
/// Signing in and out, resuming a session from its cookie, and personal API tokens.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/access/session_policy.hpp"
#include "domain/access/sign_in_throttle.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/session_cache.hpp"
#include "store/api_token_repository.hpp"
#include "store/database.hpp"
#include "store/pending_form_repository.hpp"
#include "store/session_repository.hpp"
#include "store/sign_in_attempt_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

struct AuthSettings {
    domain::SessionPolicy sessions;
    domain::ThrottlePolicy throttle;
};

struct SignInForm {
    std::string email;
    std::string password;
};

/// A live session: the cookie token is known only to the browser and to this struct.
struct SignedIn {
    std::string token;
    std::string csrf_token;
    store::UserRecord user;
};

struct CreatedApiToken {
    std::int64_t id;
    std::string token;  ///< shown once; only its hash is kept
};

class AuthService {
  public:
    AuthService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                SessionCache& cache, AuthSettings settings);

    core::Result<SignedIn> sign_in(const SignInForm& form, const RequestContext& context);
    void sign_out(const CurrentSession& current, const RequestContext& context);

    /// The session for a cookie token, or nothing if unknown, expired or the user is
    /// deactivated. Expired sessions are deleted.
    std::optional<CurrentSession> resume(const std::string& token);

    /// The user behind a bearer token, or nothing.
    std::optional<store::UserRecord> authenticate_api_token(const std::string& token);

    core::Result<CreatedApiToken> create_api_token(const Actor& actor, const std::string& name);
    std::vector<store::ApiTokenRecord> list_api_tokens(const Actor& actor);
    core::Result<void> revoke_api_token(const Actor& actor, std::int64_t token_id);

    /// Keeps a form that arrived after its session ended; returns the token that resumes it.
    std::string keep_pending_form(const std::string& path, const std::string& body);
    /// The kept form for `token`, once, if it is less than half an hour old.
    std::optional<store::PendingFormRecord> take_pending_form(const std::string& token);

    const AuthSettings& settings() const { return settings_; }

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    SessionCache& cache_;
    AuthSettings settings_;
    std::string
        dummy_hash_;  ///< verified against when the email is unknown, to hide which emails exist
};

}  // namespace signs::service
