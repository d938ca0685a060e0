#include "service/deadline_service.hpp"

#include "core/london_time.hpp"
#include "domain/casework/contact.hpp"
#include "domain/meetings/meeting.hpp"
#include "service/case_access.hpp"
#include "service/visit_service.hpp"
#include "store/case_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/mapping_repository.hpp"
#include "store/meeting_repository.hpp"
#include "store/pre_proceedings_repository.hpp"
#include "store/visit_repository.hpp"

namespace signs::service {
std::vector<domain::CaseEvent> case_events(soci::session& sql, std::int64_t case_id,
                                           core::CivilDate today) {
    std::vector<domain::CaseEvent> out;
    auto add = [&](const std::string& kind, const std::string& iso, bool booked = false,
                   bool no_plan = false) {
        if (auto on = core::CivilDate::parse_iso(iso)) out.push_back({kind, *on, booked, no_plan});
    };
    for (auto child : store::cases::child_ids(sql, case_id)) {
        // A contact sent on for assessment or a strategy discussion is the referral.
        for (const auto& c : store::contacts::for_child(sql, child)) {
            if (domain::opens_referral(c.decision)) add("referral", c.received_on);
        }
        for (const auto& p : store::cases::level_history(sql, case_id, child)) {
            if (p.level == "cared-for") add("cared-for-start", p.from_date);
            auto from = core::CivilDate::parse_iso(p.from_date);
            if (p.to_date.empty() && from)
                out.push_back({"at-level", *from, false, false, child, p.level});
        }
    }
    for (const auto& v : store::visits::latest_per_child(sql, case_id)) {
        if (auto on = core::CivilDate::parse_iso(v.visited_on))
            out.push_back({"visit", *on, false, false, v.child_id, ""});
    }
    // The first assessment is complete when its mapping is agreed.
    for (const auto& m : store::mappings::for_case(sql, case_id)) {
        if (m.purpose == "first-assessment" && m.status == "agreed" && !m.agreed_at.empty()) {
            if (auto at = core::from_storage(m.agreed_at))
                out.push_back({"assessment-done", core::london_date(*at), false, false});
        }
    }
    // Only the pre-proceedings going on have clocks; those decided have stopped theirs.
    for (const auto& p : store::pre_proceedings::for_case(sql, case_id)) {
        if (!p.decided_on.empty()) continue;
        add("pre-proceedings-start", p.started_on);
        add("letter-before-proceedings", p.letter_sent_on);
        if (p.family_meeting_accepted == "yes") add("family-meeting-accepted", p.letter_sent_on);
    }
    for (const auto& m : store::meetings::for_case(sql, case_id)) {
        if (m.status == "cancelled") continue;
        // A conference counts once recorded: what it decided sets the clocks that follow.
        const auto* type = domain::find_meeting_type(m.type);
        bool booked = m.status != "held" && (m.held_on > today.iso() || (type && type->conference));
        add(m.type, m.held_on, booked, m.plan_needed == "no");
    }
    return out;
}

namespace {

std::vector<store::KeptDeadline> kept(const std::vector<domain::DueDeadline>& due) {
    std::vector<store::KeptDeadline> out;
    for (const auto& d : due) {
        out.push_back(
            {std::string{d.rule.code}, d.from.iso(), d.due.iso(), d.booked ? d.booked->iso() : ""});
    }
    return out;
}

}  // namespace

void DeadlineService::refresh() {
    auto today = core::london_date(clock_.now());
    std::string since;
    {
        std::lock_guard lock{mutex_};
        since = refreshed_through_;
    }
    for (;;) {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        // Most lists find nothing to do, and should not wait for a write to find that out.
        if (store::deadlines::stale(sql, today.iso(), since, 1).empty()) {
            // From now on only meetings of later days can make a case out of date.
            std::lock_guard lock{mutex_};
            refreshed_through_ = std::max(refreshed_through_, today.plus_days(-1).iso());
            return;
        }
        store::Transaction tx{lease};
        // One refresh at a time, choosing its cases inside its own transaction, so two never
        // write the same case; and with the calendar as this transaction sees it, so a
        // closure day just added is counted.
        store::deadlines::take_refresh_turn(sql);
        auto stale = store::deadlines::stale(sql, today.iso(), since, 500);
        auto calendar = calendars_.read(sql);
        auto visits = visit_frequencies_in_force(sql);
        for (const auto& s : stale) {
            auto due =
                domain::outstanding_deadlines(case_events(sql, s.case_id, today), calendar, visits);
            store::deadlines::replace(sql, s.case_id, s.stamp, today.iso(), kept(due));
        }
        tx.commit();
    }
}

namespace {

/// Why `actor` may not read the `scope` list, if they may not.
std::optional<core::Error> refusal(const Actor& actor, DueScope scope) {
    if (!has_case_role(actor))
        return core::Error::of(core::ErrorKind::Forbidden, "Your role has no cases");
    if (scope == DueScope::Team && actor.user->team_ids().empty())
        return core::Error::of(core::ErrorKind::Forbidden, "You are not in a team");
    if (scope == DueScope::Service && actor.has_role(domain::Role::Practitioner))
        return core::Error::of(core::ErrorKind::Forbidden,
                               "The whole service's list is for managers and chairs");
    return std::nullopt;
}

}  // namespace

core::Result<std::string> DeadlineService::list_stamp(const Actor& actor, DueScope scope) {
    if (auto refused = refusal(actor, scope)) return std::unexpected(*refused);
    refresh();
    auto lease = db_.lease();
    // The viewer matters (their own cases, their teams, the restrictions naming them), and
    // so does the day (what is overdue). Their version moves when the teams they lead change.
    return std::to_string(store::deadlines::stamp(lease.sql())) + "." +
           std::to_string(actor.user->id) + "." + std::to_string(actor.user->version) + "." +
           core::london_date(clock_.now()).iso();
}

core::Result<DueList> DeadlineService::due_list(const Actor& actor, DueScope scope,
                                                store::DueFilter filter, bool for_export) {
    if (auto refused = refusal(actor, scope)) return std::unexpected(*refused);
    filter.viewer = actor.user->id;
    filter.worker_id.reset();
    filter.team_ids.clear();
    if (scope == DueScope::Mine) filter.worker_id = actor.user->id;
    if (scope == DueScope::Team) filter.team_ids = actor.user->team_ids();
    refresh();
    DueList out;
    {
        auto lease = db_.lease();
        out.rows = store::deadlines::list(lease.sql(), filter);
        out.total = store::deadlines::count(lease.sql(), filter, DueList::kCountedUpTo + 1);
    }
    if (for_export) {
        static constexpr const char* kScopes[] = {"mine", "team", "service"};
        audit_.record(actor, {"export", "due-list", kScopes[static_cast<int>(scope)],
                              std::to_string(out.rows.size()) + " rows"});
    }
    return out;
}

core::Result<std::vector<domain::DueDeadline>> DeadlineService::for_case(const Actor& actor,
                                                                         std::int64_t case_id) {
    auto today = core::london_date(clock_.now());
    std::vector<domain::CaseEvent> events;
    std::vector<domain::VisitFrequency> visits;
    {
        auto lease = db_.lease();
        auto record = open_case_for(lease.sql(), actor, case_id, core::to_storage(clock_.now()));
        if (!record) return std::unexpected(record.error());
        if (!record->closed_on.empty()) return std::vector<domain::DueDeadline>{};
        events = case_events(lease.sql(), case_id, today);
        visits = visit_frequencies_in_force(lease.sql());
    }
    return domain::outstanding_deadlines(events, *calendars_.current(), visits);
}

}  // namespace signs::service
