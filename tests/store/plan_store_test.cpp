// Plans, their versions and progress on their actions, on both engines.
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/plan_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace plans = store::plans;

template <class Engine>
class PlanStore : public StoreTest<Engine> {
  protected:
    std::int64_t case_id = 0;

    std::int64_t a_plan(soci::session& sql) {
        case_id = a_case_with_child(sql).case_id;
        store::PlanRecord plan;
        plan.case_id = case_id;
        plan.started_on = "2026-11-20";
        plan.created_at = "t";
        domain::PlanContent first;
        first.goals = {{7, "Maya is safe at night"}};
        first.actions = {{0, 7, "Gran stays over", "network", "Pat", "2026-12-01", "Maya says"},
                         {0, 0, "Find a childminder", "", "", "", ""}};
        return plans::insert(sql, plan, "safety", first);
    }
};

TYPED_TEST_SUITE(PlanStore, Engines, EngineNames);

TYPED_TEST(PlanStore, AFirstDraftNumbersItsGoalsAndActions) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto id = this->a_plan(sql);
    auto plan = plans::find(sql, id);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plans::for_case(sql, this->case_id)->id, id);
    EXPECT_EQ(plan->latest_version, 1);
    EXPECT_FALSE(plan->in_force);
    auto content = plans::content(sql, id, 1);
    ASSERT_EQ(content.goals.size(), 1u);
    EXPECT_EQ(content.goals[0].ref, 1);
    ASSERT_EQ(content.actions.size(), 2u);
    EXPECT_EQ(content.actions[0].goal_ref, 1);  // follows its goal to the new number
    EXPECT_EQ(content.actions[1].goal_ref, 0);
    EXPECT_EQ(content.actions[1].ref, 2);
    // One plan per case.
    store::PlanRecord again;
    again.case_id = this->case_id;
    again.started_on = "2026-11-20";
    again.created_at = "t";
    EXPECT_THROW(plans::insert(sql, again, "safety", {}), std::exception);
}

TYPED_TEST(PlanStore, ADraftChangesThenAgreedVersionsStayAsTheyWere) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto id = this->a_plan(sql);
    EXPECT_EQ(plans::add_goal(sql, id, 1, "Maya gets to school"), 2);
    EXPECT_TRUE(plans::update_goal(sql, id, 1, 1, "Maya is safe and settled at night"));
    EXPECT_FALSE(plans::update_goal(sql, id, 1, 9, "No such goal"));
    domain::PlanAction school{
        0, 2, "Walk Maya to school", "parent", "Dana", "2026-12-04", "The school register"};
    EXPECT_EQ(plans::add_action(sql, id, 1, school), 3);
    school.ref = 2;
    school.what = "Find a childminder for Tuesdays";
    EXPECT_TRUE(plans::update_action(sql, id, 1, school));
    EXPECT_TRUE(plans::remove_goal(sql, id, 1, 2));
    auto content = plans::content(sql, id, 1);
    EXPECT_EQ(content.goals.size(), 1u);
    EXPECT_EQ(content.actions[1].goal_ref, 0);  // its goal removed, the action waits
    EXPECT_EQ(content.actions[1].what, "Find a childminder for Tuesdays");
    EXPECT_TRUE(plans::remove_action(sql, id, 1, 3));
    EXPECT_FALSE(plans::remove_action(sql, id, 1, 3));

    EXPECT_TRUE(plans::agree(sql, id, 1, "2026-11-24", "Initial conference", std::nullopt, "t"));
    EXPECT_FALSE(plans::agree(sql, id, 1, "2026-11-24", "Twice", std::nullopt, "t"));
    EXPECT_EQ(plans::find(sql, id)->in_force, 1);
    EXPECT_EQ(plans::new_version(sql, id, 1, "wellbeing", std::nullopt, "t"), 2);
    EXPECT_THROW(plans::new_version(sql, id, 1, "wellbeing", std::nullopt, "t"), std::exception);
    auto plan = plans::find(sql, id);
    EXPECT_EQ(plan->latest_version, 2);
    EXPECT_EQ(plan->in_force, 1);
    EXPECT_TRUE(plans::update_goal(sql, id, 2, 1, "Changed in version 2"));
    EXPECT_EQ(plans::content(sql, id, 1).goals[0].text, "Maya is safe and settled at night");
    EXPECT_EQ(plans::content(sql, id, 2).goals[0].text, "Changed in version 2");
    EXPECT_EQ(plans::content(sql, id, 2).actions.size(), 2u);
    // A new goal in version 2 does not reuse a number version 1 had.
    EXPECT_EQ(plans::add_goal(sql, id, 2, "Dana gets support"), 3);
    auto versions = plans::versions(sql, id);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].status, "agreed");
    EXPECT_EQ(versions[0].agreed_on, "2026-11-24");
    EXPECT_EQ(versions[0].agreed_where, "Initial conference");
    EXPECT_EQ(versions[1].status, "draft");
    EXPECT_EQ(versions[1].variant, "wellbeing");
}

TYPED_TEST(PlanStore, ProgressKeepsItsHistoryAndTheLatestDatedState) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto id = this->a_plan(sql);
    // Not agreed yet: nothing is overdue, whatever its date.
    EXPECT_EQ(plans::overdue_actions(sql, this->case_id, "2026-12-10"), 0);
    plans::agree(sql, id, 1, "2026-11-24", "", std::nullopt, "t");
    EXPECT_EQ(plans::overdue_actions(sql, this->case_id, "2026-12-01"), 0);
    EXPECT_EQ(plans::overdue_actions(sql, this->case_id, "2026-12-02"), 1);

    plans::add_update(sql, id, 1, {"on-track", "Gran came", "", "", ""}, "2026-11-28", std::nullopt,
                      "t1");
    plans::add_update(sql, id, 1, {"done", "All week", "", "", ""}, "2026-12-01", std::nullopt,
                      "t2");
    // Recorded later but dated earlier: kept in the history, not taken as the latest state.
    plans::add_update(sql, id, 1, {"not-happening", "Missed Monday", "", "", ""}, "2026-11-30",
                      std::nullopt, "t3");
    auto states = plans::states(sql, id);
    EXPECT_EQ(states.at(1).status, "done");
    EXPECT_EQ(states.at(1).on_date, "2026-12-01");
    auto history = plans::updates(sql, id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].status, "done");
    EXPECT_EQ(history[1].note, "Missed Monday");
    EXPECT_EQ(plans::overdue_actions(sql, this->case_id, "2026-12-10"), 0);

    // The case lists count the same, and can keep only cases with something overdue.
    plans::add_update(sql, id, 1, {"not-happening", "Stopped", "", "", ""}, "2026-12-05",
                      std::nullopt, "t4");
    store::cases::ListFilter filter;
    filter.today = "2026-12-10";
    auto rows = store::cases::list(sql, filter);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].overdue_actions, 1);
    filter.overdue_only = true;
    EXPECT_EQ(store::cases::list(sql, filter).size(), 1u);
    filter.today = "2026-11-30";
    EXPECT_TRUE(store::cases::list(sql, filter).empty());
}

}  // namespace
}  // namespace signs::testing
