#include "web/handlers/openapi.hpp"

namespace signs::web::handlers::openapi {

nlohmann::json path_params(std::initializer_list<const char*> names) {
    auto out = nlohmann::json::array();
    for (const auto* name : names) {
        out.push_back({{"name", name},
                       {"in", "path"},
                       {"required", true},
                       {"schema", {{"type", "integer"}}}});
    }
    return out;
}

nlohmann::json object_of(std::initializer_list<std::pair<const char*, nlohmann::json>> fields,
                         std::initializer_list<const char*> required) {
    nlohmann::json properties = nlohmann::json::object();
    for (const auto& [name, schema] : fields) properties[name] = schema;
    nlohmann::json out = {{"type", "object"}, {"properties", properties}};
    if (required.size() > 0) out["required"] = required;
    return out;
}

const nlohmann::json kText = {{"type", "string"}};
const nlohmann::json kDate = {{"type", "string"}, {"format", "date"}};
const nlohmann::json kInt = {{"type", "integer"}};
const nlohmann::json kBool = {{"type", "boolean"}};

/// One operation: what it does, its parameters, its body (if any) and its responses, with
/// 404, 409 and 422 where a change can meet them.
nlohmann::json operation(const ResponsesFor& responses, const std::string& summary,
                         const std::string& id, const nlohmann::json& parameters,
                         const nlohmann::json& body, const std::string& ok_ref, int ok_status) {
    auto answers = responses(ok_ref, ok_status);
    nlohmann::json op = {{"summary", summary}, {"operationId", id}};
    if (!parameters.empty()) op["parameters"] = parameters;
    if (!body.is_null()) {
        op["requestBody"] = {{"required", true},
                             {"content", {{"application/json", {{"schema", body}}}}}};
        answers["409"] = {{"description", "Someone else changed it first, or it is closed"}};
        answers["422"] = {{"description", "Invalid fields, each named"}};
    }
    answers["404"] = {{"description", "No such record"}};
    op["responses"] = answers;
    return op;
}

}  // namespace signs::web::handlers::openapi
