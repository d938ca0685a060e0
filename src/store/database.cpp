#include "store/database.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include "store/store_error.hpp"

namespace signs::store {
namespace {

std::string sqlite_connect_string(const std::string& path) {
    std::string quoted = "\"";
    for (char c : path) {
        if (c == '"') quoted += '\\';
        quoted += c;
    }
    return "db=" + quoted + "\" timeout=10";
}

void configure_sqlite(soci::session& sql) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    sqlite_api::sqlite3_extended_result_codes(backend->conn_, 1);
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA synchronous=FULL";
    sql << "PRAGMA busy_timeout=10000";
    // Reads of a large database come from memory rather than a read() per page: 64 MiB of
    // cache per connection and the file mapped (the OS shares the mapping between them).
    sql << "PRAGMA cache_size=-65536";
    sql << "PRAGMA mmap_size=1073741824";
}

// SOCI reads a leading "postgresql://" as its own backend prefix, so a libpq URL is turned
// into libpq's keyword='value' form first, by libpq itself.
std::string postgres_conninfo(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        std::string message = error ? error : "cannot read the PostgreSQL URL";
        PQfreemem(error);
        throw StoreFault(StoreErrorKind::LostConnection, message);
    }
    std::string out;
    for (auto* option = options; option->keyword; ++option) {
        if (!option->val) continue;
        std::string value;
        for (const char* c = option->val; *c; ++c) {
            if (*c == '\\' || *c == '\'') value += '\\';
            value += *c;
        }
        out += std::string{option->keyword} + "='" + value + "' ";
    }
    PQconninfoFree(options);
    return out;
}

}  // namespace

Database::Database(const DatabaseUrl& url, std::size_t pool_size)
    : url_(url), dialect_(url.dialect), pool_size_(pool_size), pool_(pool_size) {
    // A failed start must not leave sessions about to be freed in the statement registry.
    struct Enrolment {
        Database& db;
        bool done = false;
        ~Enrolment() {
            if (done) return;
            for (std::size_t i = 0; i < db.caches_.size(); ++i)
                StatementCache::withdraw(db.pool_.at(i));
        }
    } enrolment{*this};
    translate_errors([&] {
        for (std::size_t i = 0; i < pool_size; ++i) {
            auto& session = pool_.at(i);
            if (dialect_ == Dialect::Sqlite) {
                session.open(soci::sqlite3, sqlite_connect_string(url.target));
                configure_sqlite(session);
            } else {
                session.open(soci::postgresql, postgres_conninfo(url.target));
                // Statements are kept prepared (StatementCache); plan each run for its own
                // values, as before, so searches that stop early at their LIMIT stay fast.
                session << "SET plan_cache_mode = force_custom_plan";
            }
            caches_.push_back(std::make_unique<StatementCache>());
            StatementCache::enroll(session, caches_.back().get());
        }
    });
    enrolment.done = true;
}

Database::~Database() {
    for (std::size_t i = 0; i < caches_.size(); ++i) StatementCache::withdraw(pool_.at(i));
    caches_.clear();  // before the sessions they were prepared on close
}

Database::Lease::Lease(Database& db)
    : db_(db), position_(db.pool_.lease()), session_(db.pool_.at(position_)) {
    ++db_.in_use_;
}
Database::Lease::~Lease() {
    --db_.in_use_;
    db_.pool_.give_back(position_);
}

void Database::execute_script(soci::session& sql, Dialect dialect, const std::string& script) {
    if (dialect == Dialect::Sqlite) {
        auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
        char* message = nullptr;
        int rc =
            sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            std::string text = message ? message : "unknown error";
            sqlite_api::sqlite3_free(message);
            throw StoreFault(StoreErrorKind::Other, "script failed: " + text);
        }
        return;
    }
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    PGresult* result = PQexec(backend->conn_, script.c_str());
    auto status = PQresultStatus(result);
    std::string text = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw StoreFault(StoreErrorKind::Other, "script failed: " + text);
    }
}

Transaction::Transaction(Database::Lease& lease) : sql_(lease.sql()) {
    translate_errors(
        [&] { sql_ << (lease.dialect() == Dialect::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN"); });
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        sql_ << "ROLLBACK";
    } catch (const soci::soci_error&) {
        // The connection is already gone; the engine discards the transaction itself.
    }
}

void Transaction::commit() {
    translate_errors([&] { sql_ << "COMMIT"; });
    open_ = false;
}

}  // namespace signs::store
