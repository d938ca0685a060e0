#include <functional>

#include "web/handlers/handlers.hpp"
#include "web/handlers/openapi.hpp"
#include "web/json_body.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {

Response api_not_found(App& app, Exchange& ex) {
    return app.error(ex, core::Error::of(core::ErrorKind::NotFound, "Not found"));
}
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

/// Children and cases.
void add_casework_paths(nlohmann::json& doc, const ResponsesFor& responses) {
    auto object = nlohmann::json{{"type", "object"}};
    doc["components"]["schemas"]["Child"] = {
        {"type", "object"},
        {"properties",
         {{"id", {{"type", "integer"}}},
          {"first_name", {{"type", "string"}}},
          {"last_name", {{"type", "string"}}},
          {"preferred_name", {{"type", "string"}}},
          {"date_of_birth", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
          {"expected_date", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
          {"sex",
           {{"type", "string"},
            {"description",
             "CIN census code: M male, F female, U not known (always U before "
             "the birth)"}}},
          {"ethnicity", {{"type", "string"}, {"description", "CIN census ethnicity code"}}},
          {"disabilities", {{"type", "array"}, {"items", {{"type", "string"}}}}},
          {"first_language", {{"type", "string"}}},
          {"interpreter_needed", {{"type", "boolean"}}},
          {"nhs_number", {{"type", "string"}, {"nullable", true}}},
          {"upn", {{"type", "string"}, {"nullable", true}}},
          {"former_upn", {{"type", "string"}, {"nullable", true}}},
          {"upn_unknown",
           {{"type", "string"},
            {"nullable", true},
            {"description", "Why there is no UPN: CIN census code UN1 to UN7"}}},
          {"date_of_death", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
          {"school", {{"type", "string"}}},
          {"what_matters", {{"type", "string"}}}}}};
    auto cursor = [](const char* description) {
        return nlohmann::json{{"type", "string"}, {"nullable", true}, {"description", description}};
    };
    doc["components"]["schemas"]["ChildList"] = {
        {"type", "object"},
        {"properties",
         {{"children", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Child"}}}}},
          {"next", cursor("Send as after= for the next 50; null on the last page")},
          {"previous", cursor("Send as before= for the 50 before; null on the first page")},
          {"has_more", {{"type", "boolean"}}}}}};
    doc["components"]["schemas"]["Case"] = object;
    auto search = responses("#/components/schemas/ChildList", 200);
    search["422"] = {{"description", "No search text"}};
    search["400"] = {{"description", "after or before is not a number, or both are given"}};
    auto create = responses("#/components/schemas/Child", 201);
    create["409"] = {
        {"description", "Looks like an existing child; resend with confirmed_not_duplicate"}};
    create["422"] = {{"description", "Invalid fields"}};
    auto id_param = nlohmann::json::array(
        {{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}});
    doc["paths"]["/children"] = {
        {"get",
         {{"summary", "Find children you may open, by name, date of birth, NHS number or UPN"},
          {"operationId", "searchChildren"},
          {"parameters",
           {{{"name", "q"}, {"in", "query"}, {"required", true}, {"schema", {{"type", "string"}}}},
            {{"name", "after"},
             {"in", "query"},
             {"description", "The next value of the page before: the 50 that follow it"},
             {"schema", {{"type", "integer"}}}},
            {{"name", "before"},
             {"in", "query"},
             {"description", "The previous value of the page after: the 50 that come before"},
             {"schema", {{"type", "integer"}}}}}},
          {"responses", search}}},
        {"post",
         {{"summary", "Record a child (dates as YYYY-MM-DD)"},
          {"operationId", "createChild"},
          {"requestBody",
           {{"required", true},
            {"content",
             {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Child"}}}}}}}}},
          {"responses", create}}}};
    doc["paths"]["/children/{id}"] = {
        {"get",
         {{"summary", "A child's record, cases, levels and chronology (audited)"},
          {"operationId", "getChild"},
          {"parameters", id_param},
          {"responses", responses("#/components/schemas/Child", 200)}}}};
    doc["paths"]["/cases/{id}"] = {
        {"get",
         {{"summary", "A case with its children and their service levels (audited)"},
          {"operationId", "getCase"},
          {"parameters", id_param},
          {"responses", responses("#/components/schemas/Case", 200)}}}};
    add_casework_change_paths(doc, responses);
    add_mapping_paths(doc, responses);
    add_plan_meeting_paths(doc, responses);
    add_training_paths(doc, responses);
    add_language_paths(doc, responses);
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
    nlohmann::json doc = {
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
                    "performance-officer", "system-admin"}}}},
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
    add_casework_paths(doc, responses);
    return doc;
}

}  // namespace

Response api_openapi(App&, Exchange&) {
    static const std::string document = openapi_document().dump(2);
    return Response::json(200, document);
}

Response api_me(App&, Exchange& ex) { return Response::json(200, json_text(user_json(*ex.user))); }

Response api_list_users(App& app, Exchange& ex) {
    auto users = app.user_admin().list_users(ex.actor());
    if (!users) return app.error(ex, users.error());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& user : *users) list.push_back(user_json(user));
    return Response::json(200, json_text({{"users", list}}));
}

Response api_create_user(App& app, Exchange& ex) {
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    domain::NewUserForm form{body->text("email"), body->text("name"), body->text("role"),
                             body->text("team"), body->text("password")};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto created = app.user_admin().add_user(ex.actor(), form);
    if (!created) return app.error(ex, created.error());
    return Response::json(201, json_text(user_json(*created)));
}

}  // namespace signs::web::handlers
