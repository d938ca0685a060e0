// The census stamp on both engines: it moves with a change to anything the census reads,
// once per transaction on PostgreSQL however many rows change, and not for the case columns
// other pages' stamps keep.
#include "store/case_repository.hpp"
#include "store/cin_repository.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class CensusStamp : public StoreTest<Engine> {
  protected:
    std::int64_t stamp() {
        auto lease = this->db().lease();
        return store::cin::census_stamp(lease.sql());
    }
    /// Whether running `change` in its own transaction moved the stamp.
    template <class Change>
    bool moves(Change change) {
        auto before = stamp();
        {
            auto lease = this->db().lease();
            store::Transaction tx{lease};
            change(lease.sql());
            tx.commit();
        }
        return stamp() > before;
    }
};

TYPED_TEST_SUITE(CensusStamp, Engines, EngineNames);

TYPED_TEST(CensusStamp, MovesWithWhatTheCensusReads) {
    CaseWithChild made;
    EXPECT_TRUE(this->moves([&](soci::session& sql) { made = a_case_with_child(sql); }));
    long long child = made.child_id, case_id = made.case_id;
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        sql << "UPDATE children SET first_name = 'Mia' WHERE id = :id", soci::use(child);
    }));
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        store::EpisodeRecord e;
        e.child_id = child;
        e.referral_date = "2026-11-02";
        e.recorded_at = "t";
        store::cin::insert_episode(sql, e);
    }));
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        store::cases::add_level_period(sql, {0,
                                             made.case_id,
                                             made.child_id,
                                             "child-in-need",
                                             "2026-11-02",
                                             "",
                                             "Referred",
                                             "",
                                             "",
                                             {},
                                             "t"});
    }));
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        a_held_meeting(sql, made, "pre-proceedings", "2026-11-20", "uid-1");
    }));
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        sql << "INSERT INTO pre_proceedings (case_id, started_on, recorded_at) VALUES (:c, "
               "'2026-11-05', 't')",
            soci::use(case_id);
    }));
    // Who the case's worker is shows on data quality; the page stamps do not.
    long long worker = 0;
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        store::UserRecord user;
        user.email = "w@example.org";
        user.name = "Worker";
        user.role = domain::Role::Practitioner;
        user.password_hash = "x";
        user.created_at = "t";
        worker = store::users::insert(sql, user);
        sql << "UPDATE cases SET worker_id = :w WHERE id = :c", soci::use(worker),
            soci::use(case_id);
    }));
    EXPECT_FALSE(this->moves([&](soci::session& sql) {
        sql << "UPDATE cases SET page_stamp = page_stamp + 1 WHERE id = :c", soci::use(case_id);
    }));
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        sql << "UPDATE users SET name = 'Worker Two' WHERE id = :w", soci::use(worker);
    }));
    EXPECT_FALSE(this->moves([&](soci::session& sql) {
        sql << "UPDATE users SET password_hash = 'y' WHERE id = :w", soci::use(worker);
    }));
    // Who is named on a restricted child decides who sees them on data quality.
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        sql << "INSERT INTO child_restrictions (child_id, user_id) VALUES (:c, :w)",
            soci::use(child), soci::use(worker);
    }));
    EXPECT_TRUE(this->moves([&](soci::session& sql) {
        sql << "DELETE FROM child_restrictions WHERE child_id = :c", soci::use(child);
    }));
}

TYPED_TEST(CensusStamp, ATransactionMovesItOnceOnPostgresql) {
    auto before = this->stamp();
    {
        auto lease = this->db().lease();
        store::Transaction tx{lease};
        for (int i = 0; i < 5; ++i) a_case_with_child(lease.sql(), "Family" + std::to_string(i));
        tx.commit();
    }
    auto moved = this->stamp() - before;
    EXPECT_GE(moved, 1);
    if (this->db().dialect() == store::Dialect::Postgresql) {
        EXPECT_EQ(moved, 1);
    }
    // A transaction that is rolled back leaves it where it was.
    before = this->stamp();
    {
        auto lease = this->db().lease();
        store::Transaction tx{lease};
        a_case_with_child(lease.sql(), "Rolled");
    }
    EXPECT_EQ(this->stamp(), before);
}

}  // namespace
}  // namespace signs::testing
