#pragma once
/// Forms kept across a session time-out.
#include <soci/soci.h>

#include <optional>
#include <string>

namespace signs::store {

struct PendingFormRecord {
    std::string path;
    std::string body;  ///< as posted, form-encoded
    std::string created_at;
};

namespace pending_forms {

void insert(soci::session& sql, const std::string& token_hash, const PendingFormRecord& form);
/// Finds and deletes the form in one go, so it can be resumed once only.
std::optional<PendingFormRecord> take(soci::session& sql, const std::string& token_hash);
/// Forgets forms kept since before `cutoff`.
void remove_before(soci::session& sql, const std::string& cutoff);

}  // namespace pending_forms
}  // namespace signs::store
