#pragma once
/// Numbered SQL files in migrations/: `0001_people.sql` for both engines, or a twin pair
/// `0003_x.sqlite.sql` + `0003_x.postgresql.sql` where the SQL must differ. `@bytewise@` becomes
/// a byte-order collation. `@id@` in a file
/// becomes the engine's auto-numbered primary key. Each file runs in its own transaction.
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

namespace signs::store {

struct Migration {
    int version;
    std::string name;
    std::string sql;  ///< already specialised for the dialect
};

/// Reads the folder and picks each version's file for the dialect. A gap, a duplicate or a
/// twin without its partner is an error.
core::Result<std::vector<Migration>> load_migrations(const std::filesystem::path& folder,
                                                     Dialect dialect);

struct MigrationReport {
    int from_version;
    int to_version;
};

/// Applies what is missing. Refuses (Conflict) when the database is newer than the newest
/// migration this binary knows, so an old binary cannot run on a newer schema.
core::Result<MigrationReport> migrate(Database& db, const std::vector<Migration>& migrations);

/// The schema version recorded in the database (0 for a new one).
int schema_version(Database& db);
/// The same, for a database known to be migrated: one read, for health checks.
int current_schema_version(Database& db);

/// Conflict when the database is not exactly at `expected` (behind: run migrate; ahead: the
/// binary is too old).
core::Result<void> check_schema_version(Database& db, int expected);

}  // namespace signs::store
