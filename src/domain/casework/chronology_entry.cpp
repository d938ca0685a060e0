#include "domain/casework/chronology_entry.hpp"

#include <array>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 5> kKinds = {{
    {"visit", "Home visit"},
    {"meeting", "Meeting"},
    {"agency-contact", "Contact from another agency"},
    {"incident", "Incident"},
    {"event", "Other significant event"},
}};

}  // namespace

std::span<const CodeLabel> chronology_kinds() { return kKinds; }

core::Result<ChronologyEntry> check_chronology_entry(const ChronologyEntryForm& form,
                                                     core::CivilDate today) {
    core::FieldChecks checks;
    if (!is_code_in(kKinds, form.kind)) checks.add("kind", "Select what kind of event this was");
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!on) {
        checks.add("date-day", "Enter the date of the event as a real date, like 27 3 2026");
    } else if (*on > today) {
        checks.add("date-day", "The date of the event must be today or in the past");
    }
    checks.text("summary", form.summary, "Say what happened", "What happened",
                kMaxChronologySummary);
    if (!checks.ok()) return std::unexpected(checks.error());
    return ChronologyEntry{form.kind, *on, core::trimmed(form.summary)};
}

}  // namespace signs::domain
