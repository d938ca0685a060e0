#pragma once
/// Which statutory deadlines a case has outstanding, worked out from what has happened in it:
/// a referral starts the assessment clock, a strategy discussion the initial conference's, a
/// conference deciding on a plan the core group's and the reviews', a child becoming cared
/// for the cared-for reviews', pre-proceedings the letter's, the meetings' and the decision's. A
/// deadline is met once the event it waits for has happened on or after the one that started it.
/// Each child is also due a visit at their level's local frequency, counted from their last visit
/// or the day they reached the level, whichever is later; the case shows the child whose visit
/// falls due first.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "domain/timescales/deadline_rules.hpp"
#include "domain/timescales/visit_frequency.hpp"
#include "domain/timescales/working_days.hpp"

namespace signs::domain {

/// Something that happened in a case, or a meeting arranged for later (`booked`).
/// Kinds: "referral", "assessment-done", "cared-for-start", "at-level" (a child's current
/// level, from the day they reached it), "visit" (a child seen), "pre-proceedings-start",
/// "letter-before-proceedings", "family-meeting-accepted" (on the letter's day),
/// "pre-proceedings-decided", or a meeting kind's code.
struct CaseEvent {
    std::string kind;
    core::CivilDate on;
    bool booked = false;
    bool no_plan = false;    ///< a conference that decided no child protection plan is needed
    std::int64_t child = 0;  ///< "at-level" and "visit"
    std::string level{};     ///< "at-level": the level's code
};

struct DueDeadline {
    DeadlineRule rule;
    core::CivilDate from;  ///< the day of the event that started the clock
    core::CivilDate due;
    std::optional<core::CivilDate> booked;  ///< the meeting arranged to meet it, if any
};

/// Outstanding deadlines, soonest first.
std::vector<DueDeadline> outstanding_deadlines(const std::vector<CaseEvent>& events,
                                               const WorkingCalendar& calendar,
                                               std::span<const VisitFrequency> visits = {});

}  // namespace signs::domain
