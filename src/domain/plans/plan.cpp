#include "domain/plans/plan.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 4> kOwners = {{
    {"parent", "A parent or carer"},
    {"network", "Someone in the safety network"},
    {"child", "The child or young person"},
    {"professional", "A professional"},
}};

constexpr std::array<CodeLabel, 4> kStatuses = {{
    {"not-started", "Not started"},
    {"on-track", "On track"},
    {"done", "Done"},
    {"not-happening", "Not happening"},
}};

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

/// "Action 3" or "Action 3 (Ring Gran every evening)", short enough for a list of problems.
std::string action_name(const PlanAction& a) {
    auto what = a.what.size() > 50 ? a.what.substr(0, 47) + "..." : a.what;
    return "Action " + std::to_string(a.ref) + " (" + what + ")";
}

template <class Item>
std::map<int, const Item*> by_ref(const std::vector<Item>& items) {
    std::map<int, const Item*> out;
    for (const auto& item : items) out[item.ref] = &item;
    return out;
}

/// A date typed for something that has happened since the plan was started.
void check_past_date(core::FieldChecks& checks, std::string_view field, std::string_view day,
                     std::string_view month, std::string_view year, const std::string& what,
                     core::CivilDate today, core::CivilDate plan_started) {
    auto on = core::CivilDate::from_parts(day, month, year);
    if (!on)
        checks.add(field, "Enter the date " + what + " as a real date, like 9 1 2027");
    else if (*on > today)
        checks.add(field, "The date " + what + " must be today or in the past");
    else if (*on < plan_started)
        checks.add(field, "The date " + what + " must be on or after the day the plan was started");
}

}  // namespace

std::string_view plan_name(PracticeVariant variant) {
    switch (variant) {
        case PracticeVariant::Wellbeing:
            return "Wellbeing plan";
        case PracticeVariant::Stability:
            return "Stability plan";
        case PracticeVariant::Safety:
            break;
    }
    return "Safety plan";
}

std::span<const CodeLabel> action_owner_kinds() { return kOwners; }
std::span<const CodeLabel> action_statuses() { return kStatuses; }

core::Result<std::string> check_goal(const GoalForm& form) {
    core::FieldChecks checks;
    checks.text("text", form.text, "Write the goal", "The goal", kMaxPlanText);
    if (!checks.ok()) return std::unexpected(checks.error());
    return core::trimmed(form.text);
}

core::Result<PlanAction> check_action(const ActionForm& form, const std::vector<int>& goals,
                                      core::CivilDate today) {
    core::FieldChecks checks;
    PlanAction out;
    if (!form.goal.empty()) {
        auto goal = whole_number(form.goal);
        if (!goal || std::find(goals.begin(), goals.end(), *goal) == goals.end())
            checks.add("goal", "Select a goal from this plan");
        else
            out.goal_ref = *goal;
    }
    checks.text("what", form.what, "Write what will be done", "What will be done", kMaxPlanText);
    if (!form.owner_kind.empty() && !is_code_in(kOwners, form.owner_kind))
        checks.add("owner_kind", "Select who will do it");
    checks.optional_text("owner_name", form.owner_name, "Their name", kMaxOwnerName);
    if (!core::trimmed(form.owner_name).empty() && form.owner_kind.empty())
        checks.add("owner_kind", "Select who will do it");
    bool any_date = !(form.day.empty() && form.month.empty() && form.year.empty());
    if (any_date) {
        auto due = core::CivilDate::from_parts(form.day, form.month, form.year);
        if (!due)
            checks.add("due-day",
                       "Enter the date it will be done by as a real date, like 9 1 2027");
        else if (*due < today.plus_days(-366))
            checks.add("due-day", "The date it will be done by must be within the last year");
        else if (*due > today.plus_days(731))
            checks.add("due-day", "The date it will be done by must be within two years");
        else
            out.due_on = due->iso();
    }
    checks.optional_text("how_known", form.how_known, "How everyone will know", kMaxPlanText);
    if (!checks.ok()) return std::unexpected(checks.error());
    out.what = core::trimmed(form.what);
    out.owner_kind = form.owner_kind;
    out.owner_name = core::trimmed(form.owner_name);
    out.how_known = core::trimmed(form.how_known);
    return out;
}

std::vector<std::string> plan_agreement_problems(const PlanContent& plan) {
    std::vector<std::string> out;
    if (plan.goals.empty()) out.push_back("The plan has no goal yet");
    for (const auto& g : plan.goals) {
        bool has_action = std::any_of(plan.actions.begin(), plan.actions.end(),
                                      [&](const auto& a) { return a.goal_ref == g.ref; });
        if (!has_action)
            out.push_back("Goal " + std::to_string(g.ref) + " has no action that works towards it");
    }
    for (const auto& a : plan.actions) {
        std::vector<std::string> missing;
        if (a.goal_ref == 0) missing.push_back("which goal it works towards");
        if (a.owner_kind.empty() || a.owner_name.empty()) missing.push_back("who will do it");
        if (a.due_on.empty()) missing.push_back("by when");
        if (a.how_known.empty()) missing.push_back("how everyone will know");
        if (missing.empty()) continue;
        std::string list;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
        }
        out.push_back(action_name(a) + " needs " + list);
    }
    return out;
}

core::Result<void> check_agreement(const AgreeForm& form, core::CivilDate today,
                                   core::CivilDate plan_started) {
    core::FieldChecks checks;
    check_past_date(checks, "agreed-day", form.day, form.month, form.year, "it was agreed", today,
                    plan_started);
    checks.optional_text("where", form.where, "The meeting", kMaxAgreedWhere);
    if (!checks.ok()) return std::unexpected(checks.error());
    return {};
}

core::Result<void> check_update(const UpdateForm& form, core::CivilDate today,
                                core::CivilDate plan_started) {
    core::FieldChecks checks;
    if (!is_code_in(kStatuses, form.status)) checks.add("status", "Select how the action is going");
    checks.optional_text("note", form.note, "What has happened", kMaxPlanText);
    check_past_date(checks, "on-day", form.day, form.month, form.year, "of the update", today,
                    plan_started);
    if (!checks.ok()) return std::unexpected(checks.error());
    return {};
}

bool action_overdue(const PlanAction& action, std::string_view status, core::CivilDate today) {
    if (status == kDone) return false;
    auto due = core::CivilDate::parse_iso(action.due_on);
    return due && *due < today;
}

std::vector<PlanChange> compare_plans(const PlanContent& from, const PlanContent& to) {
    std::vector<PlanChange> out;
    auto old_goals = by_ref(from.goals), new_goals = by_ref(to.goals);
    for (const auto& [ref, goal] : old_goals) {
        auto now = new_goals.find(ref);
        if (now == new_goals.end())
            out.push_back({PlanChange::Kind::Removed, true, ref, goal->text, "", {}, {}, {}});
        else if (now->second->text != goal->text)
            out.push_back({PlanChange::Kind::Changed,
                           true,
                           ref,
                           goal->text,
                           now->second->text,
                           {"words"},
                           {},
                           {}});
    }
    for (const auto& [ref, goal] : new_goals) {
        if (!old_goals.contains(ref))
            out.push_back({PlanChange::Kind::Added, true, ref, "", goal->text, {}, {}, {}});
    }
    auto old_actions = by_ref(from.actions), new_actions = by_ref(to.actions);
    std::vector<PlanChange> actions;
    for (const auto& [ref, a] : old_actions) {
        auto now = new_actions.find(ref);
        if (now == new_actions.end()) {
            actions.push_back({PlanChange::Kind::Removed, false, ref, a->what, "", {}, *a, {}});
            continue;
        }
        const auto& b = *now->second;
        std::vector<std::string> changed;
        if (a->what != b.what) changed.push_back("what will be done");
        if (a->owner_kind != b.owner_kind || a->owner_name != b.owner_name)
            changed.push_back("who");
        if (a->due_on != b.due_on) changed.push_back("by when");
        if (a->how_known != b.how_known) changed.push_back("how everyone will know");
        if (a->goal_ref != b.goal_ref) changed.push_back("goal");
        if (!changed.empty())
            actions.push_back(
                {PlanChange::Kind::Changed, false, ref, a->what, b.what, changed, *a, b});
    }
    for (const auto& [ref, a] : new_actions) {
        if (!old_actions.contains(ref))
            actions.push_back({PlanChange::Kind::Added, false, ref, "", a->what, {}, {}, *a});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.ref < y.ref; });
    std::stable_sort(actions.begin(), actions.end(),
                     [](const auto& x, const auto& y) { return x.ref < y.ref; });
    out.insert(out.end(), actions.begin(), actions.end());
    return out;
}

}  // namespace signs::domain
