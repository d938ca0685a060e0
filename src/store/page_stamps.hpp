#pragma once
/// Stamps the database moves on with every change a kept page shows (migration 0032), read
/// to name the page a drawing may be served again for. The case's own stamps are columns of
/// its row (`CaseRecord`); the child's page has a table of its own.
#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace signs::store::page_stamps {

/// The child's page stamp; 0 for a child recorded before stamps were kept.
std::int64_t child(soci::session& sql, std::int64_t child_id);

/// The page stamps of the children who share a case with this one, as "id:stamp" joined by
/// commas in the order of id. It moves when any of them changes, joins or leaves a case: the
/// form for a new network member offers the people already linked to them.
std::string family(soci::session& sql, std::int64_t child_id);

/// The newest audit event about the child, which moves with every new view of the record:
/// a manager's page lists who has opened it.
std::int64_t child_audit(soci::session& sql, std::int64_t child_id);

}  // namespace signs::store::page_stamps
