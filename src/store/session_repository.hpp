#pragma once
/// Signed-in sessions. The database holds only the SHA-256 of each token, so any app node can
/// check a cookie and a leaked copy of the table cannot be replayed.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace signs::store {

struct SessionRecord {
    std::int64_t id = 0;
    std::string token_hash;
    std::int64_t user_id = 0;
    std::string csrf_token;
    std::string created_at;
    std::string last_seen_at;
    std::string address;
};

namespace sessions {

void insert(soci::session& sql, const SessionRecord& session);
std::optional<SessionRecord> find_by_token_hash(soci::session& sql, const std::string& token_hash);
void touch(soci::session& sql, std::int64_t id, const std::string& at);
void remove(soci::session& sql, std::int64_t id);
void remove_for_user(soci::session& sql, std::int64_t user_id);
/// Removes sessions last seen before `cutoff` or created before `absolute_cutoff`.
int remove_expired(soci::session& sql, const std::string& cutoff,
                   const std::string& absolute_cutoff);

}  // namespace sessions
}  // namespace signs::store
