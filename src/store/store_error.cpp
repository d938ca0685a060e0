#include "store/store_error.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

namespace signs::store {
namespace {

StoreErrorKind from_sqlite(int code) {
    switch (code) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return StoreErrorKind::Unique;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return StoreErrorKind::ForeignKey;
        case SQLITE_CONSTRAINT_NOTNULL:
            return StoreErrorKind::NotNull;
        case SQLITE_CONSTRAINT_CHECK:
        case SQLITE_CONSTRAINT_TRIGGER:
            return StoreErrorKind::Check;
        default:
            break;
    }
    switch (code & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return StoreErrorKind::Busy;
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
            return StoreErrorKind::LostConnection;
        default:
            return StoreErrorKind::Other;
    }
}

StoreErrorKind from_sqlstate(const std::string& state) {
    if (state == "23505") return StoreErrorKind::Unique;
    if (state == "23503") return StoreErrorKind::ForeignKey;
    if (state == "23502") return StoreErrorKind::NotNull;
    if (state == "23514" || state == "P0001") return StoreErrorKind::Check;
    if (state == "40001" || state == "40P01") return StoreErrorKind::Serialization;
    if (state == "55P03") return StoreErrorKind::Busy;
    if (state.starts_with("08") || state == "57P01") return StoreErrorKind::LostConnection;
    return StoreErrorKind::Other;
}

core::ErrorKind fault_kind(StoreErrorKind kind) {
    switch (kind) {
        case StoreErrorKind::Busy:
        case StoreErrorKind::LostConnection:
        case StoreErrorKind::Serialization:
            return core::ErrorKind::Unavailable;
        case StoreErrorKind::Unique:
            return core::ErrorKind::Conflict;
        default:
            return core::ErrorKind::Internal;
    }
}

}  // namespace

StoreErrorKind classify(const soci::soci_error& error) {
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
        return from_sqlite(sqlite->result());
    }
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        return from_sqlstate(pg->sqlstate());
    }
    if (error.get_error_category() == soci::soci_error::connection_error) {
        return StoreErrorKind::LostConnection;
    }
    return StoreErrorKind::Other;
}

StoreFault::StoreFault(StoreErrorKind store_kind, const std::string& what)
    : core::Fault(fault_kind(store_kind), what), store_kind_(store_kind) {}

}  // namespace signs::store
