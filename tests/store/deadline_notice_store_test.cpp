// Which deadlines still want a reminder or an alert, noting them once, and who hears, on both
// engines.
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/deadline_repository.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

namespace deadlines = store::deadlines;

template <class Engine>
class DeadlineNoticeStore : public StoreTest<Engine> {
  protected:
    std::int64_t user(soci::session& sql, const std::string& name, domain::Role role,
                      std::int64_t team) {
        store::UserRecord u;
        u.email = name + "@example.test";
        u.name = name;
        u.role = role;
        u.team_id = team;
        u.password_hash = "x";
        u.created_at = "t";
        return store::users::insert(sql, u);
    }

    /// Reminders from today to a week on; alerts for the week before today.
    std::vector<std::string> wanting(soci::session& sql, const std::string& kind, int offset = 0) {
        bool reminder = kind == "reminder";
        std::vector<std::string> out;
        for (const auto& d :
             deadlines::wanting_notice(sql, kind, reminder ? "2026-11-26" : "2026-11-19",
                                       reminder ? "2026-12-03" : "2026-11-25", 50, offset))
            out.push_back(std::to_string(d.case_id) + " " + d.deadline.rule);
        return out;
    }
};

TYPED_TEST_SUITE(DeadlineNoticeStore, Engines, EngineNames);

TYPED_TEST(DeadlineNoticeStore, EachDeadlineIsToldAboutOncePerKindAndDueDate) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto c = a_case_with_child(sql, "Carter").case_id;
    auto id = std::to_string(c);
    deadlines::replace(sql, c, 1, "2026-11-26",
                       {{"assessment", "2026-09-01", "2026-11-20", ""},          // overdue
                        {"review-conference", "2026-03-01", "2026-09-01", ""},   // long ago
                        {"visit", "2026-11-20", "2026-11-26", ""},               // due today
                        {"initial-conference", "2026-11-20", "2026-12-03", ""},  // in the window
                        {"first-core-group", "2026-11-20", "2026-12-04", ""}});  // not yet
    EXPECT_EQ(this->wanting(sql, "reminder"),
              (std::vector<std::string>{id + " visit", id + " initial-conference"}));
    EXPECT_EQ(this->wanting(sql, "overdue"), std::vector<std::string>{id + " assessment"});

    EXPECT_EQ(this->wanting(sql, "reminder", 1),
              std::vector<std::string>{id + " initial-conference"});
    auto visit = deadlines::wanting_notice(sql, "reminder", "2026-11-26", "2026-12-03", 1, 0);
    ASSERT_EQ(visit.size(), 1u);
    EXPECT_TRUE(deadlines::mark_noticed(sql, c, visit[0].deadline, "reminder", "t"));
    EXPECT_FALSE(deadlines::mark_noticed(sql, c, visit[0].deadline, "reminder", "t"));
    EXPECT_EQ(this->wanting(sql, "reminder"), std::vector<std::string>{id + " initial-conference"});
    // Overdue is another kind: the same deadline may still be alerted about.
    EXPECT_TRUE(deadlines::mark_noticed(sql, c, visit[0].deadline, "overdue", "t"));
    // A deadline that moves is a new one to tell about.
    deadlines::replace(sql, c, 2, "2026-11-26", {{"visit", "2026-11-25", "2026-12-01", ""}});
    EXPECT_EQ(this->wanting(sql, "reminder"), std::vector<std::string>{id + " visit"});
    // A closed case wants nothing.
    auto record = store::cases::find(sql, c);
    store::cases::close(sql, c, "2026-11-26", "done", record->version);
    EXPECT_TRUE(this->wanting(sql, "reminder").empty());
}

TYPED_TEST(DeadlineNoticeStore, TheWorkerOrTheManagersHearButNotThoseKeptOut) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto team = store::users::find_or_create_team(sql, "Riverside Team", false);
    auto other_team = store::users::find_or_create_team(sql, "Hillside Team", false);
    auto worker = this->user(sql, "worker", domain::Role::Practitioner, team);
    auto manager = this->user(sql, "manager", domain::Role::TeamManager, team);
    auto away = this->user(sql, "away", domain::Role::TeamManager, team);
    this->user(sql, "elsewhere", domain::Role::TeamManager, other_team);
    this->user(sql, "colleague", domain::Role::Practitioner, team);
    auto found = store::users::find_by_id(sql, away);
    store::users::set_active(sql, away, false, found->version);

    auto made = a_case_with_child(sql, "Carter");
    auto ids = [&](bool managers) {
        std::vector<std::int64_t> out;
        for (const auto& r : deadlines::people_to_tell(sql, made.case_id, managers))
            out.push_back(r.id);
        return out;
    };
    EXPECT_TRUE(ids(false).empty());  // nobody allocated yet
    EXPECT_TRUE(ids(true).empty());   // nor any team
    auto record = store::cases::find(sql, made.case_id);
    ASSERT_TRUE(store::cases::allocate(sql, made.case_id, team, worker, record->version));
    EXPECT_EQ(ids(false), std::vector<std::int64_t>{worker});
    EXPECT_EQ(ids(true), std::vector<std::int64_t>{manager});
    // A manager from elsewhere who also leads this team hears too; leading is not being in it.
    auto leads = this->user(sql, "leads", domain::Role::TeamManager, other_team);
    ASSERT_TRUE(store::users::set_led_teams(sql, leads, {team}, 1));
    EXPECT_EQ(ids(true), (std::vector<std::int64_t>{manager, leads}));
    EXPECT_EQ(ids(false), std::vector<std::int64_t>{worker});
    auto first = deadlines::people_to_tell(sql, made.case_id, false).front();
    EXPECT_EQ(first.email, "worker@example.test");

    // A restricted child keeps the case from everyone not named for them.
    store::children::set_restriction(sql, made.child_id, {worker});
    EXPECT_EQ(ids(false), std::vector<std::int64_t>{worker});
    EXPECT_TRUE(ids(true).empty());
}

}  // namespace
}  // namespace signs::testing
