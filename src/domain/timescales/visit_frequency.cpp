#include "domain/timescales/visit_frequency.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

// Common local standards in England: child protection visits every 10 working days, children
// in need every 4 weeks; the 6 weeks for children in care is the statutory longest gap in the
// first year of a placement (Care Planning Regulations 2010, regulation 28); care leavers'
// personal advisers keep in touch at least every 8 weeks.
constexpr VisitFrequency kDefaults[] = {
    {ServiceLevel::EarlyHelp, 6, DeadlineUnit::Weeks},
    {ServiceLevel::ChildInNeed, 4, DeadlineUnit::Weeks},
    {ServiceLevel::ChildProtection, 10, DeadlineUnit::WorkingDays},
    {ServiceLevel::CaredFor, 6, DeadlineUnit::Weeks},
    {ServiceLevel::CareLeaver, 8, DeadlineUnit::Weeks},
};

constexpr int kMostUnits = 365;

}  // namespace

std::span<const VisitFrequency> default_visit_frequencies() { return kDefaults; }

std::vector<VisitFrequency> visit_frequencies_with(std::span<const VisitFrequency> local) {
    std::vector<VisitFrequency> out{std::begin(kDefaults), std::end(kDefaults)};
    for (const auto& set : local) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const auto& f) { return f.level == set.level; });
        if (it != out.end()) *it = set;
    }
    return out;
}

DeadlineRule visit_rule(const VisitFrequency& frequency) {
    auto rule = *find_deadline_rule(kVisitRuleCode);
    rule.amount = frequency.amount;
    rule.unit = frequency.unit;
    return rule;
}

std::string frequency_text(const VisitFrequency& frequency) {
    if (frequency.amount == 0) return "Not counted";
    return "Every " + std::to_string(frequency.amount) + " " +
           unit_words(frequency.unit, frequency.amount);
}

core::Result<VisitFrequency> check_visit_frequency(const VisitFrequencyForm& form) {
    auto level = parse_level(form.level);
    if (!level) return core::fail(core::ErrorKind::NotFound, "There is no such level");
    auto code = std::string{level_code(*level)};
    auto label = std::string{level_label(*level)};
    core::FieldChecks checks;
    VisitFrequency out{*level, 0, DeadlineUnit::WorkingDays};
    auto amount = core::whole_number_in(form.amount, 0, kMostUnits);
    if (core::trimmed(form.amount).empty()) {
        checks.add("amount-" + code, "Enter how often children at " + label +
                                         " are visited, or 0 not to count their visits");
    } else if (amount) {
        out.amount = *amount;
    } else {
        checks.add("amount-" + code, "How often children at " + label +
                                         " are visited must be a whole number from 0 to 365");
    }
    auto unit = parse_unit(form.unit);
    if (!unit)
        checks.add("unit-" + code, "Choose working days, weeks or months for " + label);
    else
        out.unit = *unit;
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

}  // namespace signs::domain
