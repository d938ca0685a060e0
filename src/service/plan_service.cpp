#include "service/plan_service.hpp"

#include <algorithm>
#include <charconv>

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "domain/mapping/mapping.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/level_history.hpp"
#include "store/chronology_repository.hpp"
#include "store/mapping_repository.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

constexpr const char* kAgreedMeanwhile =
    "Someone else agreed this version just now; start changes to make a new version";

struct OpenPlan {
    store::PlanRecord plan;
    store::CaseRecord case_record;
};

/// The plan, if the actor may work on its case.
core::Result<OpenPlan> plan_for(soci::session& sql, const Actor& actor, std::int64_t plan_id,
                                const std::string& now) {
    auto plan = store::plans::find(sql, plan_id);
    if (!plan) return core::fail(core::ErrorKind::NotFound, "There is no plan with that number");
    auto record = open_case_for(sql, actor, plan->case_id, now);
    if (!record) return std::unexpected(record.error());
    return OpenPlan{*plan, *record};
}

/// The plan, if the actor may change its draft: the case open, the latest version a draft.
core::Result<OpenPlan> draft_for(soci::session& sql, const Actor& actor, std::int64_t plan_id,
                                 const std::string& now) {
    auto open = plan_for(sql, actor, plan_id, now);
    if (!open) return open;
    if (!open->case_record.closed_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This case is closed");
    if (open->plan.in_force == open->plan.latest_version)
        return core::fail(core::ErrorKind::Conflict,
                          "This version of the plan has been agreed. Start changes to make a "
                          "new version.");
    return open;
}

std::vector<int> goal_refs(const domain::PlanContent& content) {
    std::vector<int> out;
    for (const auto& g : content.goals) out.push_back(g.ref);
    return out;
}

const domain::PlanAction* action_in(const domain::PlanContent& content, int ref) {
    for (const auto& a : content.actions) {
        if (a.ref == ref) return &a;
    }
    return nullptr;
}

std::string first_variant(soci::session& sql, std::int64_t case_id) {
    auto children = store::cases::child_ids(sql, case_id);
    auto variant = children.empty() ? domain::PracticeVariant::Safety
                                    : variant_of_child(sql, case_id, children.front());
    return std::string{domain::variant_code(variant)};
}

std::string subject(std::int64_t plan_id, int ref = 0) {
    return std::to_string(plan_id) + (ref ? "." + std::to_string(ref) : "");
}

}  // namespace

std::string PlanView::status_of(int ref) const {
    auto it = states.find(ref);
    return it == states.end() ? std::string{domain::kNotStarted} : it->second.status;
}

core::Result<std::int64_t> PlanService::start(const Actor& actor, std::int64_t case_id,
                                              const std::string& mapping_id) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_to_change(sql, actor, case_id, now);
    if (!record) return std::unexpected(record.error());
    if (store::plans::for_case(sql, case_id))
        return core::fail(core::ErrorKind::Conflict, "This case already has a plan");
    std::int64_t chosen = 0;
    auto [end, ec] =
        std::from_chars(mapping_id.data(), mapping_id.data() + mapping_id.size(), chosen);
    auto mapping = ec == std::errc{} && end == mapping_id.data() + mapping_id.size()
                       ? store::mappings::find(sql, chosen)
                       : std::nullopt;
    if (!mapping || mapping->case_id != case_id)
        return std::unexpected(
            core::Error::invalid({{"mapping", "Select the mapping the plan is built from"}}));
    domain::PlanContent first;
    int n = 0;
    for (const auto& e : store::mappings::entries(sql, mapping->id)) {
        if (e.review_mark == "resolved") continue;
        if (e.category == domain::kSafetyGoal) first.goals.push_back({++n, e.text});
        if (e.category == "next-step") first.actions.push_back({0, 0, e.text, "", "", "", ""});
    }
    store::PlanRecord plan;
    plan.case_id = case_id;
    plan.mapping_id = mapping->id;
    plan.started_on = mapping->held_on;
    plan.created_by = actor.user_id();
    plan.created_at = now;
    store::Transaction tx{lease};
    std::int64_t id = 0;
    try {
        id = store::plans::insert(sql, plan, mapping->variant, first);
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return core::fail(core::ErrorKind::Conflict, "This case already has a plan");
    }
    auto name = domain::plan_name(domain::parse_variant(mapping->variant));
    for (auto child : mapping->child_ids) {
        store::chronology::add(
            sql, {0, child, core::london_date(clock_.now()).iso(), "plan",
                  std::string{name} + " started", "record", actor.user_id(), "", now});
    }
    record_audit(sql, clock_, actor,
                 {"plan-start", "plan", std::to_string(id), "case " + std::to_string(case_id)});
    tx.commit();
    return id;
}

core::Result<PlanView> PlanService::view(const Actor& actor, std::int64_t plan_id,
                                         std::optional<int> version) {
    auto view = [&]() -> core::Result<PlanView> {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto open = plan_for(sql, actor, plan_id, core::to_storage(clock_.now()));
        if (!open) return std::unexpected(open.error());
        PlanView out;
        out.plan = open->plan;
        out.case_record = open->case_record;
        out.versions = store::plans::versions(sql, plan_id);
        out.shown = version.value_or(out.plan.latest_version);
        if (out.shown < 1 || out.shown > static_cast<int>(out.versions.size()))
            return core::fail(core::ErrorKind::NotFound,
                              "The plan has no version with that number");
        out.name = domain::plan_name(domain::parse_variant(out.version().variant));
        out.content = store::plans::content(sql, plan_id, out.shown);
        out.states = store::plans::states(sql, plan_id);
        out.updates = store::plans::updates(sql, plan_id);
        out.draft = out.version().status == "draft" && out.case_record.closed_on.empty();
        if (out.plan.in_force) {
            auto today = core::london_date(clock_.now());
            auto in_force = *out.plan.in_force == out.shown
                                ? out.content
                                : store::plans::content(sql, plan_id, *out.plan.in_force);
            for (const auto& a : in_force.actions) {
                if (domain::action_overdue(a, out.status_of(a.ref), today)) ++out.overdue;
            }
        }
        if (out.version().status == "draft")
            out.agreement_problems = domain::plan_agreement_problems(out.content);
        out.safety_houses =
            latest_safety_houses(sql, out.plan.case_id, HouseReaders::Professionals);
        if (out.plan.mapping_id) {
            for (const auto& e : store::mappings::entries(sql, *out.plan.mapping_id)) {
                if (e.category == "bottom-line" && e.review_mark != "resolved")
                    out.bottom_lines.push_back(e.text);
            }
        }
        return out;
    }();
    if (view) audit_.record_view(actor, {"view", "plan", std::to_string(plan_id), ""});
    return view;
}

core::Result<std::optional<PlanSummary>> PlanService::summary(const Actor& actor,
                                                              std::int64_t case_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    return plan_summary(sql, case_id, core::london_date(clock_.now()));
}

std::optional<PlanSummary> plan_summary(soci::session& sql, std::int64_t case_id,
                                        core::CivilDate today) {
    auto plan = store::plans::for_case(sql, case_id);
    if (!plan) return std::nullopt;
    auto versions = store::plans::versions(sql, plan->id);
    PlanSummary out;
    out.id = plan->id;
    out.name = domain::plan_name(domain::parse_variant(versions.back().variant));
    out.latest_version = plan->latest_version;
    out.latest_agreed = versions.back().status == "agreed";
    out.in_force = plan->in_force;
    if (plan->in_force) out.agreed_on = versions.at(*plan->in_force - 1).agreed_on;
    out.overdue = store::plans::overdue_actions(sql, case_id, today.iso());
    return out;
}

core::Result<int> PlanService::add_goal(const Actor& actor, std::int64_t plan_id,
                                        const domain::GoalForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    auto text = domain::check_goal(form);
    if (!text) return std::unexpected(text.error());
    store::Transaction tx{lease};
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    auto ref = store::plans::add_goal(sql, plan_id, open->plan.latest_version, *text);
    record_audit(sql, clock_, actor, {"plan-goal-add", "plan", subject(plan_id, ref), ""});
    tx.commit();
    return ref;
}

core::Result<void> PlanService::update_goal(const Actor& actor, std::int64_t plan_id, int ref,
                                            const domain::GoalForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    auto text = domain::check_goal(form);
    if (!text) return std::unexpected(text.error());
    store::Transaction tx{lease};
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    if (!store::plans::update_goal(sql, plan_id, open->plan.latest_version, ref, *text))
        return core::fail(core::ErrorKind::NotFound, "The plan has no goal with that number");
    record_audit(sql, clock_, actor, {"plan-goal-change", "plan", subject(plan_id, ref), ""});
    tx.commit();
    return {};
}

core::Result<void> PlanService::remove_goal(const Actor& actor, std::int64_t plan_id, int ref) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    store::Transaction tx{lease};
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    if (!store::plans::remove_goal(sql, plan_id, open->plan.latest_version, ref))
        return core::fail(core::ErrorKind::NotFound, "The plan has no goal with that number");
    record_audit(sql, clock_, actor, {"plan-goal-remove", "plan", subject(plan_id, ref), ""});
    tx.commit();
    return {};
}

core::Result<int> PlanService::add_action(const Actor& actor, std::int64_t plan_id,
                                          const domain::ActionForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    auto content = store::plans::content(sql, plan_id, open->plan.latest_version);
    auto action = domain::check_action(form, goal_refs(content), core::london_date(clock_.now()));
    if (!action) return std::unexpected(action.error());
    store::Transaction tx{lease};
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    auto ref = store::plans::add_action(sql, plan_id, open->plan.latest_version, *action);
    record_audit(sql, clock_, actor, {"plan-action-add", "plan", subject(plan_id, ref), ""});
    tx.commit();
    return ref;
}

core::Result<void> PlanService::update_action(const Actor& actor, std::int64_t plan_id, int ref,
                                              const domain::ActionForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    auto content = store::plans::content(sql, plan_id, open->plan.latest_version);
    if (!action_in(content, ref))
        return core::fail(core::ErrorKind::NotFound, "The plan has no action with that number");
    auto action = domain::check_action(form, goal_refs(content), core::london_date(clock_.now()));
    if (!action) return std::unexpected(action.error());
    action->ref = ref;
    store::Transaction tx{lease};
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    store::plans::update_action(sql, plan_id, open->plan.latest_version, *action);
    record_audit(sql, clock_, actor, {"plan-action-change", "plan", subject(plan_id, ref), ""});
    tx.commit();
    return {};
}

core::Result<void> PlanService::remove_action(const Actor& actor, std::int64_t plan_id, int ref) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    store::Transaction tx{lease};
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    if (!store::plans::remove_action(sql, plan_id, open->plan.latest_version, ref))
        return core::fail(core::ErrorKind::NotFound, "The plan has no action with that number");
    record_audit(sql, clock_, actor, {"plan-action-remove", "plan", subject(plan_id, ref), ""});
    tx.commit();
    return {};
}

core::Result<void> PlanService::agree(const Actor& actor, std::int64_t plan_id,
                                      const domain::AgreeForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = draft_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    auto started = core::CivilDate::parse_iso(open->plan.started_on);
    auto checked = domain::check_agreement(form, core::london_date(clock_.now()), *started);
    if (!checked) return std::unexpected(checked.error());
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year)->iso();
    store::Transaction tx{lease};
    // Held from here to the commit, so nobody changes what is being agreed.
    if (!store::plans::hold_draft(sql, plan_id, open->plan.latest_version))
        return core::fail(core::ErrorKind::Stale, kAgreedMeanwhile);
    auto problems = domain::plan_agreement_problems(
        store::plans::content(sql, plan_id, open->plan.latest_version));
    if (!problems.empty())
        return core::fail(core::ErrorKind::Conflict,
                          "The plan cannot be agreed yet: " + problems.front());
    if (!store::plans::agree(sql, plan_id, open->plan.latest_version, on, core::trimmed(form.where),
                             actor.user_id(), now))
        return core::fail(core::ErrorKind::Stale, "Someone else agreed this version just now");
    record_audit(sql, clock_, actor,
                 {"plan-agree", "plan", subject(plan_id),
                  "version " + std::to_string(open->plan.latest_version)});
    tx.commit();
    return {};
}

core::Result<int> PlanService::start_changes(const Actor& actor, std::int64_t plan_id) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = plan_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    if (!open->case_record.closed_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This case is closed");
    if (open->plan.in_force != open->plan.latest_version)
        return core::fail(core::ErrorKind::Conflict,
                          "The plan already has a draft version: change that one");
    store::Transaction tx{lease};
    int number = 0;
    try {
        number =
            store::plans::new_version(sql, plan_id, open->plan.latest_version,
                                      first_variant(sql, open->plan.case_id), actor.user_id(), now);
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return core::fail(core::ErrorKind::Stale, "Someone else started changes just now");
    }
    record_audit(
        sql, clock_, actor,
        {"plan-new-version", "plan", subject(plan_id), "version " + std::to_string(number)});
    tx.commit();
    return number;
}

core::Result<void> PlanService::add_update(const Actor& actor, std::int64_t plan_id, int ref,
                                           const domain::UpdateForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = plan_for(sql, actor, plan_id, now);
    if (!open) return std::unexpected(open.error());
    if (!open->case_record.closed_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This case is closed");
    if (!open->plan.in_force)
        return core::fail(core::ErrorKind::Conflict,
                          "Progress is recorded once the plan has been agreed");
    if (!action_in(store::plans::content(sql, plan_id, *open->plan.in_force), ref))
        return core::fail(core::ErrorKind::NotFound,
                          "The agreed plan has no action with that number");
    auto started = core::CivilDate::parse_iso(open->plan.started_on);
    auto checked = domain::check_update(form, core::london_date(clock_.now()), *started);
    if (!checked) return std::unexpected(checked.error());
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year)->iso();
    auto update = form;
    update.note = core::trimmed(form.note);
    store::Transaction tx{lease};
    store::plans::add_update(sql, plan_id, ref, update, on, actor.user_id(), now);
    record_audit(sql, clock_, actor,
                 {"plan-action-update", "plan", subject(plan_id, ref), form.status});
    tx.commit();
    return {};
}

core::Result<PlanComparison> PlanService::compare(const Actor& actor, std::int64_t plan_id,
                                                  int from, int to) {
    auto result = [&]() -> core::Result<PlanComparison> {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto open = plan_for(sql, actor, plan_id, core::to_storage(clock_.now()));
        if (!open) return std::unexpected(open.error());
        PlanComparison out;
        out.plan = open->plan;
        out.versions = store::plans::versions(sql, plan_id);
        auto known = [&](int n) { return n >= 1 && n <= static_cast<int>(out.versions.size()); };
        if (!known(from) || !known(to))
            return core::fail(core::ErrorKind::NotFound,
                              "The plan has no version with that number");
        out.from = from;
        out.to = to;
        out.changes = domain::compare_plans(store::plans::content(sql, plan_id, from),
                                            store::plans::content(sql, plan_id, to));
        return out;
    }();
    if (result) audit_.record_view(actor, {"view", "plan", subject(plan_id), "compare"});
    return result;
}

}  // namespace signs::service
