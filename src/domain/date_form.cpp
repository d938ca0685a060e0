#include "domain/date_form.hpp"

namespace signs::domain {

DateForm DateForm::of(core::CivilDate day) {
    auto p = day.parts();
    return {p.day, p.month, p.year};
}

bool DateForm::empty() const {
    return core::trimmed(day).empty() && core::trimmed(month).empty() &&
           core::trimmed(year).empty();
}

std::optional<core::CivilDate> required_date(core::FieldChecks& checks, std::string_view field,
                                             std::string_view label, const DateForm& form) {
    if (form.empty()) {
        checks.add(field, "Enter the " + std::string{label});
        return std::nullopt;
    }
    return optional_date(checks, field, label, form);
}

std::optional<core::CivilDate> optional_date(core::FieldChecks& checks, std::string_view field,
                                             std::string_view label, const DateForm& form) {
    if (form.empty()) return std::nullopt;
    auto date = core::CivilDate::from_parts(core::trimmed(form.day), core::trimmed(form.month),
                                            core::trimmed(form.year));
    if (!date)
        checks.add(field, "The " + std::string{label} + " must be a real date, like 4 5 2026");
    return date;
}

}  // namespace signs::domain
