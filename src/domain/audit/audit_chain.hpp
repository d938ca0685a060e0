#pragma once
/// The audit log is a hash chain: each event's hash covers its own fields and the previous
/// event's hash, so altering or deleting any row breaks every link after it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::domain {

struct AuditEvent {
    std::int64_t seq = 0;  ///< 1, 2, 3... with no gaps
    std::string at;        ///< UTC, storage form
    std::optional<std::int64_t> user_id;
    std::string action;       ///< "sign-in", "sign-in-failed", "view", "user-add", ...
    std::string entity_type;  ///< "user", "session", ... or empty
    std::string entity_id;
    std::string address;  ///< client IP address
    std::string request_id;
    std::string detail;  ///< short free text, never a password
    std::string previous_hash;
    std::string hash;
};

/// The hash that should be stored for `event`, given the hash of the event before it.
std::string audit_hash(const AuditEvent& event, const std::string& previous_hash);

/// The hash that comes before the first event.
inline const std::string kAuditGenesis(64, '0');

struct ChainBreak {
    std::int64_t seq;  ///< first event whose link does not hold
    std::string reason;
};

/// Checks events in order of seq. `expected_first_seq` and `previous_hash` allow checking a
/// chain in pages.
std::optional<ChainBreak> verify_audit_chain(const std::vector<AuditEvent>& events,
                                             std::int64_t expected_first_seq,
                                             const std::string& previous_hash);

}  // namespace signs::domain
