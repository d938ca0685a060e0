#pragma once
/// How the casework API writes records as JSON and reads its request bodies into the same
/// forms the pages use, so both go through one set of checks.
#include <nlohmann/json.hpp>

#include <string>

#include "domain/casework/child.hpp"
#include "store/child_repository.hpp"
#include "web/handlers/level_views.hpp"
#include "web/json_body.hpp"

namespace signs::web::handlers {

/// null for empty text, so absent values read as absent.
nlohmann::json or_null(const std::string& text);
nlohmann::json child_json(const store::ChildRecord& child);
domain::ChildForm child_form_from_json(JsonBody& body);
/// level, category, legal_status, date (YYYY-MM-DD) and reason.
LevelForm level_form_from_json(JsonBody& body);

}  // namespace signs::web::handlers
