#pragma once
// What every benchmark data generator starts with: a new, migrated SQLite database and the
// one worker the bench scripts sign in as.
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/user_repository.hpp"

namespace signs::bench {

inline constexpr const char* kWorkerEmail = "bench@signs.example.org";
inline constexpr const char* kWorkerPassword = "benchmark passphrase";

/// A migrated database in `data_dir`; throws when the migrations cannot be applied.
inline std::unique_ptr<store::Database> new_database(const std::string& data_dir) {
    std::filesystem::create_directories(data_dir);
    auto db = std::make_unique<store::Database>(
        store::DatabaseUrl{store::Dialect::Sqlite, data_dir + "/signs.db"}, 1);
    auto migrations = store::load_migrations(SIGNS_RESOURCES_DIR "/migrations", db->dialect());
    if (!migrations || !store::migrate(*db, *migrations))
        throw std::runtime_error("migration failed");
    return db;
}

/// The practitioner in "Bench Team" whom the bench scripts sign in as.
inline store::UserRecord add_worker(soci::session& sql, const std::string& now) {
    store::UserRecord worker;
    worker.email = kWorkerEmail;
    worker.name = "Bench Worker";
    worker.role = domain::Role::Practitioner;
    worker.password_hash = core::hash_password(kWorkerPassword);
    worker.created_at = now;
    worker.team_id = store::users::find_or_create_team(sql, "Bench Team", true);
    worker.id = store::users::insert(sql, worker);
    return worker;
}

}  // namespace signs::bench
