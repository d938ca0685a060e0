#pragma once
/// Every statutory and local deadline signs counts, in one table: what starts the clock,
/// how long it runs, and where the rule comes from, so that a worker can see why a date is
/// due and an administrator can check it by hand (`signs deadline`).
///
/// Counting: the day of the starting event is day 0. A deadline of N working days is the Nth
/// working day after it. A deadline in months is the same day N calendar months later, or
/// that month's last day when it has no such day (31 January + 1 month = 28 or 29 February).
/// A deadline in weeks is 7 calendar days a week later, whatever day that is.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "domain/timescales/working_days.hpp"

namespace signs::domain {

inline constexpr std::string_view kVisitRuleCode = "visit";

enum class DeadlineUnit { WorkingDays, Weeks, Months };

std::string_view unit_code(DeadlineUnit unit);  ///< "working-days", "weeks", "months"
std::optional<DeadlineUnit> parse_unit(std::string_view code);
/// "working day" / "working days", "week" / "weeks", "month" / "months".
std::string unit_words(DeadlineUnit unit, int amount);

struct DeadlineRule {
    std::string_view code;
    std::string_view name;         ///< "Assessment completed"
    std::string_view starts_from;  ///< "the referral"
    int amount = 0;
    DeadlineUnit unit = DeadlineUnit::WorkingDays;
    std::string_view source;  ///< the law, guidance or local standard it comes from
};

/// The statutory rules and the local visit rule. The visit rule's amount is 0 here: each
/// level's frequency is set locally (see visit_frequency.hpp), and visit_rule() fills it in.
std::span<const DeadlineRule> deadline_rules();
/// The rule with this code, or null.
const DeadlineRule* find_deadline_rule(std::string_view code);
/// The rule in words: "45 working days after the referral".
std::string rule_text(const DeadlineRule& rule);
/// The deadline for an event on `start`.
core::CivilDate deadline_for(const DeadlineRule& rule, core::CivilDate start,
                             const WorkingCalendar& calendar);

}  // namespace signs::domain
