#include "domain/casework/visit.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace signs::domain {

core::Result<CheckedVisit> check_visit(const VisitForm& form, core::CivilDate opened,
                                       core::CivilDate today,
                                       const std::vector<std::int64_t>& children) {
    core::FieldChecks checks;
    CheckedVisit out{today, {}};
    auto date = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!date)
        checks.add("date-day", "Enter the date of the visit, like 26 11 2026");
    else if (*date > today)
        checks.add("date-day", "The date of the visit must be today or in the past");
    else if (*date < opened)
        checks.add("date-day",
                   "The date of the visit must be on or after the day the case opened, " +
                       opened.long_text());
    else
        out.on = *date;
    bool unknown = false;
    for (const auto& [child, seen] : form.seen) {
        auto known = std::find(std::begin(kSeenChoices), std::end(kSeenChoices), seen) !=
                     std::end(kSeenChoices);
        if (!known || std::find(children.begin(), children.end(), child) == children.end()) {
            unknown = true;
            continue;
        }
        if (seen != std::string{"no"})
            out.children.push_back({child, seen == std::string{"alone"}});
    }
    if (unknown)
        checks.add("seen", "Choose, for each child of this case, whether they were seen");
    else if (out.children.empty())
        checks.add("seen", "Choose at least one child who was seen on the visit");
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

}  // namespace signs::domain
