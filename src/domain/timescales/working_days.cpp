#include "domain/timescales/working_days.hpp"

#include <algorithm>
#include <set>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

using date::days;
using date::Friday;
using date::Monday;
using date::Saturday;
using date::Sunday;

constexpr int kFirstRuleYear = 1970;
constexpr int kLastRuleYear = 2199;

core::CivilDate on(int y, unsigned m, unsigned d) {
    return core::CivilDate{date::year{y} / date::month{m} / date::day{d}};
}

core::CivilDate from_days(date::sys_days day) { return core::CivilDate{date::year_month_day{day}}; }

date::weekday weekday_of(core::CivilDate d) { return date::weekday{d.days()}; }

/// The first `weekday` of the month, or the last one.
core::CivilDate first_in_month(int y, unsigned m, date::weekday wd) {
    return core::CivilDate{date::year_month_day{date::year{y} / date::month{m} / wd[1]}};
}
core::CivilDate last_in_month(int y, unsigned m, date::weekday wd) {
    return core::CivilDate{date::year_month_day{date::year{y} / date::month{m} / wd[date::last]}};
}

}  // namespace

core::Result<std::vector<Holiday>> parse_holidays(std::string_view text) {
    std::vector<Holiday> out;
    int line_number = 0;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = core::trimmed(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        auto comma = line.find(',');
        auto day = comma == std::string::npos
                       ? std::nullopt
                       : core::CivilDate::parse_iso(std::string_view{line}.substr(0, comma));
        auto name = comma == std::string::npos ? "" : core::trimmed(line.substr(comma + 1));
        if (!day || name.empty()) {
            return core::fail(core::ErrorKind::Invalid,
                              "Line " + std::to_string(line_number) +
                                  " of the holiday list is not \"YYYY-MM-DD,name\"");
        }
        out.push_back({*day, name});
    }
    return out;
}

core::CivilDate easter_sunday(int year) {
    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return on(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<Holiday> rule_holidays(int year) {
    std::vector<Holiday> out;
    auto new_year = on(year, 1, 1);
    auto new_year_wd = weekday_of(new_year);
    if (new_year_wd == Saturday || new_year_wd == Sunday) {
        out.push_back({from_days(new_year.days() + days{new_year_wd == Saturday ? 2 : 1}),
                       "New Year's Day (substitute day)"});
    } else {
        out.push_back({new_year, "New Year's Day"});
    }
    auto easter = easter_sunday(year);
    out.push_back({from_days(easter.days() - days{2}), "Good Friday"});
    out.push_back({from_days(easter.days() + days{1}), "Easter Monday"});
    out.push_back({first_in_month(year, 5, Monday), "Early May bank holiday"});
    out.push_back({last_in_month(year, 5, Monday), "Spring bank holiday"});
    out.push_back({last_in_month(year, 8, Monday), "Summer bank holiday"});
    auto christmas = on(year, 12, 25);
    auto christmas_wd = weekday_of(christmas);
    auto plus = [&](int n) { return from_days(christmas.days() + days{n}); };
    if (christmas_wd == Saturday) {
        out.push_back({plus(2), "Christmas Day (substitute day)"});
        out.push_back({plus(3), "Boxing Day (substitute day)"});
    } else if (christmas_wd == Sunday) {
        out.push_back({plus(1), "Boxing Day"});
        out.push_back({plus(2), "Christmas Day (substitute day)"});
    } else if (christmas_wd == Friday) {
        out.push_back({christmas, "Christmas Day"});
        out.push_back({plus(3), "Boxing Day (substitute day)"});
    } else {
        out.push_back({christmas, "Christmas Day"});
        out.push_back({plus(1), "Boxing Day"});
    }
    return out;
}

core::Result<Holiday> check_closure(const ClosureForm& form, const WorkingCalendar& calendar) {
    core::FieldChecks checks;
    auto date = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!date) {
        checks.add("date-day", "Enter the date the council is closed, like 24 12 2026");
    } else if (auto closed = calendar.closed_for(*date)) {
        checks.add("date-day", "That day is already not a working day: " + *closed);
    } else if (!calendar.is_working_day(*date)) {
        checks.add("date-day", "That day is a weekend, so it is not a working day already");
    }
    checks.text("reason", form.reason, "Say why the council is closed", "Reason", 100);
    if (!checks.ok()) return std::unexpected(checks.error());
    return Holiday{*date, core::trimmed(form.reason)};
}

WorkingCalendar::WorkingCalendar(const std::vector<Holiday>& listed,
                                 const std::vector<Holiday>& closures) {
    std::set<int> listed_years;
    for (const auto& h : listed) listed_years.insert(static_cast<int>(h.date.ymd().year()));
    closed_ = listed;
    for (int year = kFirstRuleYear; year <= kLastRuleYear; ++year) {
        if (listed_years.contains(year)) continue;
        auto generated = rule_holidays(year);
        closed_.insert(closed_.end(), generated.begin(), generated.end());
    }
    closed_.insert(closed_.end(), closures.begin(), closures.end());
    std::stable_sort(closed_.begin(), closed_.end(),
                     [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
}

std::optional<std::string> WorkingCalendar::closed_for(core::CivilDate day) const {
    auto it = std::lower_bound(closed_.begin(), closed_.end(), day,
                               [](const Holiday& h, core::CivilDate d) { return h.date < d; });
    if (it == closed_.end() || it->date != day) return std::nullopt;
    return it->name;
}

bool WorkingCalendar::is_working_day(core::CivilDate day) const {
    auto wd = weekday_of(day);
    return wd != Saturday && wd != Sunday && !closed_for(day);
}

core::CivilDate WorkingCalendar::add_working_days(core::CivilDate start, int n) const {
    auto day = start;
    for (int counted = 0; counted < n;) {
        day = day.plus_days(1);
        if (is_working_day(day)) ++counted;
    }
    return day;
}

int WorkingCalendar::working_days_between(core::CivilDate from, core::CivilDate to) const {
    if (to < from) return -working_days_between(to, from);
    int count = 0;
    for (auto day = from; day < to;) {
        day = day.plus_days(1);
        if (is_working_day(day)) ++count;
    }
    return count;
}

}  // namespace signs::domain
