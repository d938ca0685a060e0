#pragma once
/// A date typed in the GOV.UK three boxes (day, month, year), and how a form checks one.
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/validation.hpp"

namespace signs::domain {

struct DateForm {
    std::string day, month, year;

    /// The boxes filled in with `day`, as a form shows a date already recorded.
    static DateForm of(core::CivilDate day);
    bool empty() const;
};

/// The date, or nothing after noting on `field` that it is missing ("Enter the `label`") or
/// not a real date.
std::optional<core::CivilDate> required_date(core::FieldChecks& checks, std::string_view field,
                                             std::string_view label, const DateForm& form);
/// The same for a date that may be left empty: nothing, and no message, when all three boxes
/// are.
std::optional<core::CivilDate> optional_date(core::FieldChecks& checks, std::string_view field,
                                             std::string_view label, const DateForm& form);

}  // namespace signs::domain
