#include "domain/timescales/case_deadlines.hpp"

#include <algorithm>

namespace signs::domain {
namespace {

class Events {
  public:
    explicit Events(const std::vector<CaseEvent>& events) : events_(events) {
        std::stable_sort(events_.begin(), events_.end(),
                         [](const auto& a, const auto& b) { return a.on < b.on; });
    }

    /// The latest event of this kind that has happened.
    const CaseEvent* latest(std::string_view kind) const {
        const CaseEvent* out = nullptr;
        for (const auto& e : events_) {
            if (e.kind == kind && !e.booked) out = &e;
        }
        return out;
    }
    /// Events of this kind that have happened on or after `from`, oldest first.
    std::vector<const CaseEvent*> since(std::string_view kind, core::CivilDate from) const {
        std::vector<const CaseEvent*> out;
        for (const auto& e : events_) {
            if (e.kind == kind && !e.booked && e.on >= from) out.push_back(&e);
        }
        return out;
    }
    /// The first meeting of this kind arranged on or after `from` and not yet held.
    std::optional<core::CivilDate> booked(std::string_view kind, core::CivilDate from) const {
        for (const auto& e : events_) {
            if (e.kind == kind && e.booked && e.on >= from) return e.on;
        }
        return std::nullopt;
    }

  private:
    std::vector<CaseEvent> events_;
};

/// The visit falling due first among the children, if any child's level counts visits.
std::optional<DueDeadline> next_visit(const std::vector<CaseEvent>& events,
                                      const WorkingCalendar& calendar,
                                      std::span<const VisitFrequency> visits) {
    std::optional<DueDeadline> first;
    for (const auto& at : events) {
        if (at.kind != "at-level") continue;
        auto level = parse_level(at.level);
        auto frequency = std::find_if(visits.begin(), visits.end(),
                                      [&](const auto& f) { return level && f.level == *level; });
        if (frequency == visits.end() || frequency->amount == 0) continue;
        auto from = at.on;
        for (const auto& seen : events) {
            if (seen.kind == "visit" && seen.child == at.child && seen.on > from) from = seen.on;
        }
        auto rule = visit_rule(*frequency);
        DueDeadline due{rule, from, deadline_for(rule, from, calendar), std::nullopt};
        if (!first || due.due < first->due) first = due;
    }
    return first;
}

}  // namespace

std::vector<DueDeadline> outstanding_deadlines(const std::vector<CaseEvent>& list,
                                               const WorkingCalendar& calendar,
                                               std::span<const VisitFrequency> visits) {
    Events events(list);
    std::vector<DueDeadline> out;
    auto due = [&](std::string_view rule_code, core::CivilDate from, std::string_view awaits) {
        const auto& rule = *find_deadline_rule(rule_code);
        out.push_back(
            {rule, from, deadline_for(rule, from, calendar), events.booked(awaits, from)});
    };

    if (const auto* referral = events.latest("referral");
        referral && events.since("assessment-done", referral->on).empty())
        due("assessment", referral->on, "");

    if (const auto* strategy = events.latest("strategy-discussion");
        strategy && events.since("initial-conference", strategy->on).empty())
        due("initial-conference", strategy->on, "initial-conference");

    if (const auto* initial = events.latest("initial-conference"); initial && !initial->no_plan) {
        if (events.since("core-group", initial->on).empty())
            due("first-core-group", initial->on, "core-group");
        auto reviews = events.since("review-conference", initial->on);
        if (reviews.empty())
            due("first-review-conference", initial->on, "review-conference");
        else if (!reviews.back()->no_plan)
            due("review-conference", reviews.back()->on, "review-conference");
    }

    if (const auto* cared_for = events.latest("cared-for-start")) {
        auto reviews = events.since("cared-for-review", cared_for->on);
        if (reviews.empty())
            due("first-cared-for-review", cared_for->on, "cared-for-review");
        else if (reviews.size() == 1)
            due("second-cared-for-review", reviews.front()->on, "cared-for-review");
        else
            due("cared-for-review", reviews.back()->on, "cared-for-review");
    }
    // One pre-proceedings goes on at a time in a case; its clocks stop at the decision.
    if (const auto* start = events.latest("pre-proceedings-start");
        start && events.since("pre-proceedings-decided", start->on).empty()) {
        auto letters = events.since("letter-before-proceedings", start->on);
        if (letters.empty()) {
            due("letter-before-proceedings", start->on, "");
        } else {
            const auto* letter = letters.front();
            if (events.since("pre-proceedings", letter->on).empty())
                due("initial-pre-proceedings-meeting", letter->on, "pre-proceedings");
            if (!events.since("family-meeting-accepted", start->on).empty() &&
                events.since("family-group-decision", start->on).empty())
                due("family-group-meeting", letter->on, "family-group-decision");
        }
        due("pre-proceedings-decision", start->on, "");
    }
    if (auto visit = next_visit(list, calendar, visits)) out.push_back(*visit);

    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.due < b.due; });
    return out;
}

}  // namespace signs::domain
