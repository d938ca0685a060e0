// The outbox on both engines: waiting, tried again, sent or given up.
#include "store/outbox_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace outbox = store::outbox;

template <class Engine>
class OutboxStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(OutboxStore, Engines, EngineNames);

TYPED_TEST(OutboxStore, MessagesWaitUntilTheirTimeAndKeepWhatHappened) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    store::OutboxMessage m;
    m.kind = "invitation";
    m.to_name = "Dana Carter";
    m.to_address = "dana@example.org";
    m.subject = "Invitation";
    m.body = "Dear Dana";
    m.calendar = "BEGIN:VCALENDAR";
    m.calendar_method = "REQUEST";
    m.next_attempt_at = "2026-11-26T10:00:00.000000Z";
    m.created_at = m.next_attempt_at;
    auto first = outbox::add(sql, m);
    m.to_address = "pat@example.org";
    auto second = outbox::add(sql, m);
    EXPECT_TRUE(outbox::due(sql, "2026-11-26T09:59:59.000000Z", 10).empty());
    auto due = outbox::due(sql, "2026-11-26T10:00:00.000000Z", 10);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].id, first);
    EXPECT_EQ(due[0].calendar_method, "REQUEST");

    EXPECT_TRUE(
        outbox::claim(sql, first, "2026-11-26T10:00:00.000000Z", "2026-11-26T10:05:00.000000Z"));
    EXPECT_FALSE(outbox::claim(sql, first, "2026-11-26T10:00:00.000000Z",
                               "2026-11-26T10:05:00.000000Z"));  // taken already
    outbox::mark_failed_try(sql, first, "connection refused", "2026-11-26T10:01:00.000000Z", false);
    outbox::mark_sent(sql, second, "2026-11-26T10:00:01.000000Z");
    due = outbox::due(sql, "2026-11-26T10:00:30.000000Z", 10);
    EXPECT_TRUE(due.empty());
    due = outbox::due(sql, "2026-11-26T10:01:00.000000Z", 10);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].attempts, 1);
    EXPECT_EQ(due[0].last_error, "connection refused");

    outbox::mark_failed_try(sql, first, "still refused", "2026-11-26T10:03:00.000000Z", true);
    EXPECT_TRUE(outbox::due(sql, "2027-01-01T00:00:00.000000Z", 10).empty());
    auto recent = outbox::recent(sql, 10);
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_EQ(recent[0].status, "sent");
    EXPECT_EQ(recent[0].sent_at, "2026-11-26T10:00:01.000000Z");
    EXPECT_EQ(recent[1].status, "failed");
    EXPECT_EQ(recent[1].attempts, 2);
}

}  // namespace
}  // namespace signs::testing
