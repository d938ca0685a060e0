#include "domain/timescales/deadline_rules.hpp"

#include <algorithm>

namespace signs::domain {
namespace {

constexpr std::string_view kWorkingTogether = "Working Together to Safeguard Children 2023";
constexpr std::string_view kCarePlanning =
    "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33";

constexpr std::string_view kPublicLawOutline =
    "Public Law Outline: pre-proceedings normally ends within 16 weeks (Public Law Working Group "
    "best practice guidance, 2021)";

constexpr DeadlineRule kRules[] = {
    {"contact-decision", "Decision on a contact", "the contact coming in", 1,
     DeadlineUnit::WorkingDays, "Local standard: the front door decides by the next working day"},
    {"assessment", "Assessment completed", "the referral", 45, DeadlineUnit::WorkingDays,
     kWorkingTogether},
    {"initial-conference", "Initial child protection conference",
     "the strategy discussion that started the enquiry", 15, DeadlineUnit::WorkingDays,
     kWorkingTogether},
    {"first-core-group", "First core group meeting", "the initial child protection conference", 10,
     DeadlineUnit::WorkingDays, kWorkingTogether},
    {"first-review-conference", "First review child protection conference",
     "the initial child protection conference", 3, DeadlineUnit::Months, kWorkingTogether},
    {"review-conference", "Next review child protection conference",
     "the previous review conference", 6, DeadlineUnit::Months, kWorkingTogether},
    {"first-cared-for-review", "First review for a child in care", "the child becoming cared for",
     20, DeadlineUnit::WorkingDays, kCarePlanning},
    {"second-cared-for-review", "Second review for a child in care", "the first review", 3,
     DeadlineUnit::Months, kCarePlanning},
    {"cared-for-review", "Later reviews for a child in care", "the previous review", 6,
     DeadlineUnit::Months, kCarePlanning},
    {"letter-before-proceedings", "Letter before proceedings sent",
     "the decision to begin pre-proceedings", 5, DeadlineUnit::WorkingDays,
     "Local standard: the family hears promptly, so they can get legal advice"},
    {"family-group-meeting", "Family group decision-making meeting held",
     "the letter before proceedings that offered it", 10, DeadlineUnit::WorkingDays,
     "Children Act 1989 section 31ZA: held before any application to court; local standard: "
     "before the first pre-proceedings meeting"},
    {"initial-pre-proceedings-meeting", "Initial pre-proceedings meeting",
     "the letter before proceedings", 10, DeadlineUnit::WorkingDays,
     "Local standard: the meeting follows the letter within two weeks"},
    {"pre-proceedings-decision", "Decision to step up to proceedings or down",
     "the decision to begin pre-proceedings", 16, DeadlineUnit::Weeks, kPublicLawOutline},
    {kVisitRuleCode, "Visit to the child", "the child's last visit, or their start at this level",
     0, DeadlineUnit::WorkingDays,
     "Local standard: how often children are seen at each level, set by the council"},
};

struct UnitText {
    DeadlineUnit unit;
    std::string_view code, one, many;
};

constexpr UnitText kUnits[] = {
    {DeadlineUnit::WorkingDays, "working-days", "working day", "working days"},
    {DeadlineUnit::Weeks, "weeks", "week", "weeks"},
    {DeadlineUnit::Months, "months", "month", "months"},
};

core::CivilDate plus_months(core::CivilDate start, int months) {
    auto ymd = start.ymd();
    auto shifted = date::year_month{ymd.year(), ymd.month()} + date::months{months};
    auto last = date::year_month_day_last{shifted.year(), date::month_day_last{shifted.month()}};
    auto day = std::min(ymd.day(), last.day());
    return core::CivilDate{date::year_month_day{shifted.year(), shifted.month(), day}};
}

}  // namespace

std::span<const DeadlineRule> deadline_rules() { return kRules; }

std::string_view unit_code(DeadlineUnit unit) {
    for (const auto& u : kUnits) {
        if (u.unit == unit) return u.code;
    }
    return {};
}

std::optional<DeadlineUnit> parse_unit(std::string_view code) {
    for (const auto& u : kUnits) {
        if (u.code == code) return u.unit;
    }
    return std::nullopt;
}

std::string unit_words(DeadlineUnit unit, int amount) {
    for (const auto& u : kUnits) {
        if (u.unit == unit) return std::string{amount == 1 ? u.one : u.many};
    }
    return {};
}

const DeadlineRule* find_deadline_rule(std::string_view code) {
    auto it = std::find_if(std::begin(kRules), std::end(kRules),
                           [&](const auto& rule) { return rule.code == code; });
    return it == std::end(kRules) ? nullptr : &*it;
}

std::string rule_text(const DeadlineRule& rule) {
    return std::to_string(rule.amount) + " " + unit_words(rule.unit, rule.amount) + " after " +
           std::string{rule.starts_from};
}

core::CivilDate deadline_for(const DeadlineRule& rule, core::CivilDate start,
                             const WorkingCalendar& calendar) {
    if (rule.unit == DeadlineUnit::Months) return plus_months(start, rule.amount);
    if (rule.unit == DeadlineUnit::Weeks) return start.plus_days(7 * rule.amount);
    return calendar.add_working_days(start, rule.amount);
}

}  // namespace signs::domain
