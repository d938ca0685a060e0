#pragma once
/// Parts of the OpenAPI description of /api/v1, one function per area.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace signs::web::handlers {

/// The usual responses of an operation: `ok_status` with the schema at `ok_ref`, 401 and 403.
using ResponsesFor = std::function<nlohmann::json(const std::string&, int)>;

/// Case lists, opening and changing cases, child details, addresses, networks, contacts.
void add_casework_change_paths(nlohmann::json& doc, const ResponsesFor& responses);

}  // namespace signs::web::handlers
