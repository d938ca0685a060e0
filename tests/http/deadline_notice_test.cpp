// Reminders to workers before deadlines and alerts to managers once they pass, queued in the
// outbox by the sweep the server runs every minute.
#include <gtest/gtest.h>

#include "store/outbox_repository.hpp"
#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

std::vector<store::OutboxMessage> outbox(TestServer& server) {
    auto lease = server.db().lease();
    return store::outbox::recent(lease.sql(), 100);
}

TEST(DeadlineNotices, WorkersAreRemindedAndManagersAlertedOnce) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    server.signed_in_as(Role::TeamManager, "Hillside Team");
    auto case_id = std::to_string(case_with_strategy_discussion(worker, "Carter family"));
    auto& notices = server.app().deadline_notices();

    // Thursday 26 November: the visit due on Monday 30 November is two working days away.
    EXPECT_EQ(notices.queue_notices(), 1);
    auto sent = outbox(server);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].kind, "reminder");
    EXPECT_EQ(sent[0].subject, "Due soon: Visit to the child, case " + case_id);
    EXPECT_TRUE(has(sent[0].body, "due 30 November 2026"));
    EXPECT_FALSE(has(sent[0].body, "Carter"));  // emails never name the family
    auto worker_address = sent[0].to_address;
    EXPECT_EQ(notices.queue_notices(), 0);  // told once

    // Tuesday 1 December: the visit has passed unmet. Thursday 10 December: the conference
    // is five working days away.
    server.clock().advance(std::chrono::days{5});
    EXPECT_EQ(notices.queue_notices(), 1);
    server.clock().advance(std::chrono::days{9});
    EXPECT_EQ(notices.queue_notices(), 1);
    sent = outbox(server);
    ASSERT_EQ(sent.size(), 3u);
    int reminders = 0, alerts = 0;
    for (const auto& m : sent) {
        if (m.kind == "reminder" && has(m.subject, "Initial child protection conference")) {
            ++reminders;
            EXPECT_EQ(m.to_address, worker_address);
        }
        if (m.kind == "overdue") {
            ++alerts;
            EXPECT_EQ(m.subject, "Overdue: Visit to the child, case " + case_id);
            EXPECT_NE(m.to_address, worker_address);
            EXPECT_TRUE(has(m.body, "was due 30 November 2026"));
        }
    }
    EXPECT_EQ(reminders, 1);
    EXPECT_EQ(alerts, 1);  // the Riverside manager only
    EXPECT_EQ(notices.queue_notices(), 0);

    // They wait in the outbox for an administrator to see when no mail server is set.
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto page = admin.get("/admin/outbox");
    EXPECT_TRUE(has(page.body, "Overdue: Visit to the child"));
    EXPECT_TRUE(has(page.body, "Due soon: Initial child protection conference"));
}

TEST(DeadlineNotices, ARestrictedChildsCaseIsToldOnlyToThoseNamed) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    server.signed_in_as(Role::TeamManager, "Riverside Team");  // kept out by the restriction
    auto case_id = case_with_strategy_discussion(worker, "Carter family");
    std::string worker_name;
    {
        auto lease = server.db().lease();
        long long child = 0, worker_id = 0;
        lease.sql() << "SELECT child_id FROM case_children WHERE case_id = :c", soci::use(case_id),
            soci::into(child);
        lease.sql() << "SELECT worker_id FROM cases WHERE id = :c", soci::use(case_id),
            soci::into(worker_id);
        lease.sql() << "SELECT name FROM users WHERE id = :u", soci::use(worker_id),
            soci::into(worker_name);
        lease.sql() << "UPDATE children SET restricted = 1 WHERE id = :c", soci::use(child);
        lease.sql() << "INSERT INTO child_restrictions (child_id, user_id) VALUES (:c, :u)",
            soci::use(child), soci::use(worker_id);
    }
    server.clock().advance(std::chrono::days{5});
    server.app().deadline_notices().queue_notices();
    // The overdue visit has no manager allowed to hear of it, so its worker is told instead.
    int alerts = 0;
    for (const auto& m : outbox(server)) {
        EXPECT_EQ(m.to_name, worker_name) << m.subject;
        if (m.kind == "overdue") ++alerts;
    }
    EXPECT_EQ(alerts, 1);
}

TEST(DeadlineNotices, ADeadlineNobodyCanBeToldAboutWaitsForSomeone) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Lakeside Team");
    auto case_id = case_with_strategy_discussion(worker, "Carter family");
    {
        // The worker leaves, and the team has no manager yet.
        auto lease = server.db().lease();
        long long id = case_id;
        lease.sql() << "UPDATE users SET active = 0 WHERE id = (SELECT worker_id FROM cases "
                       "WHERE id = :c)",
            soci::use(id);
    }
    auto& notices = server.app().deadline_notices();
    EXPECT_EQ(notices.queue_notices(), 0);
    EXPECT_TRUE(outbox(server).empty());
    server.signed_in_as(Role::TeamManager, "Lakeside Team");
    EXPECT_EQ(notices.queue_notices(), 1);  // the manager hears of the visit falling due
    ASSERT_EQ(outbox(server).size(), 1u);
    EXPECT_EQ(outbox(server)[0].kind, "reminder");
}

TEST(DeadlineNotices, DeadlinesMissedLongAgoAreOnTheListsNotInAlerts) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    server.signed_in_as(Role::TeamManager, "Riverside Team");
    case_with_strategy_discussion(worker, "Carter family");
    // Two months on, with nothing run in between: the visit (30 November) and the conference
    // (17 December) were missed weeks ago.
    server.clock().advance(std::chrono::days{61});
    EXPECT_EQ(server.app().deadline_notices().queue_notices(), 0);
}

}  // namespace
}  // namespace signs::testing
