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

namespace signs::domain {

/// One entry of a fixed code list: the code stored and sent in returns, and the words shown.
struct CodeLabel {
    std::string_view code;
    std::string_view label;
};

/// Gender as the census records it: "1" male, "2" female, "0" not known, "9" not stated.
std::span<const CodeLabel> gender_codes();
/// The census ethnicity codes ("WBRI" White British ... "NOBT" information not yet obtained).
std::span<const CodeLabel> ethnicity_codes();
/// The census disability codes. A child may have several; "NONE" stands alone.
std::span<const CodeLabel> disability_codes();

bool is_code_in(std::span<const CodeLabel> codes, std::string_view code);
/// The label for a code, or the code itself when the list does not have it, so an unexpected
/// stored value is shown rather than hidden.
std::string_view label_for(std::span<const CodeLabel> codes, std::string_view code);

/// A list of codes as stored in one column ("DEAF,HAND"), and back.
std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view joined);

/// The ethnicity recorded when none is given.
inline constexpr std::string_view kEthnicityNotObtained = "NOBT";

/// What the person typed, before any checks. Date parts are the three boxes of each GOV.UK
/// date input; `unborn`, `interpreter` and `disabilities` hold the values of the ticked
/// boxes or chosen radios.
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
    std::string gender;
    std::string ethnicity;
    std::vector<std::string> disabilities;
    std::string first_language;
    std::string interpreter;  ///< "yes", "no" or empty
    std::string nhs_number;
    std::string upn;
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
    std::string gender;
    std::string ethnicity;
    std::vector<std::string> disabilities;  ///< in the order of disability_codes()
    std::string first_language;
    bool interpreter_needed = false;
    std::string nhs_number;  ///< ten digits, or empty
    std::string upn;         ///< thirteen characters, upper case, or empty
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
/// characters are refused.
core::Result<ChildDetails> check_child(const ChildForm& form, core::CivilDate today);

}  // namespace signs::domain
