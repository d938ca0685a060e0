// Hostile and broken requests: each gets a clear answer, nothing crashes, nothing changes.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

TEST(BadInput, UnknownRoutesGetAPlain404) {
    TestServer server;
    auto response = server.browser().get("/no/such/page");
    EXPECT_EQ(response.status, 404);
    EXPECT_NE(response.body.find("Page not found"), std::string::npos);
    EXPECT_EQ(server.browser().get("/../../etc/passwd").status, 404);
    EXPECT_EQ(server.browser().get("/assets/../../etc/passwd").status, 404);
    EXPECT_EQ(server.browser().get("/assets/%2e%2e/%2e%2e/etc/passwd").status, 404);
}

TEST(BadInput, AMissingOrWrongCsrfTokenIsRefused) {
    TestServer server;
    auto browser = server.signed_in_as(Role::Practitioner);
    EXPECT_EQ(browser.post("/sign-out", {{"csrf_token", ""}}).status, 403);
    EXPECT_EQ(browser.post("/sign-out", {{"csrf_token", std::string(64, '0')}}).status, 403);
    EXPECT_EQ(browser.get("/").status, 200) << "still signed in";
    // Sign-in itself needs the token that came with the form.
    server.add_user("jo@example.org", Role::Practitioner);
    Browser stranger{server.port()};
    EXPECT_EQ(stranger
                  .post("/sign-in",
                        {{"email", "jo@example.org"}, {"password", kPassword}, {"csrf_token", "x"}})
                  .status,
              403);
}

TEST(BadInput, OversizedBodiesGet413) {
    TestServer server;
    auto browser = server.browser();
    browser.get("/sign-in");
    auto two_mb = browser.post_raw("/sign-in", "application/x-www-form-urlencoded",
                                   "email=" + std::string(2 * 1024 * 1024, 'a'));
    EXPECT_EQ(two_mb.status, 413);
    auto ten_mb = browser.post_raw("/sign-in", "application/x-www-form-urlencoded",
                                   std::string(10 * 1024 * 1024, 'a'));
    EXPECT_EQ(ten_mb.status, 413);
    EXPECT_EQ(server.browser().get("/healthz").status, 200) << "still serving";
}

TEST(BadInput, InvalidUtf8InAFormGets400) {
    TestServer server;
    auto browser = server.browser();
    browser.get("/sign-in");
    auto response = browser.post_raw("/sign-in", "application/x-www-form-urlencoded",
                                     "csrf_token=" + browser.csrf() + "&email=%ff%fe&password=x");
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("not valid text"), std::string::npos);
    auto raw_bytes =
        browser.post_raw("/sign-in", "application/x-www-form-urlencoded",
                         "csrf_token=" + browser.csrf() + "&email=\xff\xfe&password=x");
    EXPECT_EQ(raw_bytes.status, 400);
}

TEST(BadInput, MalformedCookiesAreTreatedAsSignedOut) {
    TestServer server;
    for (const char* cookie :
         {"signs_session=", "signs_session=zzz", "signs_session", ";;;", "signs_session=\xff\xfe",
          "signs_session=0000000000000000000000000000000000000000000000000000000000000000"}) {
        auto response = send_raw(server.port(), build_request("GET", "/", {{"Cookie", cookie}}));
        EXPECT_EQ(response.status, 303) << cookie;
    }
}

TEST(BadInput, ScriptAndSqlInTheSignInFormAreHarmless) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner);
    for (const char* email : {"' OR '1'='1", "jo@example.org' --", "\"><script>alert(1)</script>",
                              "'; DROP TABLE users; --"}) {
        auto browser = server.browser();
        auto response = browser.sign_in(email, "' OR '1'='1");
        EXPECT_EQ(response.status, 422) << email;
        EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos) << email;
    }
    EXPECT_EQ(server.browser().sign_in("jo@example.org", kPassword).status, 303)
        << "the users table is intact";
}

TEST(BadInput, OverlongFieldsAreRefusedWithAMessage) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    admin.get("/admin/users/new");
    auto response = admin.post("/admin/users", {{"name", std::string(500, 'n')},
                                                {"email", "kim@example.org"},
                                                {"role", "practitioner"},
                                                {"password", std::string(300, 'p')}});
    EXPECT_EQ(response.status, 422);
    EXPECT_NE(response.body.find("Full name must be 100 characters or fewer"), std::string::npos);
    EXPECT_NE(response.body.find("Password must be 200 characters or fewer"), std::string::npos);
}

TEST(BadInput, GarbageRequestsDoNotStopTheServer) {
    TestServer server;
    send_raw(server.port(), "THIS IS NOT HTTP\r\n\r\n");
    send_raw(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
    send_raw(server.port(), "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    send_raw(server.port(),
             "POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
             "3\r\n\r\nabc");
    EXPECT_EQ(server.browser().get("/healthz").status, 200);
}

TEST(BadInput, WrongContentTypeForAFormGets415) {
    TestServer server;
    auto browser = server.browser();
    browser.get("/sign-in");
    EXPECT_EQ(browser.post_raw("/sign-in", "application/json", "{}").status, 415);
}

TEST(BadInput, AWrongMethodGets405) {
    TestServer server;
    auto browser = server.browser();
    EXPECT_EQ(browser.post_raw("/healthz", "application/x-www-form-urlencoded", "").status, 405);
}

}  // namespace
}  // namespace signs::testing
