// The council's closure days through the real server: an administrator adds one, and the
// front door's deadline moves past it at once.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

Fields closure(const std::string& day, const std::string& reason) {
    return {{"date-day", day}, {"date-month", "11"}, {"date-year", "2026"}, {"reason", reason}};
}

TEST(ClosureDays, AClosureDayPushesWorkingDayDeadlinesOn) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    ASSERT_EQ(admin.get("/admin/closures").status, 200);
    // Friday 27 November 2026, the day after the test clock's today.
    auto added = admin.post("/admin/closures", closure("27", "Staff training <day>"));
    ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
    EXPECT_EQ(server.audit_count("closure-day-add"), 1);
    auto page = admin.get("/admin/closures").body;
    EXPECT_TRUE(has(page, "27 November 2026"));
    EXPECT_TRUE(has(page, "Staff training &lt;day&gt;"));

    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto contact = record_contact(worker, child, contact_fields());
    // Thursday's contact is due on Monday: Friday is closed, then the weekend.
    EXPECT_TRUE(has(worker.get("/contacts/" + std::to_string(contact)).body,
                    "Due by the end of 30 November 2026"));

    // Problems are named and nothing is saved.
    auto again = admin.post("/admin/closures", closure("27", "Twice"));
    EXPECT_EQ(again.status, 422);
    EXPECT_TRUE(has(again.body, "already"));
    auto weekend = admin.post("/admin/closures", closure("28", "Saturday"));
    EXPECT_EQ(weekend.status, 422);
    EXPECT_TRUE(has(weekend.body, "weekend"));
    EXPECT_EQ(admin.post("/admin/closures", closure("31", "No such day")).status, 422);
    EXPECT_EQ(admin.post("/admin/closures", closure("30", "")).status, 422);
    EXPECT_EQ(admin.post("/admin/closures", closure("30", std::string(101, 'x'))).status, 422);
    EXPECT_EQ(server.audit_count("closure-day-add"), 1);

    // Only administrators see or change them.
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Front Door");
        EXPECT_EQ(someone.get("/admin/closures").status, 403);
        EXPECT_EQ(someone.post("/admin/closures", closure("30", "Mine")).status, 403);
        EXPECT_EQ(someone.post("/admin/closures/2026-11-27/remove", {}).status, 403);
    }

    EXPECT_EQ(admin.post("/admin/closures/2026-11-27/remove", {}).status, 303);
    EXPECT_EQ(admin.post("/admin/closures/2026-11-27/remove", {}).status, 404);
    EXPECT_EQ(admin.post("/admin/closures/..%2F..%2Fetc/remove", {}).status, 404);
    EXPECT_EQ(server.audit_count("closure-day-remove"), 1);
    EXPECT_TRUE(has(admin.get("/admin/closures").body, "No closure days are coming up"));
}

}  // namespace
}  // namespace signs::testing
