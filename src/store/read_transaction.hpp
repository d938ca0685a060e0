#pragma once
/// A read that sees one moment of the database, so a page never shows parts from before and
/// after someone else's change. SQLite takes its snapshot at the first read of a deferred
/// transaction and holds it to the end; PostgreSQL's REPEATABLE READ does the same, and READ
/// ONLY lets it skip the bookkeeping writes need. The scope always ends with ROLLBACK: a read
/// has nothing to keep, and ending it so cannot fail in a way that matters.
#include "store/database.hpp"

namespace signs::store {

class ReadTransaction {
  public:
    explicit ReadTransaction(Database::Lease& lease);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    soci::session& sql_;
};

}  // namespace signs::store
