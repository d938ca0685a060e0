// The audit log on both engines: appends chain correctly even from many threads, the database
// refuses edits, and verification finds tampering done behind the application's back.
#include <thread>

#include "core/clock.hpp"
#include "service/audit_service.hpp"
#include "service/audit_writer.hpp"
#include "store/audit_repository.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class AuditStore : public StoreTest<Engine> {
  protected:
    void append(int count) {
        for (int i = 0; i < count; ++i) {
            writer().record(service::Actor::system("test"),
                            {"view", "user", std::to_string(i), "detail " + std::to_string(i)});
        }
    }
    service::AuditWriter& writer() {
        if (!writer_) writer_ = std::make_unique<service::AuditWriter>(this->db(), clock_);
        return *writer_;
    }
    void TearDown() override { writer_.reset(); }
    /// What someone with direct database access could do: switch the guard off, then edit.
    void tamper(const std::string& statement) {
        auto lease = this->db().lease();
        std::string script =
            this->db().dialect() == store::Dialect::Sqlite
                ? "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; " +
                      statement
                : "DROP TRIGGER audit_events_no_change ON audit_events; " + statement;
        store::Database::execute_script(lease.sql(), this->db().dialect(), script);
    }
    core::SystemClock clock_;
    std::unique_ptr<service::AuditWriter> writer_;
};

TYPED_TEST_SUITE(AuditStore, Engines, EngineNames);

TYPED_TEST(AuditStore, AnUntouchedLogVerifies) {
    this->append(25);
    auto result = service::verify_audit(this->db());
    EXPECT_FALSE(result.first_break);
    EXPECT_EQ(result.events_checked, 25);
}

TYPED_TEST(AuditStore, ConcurrentWritersNeverForkTheChain) {
    // Grouped views from many threads, interleaved with events written inside changes' own
    // transactions, as happens when several requests run at once.
    this->writer();
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) threads.emplace_back([this] { this->append(20); });
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([this] {
            for (int i = 0; i < 10; ++i) {
                auto lease = this->db().lease();
                store::Transaction tx{lease};
                service::record_audit(lease.sql(), this->clock_, service::Actor::system("change"),
                                      {"user-add", "user", "1", ""});
                tx.commit();
            }
        });
    }
    for (auto& t : threads) t.join();
    auto result = service::verify_audit(this->db());
    EXPECT_FALSE(result.first_break) << result.first_break->reason;
    EXPECT_EQ(result.events_checked, 140);
    EXPECT_LT(this->writer().commits(), 120u) << "views waiting together share a commit";
}

TYPED_TEST(AuditStore, TheDatabaseRefusesToChangeOrDeleteEvents) {
    this->append(2);
    auto lease = this->db().lease();
    for (const char* statement : {"UPDATE audit_events SET detail = 'x' WHERE seq = 1",
                                  "DELETE FROM audit_events WHERE seq = 1"}) {
        try {
            store::translate_errors([&] { lease.sql() << statement; });
            ADD_FAILURE() << "allowed: " << statement;
        } catch (const store::StoreFault& fault) {
            EXPECT_EQ(fault.store_kind(), store::StoreErrorKind::Check) << statement;
        }
    }
}

TYPED_TEST(AuditStore, VerifyFindsAnAlteredRow) {
    this->append(10);
    this->tamper("UPDATE audit_events SET detail = 'nothing to see' WHERE seq = 4;");
    auto result = service::verify_audit(this->db());
    ASSERT_TRUE(result.first_break);
    EXPECT_EQ(result.first_break->seq, 4);
}

TYPED_TEST(AuditStore, VerifyFindsARemovedRow) {
    this->append(10);
    this->tamper("DELETE FROM audit_events WHERE seq = 7;");
    auto result = service::verify_audit(this->db());
    ASSERT_TRUE(result.first_break);
    EXPECT_EQ(result.first_break->seq, 7);
}

TYPED_TEST(AuditStore, VerifyFindsTheNewestRowRemoved) {
    this->append(5);
    this->tamper("DELETE FROM audit_events WHERE seq = 5;");
    auto result = service::verify_audit(this->db());
    ASSERT_TRUE(result.first_break);
    EXPECT_EQ(result.first_break->seq, 5);
}

TYPED_TEST(AuditStore, SearchFiltersAndPagesNewestFirst) {
    this->append(30);
    auto lease = this->db().lease();
    store::audit::AuditFilter filter;
    filter.limit = 10;
    auto page = store::audit::search(lease.sql(), filter);
    ASSERT_EQ(page.size(), 10u);
    EXPECT_EQ(page.front().seq, 30);
    filter.before_seq = page.back().seq;
    auto next = store::audit::search(lease.sql(), filter);
    EXPECT_EQ(next.front().seq, 20);
    store::audit::AuditFilter by_entity;
    by_entity.entity_type = "user";
    by_entity.entity_id = "3";
    auto one = store::audit::search(lease.sql(), by_entity);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].detail, "detail 3");
}

}  // namespace
}  // namespace signs::testing
