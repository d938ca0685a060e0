#pragma once
/// Writing, searching and verifying the audit log.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/audit/audit_chain.hpp"
#include "service/actor.hpp"
#include "store/audit_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

struct AuditEntry {
    std::string action;
    std::string entity_type;
    std::string entity_id;
    std::string detail;
};

/// The event for `entry` done by `actor` now, before it is numbered and chained.
domain::AuditEvent make_audit_event(const core::Clock& clock, const Actor& actor,
                                    const AuditEntry& entry);

/// Appends one event for `actor` inside the caller's transaction, so the change and its
/// record commit together or not at all.
void record_audit(soci::session& sql, const core::Clock& clock, const Actor& actor,
                  const AuditEntry& entry);

struct AuditVerification {
    std::int64_t events_checked = 0;
    std::optional<domain::ChainBreak> first_break;
};

/// Walks the whole chain in pages and checks it against the head row.
AuditVerification verify_audit(store::Database& db);

class AuditWriter;

/// Admin search; the search itself is audited.
core::Result<std::vector<domain::AuditEvent>> search_audit(store::Database& db, AuditWriter& audit,
                                                           const Actor& actor,
                                                           const store::audit::AuditFilter& filter);

}  // namespace signs::service
