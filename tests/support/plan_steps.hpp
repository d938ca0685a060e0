#pragma once
// Steps the plan and API tests share: a case mapped far enough to plan from, and its plan.
#include <cstdint>
#include <string>

#include "support/casework_steps.hpp"

namespace signs::testing {

/// The first run of digits after `prefix` (a regular expression) in `body`; "" if none.
std::string first_after(const std::string& body, const std::string& prefix);
/// A child in need case with a mapping that has a danger statement, its safety goal, a next
/// step and a bottom line; returns the case.
std::int64_t a_mapped_case(Browser& worker);
/// An action's form, owned by the network's Gran Pat, due on `day`/`month`/`year`.
Fields action_fields(const std::string& goal, const std::string& what, const std::string& day,
                     const std::string& month = "11", const std::string& year = "2026");
/// Agreed today, 26 November 2026, at the initial conference.
Fields agreed_today();

struct Planned {
    std::int64_t case_id = 0;
    std::string path;  ///< "/plans/ID"
};
/// A draft plan started from a_mapped_case's mapping.
Planned a_plan(Browser& worker);
/// Agrees the mapping of a_mapped_case, with Dana's numbers in her own words.
void agree_mapping(Browser& worker, std::int64_t case_id);

}  // namespace signs::testing
