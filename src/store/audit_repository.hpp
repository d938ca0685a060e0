#pragma once
/// The append-only audit log: writing links each event to the one before it; reading
/// supports the admin search screen and `signs audit verify`.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit/audit_chain.hpp"

namespace signs::store::audit {

/// Fills seq, previous_hash and hash, and inserts. Call inside a Transaction: the head row
/// is locked until it commits, so concurrent writers on any node queue in order.
domain::AuditEvent append(soci::session& sql, domain::AuditEvent event);

struct AuditFilter {
    std::optional<std::int64_t> user_id;
    std::string action;           ///< exact match, or empty for any
    std::string entity_type;      ///< exact match, or empty
    std::string entity_id;        ///< exact match, or empty
    std::string from_at;          ///< storage-form lower bound (inclusive), or empty
    std::string to_at;            ///< upper bound (exclusive), or empty
    std::int64_t before_seq = 0;  ///< for paging backwards; 0 for the newest
    int limit = 50;
};

/// Newest first.
std::vector<domain::AuditEvent> search(soci::session& sql, const AuditFilter& filter);

/// Events with seq in [from_seq, from_seq + count), in order, for verification in pages.
std::vector<domain::AuditEvent> range(soci::session& sql, std::int64_t from_seq, int count);

struct AuditHead {
    std::int64_t seq;
    std::string hash;
};
AuditHead head(soci::session& sql);

}  // namespace signs::store::audit
