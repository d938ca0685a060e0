#pragma once
/// A case's plan: started from a mapping's "what needs to happen", drafted, agreed, changed
/// in new versions, and kept up to date with dated progress on each action. Anyone who may
/// open the case may work on its plan while the case is open.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/plans/plan.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/safety_houses.hpp"
#include "store/case_repository.hpp"
#include "store/database.hpp"
#include "store/plan_repository.hpp"

namespace signs::service {

struct PlanView {
    store::PlanRecord plan;
    store::CaseRecord case_record;
    std::string name;  ///< "Safety plan", in the variant of the version shown
    std::vector<store::PlanVersionRecord> versions;
    int shown = 0;  ///< the version number shown
    domain::PlanContent content;
    std::map<int, store::ActionState> states;
    std::vector<store::PlanUpdateRecord> updates;  ///< newest first
    std::vector<std::string> agreement_problems;   ///< for a draft: what stops agreeing it
    std::vector<std::string> bottom_lines;         ///< from the mapping it was built from
    bool draft = false;                            ///< the version shown may be changed
    int overdue = 0;  ///< actions of the version in force past their date and not done
    std::vector<LatestSafetyHouse> safety_houses;  ///< each child's latest, for the goals

    const store::PlanVersionRecord& version() const { return versions.at(shown - 1); }
    /// An action's status: its latest update's, or not started.
    std::string status_of(int ref) const;
};

/// A plan as the case page and the case lists mention it.
struct PlanSummary {
    std::int64_t id = 0;
    std::string name;
    int latest_version = 0;
    bool latest_agreed = false;
    std::optional<int> in_force;
    std::string agreed_on;  ///< of the version in force
    int overdue = 0;
};

/// The case's plan as the case page names it, or nothing before there is one.
std::optional<PlanSummary> plan_summary(soci::session& sql, std::int64_t case_id,
                                        core::CivilDate today);

struct PlanComparison {
    store::PlanRecord plan;
    std::vector<store::PlanVersionRecord> versions;
    int from = 0;
    int to = 0;
    std::vector<domain::PlanChange> changes;
};

class PlanService {
  public:
    PlanService(store::Database& db, const core::Clock& clock, AuditWriter& audit)
        : db_(db), clock_(clock), audit_(audit) {}

    /// A first draft from the mapping: its safety goals become the goals, its next steps
    /// actions still to be put under a goal. One plan per case.
    core::Result<std::int64_t> start(const Actor& actor, std::int64_t case_id,
                                     const std::string& mapping_id);
    /// The plan's latest version, or `version`.
    core::Result<PlanView> view(const Actor& actor, std::int64_t plan_id,
                                std::optional<int> version = std::nullopt);
    /// The case's plan, if it has one, for its page.
    core::Result<std::optional<PlanSummary>> summary(const Actor& actor, std::int64_t case_id);

    core::Result<int> add_goal(const Actor& actor, std::int64_t plan_id,
                               const domain::GoalForm& form);
    core::Result<void> update_goal(const Actor& actor, std::int64_t plan_id, int ref,
                                   const domain::GoalForm& form);
    core::Result<void> remove_goal(const Actor& actor, std::int64_t plan_id, int ref);
    core::Result<int> add_action(const Actor& actor, std::int64_t plan_id,
                                 const domain::ActionForm& form);
    core::Result<void> update_action(const Actor& actor, std::int64_t plan_id, int ref,
                                     const domain::ActionForm& form);
    core::Result<void> remove_action(const Actor& actor, std::int64_t plan_id, int ref);

    /// Agrees the draft: every goal with its actions, every action with who, when and how.
    core::Result<void> agree(const Actor& actor, std::int64_t plan_id,
                             const domain::AgreeForm& form);
    /// A new draft version copied from the agreed one; returns its number.
    core::Result<int> start_changes(const Actor& actor, std::int64_t plan_id);
    /// Progress on an action of the plan in force.
    core::Result<void> add_update(const Actor& actor, std::int64_t plan_id, int ref,
                                  const domain::UpdateForm& form);
    core::Result<PlanComparison> compare(const Actor& actor, std::int64_t plan_id, int from,
                                         int to);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
};

}  // namespace signs::service
