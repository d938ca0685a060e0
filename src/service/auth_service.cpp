#include "service/auth_service.hpp"

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/audit_service.hpp"

namespace signs::service {
namespace {

constexpr std::size_t kMaxTokenName = 80;

}  // namespace

AuthService::AuthService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                         SessionCache& cache, AuthSettings settings)
    : db_(db),
      clock_(clock),
      audit_(audit),
      cache_(cache),
      settings_(settings),
      dummy_hash_(core::hash_password(core::random_token(16))) {}

core::Result<SignedIn> AuthService::sign_in(const SignInForm& form, const RequestContext& context) {
    core::FieldChecks checks;
    checks.text("email", form.email, "Enter your email address", "Email address", 254);
    if (form.password.empty()) checks.add("password", "Enter your password");
    if (!checks.ok()) return std::unexpected(checks.error());

    auto email = core::lower_ascii(core::trimmed(form.email));
    auto now = clock_.now();
    auto now_text = core::to_storage(now);
    auto since = core::to_storage(now - settings_.throttle.window);
    Actor anonymous{std::nullopt, context};

    auto lease = db_.lease();
    auto failures =
        store::sign_in_attempts::recent_failures(lease.sql(), email, context.address, since);
    if (!domain::sign_in_allowed(settings_.throttle, failures)) {
        audit_.record(anonymous, {"sign-in-throttled", "user", "", email});
        auto minutes = std::chrono::duration_cast<std::chrono::minutes>(settings_.throttle.window);
        return core::fail(core::ErrorKind::Throttled,
                          "There have been too many attempts to sign in. Wait " +
                              std::to_string(minutes.count()) + " minutes and try again.");
    }

    auto user = store::users::find_by_email(lease.sql(), email);
    bool password_ok =
        core::verify_password(user ? user->password_hash : dummy_hash_, form.password);
    if (!user || !password_ok || !user->active) {
        store::Transaction tx{lease};
        store::sign_in_attempts::record(lease.sql(), email, context.address, now_text, false);
        Actor who{user, context};
        std::string reason = !user          ? "unknown email"
                             : !password_ok ? "wrong password"
                                            : "account deactivated";
        record_audit(lease.sql(), clock_, who,
                     {"sign-in-failed", "user", user ? std::to_string(user->id) : "",
                      email + ": " + reason});
        tx.commit();
        return core::fail(core::ErrorKind::Unauthenticated,
                          "Enter a correct email address and password");
    }

    SignedIn result{core::random_token(32), core::random_token(32), *user};
    store::SessionRecord session;
    session.token_hash = core::sha256_hex(result.token);
    session.user_id = user->id;
    session.csrf_token = result.csrf_token;
    session.created_at = now_text;
    session.last_seen_at = now_text;
    session.address = context.address;

    store::Transaction tx{lease};
    store::sign_in_attempts::record(lease.sql(), email, context.address, now_text, true);
    store::sessions::insert(lease.sql(), session);
    record_audit(lease.sql(), clock_, Actor{user, context},
                 {"sign-in", "user", std::to_string(user->id), ""});
    // Housekeeping rides on sign-in, which every node does now and then: sessions that can no
    // longer be used, and attempts too old to count, are removed.
    store::sessions::remove_expired(lease.sql(),
                                    core::to_storage(now - settings_.sessions.idle_timeout),
                                    core::to_storage(now - settings_.sessions.absolute_timeout));
    store::sign_in_attempts::remove_before(lease.sql(),
                                           core::to_storage(now - 2 * settings_.throttle.window));
    tx.commit();
    return result;
}

void AuthService::sign_out(const CurrentSession& current, const RequestContext& context) {
    cache_.forget(current.session.token_hash);
    auto lease = db_.lease();
    store::Transaction tx{lease};
    store::sessions::remove(lease.sql(), current.session.id);
    record_audit(lease.sql(), clock_, Actor{current.user, context},
                 {"sign-out", "user", std::to_string(current.user.id), ""});
    tx.commit();
}

std::optional<CurrentSession> AuthService::resume(const std::string& token) {
    if (token.size() != 64) return std::nullopt;
    auto token_hash = core::sha256_hex(token);
    auto now = clock_.now();
    if (auto cached = cache_.find(token_hash, now)) {
        if (domain::session_state(settings_.sessions, cached->created, cached->last_seen, now) ==
                domain::SessionState::Active &&
            !domain::needs_touch(settings_.sessions, cached->last_seen, now)) {
            return cached;
        }
    }
    auto lease = db_.lease();
    auto session = store::sessions::find_by_token_hash(lease.sql(), token_hash);
    if (!session) {
        cache_.forget(token_hash);
        return std::nullopt;
    }
    auto created = core::from_storage(session->created_at).value_or(core::Instant{});
    auto seen = core::from_storage(session->last_seen_at).value_or(core::Instant{});
    auto user = store::users::find_by_id(lease.sql(), session->user_id);
    if (!user || !user->active ||
        domain::session_state(settings_.sessions, created, seen, now) !=
            domain::SessionState::Active) {
        cache_.forget(token_hash);
        store::sessions::remove(lease.sql(), session->id);
        return std::nullopt;
    }
    if (domain::needs_touch(settings_.sessions, seen, now)) {
        seen = now;
        session->last_seen_at = core::to_storage(now);
        store::sessions::touch(lease.sql(), session->id, session->last_seen_at);
    }
    CurrentSession current{*session, *user, created, seen};
    cache_.remember(token_hash, current, now);
    return current;
}

namespace {
constexpr auto kPendingFormLifetime = std::chrono::minutes{30};
}  // namespace

std::string AuthService::keep_pending_form(const std::string& path, const std::string& body) {
    auto token = core::random_token(32);
    auto now = clock_.now();
    auto lease = db_.lease();
    store::Transaction tx{lease};
    store::pending_forms::remove_before(lease.sql(), core::to_storage(now - kPendingFormLifetime));
    store::pending_forms::insert(lease.sql(), core::sha256_hex(token),
                                 {path, body, core::to_storage(now)});
    tx.commit();
    return token;
}

std::optional<store::PendingFormRecord> AuthService::take_pending_form(const std::string& token) {
    if (token.size() != 64) return std::nullopt;
    auto lease = db_.lease();
    store::Transaction tx{lease};
    auto form = store::pending_forms::take(lease.sql(), core::sha256_hex(token));
    tx.commit();
    if (!form) return std::nullopt;
    auto kept = core::from_storage(form->created_at);
    if (!kept || clock_.now() - *kept > kPendingFormLifetime) return std::nullopt;
    return form;
}

std::optional<store::UserRecord> AuthService::authenticate_api_token(const std::string& token) {
    if (token.size() != 64) return std::nullopt;
    auto lease = db_.lease();
    auto record = store::api_tokens::find_live_by_hash(lease.sql(), core::sha256_hex(token));
    if (!record) return std::nullopt;
    auto user = store::users::find_by_id(lease.sql(), record->user_id);
    if (!user || !user->active) return std::nullopt;
    store::api_tokens::mark_used(lease.sql(), record->id, core::to_storage(clock_.now()));
    return user;
}

core::Result<CreatedApiToken> AuthService::create_api_token(const Actor& actor,
                                                            const std::string& name) {
    if (!actor.user)
        return core::fail(core::ErrorKind::Forbidden, "Sign in to create an API token");
    core::FieldChecks checks;
    checks.text("name", name, "Enter a name for the token", "Token name", kMaxTokenName);
    if (!checks.ok()) return std::unexpected(checks.error());
    CreatedApiToken created{0, core::random_token(32)};
    auto lease = db_.lease();
    store::Transaction tx{lease};
    created.id =
        store::api_tokens::insert(lease.sql(), actor.user->id, core::trimmed(name),
                                  core::sha256_hex(created.token), core::to_storage(clock_.now()));
    record_audit(
        lease.sql(), clock_, actor,
        {"api-token-create", "api-token", std::to_string(created.id), core::trimmed(name)});
    tx.commit();
    return created;
}

std::vector<store::ApiTokenRecord> AuthService::list_api_tokens(const Actor& actor) {
    if (!actor.user) return {};
    auto lease = db_.lease();
    return store::api_tokens::list_for_user(lease.sql(), actor.user->id);
}

core::Result<void> AuthService::revoke_api_token(const Actor& actor, std::int64_t token_id) {
    if (!actor.user)
        return core::fail(core::ErrorKind::Forbidden, "Sign in to revoke an API token");
    auto lease = db_.lease();
    store::Transaction tx{lease};
    if (!store::api_tokens::revoke(lease.sql(), token_id, actor.user->id,
                                   core::to_storage(clock_.now()))) {
        return core::fail(core::ErrorKind::NotFound,
                          "That token does not exist or is already revoked");
    }
    record_audit(lease.sql(), clock_, actor,
                 {"api-token-revoke", "api-token", std::to_string(token_id), ""});
    tx.commit();
    return {};
}

}  // namespace signs::service
