// The storage contract: the same cases on SQLite and PostgreSQL, proving both engines store
// the same things and report the same kinds of error.
#include <thread>

#include "core/london_time.hpp"
#include "store/api_token_repository.hpp"
#include "store/read_transaction.hpp"
#include "store/session_repository.hpp"
#include "store/sign_in_attempt_repository.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class StoreContract : public StoreTest<Engine> {
  protected:
    store::UserRecord a_user(const std::string& email) {
        store::UserRecord user;
        user.email = email;
        user.name = "Test Person";
        user.role = domain::Role::Practitioner;
        user.password_hash = "$argon2id$placeholder";
        user.created_at = "2026-11-26T10:00:00.000000Z";
        return user;
    }

    store::StoreErrorKind kind_of(const std::function<void()>& action) {
        try {
            action();
        } catch (const store::StoreFault& fault) {
            return fault.store_kind();
        }
        ADD_FAILURE() << "expected a storage error";
        return store::StoreErrorKind::Other;
    }
};

TYPED_TEST_SUITE(StoreContract, Engines, EngineNames);

TYPED_TEST(StoreContract, MigrationsReachTheNewestVersionAndAreIdempotent) {
    auto& db = this->db();
    int newest = this->migrations_.back().version;
    EXPECT_EQ(store::schema_version(db), newest);
    auto again = store::migrate(db, this->migrations_);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->from_version, newest);
    EXPECT_TRUE(store::check_schema_version(db, newest));
}

TYPED_TEST(StoreContract, AnOlderBinaryRefusesANewerSchema) {
    auto& db = this->db();
    auto older = this->migrations_;
    older.pop_back();
    auto refused = store::migrate(db, older);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, core::ErrorKind::Conflict);
    EXPECT_NE(refused.error().message.find("newer signs"), std::string::npos);
    EXPECT_FALSE(store::check_schema_version(db, older.back().version));
}

TYPED_TEST(StoreContract, UsersRoundTripWithTheirTeam) {
    auto lease = this->db().lease();
    auto user = this->a_user("jo@example.org");
    user.team_id = store::users::find_or_create_team(lease.sql(), "Riverside", false);
    user.name = "Siân O'Brien <b>";
    user.id = store::users::insert(lease.sql(), user);
    EXPECT_EQ(store::users::find_or_create_team(lease.sql(), "Riverside", false), *user.team_id);

    auto found = store::users::find_by_email(lease.sql(), "jo@example.org");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, user.id);
    EXPECT_EQ(found->name, "Siân O'Brien <b>");
    EXPECT_EQ(found->team_name, "Riverside");
    EXPECT_TRUE(found->active);
    EXPECT_EQ(found->version, 1);
    EXPECT_FALSE(store::users::find_by_email(lease.sql(), "nobody@example.org"));
    EXPECT_EQ(store::users::count(lease.sql()), 1);
    EXPECT_EQ(store::users::list(lease.sql()).size(), 1u);
}

TYPED_TEST(StoreContract, AReadTransactionSeesOneMoment) {
    auto reader = this->db().lease();
    {
        store::ReadTransaction read{reader};
        EXPECT_EQ(store::users::count(reader.sql()), 0);
        {
            // Someone else saves while the page is being read.
            auto writer = this->db().lease();
            store::Transaction tx{writer};
            store::users::insert(writer.sql(), this->a_user("late@example.org"));
            tx.commit();
        }
        EXPECT_EQ(store::users::count(reader.sql()), 0);
        EXPECT_FALSE(store::users::find_by_email(reader.sql(), "late@example.org"));
    }
    // The next read sees it, and the connection is free for writing again.
    EXPECT_EQ(store::users::count(reader.sql()), 1);
    store::Transaction tx{reader};
    store::users::insert(reader.sql(), this->a_user("next@example.org"));
    tx.commit();
    EXPECT_EQ(store::users::count(reader.sql()), 2);
}

TYPED_TEST(StoreContract, AStaleVersionChangesNothing) {
    auto lease = this->db().lease();
    auto id = store::users::insert(lease.sql(), this->a_user("jo@example.org"));
    EXPECT_TRUE(store::users::set_active(lease.sql(), id, false, 1));
    EXPECT_FALSE(store::users::set_active(lease.sql(), id, true, 1));
    EXPECT_FALSE(store::users::update_password(lease.sql(), id, "x", 1));
    auto user = store::users::find_by_id(lease.sql(), id);
    EXPECT_FALSE(user->active);
    EXPECT_EQ(user->version, 2);
}

TYPED_TEST(StoreContract, BothEnginesReportTheSameErrorKinds) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    store::users::insert(sql, this->a_user("jo@example.org"));
    EXPECT_EQ(this->kind_of([&] { store::users::insert(sql, this->a_user("jo@example.org")); }),
              store::StoreErrorKind::Unique);
    EXPECT_EQ(this->kind_of([&] {
        store::translate_errors([&] {
            sql << "INSERT INTO users (email, name, role, team_id, password_hash, created_at) "
                   "VALUES ('x@y.org', 'X', 'practitioner', 999, 'h', 'now')";
        });
    }),
              store::StoreErrorKind::ForeignKey);
    EXPECT_EQ(this->kind_of([&] {
        store::translate_errors([&] { sql << "INSERT INTO teams (name) VALUES (NULL)"; });
    }),
              store::StoreErrorKind::NotNull);
    EXPECT_EQ(this->kind_of([&] {
        store::translate_errors([&] {
            sql << "INSERT INTO users (email, name, role, password_hash, created_at, active) "
                   "VALUES ('z@y.org', 'Z', 'practitioner', 'h', 'now', 7)";
        });
    }),
              store::StoreErrorKind::Check);
}

TYPED_TEST(StoreContract, SessionsAreFoundByTokenHashAndExpire) {
    auto lease = this->db().lease();
    auto user = store::users::insert(lease.sql(), this->a_user("jo@example.org"));
    store::SessionRecord s{0,
                           "hash-1",
                           user,
                           "csrf",
                           "2026-11-26T10:00:00.000000Z",
                           "2026-11-26T10:00:00.000000Z",
                           "127.0.0.1"};
    store::sessions::insert(lease.sql(), s);
    auto found = store::sessions::find_by_token_hash(lease.sql(), "hash-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, user);
    EXPECT_EQ(found->csrf_token, "csrf");
    store::sessions::touch(lease.sql(), found->id, "2026-11-26T11:00:00.000000Z");
    EXPECT_EQ(store::sessions::find_by_token_hash(lease.sql(), "hash-1")->last_seen_at,
              "2026-11-26T11:00:00.000000Z");
    EXPECT_EQ(store::sessions::remove_expired(lease.sql(), "2026-11-26T10:30:00.000000Z",
                                              "2026-11-26T00:00:00.000000Z"),
              0);
    EXPECT_EQ(store::sessions::remove_expired(lease.sql(), "2026-11-26T12:00:00.000000Z",
                                              "2026-11-26T00:00:00.000000Z"),
              1);
    EXPECT_FALSE(store::sessions::find_by_token_hash(lease.sql(), "hash-1"));
}

TYPED_TEST(StoreContract, FailedSignInsAreCountedSinceTheLastSuccess) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    using store::sign_in_attempts::record;
    record(sql, "jo@example.org", "10.0.0.1", "2026-11-26T10:00:00.000000Z", false);
    record(sql, "jo@example.org", "10.0.0.1", "2026-11-26T10:01:00.000000Z", true);
    record(sql, "jo@example.org", "10.0.0.2", "2026-11-26T10:02:00.000000Z", false);
    record(sql, "kim@example.org", "10.0.0.2", "2026-11-26T10:03:00.000000Z", false);
    record(sql, "kim@example.org", "10.0.0.2", "2026-11-26T09:00:00.000000Z", false);
    auto jo = store::sign_in_attempts::recent_failures(sql, "jo@example.org", "10.0.0.2",
                                                       "2026-11-26T09:30:00.000000Z");
    EXPECT_EQ(jo.for_account, 1);
    EXPECT_EQ(jo.for_address, 2);
    store::sign_in_attempts::remove_before(sql, "2026-11-26T10:02:00.000000Z");
    auto later = store::sign_in_attempts::recent_failures(sql, "kim@example.org", "10.0.0.2",
                                                          "2026-11-26T00:00:00.000000Z");
    EXPECT_EQ(later.for_account, 1);
    EXPECT_EQ(later.for_address, 2);
}

TYPED_TEST(StoreContract, ApiTokensCanBeRevokedOnlyByTheirOwner) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto owner = store::users::insert(sql, this->a_user("jo@example.org"));
    auto other = store::users::insert(sql, this->a_user("kim@example.org"));
    auto id = store::api_tokens::insert(sql, owner, "reports", "token-hash",
                                        "2026-11-26T10:00:00.000000Z");
    EXPECT_EQ(store::api_tokens::find_live_by_hash(sql, "token-hash")->user_id, owner);
    EXPECT_FALSE(store::api_tokens::revoke(sql, id, other, "2026-11-26T11:00:00.000000Z"));
    EXPECT_TRUE(store::api_tokens::revoke(sql, id, owner, "2026-11-26T11:00:00.000000Z"));
    EXPECT_FALSE(store::api_tokens::revoke(sql, id, owner, "2026-11-26T12:00:00.000000Z"));
    EXPECT_FALSE(store::api_tokens::find_live_by_hash(sql, "token-hash"));
    auto listed = store::api_tokens::list_for_user(sql, owner);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_TRUE(listed[0].revoked);
}

TYPED_TEST(StoreContract, ATransactionRollsBackUnlessCommitted) {
    auto& db = this->db();
    {
        auto lease = db.lease();
        store::Transaction tx{lease};
        store::users::insert(lease.sql(), this->a_user("jo@example.org"));
    }
    auto lease = db.lease();
    EXPECT_EQ(store::users::count(lease.sql()), 0);
}

}  // namespace
}  // namespace signs::testing
