#pragma once
/// Entries people add to a child's chronology by hand: what kind of event, when, and what
/// happened. Events the record makes itself (level changes, allocations) are not checked here.
#include <span>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"

namespace signs::domain {

/// The kinds a person may choose: home visit, meeting, contact from another agency,
/// incident, other significant event.
std::span<const CodeLabel> chronology_kinds();

struct ChronologyEntryForm {
    std::string kind;
    std::string day, month, year;
    std::string summary;
};

struct ChronologyEntry {
    std::string kind;
    core::CivilDate on;
    std::string summary;
};

inline constexpr std::size_t kMaxChronologySummary = 2000;

/// Field errors use "kind", "date-day" and "summary".
core::Result<ChronologyEntry> check_chronology_entry(const ChronologyEntryForm& form,
                                                     core::CivilDate today);

}  // namespace signs::domain
