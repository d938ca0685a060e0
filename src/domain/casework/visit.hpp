#pragma once
/// A visit: the day a worker saw the children of a case, and whether each was seen alone.
/// Seeing a child alone is what lets them say what they would not say in front of the adults,
/// so it is recorded child by child.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"

namespace signs::domain {

/// How a child was seen on a visit: "no" (not seen), "yes", or "alone".
inline constexpr const char* kSeenChoices[] = {"no", "yes", "alone"};

struct VisitForm {
    std::string day, month, year;
    std::map<std::int64_t, std::string> seen;  ///< child id to a kSeenChoices code
};

struct ChildSeen {
    std::int64_t child = 0;
    bool alone = false;
};

struct CheckedVisit {
    core::CivilDate on;
    std::vector<ChildSeen> children;
};

/// Checks a visit to the case opened on `opened`: a real date from then to `today`, and at
/// least one of `children` seen. Errors use "date-day" and "seen".
core::Result<CheckedVisit> check_visit(const VisitForm& form, core::CivilDate opened,
                                       core::CivilDate today,
                                       const std::vector<std::int64_t>& children);

}  // namespace signs::domain
