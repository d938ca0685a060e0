#pragma once
/// The one way into storage: a pool of SOCI sessions on SQLite or PostgreSQL, leases of a
/// session, and transactions that roll back unless committed.
#include <soci/soci.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "store/database_url.hpp"
#include "store/statement_cache.hpp"

namespace signs::store {

struct PoolUse {
    std::size_t size;
    std::size_t in_use;
};

class Database {
  public:
    /// Opens `pool_size` connections. SQLite files are created if missing; throws StoreFault
    /// when the database cannot be reached.
    Database(const DatabaseUrl& url, std::size_t pool_size);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Dialect dialect() const { return dialect_; }
    const DatabaseUrl& url() const { return url_; }
    PoolUse pool_use() const { return {pool_size_, in_use_.load()}; }

    /// A session borrowed from the pool for the life of the lease.
    class Lease {
      public:
        explicit Lease(Database& db);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        soci::session& sql() { return session_; }
        Dialect dialect() const { return db_.dialect_; }

      private:
        Database& db_;
        // The pooled session itself rather than SOCI's stand-in for it, so that statements
        // prepared on it (StatementCache) outlive the lease.
        std::size_t position_;
        soci::session& session_;
    };

    Lease lease() { return Lease{*this}; }

    /// Runs several statements at once with the engine's own script support (migrations).
    static void execute_script(soci::session& sql, Dialect dialect, const std::string& script);

  private:
    DatabaseUrl url_;
    Dialect dialect_;
    std::size_t pool_size_;
    std::atomic<std::size_t> in_use_{0};
    soci::connection_pool pool_;
    std::vector<std::unique_ptr<StatementCache>> caches_;  ///< one per pooled session
};

/// A scope that rolls back unless commit() is called. On SQLite it takes the write lock at
/// the start (BEGIN IMMEDIATE), so two writers queue instead of deadlocking on upgrade.
class Transaction {
  public:
    explicit Transaction(Database::Lease& lease);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    soci::session& sql_;
    bool open_ = true;
};

}  // namespace signs::store
