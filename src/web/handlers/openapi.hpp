#pragma once
/// Parts of the OpenAPI description of /api/v1, one function per area.
#include <nlohmann/json.hpp>

#include <functional>
#include <initializer_list>
#include <string>
#include <utility>

namespace signs::web::handlers {

/// The usual responses of an operation: `ok_status` with the schema at `ok_ref`, 401 and 403.
using ResponsesFor = std::function<nlohmann::json(const std::string&, int)>;

namespace openapi {

/// Integer path parameters with these names.
nlohmann::json path_params(std::initializer_list<const char*> names);
/// An object schema with these properties, and which of them are required.
nlohmann::json object_of(std::initializer_list<std::pair<const char*, nlohmann::json>> fields,
                         std::initializer_list<const char*> required = {});
extern const nlohmann::json kText;
extern const nlohmann::json kDate;
extern const nlohmann::json kInt;
extern const nlohmann::json kBool;
/// One operation: its summary, id, parameters, request body (null for none) and responses,
/// with 404 and, for changes, 409 and 422.
nlohmann::json operation(const ResponsesFor& responses, const std::string& summary,
                         const std::string& id, const nlohmann::json& parameters,
                         const nlohmann::json& body, const std::string& ok_ref, int ok_status);

}  // namespace openapi

/// Case lists, opening and changing cases, child details, addresses, networks, contacts.
void add_casework_change_paths(nlohmann::json& doc, const ResponsesFor& responses);

/// Mappings: reading and exporting, participants, entries, numbers and status.
void add_mapping_paths(nlohmann::json& doc, const ResponsesFor& responses);

/// Plans, meetings, deadlines, visits and the due lists.
void add_plan_meeting_paths(nlohmann::json& doc, const ResponsesFor& responses);

/// The plain-language checker.
void add_language_paths(nlohmann::json& doc, const ResponsesFor& responses);

/// Training: courses, venues, sessions and bookings.
void add_training_paths(nlohmann::json& doc, const ResponsesFor& responses);

}  // namespace signs::web::handlers
