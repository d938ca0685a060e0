// Kept deadlines and the due lists, on both engines: the database marks a case for working
// out again whenever something its deadlines depend on changes.
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/closure_day_repository.hpp"
#include "store/deadline_repository.hpp"
#include "store/meeting_repository.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

namespace deadlines = store::deadlines;

template <class Engine>
class DeadlineStore : public StoreTest<Engine> {
  protected:
    std::int64_t child_id = 0;

    std::int64_t a_case(soci::session& sql, const std::string& family, bool restricted = false) {
        auto made = a_case_with_child(sql, family, restricted);
        child_id = made.child_id;
        return made.case_id;
    }

    std::vector<std::int64_t> stale_ids(soci::session& sql, const std::string& today) {
        std::vector<std::int64_t> out;
        for (const auto& s : deadlines::stale(sql, today, "", 100)) out.push_back(s.case_id);
        return out;
    }

    void settle(soci::session& sql, const std::string& today) {
        for (const auto& s : deadlines::stale(sql, today, "", 100))
            deadlines::replace(sql, s.case_id, s.stamp, today, {});
    }
};

TYPED_TEST_SUITE(DeadlineStore, Engines, EngineNames);

TYPED_TEST(DeadlineStore, EveryChangeThatMattersMarksTheCase) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto case_id = this->a_case(sql, "Carter");
    EXPECT_EQ(this->stale_ids(sql, "2026-11-26"), std::vector<std::int64_t>{case_id});
    this->settle(sql, "2026-11-26");
    EXPECT_TRUE(this->stale_ids(sql, "2026-11-26").empty());

    store::MeetingRecord m;
    m.case_id = case_id;
    m.type = "strategy-discussion";
    m.held_on = "2026-11-30";
    m.start_minutes = 600;
    m.end_minutes = 660;
    m.venue = "Town Hall";
    m.chair = "Sam";
    m.uid = "u1";
    m.created_at = "t";
    m.child_ids = {this->child_id};
    m.id = store::meetings::insert(sql, m);
    EXPECT_EQ(this->stale_ids(sql, "2026-11-26").size(), 1u);
    this->settle(sql, "2026-11-26");
    // Nothing changed, but the arranged meeting's day has come.
    EXPECT_TRUE(this->stale_ids(sql, "2026-11-29").empty());
    EXPECT_EQ(this->stale_ids(sql, "2026-11-30"), std::vector<std::int64_t>{case_id});
    this->settle(sql, "2026-11-30");
    EXPECT_TRUE(this->stale_ids(sql, "2026-12-01").empty());

    store::LevelPeriodRecord period;
    period.case_id = case_id;
    period.child_id = this->child_id;
    period.level = "cared-for";
    period.from_date = "2026-11-30";
    period.reason = "r";
    period.recorded_at = "t";
    store::cases::add_level_period(sql, period);
    EXPECT_EQ(this->stale_ids(sql, "2026-12-01").size(), 1u);
    this->settle(sql, "2026-12-01");

    store::closure_days::add(sql, "2026-12-29", "Closed", std::nullopt, "t");
    EXPECT_EQ(this->stale_ids(sql, "2026-12-01").size(), 1u);
    this->settle(sql, "2026-12-01");

    // A closed case is not worked out again.
    auto record = store::cases::find(sql, case_id);
    store::cases::close(sql, case_id, "2026-12-01", "done", record->version);
    store::closure_days::remove(sql, "2026-12-29");
    EXPECT_TRUE(this->stale_ids(sql, "2026-12-01").empty());
}

TYPED_TEST(DeadlineStore, ListsFilterAndHideRestrictedCases) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto carter = this->a_case(sql, "Carter");
    auto hidden = this->a_case(sql, "Secret", true);
    deadlines::replace(sql, carter, 1, "2026-11-26",
                       {{"initial-conference", "2026-11-26", "2026-12-17", "2026-12-15"},
                        {"assessment", "2026-11-20", "2027-01-29", ""}});
    deadlines::replace(sql, hidden, 1, "2026-11-26",
                       {{"assessment", "2026-11-20", "2026-12-01", ""}});
    store::DueFilter all;
    auto rows = deadlines::list(sql, all);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].deadline.rule, "initial-conference");
    EXPECT_EQ(rows[0].deadline.booked_on, "2026-12-15");
    EXPECT_EQ(rows[0].family_name, "Carter family");
    EXPECT_EQ(deadlines::count(sql, all, 100), 2);
    EXPECT_EQ(deadlines::count(sql, all, 1), 1);  // counting stops there
    store::DueFilter soon;
    soon.due_by = "2026-12-31";
    EXPECT_EQ(deadlines::count(sql, soon, 100), 1);
    store::DueFilter assessments;
    assessments.rules = {"assessment"};
    EXPECT_EQ(deadlines::list(sql, assessments).front().deadline.due_on, "2027-01-29");
    store::DueFilter paged;
    paged.limit = 1;
    paged.offset = 1;
    EXPECT_EQ(deadlines::list(sql, paged).front().deadline.rule, "assessment");
    store::DueFilter team;
    team.team_ids = {999};
    EXPECT_TRUE(deadlines::list(sql, team).empty());
    // Replacing keeps only the new rows.
    deadlines::replace(sql, carter, 2, "2026-11-27", {});
    EXPECT_EQ(deadlines::count(sql, all, 100), 0);
}

}  // namespace
}  // namespace signs::testing
