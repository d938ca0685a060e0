#pragma once
/// A short-lived, per-node memory of sessions already checked against the database.
///
/// Every signed-in request would otherwise read the session and its user from the database.
/// An entry is trusted for `ttl` (two seconds by default) and is dropped at once on this node
/// when the session ends or its user is deactivated or has a password reset here. On another
/// node such a change takes effect within `ttl`. The database stays the only source of truth:
/// expiry rules are checked on every request, and last-seen writes still go to the database.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

struct CurrentSession {
    store::SessionRecord session;
    store::UserRecord user;
    core::Instant created;    ///< session.created_at, parsed once
    core::Instant last_seen;  ///< session.last_seen_at, parsed once
};

class SessionCache {
  public:
    explicit SessionCache(std::chrono::milliseconds ttl = std::chrono::seconds{2},
                          std::size_t max_entries = 20000)
        : ttl_(ttl), max_entries_(max_entries) {}

    std::optional<CurrentSession> find(const std::string& token_hash, core::Instant now) const;
    void remember(const std::string& token_hash, const CurrentSession& session, core::Instant now);
    void forget(const std::string& token_hash);
    void forget_user(std::int64_t user_id);

  private:
    struct Entry {
        CurrentSession session;
        core::Instant fetched;
    };
    std::chrono::milliseconds ttl_;
    std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace signs::service
