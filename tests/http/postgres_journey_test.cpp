// The same server on PostgreSQL: a short journey through sign-in, administration and the
// audit log, proving the web layer works on the engine councils run at scale.
#include <gtest/gtest.h>

#include <cstdlib>

#include "service/audit_service.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

TEST(OnPostgres, SignInAdministrationAndAuditWork) {
    const char* url = std::getenv("SIGNS_TEST_POSTGRES_URL");
    if (!url || !*url) {
        if (std::getenv("SIGNS_REQUIRE_POSTGRES")) FAIL() << "SIGNS_TEST_POSTGRES_URL is not set";
        GTEST_SKIP() << "no PostgreSQL server (run under scripts/with-postgres)";
    }
    TestServer server{{}, {url}};
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    EXPECT_EQ(admin.get("/").status, 200);
    admin.get("/admin/users/new");
    EXPECT_EQ(admin
                  .post("/admin/users", {{"name", "Kim Ashworth"},
                                         {"email", "kim@example.org"},
                                         {"role", "team-manager"},
                                         {"team", "Riverside Team"},
                                         {"password", "a long enough passphrase"}})
                  .status,
              303);
    auto kim = server.browser();
    EXPECT_EQ(kim.sign_in("kim@example.org", "a long enough passphrase").status, 303);
    EXPECT_EQ(kim.get("/admin/users").status, 403);
    EXPECT_EQ(server.browser().sign_in("kim@example.org", "wrong password!").status, 422);
    auto audit = admin.get("/admin/audit");
    EXPECT_EQ(audit.status, 200);
    EXPECT_NE(audit.body.find("sign-in-failed"), std::string::npos);
    EXPECT_FALSE(service::verify_audit(server.db()).first_break);
}

}  // namespace
}  // namespace signs::testing
