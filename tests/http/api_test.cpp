// The JSON API: tokens, sessions with CSRF headers, JSON errors and the OpenAPI document.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "core/validation.hpp"
#include "support/test_server.hpp"
#include "web/routes.hpp"

namespace signs::testing {
namespace {

using domain::Role;

std::string make_token(Browser& browser) {
    browser.get("/account/api-tokens");
    auto created = browser.post("/account/api-tokens", {{"name", "reporting script"}});
    EXPECT_EQ(created.status, 201);
    std::smatch m;
    EXPECT_TRUE(
        std::regex_search(created.body, m, std::regex("class=\"signs-token\">([0-9a-f]{64})<")));
    return m[1];
}

TEST(Api, ATokenAuthenticatesUntilRevoked) {
    TestServer server;
    auto browser = server.signed_in_as(Role::Practitioner);
    auto token = make_token(browser);
    auto me = send_raw(server.port(),
                       build_request("GET", "/api/v1/me", {{"Authorization", "Bearer " + token}}));
    ASSERT_EQ(me.status, 200);
    auto body = nlohmann::json::parse(me.body);
    EXPECT_EQ(body["role"], "practitioner");
    EXPECT_EQ(body["email"], "practitioner1@example.org");

    auto page = browser.get("/account/api-tokens");
    EXPECT_EQ(page.body.find(token), std::string::npos) << "a token is shown only once";
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex("/account/api-tokens/([0-9]+)/revoke")));
    EXPECT_EQ(browser.post("/account/api-tokens/" + std::string{m[1]} + "/revoke", {}).status, 303);
    auto after = send_raw(
        server.port(), build_request("GET", "/api/v1/me", {{"Authorization", "Bearer " + token}}));
    EXPECT_EQ(after.status, 401);
    EXPECT_EQ(nlohmann::json::parse(after.body)["error"]["status"], 401);
}

TEST(Api, BadTokensAndNoCredentialsGet401InJson) {
    TestServer server;
    for (const char* auth : {"Bearer nonsense", "Bearer ", "Basic abc", ""}) {
        std::vector<std::pair<std::string, std::string>> headers;
        if (*auth) headers.emplace_back("Authorization", auth);
        auto response = send_raw(server.port(), build_request("GET", "/api/v1/me", headers));
        EXPECT_EQ(response.status, 401) << auth;
        EXPECT_EQ(response.header("content-type"), "application/json") << auth;
    }
}

TEST(Api, ASessionNeedsTheCsrfHeaderToChangeAnything) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    std::string body =
        R"({"email":"kim@example.org","name":"Kim","role":"practitioner","password":"a long enough passphrase"})";
    EXPECT_EQ(admin.post_raw("/api/v1/users", "application/json", body).status, 403);
    EXPECT_EQ(admin
                  .post_raw("/api/v1/users", "application/json", body,
                            {{"X-CSRF-Token", std::string(64, 'a')}})
                  .status,
              403);
    auto created =
        admin.post_raw("/api/v1/users", "application/json", body, {{"X-CSRF-Token", admin.csrf()}});
    EXPECT_EQ(created.status, 201);
    EXPECT_EQ(nlohmann::json::parse(created.body)["email"], "kim@example.org");
}

TEST(Api, InvalidJsonGetsFieldErrorsAndChangesNothing) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto token = make_token(admin);
    int added_before = server.audit_count("user-add");
    auto post = [&](const std::string& body, const std::string& type = "application/json") {
        return send_raw(
            server.port(),
            build_request("POST", "/api/v1/users",
                          {{"Authorization", "Bearer " + token}, {"Content-Type", type}}, body));
    };
    auto invalid = post(R"({"email":"nope","name":"","role":"x","password":"short"})");
    EXPECT_EQ(invalid.status, 422);
    auto fields = nlohmann::json::parse(invalid.body)["error"]["fields"];
    EXPECT_TRUE(fields.contains("email"));
    EXPECT_TRUE(fields.contains("name"));
    EXPECT_TRUE(fields.contains("role"));
    EXPECT_TRUE(fields.contains("password"));
    auto wrong_type = post(
        R"({"email":42,"name":["x"],"role":"practitioner","password":"a long enough passphrase"})");
    EXPECT_EQ(wrong_type.status, 422);
    EXPECT_EQ(nlohmann::json::parse(wrong_type.body)["error"]["fields"]["email"],
              "email must be a string");
    EXPECT_EQ(post("{not json").status, 422);
    EXPECT_EQ(post("[1,2]").status, 422);
    EXPECT_EQ(post("email=x", "application/x-www-form-urlencoded").status, 415);
    EXPECT_EQ(post("{\"name\":\"\xff\"}").status, 400);
    EXPECT_EQ(server.audit_count("user-add"), added_before);
}

TEST(Api, TheOpenApiDocumentDescribesEveryApiRoute) {
    TestServer server;
    auto response = send_raw(server.port(), build_request("GET", "/api/v1/openapi.json"));
    ASSERT_EQ(response.status, 200);
    auto doc = nlohmann::json::parse(response.body);
    EXPECT_EQ(doc["openapi"], "3.0.3");
    for (const auto& route : web::route_table()) {
        if (!route.pattern.starts_with("/api/v1/") || route.pattern == "/api/v1/openapi.json")
            continue;
        auto path = route.pattern.substr(7);
        std::string method = core::lower_ascii(route.method);
        EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains(method))
            << route.method << " " << route.pattern;
        // Every path parameter is declared.
        if (doc["paths"].contains(path) && doc["paths"][path].contains(method) &&
            path.find('{') != std::string::npos) {
            EXPECT_TRUE(doc["paths"][path][method].contains("parameters")) << route.pattern;
        }
    }
}

TEST(Api, APractitionerCannotListUsers) {
    TestServer server;
    auto browser = server.signed_in_as(Role::Practitioner);
    auto token = make_token(browser);
    auto response = send_raw(server.port(), build_request("GET", "/api/v1/users",
                                                          {{"Authorization", "Bearer " + token}}));
    EXPECT_EQ(response.status, 403);
}

}  // namespace
}  // namespace signs::testing
