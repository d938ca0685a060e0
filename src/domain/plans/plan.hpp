#pragma once
/// A plan: what needs to happen, from a mapping, written as safety goals and the actions that
/// get there. Each action says what will be done, by whom, by when, and how everyone will know
/// it is happening. A plan is agreed as a whole; changing it afterwards makes a new version,
/// so that what was agreed at each meeting stays readable and any two versions compare.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"
#include "domain/casework/service_level.hpp"

namespace signs::domain {

/// "Safety plan", "Wellbeing plan" or "Stability plan".
std::string_view plan_name(PracticeVariant variant);

/// Whose action it is: a parent or carer, someone in the safety network, the child, or a
/// professional.
std::span<const CodeLabel> action_owner_kinds();
/// Not started, on track, done, not happening.
std::span<const CodeLabel> action_statuses();
inline constexpr std::string_view kNotStarted = "not-started";
inline constexpr std::string_view kDone = "done";

inline constexpr std::size_t kMaxPlanText = 2000;
inline constexpr std::size_t kMaxOwnerName = 200;

/// A goal and an action as stored in one version. `ref` numbers stay the same from version to
/// version, so an action's progress and its changes can be followed across them.
struct PlanGoal {
    int ref = 0;
    std::string text;
};
struct PlanAction {
    int ref = 0;
    int goal_ref = 0;  ///< 0 while the action is not yet under a goal
    std::string what;
    std::string owner_kind;  ///< an action_owner_kinds() code, or empty while not known
    std::string owner_name;
    std::string due_on;  ///< ISO date, or empty while not known
    std::string how_known;
};
struct PlanContent {
    std::vector<PlanGoal> goals;
    std::vector<PlanAction> actions;
};

struct GoalForm {
    std::string text;
};
/// An action as typed. Only `what` is needed while the plan is a draft; the rest must be
/// there before it is agreed.
struct ActionForm {
    std::string goal;  ///< a goal's ref, or empty
    std::string what;
    std::string owner_kind;
    std::string owner_name;
    std::string day, month, year;
    std::string how_known;
};

/// Errors use "text".
core::Result<std::string> check_goal(const GoalForm& form);
/// Errors use "goal", "what", "owner_kind", "owner_name", "due-day" and "how_known". `goals`
/// are the refs that may be chosen. The due date may be up to a year before `today` (a plan
/// written up after the meeting) and up to two years after it.
core::Result<PlanAction> check_action(const ActionForm& form, const std::vector<int>& goals,
                                      core::CivilDate today);

/// What stops a plan being agreed: no goal, a goal with no action, an action under no goal or
/// missing who, by when or how everyone will know. Each named so the worker can find it.
std::vector<std::string> plan_agreement_problems(const PlanContent& plan);

/// The date and the meeting at which a plan was agreed, as typed.
struct AgreeForm {
    std::string day, month, year;
    std::string where;
};
inline constexpr std::size_t kMaxAgreedWhere = 200;
/// Errors use "agreed-day" and "where". The date is today or earlier, and not before
/// `plan_started`.
core::Result<void> check_agreement(const AgreeForm& form, core::CivilDate today,
                                   core::CivilDate plan_started);

/// A dated update on an action's progress.
struct UpdateForm {
    std::string status;
    std::string note;
    std::string day, month, year;
};
/// Errors use "status", "note" and "on-day". The date is today or earlier, and not before
/// `plan_started`.
core::Result<void> check_update(const UpdateForm& form, core::CivilDate today,
                                core::CivilDate plan_started);

/// An action is overdue once its date has passed and it is not done. One marked "not
/// happening" stays overdue: that is exactly what a manager needs to see.
bool action_overdue(const PlanAction& action, std::string_view status, core::CivilDate today);

/// One difference between two versions of a plan.
struct PlanChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    bool is_goal = false;
    int ref = 0;
    std::string before;  ///< the goal's words or the action's "what", in the earlier version
    std::string after;
    std::vector<std::string> changed;  ///< for an action: which parts ("who", "by when", ...)
    std::optional<PlanAction> was;     ///< for an action: as it was, and as it is now
    std::optional<PlanAction> now;
};
/// Goals first, then actions, each in ref order.
std::vector<PlanChange> compare_plans(const PlanContent& from, const PlanContent& to);

}  // namespace signs::domain
