#pragma once
/// Working days in England: the calendar behind every statutory deadline counted in working
/// days. Weekends, bank holidays and the council's own closure days are not working days.
///
/// Bank holidays come from a data file (`data/bank-holidays-england.csv`) because some are
/// one-offs no rule predicts; years outside the file are generated from the usual rules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"

namespace signs::domain {

struct Holiday {
    core::CivilDate date;
    std::string name;
};

/// Reads the data file: one "YYYY-MM-DD,name" per line; blank lines and lines starting
/// with '#' are skipped. A bad line is an error naming its line number.
core::Result<std::vector<Holiday>> parse_holidays(std::string_view text);

/// Easter Sunday in the Gregorian calendar.
core::CivilDate easter_sunday(int year);

/// The usual bank holidays of a year in England and Wales, with substitute days when
/// Christmas, Boxing Day or New Year's Day fall at a weekend.
std::vector<Holiday> rule_holidays(int year);

class WorkingCalendar {
  public:
    /// `listed` holidays are taken as the whole truth for each year they cover; other years
    /// between 1970 and 2199 use rule_holidays(). `closures` are local days the council is
    /// closed (for example the days between Christmas and New Year).
    explicit WorkingCalendar(const std::vector<Holiday>& listed,
                             const std::vector<Holiday>& closures = {});

    bool is_working_day(core::CivilDate day) const;
    /// The holiday or closure on this day, if any.
    std::optional<std::string> closed_for(core::CivilDate day) const;
    /// The `n`th working day after `start`, counting `start` as day 0 whatever it is; for
    /// n = 0, `start` itself.
    core::CivilDate add_working_days(core::CivilDate start, int n) const;
    /// Working days after `from` up to and including `to`; negative when `to` is earlier.
    int working_days_between(core::CivilDate from, core::CivilDate to) const;

  private:
    std::vector<Holiday> closed_;  ///< sorted by date
};

/// A closure day as an administrator typed it (the GOV.UK date boxes and a reason).
struct ClosureForm {
    std::string day, month, year, reason;
};
/// Checks a closure day: a real date, not a weekend or a bank holiday already (there is no
/// need), and a reason of at most 100 characters. Errors use "date-day" and "reason".
core::Result<Holiday> check_closure(const ClosureForm& form, const WorkingCalendar& calendar);

}  // namespace signs::domain
