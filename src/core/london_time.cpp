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

std::string london_iso(Instant at) {
    auto local = london()->to_local(std::chrono::time_point_cast<std::chrono::seconds>(at));
    return date::format("%Y-%m-%dT%H:%M:%S", local);
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
    // Read by hand rather than through date::parse and a string stream: pages read many
    // stored times, and the format is fixed (YYYY-MM-DDTHH:MM:SS, an optional fraction, Z).
    auto number = [&](std::size_t at, std::size_t width) -> std::optional<int> {
        int value = 0;
        if (at + width > text.size()) return std::nullopt;
        for (auto c : text.substr(at, width)) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
    auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!year || !month || !day || !hour || !minute || !second || text[4] != '-' ||
        text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    date::year_month_day civil{date::year{*year}, date::month(static_cast<unsigned>(*month)),
                               date::day(static_cast<unsigned>(*day))};
    if (!civil.ok() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
    std::size_t at = 19;
    std::int64_t micros = 0;
    if (at < text.size() && text[at] == '.') {
        std::size_t digits = 0;
        for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
            if (digits < 6) micros = micros * 10 + (text[at] - '0');
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 6; ++digits) micros *= 10;
    }
    if (at + 1 != text.size() || text[at] != 'Z') return std::nullopt;
    return Instant{date::sys_days{civil}} + std::chrono::hours{*hour} +
           std::chrono::minutes{*minute} + std::chrono::seconds{*second} +
           std::chrono::microseconds{micros};
}

}  // namespace signs::core
