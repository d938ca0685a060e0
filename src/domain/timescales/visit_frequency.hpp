#pragma once
/// How often a worker must see each child, by level. There is no single national figure for
/// most levels, so each council sets its own standard; signs starts from common ones and an
/// administrator changes them. A frequency of 0 means visits at that level are not counted.
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/casework/service_level.hpp"
#include "domain/timescales/deadline_rules.hpp"

namespace signs::domain {

struct VisitFrequency {
    ServiceLevel level = ServiceLevel::ChildInNeed;
    int amount = 0;
    DeadlineUnit unit = DeadlineUnit::WorkingDays;
    bool operator==(const VisitFrequency&) const = default;
};

/// The frequency signs uses for each level until the council sets its own.
std::span<const VisitFrequency> default_visit_frequencies();

/// The council's frequencies over the defaults: one per level, in level order.
std::vector<VisitFrequency> visit_frequencies_with(std::span<const VisitFrequency> local);

/// The visit rule with a level's frequency filled in.
DeadlineRule visit_rule(const VisitFrequency& frequency);
/// "Every 10 working days", or "Not counted" for 0.
std::string frequency_text(const VisitFrequency& frequency);

struct VisitFrequencyForm {
    std::string level, amount, unit;
};
/// A whole number from 0 to 365 (0: not counted) and a known unit; the level must be known.
/// Errors use "amount-LEVEL" and "unit-LEVEL".
core::Result<VisitFrequency> check_visit_frequency(const VisitFrequencyForm& form);

}  // namespace signs::domain
