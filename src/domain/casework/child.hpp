#pragma once
/// The record of a child: who they are, the codes the Children in Need census asks for, and
/// the checks a new or edited record must pass. Unborn children are recorded too, because
/// work to protect a baby often starts before the birth.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/code_label.hpp"
#include "domain/returns/census_codes.hpp"

namespace signs::domain {

/// What the person typed, before any checks. Date parts are the three boxes of each GOV.UK
/// date input; `unborn`, `interpreter` and `disabilities` hold the values of the ticked
/// boxes or chosen radios. Codes are those of the census lists (`data/codes/`).
struct ChildForm {
    std::string first_name;
    std::string last_name;
    std::string preferred_name;
    std::string unborn;  ///< "yes" when the child is not yet born
    std::string dob_day;
    std::string dob_month;
    std::string dob_year;
    std::string due_day;
    std::string due_month;
    std::string due_year;
    std::string sex;
    std::string ethnicity;
    std::vector<std::string> disabilities;
    std::string first_language;
    std::string interpreter;  ///< "yes", "no" or empty
    std::string nhs_number;
    std::string upn;
    std::string former_upn;
    std::string upn_unknown;  ///< why there is no UPN: a code from upn-unknown.csv, or empty
    std::string died_day{};
    std::string died_month{};
    std::string died_year{};
    std::string school;
    std::string what_matters;
};

/// A checked record: text trimmed, codes known, identifiers normalised or empty. Exactly one
/// of the two dates is set.
struct ChildDetails {
    std::string first_name;
    std::string last_name;
    std::string preferred_name;  ///< empty when none was given
    std::optional<core::CivilDate> date_of_birth;
    std::optional<core::CivilDate> expected_date;  ///< unborn children only
    std::string sex;  ///< "M", "F" or "U"; always "U" before the birth, as the census asks
    std::string ethnicity;
    std::vector<std::string> disabilities;  ///< in the order of the disability list
    std::string first_language;
    bool interpreter_needed = false;
    std::string nhs_number;   ///< ten digits, or empty
    std::string upn;          ///< thirteen characters, upper case, or empty
    std::string former_upn;   ///< a UPN the child had before, or empty
    std::string upn_unknown;  ///< why there is no UPN, or empty; never with a UPN
    std::optional<core::CivilDate> date_of_death;
    std::string school;
    std::string what_matters;  ///< in the child's own words

    bool is_unborn() const { return expected_date.has_value(); }
    /// "Samantha Carter": the legal names, for letters and returns.
    std::string full_name() const;
    /// "Sam (Samantha) Carter": the name the child uses first, with the legal first name in
    /// brackets so it can still be matched to other records. Just the full name when there
    /// is no preferred name or it is the same as the first name.
    std::string display_name() const;
};

/// The parts of the record that differ between two versions, in the words of the record page
/// ("Name", "Date of birth", "School or nursery"), in page order.
std::vector<std::string_view> changed_fields(const ChildDetails& before, const ChildDetails& after);

inline constexpr std::size_t kMaxChildNameLength = 100;
inline constexpr std::size_t kMaxLanguageLength = 100;
inline constexpr std::size_t kMaxSchoolLength = 200;
inline constexpr std::size_t kMaxWhatMattersLength = 2000;

/// Checks the form and reports every problem at once, in the order the form asks. Errors
/// use the form's field names; a problem with a date is reported once, on its first box
/// ("dob-day" or "due-day"), so the error summary links to the start of the date input.
///
/// A born child needs a real date of birth, not in the future and no more than 26 years ago
/// (care leavers are supported up to 25). An unborn child needs an expected date no more
/// than a month past and no more than 10 months ahead; the other date's boxes are ignored.
/// Names may hold any printable text, including markup, which the views escape; control
/// characters are refused. Sex, ethnicity, disabilities and the reason for no UPN must be
/// codes of `codes`; an unborn child's sex is "U" whatever was chosen. A date of death
/// ("died-day") is for a born child, on or after the birth and not in the future.
core::Result<ChildDetails> check_child(const ChildForm& form, core::CivilDate today,
                                       const CensusCodes& codes);

}  // namespace signs::domain
