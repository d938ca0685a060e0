#include "core/london_time.hpp"

#include <date/tz.h>

#include <sstream>

namespace signs::core {
namespace {

const date::time_zone* london() {
    static const date::time_zone* zone = date::locate_zone("Europe/London");
    return zone;
}

}  // namespace

std::string london_text(Instant at) {
    auto local = london()->to_local(std::chrono::time_point_cast<std::chrono::seconds>(at));
    auto day = date::floor<date::days>(local);
    date::hh_mm_ss clock{local - day};
    auto hour = clock.hours().count();
    int hour12 = hour % 12 == 0 ? 12 : static_cast<int>(hour % 12);
    char minutes[8];
    std::snprintf(minutes, sizeof minutes, "%02d", static_cast<int>(clock.minutes().count()));
    return CivilDate{date::year_month_day{day}}.long_text() + " at " + std::to_string(hour12) +
           ":" + minutes + (hour < 12 ? "am" : "pm");
}

CivilDate london_date(Instant at) {
    auto local = london()->to_local(std::chrono::time_point_cast<std::chrono::seconds>(at));
    return CivilDate{date::year_month_day{date::floor<date::days>(local)}};
}

ClockTime london_clock(Instant at) {
    auto local = london()->to_local(std::chrono::time_point_cast<std::chrono::seconds>(at));
    date::hh_mm_ss clock{local - date::floor<date::days>(local)};
    return {static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count())};
}

Instant from_london(CivilDate day, int hour, int minute) {
    auto local =
        date::local_days{day.ymd()} + std::chrono::hours{hour} + std::chrono::minutes{minute};
    auto info = london()->get_info(local);
    // For a skipped or repeated hour, the offset in force before the change gives the rule
    // stated in the header.
    date::sys_seconds utc{(local - info.first.offset).time_since_epoch()};
    return std::chrono::time_point_cast<std::chrono::microseconds>(utc);
}

std::string to_storage(Instant at) { return date::format("%Y-%m-%dT%H:%M:%SZ", at); }

std::optional<Instant> from_storage(std::string_view text) {
    std::istringstream in{std::string{text}};
    Instant at{};
    in >> date::parse("%Y-%m-%dT%H:%M:%SZ", at);
    if (in.fail()) return std::nullopt;
    return at;
}

}  // namespace signs::core
