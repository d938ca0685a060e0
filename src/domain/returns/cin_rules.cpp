#include "domain/returns/cin_rules.hpp"

#include <algorithm>
#include <charconv>

namespace signs::domain {
namespace {

/// Orders rule numbers as the DfE lists them: by number, a query after the error it
/// shares a number with.
bool number_before(std::string_view a, std::string_view b) {
    auto value = [](std::string_view n) {
        int v = 0;
        std::from_chars(n.data(), n.data() + n.size(), v);
        return v;
    };
    if (value(a) != value(b)) return value(a) < value(b);
    return a < b;
}

std::vector<CensusRule> all_rules() {
    std::vector<CensusRule> rules;
    for (auto part : {child_rules(), episode_rules(), activity_rules(), pre_proceedings_rules(),
                      return_rules()})
        rules.insert(rules.end(), part.begin(), part.end());
    std::sort(rules.begin(), rules.end(),
              [](const auto& a, const auto& b) { return number_before(a.number, b.number); });
    return rules;
}

}  // namespace

std::string_view place_label(RulePlace place) {
    switch (place) {
        case RulePlace::Child:
            return "The child's details";
        case RulePlace::Episode:
            return "The referral and its closure";
        case RulePlace::Assessment:
            return "Assessments";
        case RulePlace::CinPlan:
            return "Child in need plans";
        case RulePlace::Enquiry:
            return "Section 47 enquiries";
        case RulePlace::ProtectionPlan:
            return "Child protection plans";
        case RulePlace::PreProceedings:
            return "Pre-proceedings";
        case RulePlace::Return:
            return "The return as a whole";
    }
    return "";
}

std::span<const CensusRule> census_rules() {
    static const auto rules = all_rules();
    return rules;
}

const CensusRule* find_census_rule(std::string_view number) {
    for (const auto& rule : census_rules()) {
        if (rule.number == number) return &rule;
    }
    return nullptr;
}

std::vector<CensusFinding> check_census(std::span<const CensusChild> children,
                                        const CensusContext& context) {
    std::vector<CensusFinding> findings;
    std::vector<std::vector<CensusFinding>> by_child(children.size());
    RuleHits hits;
    for (const auto& rule : census_rules()) {
        if (rule.check_return) {
            hits.clear();
            rule.check_return(children, context, hits);
            hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
            for (int child : hits) {
                if (child < 0)
                    findings.push_back({&rule, -1, -1});
                else
                    by_child[static_cast<std::size_t>(child)].push_back({&rule, child, -1});
            }
            continue;
        }
        for (std::size_t i = 0; i < children.size(); ++i) {
            hits.clear();
            rule.check_child(children[i], context, hits);
            std::sort(hits.begin(), hits.end());
            hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
            for (int episode : hits) by_child[i].push_back({&rule, static_cast<int>(i), episode});
        }
    }
    for (auto& child : by_child) findings.insert(findings.end(), child.begin(), child.end());
    return findings;
}

core::CivilDate working_days_before(const WorkingCalendar& calendar, core::CivilDate day, int n) {
    while (n > 0) {
        day = day.plus_days(-1);
        if (calendar.is_working_day(day)) --n;
    }
    return day;
}

}  // namespace signs::domain
