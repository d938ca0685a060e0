// Signing in and out against the real server: cookies, sessions, expiry, throttling, audit.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using namespace std::chrono_literals;
using domain::Role;
using std::chrono::hours;

TEST(SignIn, ASignedOutVisitorIsSentToSignIn) {
    TestServer server;
    auto response = server.browser().get("/");
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.header("location"), "/sign-in");
    auto deep = server.browser().get("/admin/users?x=1");
    EXPECT_EQ(deep.header("location"), "/sign-in?next=/admin/users%3Fx%3D1");
}

TEST(SignIn, TheRightPasswordStartsASessionWithASafeCookie) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner, "Riverside Team");
    auto browser = server.browser();
    auto response = browser.sign_in("  JO@example.org ", kPassword);
    ASSERT_EQ(response.status, 303);
    EXPECT_EQ(response.header("location"), "/");
    std::string session_cookie;
    for (const auto& cookie : response.all("set-cookie")) {
        if (cookie.starts_with("signs_session=")) session_cookie = cookie;
    }
    ASSERT_FALSE(session_cookie.empty());
    EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(session_cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_EQ(session_cookie.find("Secure"), std::string::npos);

    auto home = browser.get("/");
    EXPECT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("Person jo"), std::string::npos);
    EXPECT_NE(home.body.find("Riverside Team"), std::string::npos);
    EXPECT_EQ(server.audit_count("sign-in"), 1);

    // Only a hash of the token is stored.
    auto lease = server.db().lease();
    int matches = 0;
    lease.sql() << "SELECT COUNT(*) FROM sessions WHERE token_hash = :t",
        soci::use(browser.cookies()["signs_session"]), soci::into(matches);
    EXPECT_EQ(matches, 0);
}

TEST(SignIn, SecureCookiesWhenConfiguredForTls) {
    web::AppConfig config;
    config.secure_cookies = true;
    TestServer server{config};
    server.add_user("jo@example.org", Role::Practitioner);
    auto browser = server.browser();
    auto response = browser.sign_in("jo@example.org", kPassword);
    EXPECT_NE(response.all("set-cookie").front().find("; Secure"), std::string::npos);
    EXPECT_EQ(response.header("strict-transport-security"), "max-age=31536000");
}

TEST(SignIn, AWrongPasswordShowsTheFormAgainAndIsAudited) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner);
    auto browser = server.browser();
    auto response = browser.sign_in("jo@example.org", "not the password");
    EXPECT_EQ(response.status, 422);
    EXPECT_NE(response.body.find("There is a problem"), std::string::npos);
    EXPECT_NE(response.body.find("Enter a correct email address and password"), std::string::npos);
    EXPECT_NE(response.body.find("value=\"jo@example.org\""), std::string::npos);
    EXPECT_FALSE(browser.cookies().contains("signs_session"));
    EXPECT_EQ(server.audit_count("sign-in-failed"), 1);
}

TEST(SignIn, UnknownEmailsAndDeactivatedAccountsGetTheSameAnswer) {
    TestServer server;
    auto id = server.add_user("gone@example.org", Role::Practitioner);
    {
        auto lease = server.db().lease();
        lease.sql() << "UPDATE users SET active = 0 WHERE id = :id",
            soci::use(static_cast<long long>(id));
    }
    auto unknown = server.browser().sign_in("nobody@example.org", kPassword);
    auto deactivated = server.browser().sign_in("gone@example.org", kPassword);
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(deactivated.status, 422);
    EXPECT_NE(deactivated.body.find("Enter a correct email address and password"),
              std::string::npos);
}

TEST(SignIn, MissingFieldsAreNamed) {
    TestServer server;
    auto browser = server.browser();
    browser.get("/sign-in");
    auto response = browser.post("/sign-in", {{"email", ""}, {"password", ""}});
    EXPECT_EQ(response.status, 422);
    EXPECT_NE(response.body.find("href=\"#email\""), std::string::npos);
    EXPECT_NE(response.body.find("Enter your email address"), std::string::npos);
    EXPECT_NE(response.body.find("Enter your password"), std::string::npos);
}

TEST(SignIn, RepeatedFailuresLockTheAccountForAWhile) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(
            server.browser().sign_in("jo@example.org", "wrong guess " + std::to_string(i)).status,
            422);
    auto locked = server.browser().sign_in("jo@example.org", kPassword);
    EXPECT_EQ(locked.status, 429);
    EXPECT_NE(locked.body.find("too many attempts"), std::string::npos);
    EXPECT_EQ(server.audit_count("sign-in-throttled"), 1);
    server.clock().advance(16min);
    EXPECT_EQ(server.browser().sign_in("jo@example.org", kPassword).status, 303);
}

TEST(SignIn, ManyFailuresFromOneAddressLockThatAddress) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner);
    for (int i = 0; i < 20; ++i)
        server.browser().sign_in("guess" + std::to_string(i) + "@example.org", "wrong password");
    EXPECT_EQ(server.browser().sign_in("jo@example.org", kPassword).status, 429);
}

TEST(SignIn, SigningOutEndsTheSession) {
    TestServer server;
    auto browser = server.signed_in_as(Role::Practitioner);
    auto stolen = browser.cookies();
    auto response = browser.post("/sign-out", {});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.header("location"), "/sign-in?signed_out=1");
    EXPECT_NE(browser.get("/sign-in?signed_out=1").body.find("You have signed out"),
              std::string::npos);
    EXPECT_EQ(browser.get("/").status, 303);
    // The old cookie is dead on the server too, not just forgotten by the browser.
    Browser replay{server.port()};
    replay.cookies() = stolen;
    EXPECT_EQ(replay.get("/").status, 303);
    EXPECT_EQ(server.audit_count("sign-out"), 1);
}

TEST(SignIn, AnIdleSessionExpires) {
    TestServer server;
    auto browser = server.signed_in_as(Role::Practitioner);
    server.clock().advance(119min);
    EXPECT_EQ(browser.get("/").status, 200);
    server.clock().advance(119min);
    EXPECT_EQ(browser.get("/").status, 200);
    server.clock().advance(121min);
    EXPECT_EQ(browser.get("/").status, 303);
}

TEST(SignIn, EvenABusySessionEndsAtTheAbsoluteLimit) {
    TestServer server;
    auto browser = server.signed_in_as(Role::Practitioner);
    for (int hour = 0; hour < 11; ++hour) {
        server.clock().advance(60min);
        ASSERT_EQ(browser.get("/").status, 200) << "hour " << hour;
    }
    server.clock().advance(61min);
    EXPECT_EQ(browser.get("/").status, 303);
}

TEST(SignIn, SigningInClearsAwayDeadSessionsAndOldAttempts) {
    TestServer server;
    auto early = server.signed_in_as(Role::Practitioner);
    server.browser().sign_in("practitioner1@example.org", "a wrong password");
    server.clock().advance(13h);
    server.signed_in_as(Role::TeamManager);
    auto lease = server.db().lease();
    int sessions = 0, attempts = 0;
    lease.sql() << "SELECT COUNT(*) FROM sessions", soci::into(sessions);
    lease.sql() << "SELECT COUNT(*) FROM sign_in_attempts", soci::into(attempts);
    EXPECT_EQ(sessions, 1) << "only the new session is left";
    EXPECT_EQ(attempts, 1) << "only the new attempt is left";
}

TEST(SignIn, OnlyLocalPathsAreFollowedAfterSignIn) {
    TestServer server;
    server.add_user("jo@example.org", Role::Practitioner);
    for (const char* next : {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
        auto browser = server.browser();
        browser.get("/sign-in");
        auto response = browser.post(
            "/sign-in", {{"email", "jo@example.org"}, {"password", kPassword}, {"next", next}});
        EXPECT_EQ(response.header("location"), "/") << next;
    }
    auto browser = server.browser();
    browser.get("/sign-in");
    auto response = browser.post(
        "/sign-in",
        {{"email", "jo@example.org"}, {"password", kPassword}, {"next", "/account/api-tokens"}});
    EXPECT_EQ(response.header("location"), "/account/api-tokens");
}

}  // namespace
}  // namespace signs::testing
