#pragma once
/// The DfE's validation rules for the Children in Need census, one table entry per rule:
/// its number, whether it is an error (the return is refused) or a query (the council must
/// explain), the DfE's message, our plain words for the person who puts it right, the items
/// it concerns and where in signs that is done. They run on the census as signs would send
/// it, at any time of year, so a problem is found when it is made rather than at return time.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "domain/returns/census_codes.hpp"
#include "domain/returns/cin_census.hpp"
#include "domain/timescales/working_days.hpp"

namespace signs::domain {

enum class RuleSeverity { Error, Query };

/// Where the record a rule concerns is put right.
enum class RulePlace {
    Child,
    Episode,
    Assessment,
    CinPlan,
    Enquiry,
    ProtectionPlan,
    PreProceedings,
    Return
};

std::string_view place_label(RulePlace place);  ///< "The child's details", ...

struct CensusContext {
    CensusYear year;
    const CensusCodes& codes;
    const WorkingCalendar& calendar;
};

/// What a child rule found: the child as a whole (-1) or the episodes, by position.
using RuleHits = std::vector<int>;

struct CensusRule {
    std::string_view number;  ///< "8500", "8670Q"
    RuleSeverity severity;
    RulePlace place;
    std::string_view message;  ///< the DfE's words
    std::string_view plain;    ///< ours: what is wrong and what to do
    std::string_view items;    ///< the census items it reads, "CINreferralDate, ReferralSource"
    void (*check_child)(const CensusChild&, const CensusContext&, RuleHits&) = nullptr;
    /// For rules about the return as a whole; the hits are positions of children, or -1.
    void (*check_return)(std::span<const CensusChild>, const CensusContext&,
                         std::vector<int>&) = nullptr;
};

struct CensusFinding {
    const CensusRule* rule = nullptr;
    int child = -1;    ///< position in the children checked; -1 for the return as a whole
    int episode = -1;  ///< position in the child's episodes; -1 for the child as a whole
};

/// Every rule, in the order of their numbers.
std::span<const CensusRule> census_rules();
const CensusRule* find_census_rule(std::string_view number);

/// Runs every rule; each finding is listed once, in the order of the children, then rules.
std::vector<CensusFinding> check_census(std::span<const CensusChild> children,
                                        const CensusContext& context);

/// The UPN's check letter worked out from its other twelve characters, or 0 when they are
/// not digits (and a letter last) as a UPN's must be.
char upn_check_letter(std::string_view upn);

/// The working day `n` working days before `day`.
core::CivilDate working_days_before(const WorkingCalendar& calendar, core::CivilDate day, int n);

// The tables behind census_rules(), one per part of the return.
std::span<const CensusRule> child_rules();
std::span<const CensusRule> episode_rules();
std::span<const CensusRule> activity_rules();
std::span<const CensusRule> pre_proceedings_rules();
std::span<const CensusRule> return_rules();

}  // namespace signs::domain
