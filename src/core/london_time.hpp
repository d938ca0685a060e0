#pragma once
/// Every time is stored in UTC and shown in Europe/London, whatever the server's own zone.
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/clock.hpp"

namespace signs::core {

/// "26 November 2026 at 2:05pm", in London's local time (GMT or BST).
std::string london_text(Instant at);
/// The London calendar date on which the instant falls.
CivilDate london_date(Instant at);
/// The London wall-clock time of the instant, on the 24-hour clock.
struct ClockTime {
    int hour = 0;
    int minute = 0;
};
ClockTime london_clock(Instant at);
/// The London wall-clock date and time to the second, "2027-05-04T10:15:00", as XML's
/// dateTime without a zone.
std::string london_iso(Instant at);
/// The instant at which a London wall-clock time occurs; an hour skipped by the spring
/// change is moved forward, and an hour repeated in autumn takes its first occurrence.
Instant from_london(CivilDate day, int hour, int minute);

/// Storage form: "2026-11-26T14:05:09.123456Z", fixed width so text order is time order.
std::string to_storage(Instant at);
std::optional<Instant> from_storage(std::string_view text);

}  // namespace signs::core
