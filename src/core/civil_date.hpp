#pragma once
/// A calendar date with no time or zone: a date of birth, a due date. Stored and exchanged
/// as ISO 8601 (YYYY-MM-DD); shown to people as "2 March 2019".
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace signs::core {

class CivilDate {
  public:
    explicit CivilDate(date::year_month_day ymd) : ymd_(ymd) {}

    /// Accepts only a real date written as YYYY-MM-DD.
    static std::optional<CivilDate> parse_iso(std::string_view text);
    /// Accepts the three boxes of the GOV.UK date input; years must have four digits.
    static std::optional<CivilDate> from_parts(std::string_view day, std::string_view month,
                                               std::string_view year);

    std::string iso() const;
    std::string long_text() const;  ///< "2 March 2019"
    /// The three boxes of a GOV.UK date input, filled in: {"2", "3", "2019"}.
    struct Parts {
        std::string day, month, year;
    };
    Parts parts() const;
    date::year_month_day ymd() const { return ymd_; }
    date::sys_days days() const { return date::sys_days{ymd_}; }
    CivilDate plus_days(int days) const;

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    friend auto operator<=>(const CivilDate& a, const CivilDate& b) {
        return a.days() <=> b.days();
    }

  private:
    date::year_month_day ymd_;
};

}  // namespace signs::core
