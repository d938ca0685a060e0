#pragma once
/// Personal API tokens: stored as SHA-256 hashes, shown to their owner once when made.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct ApiTokenRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string name;
    std::string created_at;
    std::string last_used_at;  ///< empty if never used
    bool revoked = false;
};

namespace api_tokens {

std::int64_t insert(soci::session& sql, std::int64_t user_id, const std::string& name,
                    const std::string& token_hash, const std::string& at);
/// The owner of a live (not revoked) token.
std::optional<ApiTokenRecord> find_live_by_hash(soci::session& sql, const std::string& token_hash);
void mark_used(soci::session& sql, std::int64_t id, const std::string& at);
std::vector<ApiTokenRecord> list_for_user(soci::session& sql, std::int64_t user_id);
/// False when the token is not the user's or is already revoked.
bool revoke(soci::session& sql, std::int64_t id, std::int64_t user_id, const std::string& at);

}  // namespace api_tokens
}  // namespace signs::store
