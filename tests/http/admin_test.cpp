// System administrators managing staff in the browser-facing pages.
#include <gtest/gtest.h>

#include <regex>

#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

std::vector<std::pair<std::string, std::string>> new_user_fields() {
    return {{"name", "Kim Ashworth"},
            {"email", "kim@example.org"},
            {"role", "practitioner"},
            {"team", "Riverside Team"},
            {"password", "a long enough passphrase"}};
}

std::int64_t id_of(TestServer& server, const std::string& email) {
    auto lease = server.db().lease();
    long long id = 0;
    lease.sql() << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id);
    return id;
}

TEST(Admin, AddsAUserWhoCanThenSignIn) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    int added_before = server.audit_count("user-add");
    EXPECT_EQ(admin.get("/admin/users/new").status, 200);
    auto response = admin.post("/admin/users", new_user_fields());
    ASSERT_EQ(response.status, 303);
    EXPECT_EQ(response.header("location"), "/admin/users?added=1");
    auto list = admin.get("/admin/users?added=1");
    EXPECT_NE(list.body.find("User added"), std::string::npos);
    EXPECT_NE(list.body.find("Kim Ashworth"), std::string::npos);
    EXPECT_EQ(server.audit_count("user-add"), added_before + 1);
    EXPECT_EQ(server.browser().sign_in("kim@example.org", "a long enough passphrase").status, 303);
}

TEST(Admin, ABadFormIsShownAgainWithEveryErrorAndNothingSaved) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    int added_before = server.audit_count("user-add");
    admin.get("/admin/users/new");
    auto response = admin.post("/admin/users", {{"name", "<script>alert(1)</script>"},
                                                {"email", "not-an-email"},
                                                {"role", "emperor"},
                                                {"password", "short"}});
    EXPECT_EQ(response.status, 422);
    EXPECT_NE(response.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(response.body.find("href=\"#email\""), std::string::npos);
    EXPECT_NE(response.body.find("href=\"#role\""), std::string::npos);
    EXPECT_NE(response.body.find("href=\"#password\""), std::string::npos);
    EXPECT_NE(response.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(response.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_EQ(server.audit_count("user-add"), added_before);
}

TEST(Admin, ADuplicateEmailIsRefused) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    server.add_user("kim@example.org", Role::Practitioner);
    admin.get("/admin/users/new");
    auto response = admin.post("/admin/users", new_user_fields());
    EXPECT_EQ(response.status, 422);
    EXPECT_NE(response.body.find("A user with this email address already exists"),
              std::string::npos);
}

TEST(Admin, ViewingAUserIsAudited) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto id = server.add_user("kim@example.org", Role::Practitioner);
    auto page = admin.get("/admin/users/" + std::to_string(id));
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("kim@example.org"), std::string::npos);
    EXPECT_EQ(server.audit_count("view"), 1);
    EXPECT_EQ(admin.get("/admin/users/99999").status, 404);
    EXPECT_EQ(admin.get("/admin/users/abc").status, 404);
    EXPECT_EQ(admin.get("/admin/users/-1").status, 404);
}

TEST(Admin, ResettingAPasswordEndsTheirSessions) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto worker = server.signed_in_as(Role::Practitioner);
    auto id = id_of(server, "practitioner2@example.org");
    admin.get("/admin/users/" + std::to_string(id));
    auto weak = admin.post("/admin/users/" + std::to_string(id) + "/password",
                           {{"password", "short"}, {"version", "1"}});
    EXPECT_EQ(weak.status, 422);
    auto done = admin.post("/admin/users/" + std::to_string(id) + "/password",
                           {{"password", "a brand new passphrase"}, {"version", "1"}});
    ASSERT_EQ(done.status, 303);
    EXPECT_EQ(worker.get("/").status, 303);
    EXPECT_EQ(
        server.browser().sign_in("practitioner2@example.org", "a brand new passphrase").status,
        303);
}

TEST(Admin, DeactivatingStopsSignInAndAStaleFormIsRefused) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto worker = server.signed_in_as(Role::Practitioner);
    auto id = std::to_string(id_of(server, "practitioner2@example.org"));
    admin.get("/admin/users/" + id);
    EXPECT_EQ(admin.post("/admin/users/" + id + "/deactivate", {{"version", "1"}}).status, 303);
    EXPECT_EQ(worker.get("/").status, 303);
    EXPECT_EQ(server.browser().sign_in("practitioner2@example.org", kPassword).status, 422);
    // A second admin working from the page as it was before: someone else changed it.
    auto stale = admin.post("/admin/users/" + id + "/reactivate", {{"version", "1"}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_NE(stale.body.find("changed"), std::string::npos);
    EXPECT_EQ(admin.post("/admin/users/" + id + "/reactivate", {{"version", "2"}}).status, 303);
    EXPECT_EQ(server.browser().sign_in("practitioner2@example.org", kPassword).status, 303);
}

TEST(Admin, AnAdminCannotLockThemselvesOut) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto id = std::to_string(id_of(server, "system-admin1@example.org"));
    EXPECT_EQ(admin.post("/admin/users/" + id + "/deactivate", {{"version", "1"}}).status, 409);
}

TEST(Admin, TheAuditLogCanBeSearched) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto page = admin.get("/admin/audit?action=sign-in");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<td class=\"govuk-table__cell\">sign-in</td>"), std::string::npos);
    EXPECT_EQ(page.body.find("<td class=\"govuk-table__cell\">user-add</td>"), std::string::npos);
    auto bad = admin.get("/admin/audit?from=yesterday&user=abc");
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("From date must be a real date"), std::string::npos);
    EXPECT_GE(server.audit_count("audit-search"), 1);
}

}  // namespace
}  // namespace signs::testing
