#include "store/database_url.hpp"

namespace signs::store {

core::Result<DatabaseUrl> DatabaseUrl::parse(std::string_view text) {
    if (text.starts_with("sqlite:")) {
        auto path = text.substr(7);
        if (path.starts_with("//")) path.remove_prefix(2);
        if (path.empty())
            return core::fail(core::ErrorKind::Invalid, "the sqlite: URL needs a file path");
        return DatabaseUrl{Dialect::Sqlite, std::string{path}};
    }
    if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
        return DatabaseUrl{Dialect::Postgresql, std::string{text}};
    }
    return core::fail(core::ErrorKind::Invalid,
                      "database URL must start with sqlite: or postgresql://");
}

std::string DatabaseUrl::redacted() const {
    if (dialect == Dialect::Sqlite) return "sqlite:" + target;
    auto scheme_end = target.find("://") + 3;
    auto at = target.find('@', scheme_end);
    if (at == std::string::npos) return target;
    auto colon = target.find(':', scheme_end);
    if (colon == std::string::npos || colon > at) return target;
    return target.substr(0, colon + 1) + "***" + target.substr(at);
}

}  // namespace signs::store
