#include "store/read_transaction.hpp"

#include "store/store_error.hpp"

namespace signs::store {

ReadTransaction::ReadTransaction(Database::Lease& lease) : sql_(lease.sql()) {
    translate_errors([&] {
        sql_ << (lease.dialect() == Dialect::Sqlite
                     ? "BEGIN DEFERRED"
                     : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    });
}

ReadTransaction::~ReadTransaction() {
    try {
        sql_ << "ROLLBACK";
    } catch (const soci::soci_error&) {
        // The connection is already gone; the engine discards the transaction itself.
    }
}

}  // namespace signs::store
