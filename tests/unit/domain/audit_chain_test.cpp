#include "domain/audit/audit_chain.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace signs::domain {
namespace {

std::vector<AuditEvent> chain_of(int count) {
    core::init_crypto();
    std::vector<AuditEvent> events;
    std::string previous = kAuditGenesis;
    for (int i = 1; i <= count; ++i) {
        AuditEvent e;
        e.seq = i;
        e.at = "2026-11-26T10:00:0" + std::to_string(i) + ".000000Z";
        e.user_id = 7;
        e.action = "view";
        e.entity_type = "user";
        e.entity_id = std::to_string(i);
        e.address = "127.0.0.1";
        e.request_id = "req" + std::to_string(i);
        e.previous_hash = previous;
        e.hash = audit_hash(e, previous);
        previous = e.hash;
        events.push_back(e);
    }
    return events;
}

TEST(AuditChain, AnIntactChainVerifies) {
    EXPECT_FALSE(verify_audit_chain(chain_of(5), 1, kAuditGenesis));
    EXPECT_FALSE(verify_audit_chain({}, 1, kAuditGenesis));
}

TEST(AuditChain, AnAlteredFieldIsFoundAtItsEvent) {
    auto events = chain_of(5);
    events[2].detail = "quietly edited";
    auto broken = verify_audit_chain(events, 1, kAuditGenesis);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 3);
}

TEST(AuditChain, ARemovedEventIsReportedAsMissing) {
    auto events = chain_of(5);
    events.erase(events.begin() + 1);
    auto broken = verify_audit_chain(events, 1, kAuditGenesis);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 2);
    EXPECT_NE(broken->reason.find("missing"), std::string::npos);
}

TEST(AuditChain, ARehashedEventStillBreaksTheNextLink) {
    auto events = chain_of(4);
    events[1].detail = "edited";
    events[1].hash = audit_hash(events[1], events[1].previous_hash);
    auto broken = verify_audit_chain(events, 1, kAuditGenesis);
    ASSERT_TRUE(broken);
    EXPECT_EQ(broken->seq, 3);
}

TEST(AuditChain, FieldBoundariesCannotBeShifted) {
    auto events = chain_of(1);
    auto moved = events[0];
    moved.entity_type = "use";
    moved.entity_id = "r" + moved.entity_id;
    EXPECT_NE(audit_hash(moved, kAuditGenesis), events[0].hash);
}

}  // namespace
}  // namespace signs::domain
