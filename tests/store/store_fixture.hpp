#pragma once
// One fixture for every storage test, parameterised by engine. The PostgreSQL engine uses the
// throwaway server that scripts/with-postgres starts; each test gets a fresh schema.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "core/crypto.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {

struct SqliteEngine {
    static constexpr const char* kName = "SQLite";
    static std::unique_ptr<store::Database> open(std::size_t pool_size) {
        static std::atomic<int> counter{0};
        auto folder =
            std::filesystem::temp_directory_path() /
            ("signs-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder);
        return std::make_unique<store::Database>(
            store::DatabaseUrl{store::Dialect::Sqlite, (folder / "test.db").string()}, pool_size);
    }
};

struct PostgresEngine {
    static constexpr const char* kName = "PostgreSQL";
    static std::unique_ptr<store::Database> open(std::size_t pool_size) {
        const char* url = std::getenv("SIGNS_TEST_POSTGRES_URL");
        if (!url || !*url) return nullptr;
        store::DatabaseUrl target{store::Dialect::Postgresql, url};
        {
            store::Database admin{target, 1};
            auto lease = admin.lease();
            store::Database::execute_script(
                lease.sql(), store::Dialect::Postgresql,
                "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        }
        return std::make_unique<store::Database>(target, pool_size);
    }
};

template <class Engine>
class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        core::init_crypto();
        db_ = Engine::open(4);
        if (!db_) {
            // The test command always provides a server; only a hand-run binary may lack one.
            if (std::getenv("SIGNS_REQUIRE_POSTGRES"))
                FAIL() << "SIGNS_TEST_POSTGRES_URL is not set";
            GTEST_SKIP() << "no PostgreSQL server (run under scripts/with-postgres)";
        }
        auto migrations = store::load_migrations(SIGNS_MIGRATIONS_DIR, db_->dialect());
        ASSERT_TRUE(migrations) << migrations.error().message;
        migrations_ = *migrations;
        auto migrated = store::migrate(*db_, migrations_);
        ASSERT_TRUE(migrated) << migrated.error().message;
    }

    store::Database& db() { return *db_; }
    std::unique_ptr<store::Database> db_;
    std::vector<store::Migration> migrations_;
};

using Engines = ::testing::Types<SqliteEngine, PostgresEngine>;

struct EngineNames {
    template <class T>
    static std::string GetName(int) {
        return T::kName;
    }
};

/// A fictional child, Maya `last_name`, in a new case of the "`last_name` family" opened on
/// 1 November 2026.
struct CaseWithChild {
    std::int64_t case_id = 0;
    std::int64_t child_id = 0;
};
inline CaseWithChild a_case_with_child(soci::session& sql, const std::string& last_name = "Carter",
                                       bool restricted = false) {
    store::ChildRecord child;
    child.first_name = "Maya";
    child.last_name = last_name;
    child.date_of_birth = "2019-03-02";
    child.sex = "F";
    child.ethnicity = "NOBT";
    child.created_at = "t";
    child.restricted = restricted;
    CaseWithChild out;
    out.child_id = store::children::insert(sql, child, {"maya"});
    store::CaseRecord k;
    k.family_name = last_name + " family";
    k.opened_on = "2026-11-01";
    k.created_at = "t";
    out.case_id = store::cases::insert(sql, k);
    store::cases::add_child(sql, out.case_id, out.child_id);
    return out;
}

/// A meeting of `type` about `made`'s child, held on `on` (ISO), with its calendar `uid`.
inline std::int64_t a_held_meeting(soci::session& sql, const CaseWithChild& made,
                                   const std::string& type, const std::string& on,
                                   const std::string& uid) {
    long long case_id = made.case_id, child = made.child_id, meeting = 0;
    sql << "INSERT INTO meetings (case_id, type, held_on, start_minutes, end_minutes, venue, "
           "chair, status, uid, created_at) VALUES (:c, :t, :on, 600, 660, 'Town Hall', 'Sam', "
           "'held', :uid, 't') RETURNING id",
        soci::use(case_id), soci::use(type), soci::use(on), soci::use(uid), soci::into(meeting);
    sql << "INSERT INTO meeting_children (meeting_id, child_id) VALUES (:m, :c)",
        soci::use(meeting), soci::use(child);
    return meeting;
}

/// A practitioner in the Riverside team with `made`'s case allocated to them.
inline store::UserRecord a_worker_allocated(soci::session& sql, const CaseWithChild& made) {
    store::UserRecord worker;
    worker.email = "w@example.org";
    worker.name = "Worker";
    worker.role = domain::Role::Practitioner;
    worker.password_hash = "x";
    worker.created_at = "t";
    worker.team_id = store::users::find_or_create_team(sql, "Riverside", false);
    worker.id = store::users::insert(sql, worker);
    store::cases::allocate(sql, made.case_id, *worker.team_id, worker.id, 1);
    return worker;
}

}  // namespace signs::testing
