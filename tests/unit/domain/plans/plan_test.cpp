// Plans: the rules for goals and actions, for agreeing, for progress, for overdue actions and
// for comparing two versions.
#include "domain/plans/plan.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

const core::CivilDate kToday = *core::CivilDate::parse_iso("2026-11-26");

ActionForm complete_action() {
    return {"1",    "Gran stays over on the nights Dana works", "network", "Pat Carter", "15", "1",
            "2027", "Maya tells her teacher who put her to bed"};
}

PlanAction action(int ref, int goal, const std::string& due) {
    return {ref, goal, "Ring the school each Monday", "parent", "Dana", due, "The school says so"};
}

TEST(PlanNames, FollowTheVariant) {
    EXPECT_EQ(plan_name(PracticeVariant::Safety), "Safety plan");
    EXPECT_EQ(plan_name(PracticeVariant::Wellbeing), "Wellbeing plan");
    EXPECT_EQ(plan_name(PracticeVariant::Stability), "Stability plan");
}

TEST(Goals, NeedWordsWithinTheLimit) {
    EXPECT_EQ(*check_goal({"  Maya is safe at night  "}), "Maya is safe at night");
    EXPECT_EQ(check_goal({"   "}).error().message_for("text"), "Write the goal");
    EXPECT_FALSE(check_goal({std::string(kMaxPlanText + 1, 'x')}));
    EXPECT_FALSE(check_goal({"bad \xC3\x28 bytes"}));
}

TEST(Actions, ACompleteActionIsKeptTrimmed) {
    auto checked = check_action(complete_action(), {1, 2}, kToday);
    ASSERT_TRUE(checked) << checked.error().fields.front().message;
    EXPECT_EQ(checked->goal_ref, 1);
    EXPECT_EQ(checked->due_on, "2027-01-15");
    EXPECT_EQ(checked->owner_name, "Pat Carter");
}

TEST(Actions, InADraftOnlyWhatIsNeeded) {
    ActionForm form;
    form.what = "Find a childminder for Tuesdays";
    auto checked = check_action(form, {}, kToday);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->goal_ref, 0);
    EXPECT_TRUE(checked->due_on.empty());
    EXPECT_EQ(check_action({}, {}, kToday).error().message_for("what"), "Write what will be done");
}

TEST(Actions, RefuseWhatCannotBeRight) {
    auto form = complete_action();
    form.goal = "3";
    EXPECT_EQ(check_action(form, {1, 2}, kToday).error().message_for("goal"),
              "Select a goal from this plan");
    form = complete_action();
    form.goal = "1; DROP TABLE plans";
    EXPECT_FALSE(check_action(form, {1}, kToday));
    form = complete_action();
    form.owner_kind = "dog";
    EXPECT_FALSE(check_action(form, {1}, kToday));
    form = complete_action();
    form.owner_kind.clear();
    EXPECT_EQ(check_action(form, {1}, kToday).error().message_for("owner_kind"),
              "Select who will do it");
    form = complete_action();
    form.day = "31";
    form.month = "2";
    EXPECT_FALSE(check_action(form, {1}, kToday));
    form = complete_action();
    form.year = "2030";
    EXPECT_EQ(check_action(form, {1}, kToday).error().message_for("due-day"),
              "The date it will be done by must be within two years");
    form = complete_action();
    form.year = "2024";
    EXPECT_FALSE(check_action(form, {1}, kToday));
    form = complete_action();
    form.owner_name = std::string(kMaxOwnerName + 1, 'a');
    EXPECT_FALSE(check_action(form, {1}, kToday));
}

TEST(Agreement, NamesEveryGap) {
    PlanContent plan;
    EXPECT_EQ(plan_agreement_problems(plan).front(), "The plan has no goal yet");
    plan.goals = {{1, "Maya is safe at night"}, {2, "Maya gets to school"}};
    plan.actions = {action(1, 1, "2027-01-15"), {2, 0, "Find a childminder", "", "", "", ""}};
    auto problems = plan_agreement_problems(plan);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "Goal 2 has no action that works towards it");
    EXPECT_EQ(problems[1],
              "Action 2 (Find a childminder) needs which goal it works towards, who will do it, "
              "by when and how everyone will know");
    plan.actions[1] = action(2, 2, "2027-02-01");
    EXPECT_TRUE(plan_agreement_problems(plan).empty());
}

TEST(Agreement, DateIsBetweenTheMappingAndToday) {
    auto started = *core::CivilDate::parse_iso("2026-11-02");
    EXPECT_TRUE(check_agreement({"20", "11", "2026", "Initial conference"}, kToday, started));
    EXPECT_FALSE(check_agreement({"27", "11", "2026", ""}, kToday, started));
    EXPECT_FALSE(check_agreement({"1", "11", "2026", ""}, kToday, started));
    EXPECT_FALSE(check_agreement({"", "", "", ""}, kToday, started));
    EXPECT_FALSE(check_agreement({"20", "11", "2026", std::string(201, 'x')}, kToday, started));
}

TEST(Progress, NeedsAStatusAndADateNotInTheFuture) {
    auto started = *core::CivilDate::parse_iso("2026-11-02");
    EXPECT_TRUE(
        check_update({"on-track", "Gran came on Tuesday", "26", "11", "2026"}, kToday, started));
    EXPECT_EQ(check_update({"fine", "", "26", "11", "2026"}, kToday, started)
                  .error()
                  .message_for("status"),
              "Select how the action is going");
    EXPECT_FALSE(check_update({"done", "", "27", "11", "2026"}, kToday, started));
    EXPECT_FALSE(check_update({"done", "", "1", "11", "2026"}, kToday, started));
    EXPECT_FALSE(check_update({"done", std::string(kMaxPlanText + 1, 'x'), "26", "11", "2026"},
                              kToday, started));
}

TEST(Overdue, OncePastItsDateUntilDone) {
    EXPECT_FALSE(action_overdue(action(1, 1, "2026-11-26"), kNotStarted, kToday));
    EXPECT_TRUE(action_overdue(action(1, 1, "2026-11-25"), kNotStarted, kToday));
    EXPECT_TRUE(action_overdue(action(1, 1, "2026-11-25"), "on-track", kToday));
    EXPECT_TRUE(action_overdue(action(1, 1, "2026-11-25"), "not-happening", kToday));
    EXPECT_FALSE(action_overdue(action(1, 1, "2026-11-25"), kDone, kToday));
    EXPECT_FALSE(action_overdue(action(1, 1, ""), kNotStarted, kToday));
}

TEST(Compare, ListsGoalsThenActionsWithWhatChanged) {
    PlanContent before, after;
    before.goals = {{1, "Maya is safe at night"}, {2, "Maya gets to school"}};
    before.actions = {action(1, 1, "2027-01-15"), action(2, 2, "2027-01-20"),
                      action(3, 2, "2027-01-22")};
    after.goals = {{1, "Maya is safe and settled at night"}, {3, "Dana gets support"}};
    after.actions = {action(1, 1, "2027-01-29"), action(2, 2, "2027-01-20"),
                     action(4, 3, "2027-02-01")};
    after.actions[0].owner_name = "Pat";
    auto changes = compare_plans(before, after);
    ASSERT_EQ(changes.size(), 6u);
    EXPECT_TRUE(changes[0].is_goal);
    EXPECT_EQ(changes[0].kind, PlanChange::Kind::Changed);
    EXPECT_EQ(changes[0].after, "Maya is safe and settled at night");
    EXPECT_EQ(changes[1].kind, PlanChange::Kind::Removed);
    EXPECT_EQ(changes[1].ref, 2);
    EXPECT_EQ(changes[2].kind, PlanChange::Kind::Added);
    EXPECT_EQ(changes[2].ref, 3);
    EXPECT_FALSE(changes[3].is_goal);
    EXPECT_EQ(changes[3].ref, 1);
    EXPECT_EQ(changes[3].changed, (std::vector<std::string>{"who", "by when"}));
    EXPECT_EQ(changes[3].was->due_on, "2027-01-15");
    EXPECT_EQ(changes[3].now->due_on, "2027-01-29");
    EXPECT_EQ(changes[4].kind, PlanChange::Kind::Removed);
    EXPECT_EQ(changes[4].ref, 3);
    EXPECT_EQ(changes[5].kind, PlanChange::Kind::Added);
    EXPECT_EQ(changes[5].ref, 4);
    EXPECT_TRUE(compare_plans(after, after).empty());
}

}  // namespace
}  // namespace signs::domain
