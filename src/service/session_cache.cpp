#include "service/session_cache.hpp"

#include <algorithm>

namespace signs::service {

std::optional<CurrentSession> SessionCache::find(const std::string& token_hash,
                                                 core::Instant now) const {
    std::lock_guard lock{mutex_};
    auto it = entries_.find(token_hash);
    if (it == entries_.end() || now - it->second.fetched >= ttl_ || now < it->second.fetched)
        return std::nullopt;
    return it->second.session;
}

void SessionCache::remember(const std::string& token_hash, const CurrentSession& session,
                            core::Instant now) {
    std::lock_guard lock{mutex_};
    if (entries_.size() >= max_entries_) {
        // Full: drop whatever has gone stale; if that frees nothing, start afresh.
        std::erase_if(entries_,
                      [&](const auto& item) { return now - item.second.fetched >= ttl_; });
        if (entries_.size() >= max_entries_) entries_.clear();
    }
    entries_.insert_or_assign(token_hash, Entry{session, now});
}

void SessionCache::forget(const std::string& token_hash) {
    std::lock_guard lock{mutex_};
    entries_.erase(token_hash);
}

void SessionCache::forget_user(std::int64_t user_id) {
    std::lock_guard lock{mutex_};
    std::erase_if(entries_,
                  [&](const auto& item) { return item.second.session.user.id == user_id; });
}

}  // namespace signs::service
