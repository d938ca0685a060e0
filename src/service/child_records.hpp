#pragma once
/// Moving a child's details between the checked domain form and the stored record, for the
/// services that add and edit children.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/casework/child.hpp"
#include "store/child_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

/// The stored fields of checked details; ids, flags and timestamps are left for the caller.
store::ChildRecord record_from(const domain::ChildDetails& details);
/// The details a stored record holds, for comparing an edit with what is saved.
domain::ChildDetails details_of(const store::ChildRecord& record);
/// The name keys a search uses to find this child, each once.
std::vector<std::string> index_keys_for(const store::ChildRecord& child);

/// Makes every child's name keys again when they were made under an older scheme than
/// domain::kNameKeyScheme, in one transaction; returns how many children it went through.
/// Run after migrating, so a change to how names are folded reaches names already stored.
std::int64_t renew_name_keys(store::Database& db);

}  // namespace signs::service
