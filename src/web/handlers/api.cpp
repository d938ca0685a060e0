#include "web/handlers/handlers.hpp"

namespace signs::web::handlers {
namespace {

nlohmann::json user_json(const store::UserRecord& user) {
    return {
        {"id", user.id},
        {"email", user.email},
        {"name", user.name},
        {"role", domain::role_code(user.role)},
        {"team", user.team_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.team_name)},
        {"active", user.active}};
}

std::string dump(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// The OpenAPI 3 description of /api/v1; each area adds its paths here.
nlohmann::json openapi_document() {
    auto error_ref = nlohmann::json{{"$ref", "#/components/schemas/Error"}};
    auto responses = [&](const std::string& ok_ref, int ok_status) {
        return nlohmann::json{
            {std::to_string(ok_status),
             {{"description", "Success"},
              {"content", {{"application/json", {{"schema", {{"$ref", ok_ref}}}}}}}}},
            {"401",
             {{"description", "Not signed in, or a bad token"},
              {"content", {{"application/json", {{"schema", error_ref}}}}}}},
            {"403",
             {{"description", "Not allowed, or a missing CSRF token"},
              {"content", {{"application/json", {{"schema", error_ref}}}}}}}};
    };
    auto user_list = nlohmann::json{
        {"type", "object"},
        {"properties",
         {{"users", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/User"}}}}}}}};
    auto create = responses("#/components/schemas/User", 201);
    create["422"] = {{"description", "Invalid fields"},
                     {"content", {{"application/json", {{"schema", error_ref}}}}}};
    return {
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "signs API"},
          {"version", "1"},
          {"description",
           "Casework for children's social care. Authenticate with a session cookie (and the "
           "X-CSRF-Token header on changes) or an API token in Authorization: Bearer."}}},
        {"servers", {{{"url", "/api/v1"}}}},
        {"security",
         {{{"bearerAuth", nlohmann::json::array()}}, {{"cookieAuth", nlohmann::json::array()}}}},
        {"paths",
         {{"/me",
           {{"get",
             {{"summary", "The signed-in user"},
              {"operationId", "getMe"},
              {"responses", responses("#/components/schemas/User", 200)}}}}},
          {"/users",
           {{"get",
             {{"summary", "Every user (system administrators only)"},
              {"operationId", "listUsers"},
              {"responses", responses("#/components/schemas/UserList", 200)}}},
            {"post",
             {{"summary", "Add a user (system administrators only)"},
              {"operationId", "createUser"},
              {"requestBody",
               {{"required", true},
                {"content",
                 {{"application/json",
                   {{"schema", {{"$ref", "#/components/schemas/NewUser"}}}}}}}}},
              {"responses", create}}}}}}},
        {"components",
         {{"securitySchemes",
           {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}},
            {"cookieAuth", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}}}},
          {"schemas",
           {{"User",
             {{"type", "object"},
              {"properties",
               {{"id", {{"type", "integer"}}},
                {"email", {{"type", "string"}}},
                {"name", {{"type", "string"}}},
                {"role",
                 {{"type", "string"},
                  {"enum",
                   {"practitioner", "team-manager", "conference-chair", "training-admin",
                    "system-admin"}}}},
                {"team", {{"type", "string"}, {"nullable", true}}},
                {"active", {{"type", "boolean"}}}}}}},
            {"UserList", user_list},
            {"NewUser",
             {{"type", "object"},
              {"required", {"email", "name", "role", "password"}},
              {"properties",
               {{"email", {{"type", "string"}}},
                {"name", {{"type", "string"}, {"maxLength", 100}}},
                {"role", {{"type", "string"}}},
                {"team", {{"type", "string"}}},
                {"password", {{"type", "string"}, {"minLength", 12}}}}}}},
            {"Error",
             {{"type", "object"},
              {"properties",
               {{"error",
                 {{"type", "object"},
                  {"properties",
                   {{"status", {{"type", "integer"}}},
                    {"message", {{"type", "string"}}},
                    {"request_id", {{"type", "string"}}},
                    {"fields",
                     {{"type", "object"},
                      {"additionalProperties", {{"type", "string"}}}}}}}}}}}}}}}}},
    };
}

/// A string member of a JSON body; a member of another type is reported as a field error.
std::string string_member(const nlohmann::json& body, const std::string& name,
                          std::vector<core::FieldError>& wrong) {
    if (!body.contains(name) || body[name].is_null()) return "";
    if (!body[name].is_string()) {
        wrong.push_back({name, name + " must be a string"});
        return "";
    }
    return body[name].get<std::string>();
}

}  // namespace

Response api_openapi(App&, Exchange&) {
    static const std::string document = openapi_document().dump(2);
    return Response::json(200, document);
}

Response api_me(App&, Exchange& ex) { return Response::json(200, dump(user_json(*ex.user))); }

Response api_list_users(App& app, Exchange& ex) {
    auto users = app.user_admin().list_users(ex.actor());
    if (!users) return app.error(ex, users.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& user : *users) list.push_back(user_json(user));
    return Response::json(200, dump({{"users", list}}));
}

Response api_create_user(App& app, Exchange& ex) {
    auto body = nlohmann::json::parse(ex.request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return app.error(
            ex, core::Error::of(core::ErrorKind::Invalid, "The body must be a JSON object"));
    }
    std::vector<core::FieldError> wrong;
    domain::NewUserForm form{string_member(body, "email", wrong),
                             string_member(body, "name", wrong), string_member(body, "role", wrong),
                             string_member(body, "team", wrong),
                             string_member(body, "password", wrong)};
    if (!wrong.empty()) return app.error(ex, core::Error::invalid(wrong));
    auto created = app.user_admin().add_user(ex.actor(), form);
    if (!created) return app.error(ex, created.error());
    return Response::json(201, dump(user_json(*created)));
}

}  // namespace signs::web::handlers
