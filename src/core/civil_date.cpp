#include "core/civil_date.hpp"

#include <array>
#include <charconv>

namespace signs::core {
namespace {

std::optional<int> parse_digits(std::string_view text, std::size_t min_len, std::size_t max_len) {
    if (text.size() < min_len || text.size() > max_len) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<CivilDate> make(int y, int m, int d) {
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                             date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return CivilDate{ymd};
}

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<CivilDate> CivilDate::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = parse_digits(text.substr(0, 4), 4, 4);
    auto m = parse_digits(text.substr(5, 2), 2, 2);
    auto d = parse_digits(text.substr(8, 2), 2, 2);
    if (!y || !m || !d) return std::nullopt;
    return make(*y, *m, *d);
}

std::optional<CivilDate> CivilDate::from_parts(std::string_view day, std::string_view month,
                                               std::string_view year) {
    auto d = parse_digits(trim(day), 1, 2);
    auto m = parse_digits(trim(month), 1, 2);
    auto y = parse_digits(trim(year), 4, 4);
    if (!y || !m || !d) return std::nullopt;
    return make(*y, *m, *d);
}

std::string CivilDate::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd_.year()),
                  static_cast<unsigned>(ymd_.month()), static_cast<unsigned>(ymd_.day()));
    return buffer;
}

CivilDate::Parts CivilDate::parts() const {
    return {std::to_string(static_cast<unsigned>(ymd_.day())),
            std::to_string(static_cast<unsigned>(ymd_.month())),
            std::to_string(static_cast<int>(ymd_.year()))};
}

std::string CivilDate::long_text() const {
    return std::to_string(static_cast<unsigned>(ymd_.day())) + " " +
           kMonthNames[static_cast<unsigned>(ymd_.month()) - 1] + " " +
           std::to_string(static_cast<int>(ymd_.year()));
}

CivilDate CivilDate::plus_days(int days) const {
    return CivilDate{date::year_month_day{this->days() + date::days{days}}};
}

}  // namespace signs::core
