#pragma once
/// Training courses and what each one covers. A course can satisfy others: the 2-day course
/// covers everything in the half-day introduction, so someone booked on or trained by it does
/// not need the introduction and is told so before they book it.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace signs::domain {

struct CourseForm {
    std::string title, summary, covers, audience, length;
    std::vector<std::string> satisfies;  ///< the ids of the courses this one covers
};

struct CheckedCourse {
    std::string title, summary, covers, audience, length;
    std::vector<std::int64_t> satisfies;
};

/// Title (at most 120 characters), summary (500), what it covers (2,000), audience (300) and
/// length (50, such as "Half day" or "2 days") are needed; `satisfies` must name courses in
/// `known` other than `self` (0 for a new course). Errors use the form's field names.
core::Result<CheckedCourse> check_course(const CourseForm& form, std::int64_t self,
                                         const std::set<std::int64_t>& known);

/// Course id to the courses it directly satisfies.
using SatisfiesMap = std::map<std::int64_t, std::set<std::int64_t>>;

/// Every course that `course` satisfies, directly or through others (not itself).
std::set<std::int64_t> satisfied_by(std::int64_t course, const SatisfiesMap& satisfies);

/// The course among `held` (courses someone is trained in, or booked on) that already covers
/// `wanted`, if any: the reason they do not need it.
std::optional<std::int64_t> already_covered(std::int64_t wanted, const std::set<std::int64_t>& held,
                                            const SatisfiesMap& satisfies);

/// Would make `course` satisfy itself through others, which the form refuses.
bool makes_a_loop(std::int64_t course, const std::vector<std::int64_t>& satisfies,
                  const SatisfiesMap& existing);

}  // namespace signs::domain
