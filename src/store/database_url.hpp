#pragma once
/// Which database to use: `sqlite:PATH` (the default, a file under the data directory) or a
/// libpq URL `postgresql://user:password@host:port/dbname`.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace signs::store {

enum class Dialect { Sqlite, Postgresql };

struct DatabaseUrl {
    Dialect dialect;
    std::string target;  ///< the file path for SQLite, the libpq connection URL for PostgreSQL

    static core::Result<DatabaseUrl> parse(std::string_view text);
    /// The URL again, with any password replaced by "***", for logs and messages.
    std::string redacted() const;
};

}  // namespace signs::store
