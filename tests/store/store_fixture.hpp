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
#include "store/database.hpp"
#include "store/migrations.hpp"

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

}  // namespace signs::testing
