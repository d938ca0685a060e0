#include "service/audit_service.hpp"

#include "core/london_time.hpp"
#include "service/audit_writer.hpp"

namespace signs::service {

domain::AuditEvent make_audit_event(const core::Clock& clock, const Actor& actor,
                                    const AuditEntry& entry) {
    domain::AuditEvent event;
    event.at = core::to_storage(clock.now());
    event.user_id = actor.user_id();
    event.action = entry.action;
    event.entity_type = entry.entity_type;
    event.entity_id = entry.entity_id;
    event.address = actor.context.address;
    event.request_id = actor.context.request_id;
    event.detail = entry.detail;
    return event;
}

void record_audit(soci::session& sql, const core::Clock& clock, const Actor& actor,
                  const AuditEntry& entry) {
    store::audit::append(sql, make_audit_event(clock, actor, entry));
}

AuditVerification verify_audit(store::Database& db) {
    constexpr int kPage = 1000;
    auto lease = db.lease();
    auto head = store::audit::head(lease.sql());
    AuditVerification result;
    std::string previous = domain::kAuditGenesis;
    std::int64_t next = 1;
    while (next <= head.seq) {
        auto page = store::audit::range(lease.sql(), next, kPage);
        if (auto broken = domain::verify_audit_chain(page, next, previous)) {
            result.first_break = broken;
            return result;
        }
        if (static_cast<int>(page.size()) < kPage &&
            next + static_cast<std::int64_t>(page.size()) <= head.seq) {
            auto missing = next + static_cast<std::int64_t>(page.size());
            result.first_break =
                domain::ChainBreak{missing, "event " + std::to_string(missing) + " is missing"};
            return result;
        }
        result.events_checked += static_cast<std::int64_t>(page.size());
        if (!page.empty()) previous = page.back().hash;
        next += kPage;
    }
    if (previous != head.hash) {
        result.first_break =
            domain::ChainBreak{head.seq, "the newest event does not match the chain head"};
    }
    return result;
}

core::Result<std::vector<domain::AuditEvent>> search_audit(
    store::Database& db, AuditWriter& audit, const Actor& actor,
    const store::audit::AuditFilter& filter) {
    if (!actor.is_system() && !actor.has_role(domain::Role::SystemAdministrator)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Only system administrators can search the audit log");
    }
    auto events = [&] {
        auto lease = db.lease();
        return store::audit::search(lease.sql(), filter);
    }();
    // Every part of the search, so that two different searches are never taken for one.
    std::string detail = "action=" + filter.action + " entity=" + filter.entity_type + ":" +
                         filter.entity_id +
                         " user=" + (filter.user_id ? std::to_string(*filter.user_id) : "") +
                         " from=" + filter.from_at + " to=" + filter.to_at +
                         " before=" + std::to_string(filter.before_seq);
    // A search is a read of the log, so it follows the rule for views: the same search by the
    // same person from the same place is on disk once a minute, before the first answer.
    audit.record_view(actor, {"audit-search", "audit", "", detail});
    return events;
}

}  // namespace signs::service
