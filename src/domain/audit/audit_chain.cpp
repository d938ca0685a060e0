#include "domain/audit/audit_chain.hpp"

#include "core/crypto.hpp"

namespace signs::domain {
namespace {

// Length-prefixed fields, so no choice of text can make two events serialise the same.
void append_field(std::string& out, const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += ';';
}

}  // namespace

std::string audit_hash(const AuditEvent& event, const std::string& previous_hash) {
    std::string canonical;
    append_field(canonical, std::to_string(event.seq));
    append_field(canonical, event.at);
    append_field(canonical, event.user_id ? std::to_string(*event.user_id) : "");
    append_field(canonical, event.action);
    append_field(canonical, event.entity_type);
    append_field(canonical, event.entity_id);
    append_field(canonical, event.address);
    append_field(canonical, event.request_id);
    append_field(canonical, event.detail);
    append_field(canonical, previous_hash);
    return core::sha256_hex(canonical);
}

std::optional<ChainBreak> verify_audit_chain(const std::vector<AuditEvent>& events,
                                             std::int64_t expected_first_seq,
                                             const std::string& previous_hash) {
    std::int64_t expected_seq = expected_first_seq;
    std::string previous = previous_hash;
    for (const auto& event : events) {
        if (event.seq != expected_seq) {
            return ChainBreak{expected_seq, "event " + std::to_string(expected_seq) +
                                                " is missing (next found is " +
                                                std::to_string(event.seq) + ")"};
        }
        if (event.previous_hash != previous) {
            return ChainBreak{event.seq, "event " + std::to_string(event.seq) +
                                             " does not point at the event before it"};
        }
        if (audit_hash(event, previous) != event.hash) {
            return ChainBreak{event.seq, "event " + std::to_string(event.seq) +
                                             " was changed after it was written"};
        }
        previous = event.hash;
        ++expected_seq;
    }
    return std::nullopt;
}

}  // namespace signs::domain
