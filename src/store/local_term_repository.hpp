#pragma once
/// The council's own plain-language terms.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/language/glossary.hpp"

namespace signs::store::local_terms {

struct LocalTermRecord {
    std::int64_t id = 0;
    domain::Term term;
    std::string added_by_name;  ///< read only; empty when the account has gone
    std::string added_at;
};

/// Every local term, in the order of their words.
std::vector<LocalTermRecord> all(soci::session& sql);
/// Throws StoreFault(Unique) when a local term has the same words in any case.
std::int64_t add(soci::session& sql, const domain::Term& term, std::optional<std::int64_t> by,
                 const std::string& at);
/// Moves with every term added or removed.
std::string stamp(soci::session& sql);
/// The words of the term removed, or nothing when there was no such term.
std::optional<std::string> remove(soci::session& sql, std::int64_t id);

}  // namespace signs::store::local_terms
