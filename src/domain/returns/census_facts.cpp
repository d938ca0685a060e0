#include "domain/returns/census_facts.hpp"

#include <algorithm>

#include "domain/returns/census_codes.hpp"
#include "domain/timescales/deadline_rules.hpp"

namespace signs::domain {
namespace {

using core::CivilDate;

/// The days an episode covers; an open episode has no end.
struct Window {
    CivilDate from;
    MaybeDate to;
    bool holds(CivilDate day) const { return from <= day && (!to || day <= *to); }
};

/// The child protection plans: runs of time at the level in one case, unbroken from one
/// period to the next, with the category at the start and at the end.
std::vector<CensusProtectionPlan> protection_plans(const std::vector<LevelFacts>& levels,
                                                   std::vector<std::int64_t>& cases) {
    std::vector<CensusProtectionPlan> plans;
    const LevelFacts* previous = nullptr;
    for (const auto& period : levels) {
        bool protection = period.level == "child-protection";
        bool continues = protection && previous && previous->case_id == period.case_id &&
                         previous->to == period.from && !plans.empty() &&
                         cases.back() == period.case_id;
        if (continues) {
            plans.back().end = period.to;
            plans.back().latest_category = period.category;
        } else if (protection) {
            CensusProtectionPlan plan;
            plan.start = period.from;
            plan.end = period.to;
            plan.initial_category = period.category;
            plan.latest_category = period.category;
            plan.previous_plans = static_cast<int>(plans.size());
            plans.push_back(plan);
            cases.push_back(period.case_id);
        }
        previous = protection ? &period : nullptr;
    }
    return plans;
}

/// Forgets what happened after the year's end, so a return written in May says what was so
/// on 31 March.
void forget_after(MaybeDate& day, CivilDate reference) {
    if (day && *day > reference) day.reset();
}

/// The episode as the year saw it: what happened after its end undone, and work finished
/// before it began left out (the census counts what was open at some time in the year).
void keep_to_year(CensusEpisode& e, const CensusYear& year) {
    auto ref = year.reference;
    auto finished_before = [&](const MaybeDate& end) { return end && *end < year.start; };
    auto started_after = [&](const MaybeDate& start) { return start && *start > ref; };
    if (e.closure && *e.closure > ref) {
        e.closure.reset();
        e.closure_reason.clear();
    }
    std::erase_if(e.assessments, [&](auto& a) {
        if (a.authorised && *a.authorised > ref) {
            a.authorised.reset();
            a.factors.clear();
        }
        return started_after(a.start) || finished_before(a.authorised);
    });
    std::erase_if(e.cin_plans, [&](auto& p) {
        forget_after(p.end, ref);
        return started_after(p.start) || finished_before(p.end);
    });
    std::erase_if(e.enquiries, [&](auto& s) {
        forget_after(s.conference, ref);
        forget_after(s.decided_no_conference, ref);
        s.conference_not_required = s.decided_no_conference.has_value();
        return started_after(s.start) || finished_before(s.conference) ||
               finished_before(s.decided_no_conference);
    });
    std::erase_if(e.protection_plans, [&](auto& p) {
        forget_after(p.end, ref);
        std::erase_if(p.reviews, [&](CivilDate r) { return !year.contains(r); });
        return started_after(p.start) || finished_before(p.end);
    });
    if (e.initial_conference && !year.contains(*e.initial_conference)) e.initial_conference.reset();
}

/// The pre-proceedings block as it stood on 31 March: its first pre-proceedings meeting is
/// the initial one and the rest are reviews, counted up to the decision; whether a family
/// group decision-making meeting was held is sent only for an offer that was made.
CensusPreProceedings pre_proceedings_block(const PreProceedingsFacts& p,
                                           const std::vector<MeetingFacts>& meetings,
                                           CivilDate reference) {
    CensusPreProceedings out;
    out.start = p.started;
    out.letter_sent = p.letter_sent;
    forget_after(out.letter_sent, reference);
    out.decided = p.decided;
    forget_after(out.decided, reference);
    if (out.decided) out.outcome = p.outcome;
    out.court_application = p.court_application;
    forget_after(out.court_application, reference);
    out.letter_initiating = p.letter_initiating;
    forget_after(out.letter_initiating, reference);
    if (out.letter_sent && !p.family_meeting_offered.empty())
        out.family_meeting_offered = p.family_meeting_offered == "yes";

    auto until = out.decided.value_or(reference);
    bool family_meeting = false;
    int pre_proceedings_meetings = 0;
    for (const auto& m : meetings) {
        if (m.case_id != p.case_id || m.held_on < p.started || m.held_on > until) continue;
        if (m.type == "family-group-decision") family_meeting = true;
        if (m.type != "pre-proceedings") continue;
        if (!out.initial_meeting) out.initial_meeting = m.held_on;
        ++pre_proceedings_meetings;
    }
    if (out.family_meeting_offered == true) out.family_meeting_held = family_meeting;
    if (out.initial_meeting) out.review_meetings = pre_proceedings_meetings - 1;
    return out;
}

}  // namespace

CensusChild census_child(CensusChild child, const CensusFacts& facts, const CensusYear& year,
                         const WorkingCalendar& calendar) {
    child.episodes.clear();
    // Born after 31 March: on that day the child was still to be born.
    if (child.birth && *child.birth > year.reference) {
        child.expected_birth = child.birth;
        child.birth.reset();
        child.sex = kSexUnknown;
    }
    if (child.death && *child.death > year.reference) child.death.reset();
    std::vector<std::int64_t> plan_cases;
    auto all_plans = protection_plans(facts.levels, plan_cases);
    const auto* target_rule = find_deadline_rule("initial-conference");

    for (const auto& e : facts.episodes) {
        bool in_year = e.referral <= year.reference && (!e.closed || *e.closed >= year.start);
        // A referral that led to nothing belongs to the year it was made in, closed or not.
        if (e.no_further_action && e.referral < year.start) in_year = false;
        if (!in_year) continue;
        Window window{e.referral, e.closed};
        CensusEpisode episode;
        episode.referral = e.referral;
        episode.referral_source = e.referral_source;
        episode.primary_need = e.primary_need;
        episode.no_further_action = e.no_further_action;
        episode.closure = e.closed;
        episode.closure_reason = e.closure_reason;
        episode.assessments = e.assessments;

        for (std::size_t i = 0; i < all_plans.size(); ++i) {
            if (!window.holds(*all_plans[i].start)) continue;
            auto plan = all_plans[i];
            for (const auto& m : facts.meetings) {
                bool during = m.held_on > *plan.start && (!plan.end || m.held_on <= *plan.end);
                if (m.type == "review-conference" && m.case_id == plan_cases[i] && during)
                    plan.reviews.push_back(m.held_on);
            }
            episode.protection_plans.push_back(plan);
            if (!episode.case_id) episode.case_id = plan_cases[i];
        }

        for (const auto& period : facts.levels) {
            if (period.level != "child-in-need") continue;
            auto agreed = facts.plan_agreed.find(period.case_id);
            if (agreed == facts.plan_agreed.end()) continue;
            auto start = std::max(period.from, agreed->second);
            if (period.to && start > *period.to) continue;
            if (!window.holds(start)) continue;
            episode.cin_plans.push_back({start, period.to});
            if (!episode.case_id) episode.case_id = period.case_id;
        }

        // Each strategy discussion starts an enquiry; its initial conference is the first
        // held after it and before the next discussion.
        std::vector<const MeetingFacts*> discussions, conferences;
        for (const auto& m : facts.meetings) {
            if (!window.holds(m.held_on)) continue;
            if (m.type == "strategy-discussion") discussions.push_back(&m);
            if (m.type == "initial-conference") conferences.push_back(&m);
        }
        for (std::size_t i = 0; i < discussions.size(); ++i) {
            CensusEnquiry enquiry;
            enquiry.start = discussions[i]->held_on;
            enquiry.decided_no_conference = discussions[i]->no_conference_on;
            enquiry.conference_not_required = enquiry.decided_no_conference.has_value();
            if (target_rule)
                enquiry.conference_target = deadline_for(*target_rule, *enquiry.start, calendar);
            MaybeDate next =
                i + 1 < discussions.size() ? MaybeDate{discussions[i + 1]->held_on} : std::nullopt;
            for (auto it = conferences.begin(); it != conferences.end(); ++it) {
                if (enquiry.conference_not_required) break;
                if ((*it)->held_on < *enquiry.start || (next && (*it)->held_on >= *next)) continue;
                enquiry.conference = (*it)->held_on;
                conferences.erase(it);
                break;
            }
            episode.enquiries.push_back(enquiry);
            if (!episode.case_id) episode.case_id = discussions[i]->case_id;
        }
        // A conference with no discussion in the episode is recorded on the episode itself.
        if (!conferences.empty()) episode.initial_conference = conferences.front()->held_on;
        for (const auto& p : facts.pre_proceedings) {
            if (!year.asks_pre_proceedings() || !year.contains(p.started) ||
                !window.holds(p.started))
                continue;
            episode.pre_proceedings.push_back(
                pre_proceedings_block(p, facts.meetings, year.reference));
            if (!episode.case_id) episode.case_id = p.case_id;
        }
        keep_to_year(episode, year);
        child.episodes.push_back(std::move(episode));
    }
    return child;
}

}  // namespace signs::domain
