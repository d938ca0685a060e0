#include "domain/casework/child.hpp"

#include <algorithm>
#include <array>

#include "core/validation.hpp"
#include "domain/casework/identifiers.hpp"

namespace signs::domain {
namespace {

/// Characters that would break a line or hide text when a name is shown: C0 and C1 controls,
/// DEL, the Unicode line and paragraph separators, and the bidirectional overrides and
/// isolates that can make a name display as something else. Line breaks and tabs are let
/// through where a field is meant to hold paragraphs.
bool has_control_characters(std::string_view text, bool paragraphs) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            if (paragraphs && (c == '\n' || c == '\r' || c == '\t')) continue;
            return true;
        }
        auto next = [&](std::size_t k) {
            return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
        };
        if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return true;
        if (c == 0xE2 && next(1) == 0x80 && next(2) >= 0xA8 && next(2) <= 0xAE) return true;
        if (c == 0xE2 && next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9) return true;
    }
    return false;
}

/// Free text: length and UTF-8 checked by FieldChecks, then control characters.
void check_text(core::FieldChecks& checks, std::string_view field, std::string_view value,
                std::string_view missing, std::string_view label, std::size_t max_chars,
                bool paragraphs = false) {
    auto clean = core::trimmed(value);
    if (missing.empty()) {
        checks.optional_text(field, clean, label, max_chars);
    } else {
        checks.text(field, clean, missing, label, max_chars);
    }
    if (!checks.has(field) && has_control_characters(clean, paragraphs)) {
        checks.add(field, std::string{label} +
                              (paragraphs ? " must not contain hidden control characters"
                                          : " must not contain line breaks or hidden characters"));
    }
}

core::CivilDate plus_months(core::CivilDate date, int months) {
    auto ymd = date.ymd() + date::months{months};
    // 31 January plus a month is the last day of February, not 3 March.
    if (!ymd.ok()) ymd = ymd.year() / ymd.month() / date::last;
    return core::CivilDate{ymd};
}

struct DateBoxes {
    std::string_view field;  ///< the first box, where the error summary should link
    std::string_view label;  ///< "Date of birth"
    std::string_view missing;
    std::string day;
    std::string month;
    std::string year;
};

/// The date in three boxes, or nothing after adding the one message that says what is wrong.
std::optional<core::CivilDate> check_date_boxes(core::FieldChecks& checks, const DateBoxes& date) {
    std::vector<std::string_view> absent;
    if (date.day.empty()) absent.push_back("day");
    if (date.month.empty()) absent.push_back("month");
    if (date.year.empty()) absent.push_back("year");
    auto fail = [&](std::string message) {
        checks.add(date.field, std::move(message));
        return std::nullopt;
    };
    if (absent.size() == 3) return fail(std::string{date.missing});
    if (!absent.empty()) {
        std::string parts{absent[0]};
        if (absent.size() == 2) parts += " and " + std::string{absent[1]};
        return fail(std::string{date.label} + " must include a " + parts);
    }
    bool year_is_number = std::all_of(date.year.begin(), date.year.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
    if (year_is_number && date.year.size() != 4) return fail("Year must include 4 numbers");
    auto parsed = core::CivilDate::from_parts(date.day, date.month, date.year);
    if (!parsed) return fail(std::string{date.label} + " must be a real date");
    return parsed;
}

void check_date_of_birth(core::FieldChecks& checks, const ChildForm& form, core::CivilDate today,
                         ChildDetails& child) {
    DateBoxes boxes{"dob-day",
                    "Date of birth",
                    "Enter the child's date of birth",
                    core::trimmed(form.dob_day),
                    core::trimmed(form.dob_month),
                    core::trimmed(form.dob_year)};
    auto born = check_date_boxes(checks, boxes);
    if (!born) return;
    auto earliest = plus_months(today, -26 * 12);
    if (*born > today) {
        checks.add(boxes.field, "Date of birth must be today or in the past");
    } else if (*born < earliest) {
        checks.add(boxes.field, "Date of birth must be on or after " + earliest.long_text());
    } else {
        child.date_of_birth = born;
    }
}

void check_expected_date(core::FieldChecks& checks, const ChildForm& form, core::CivilDate today,
                         ChildDetails& child) {
    DateBoxes boxes{"due-day",
                    "Expected date of birth",
                    "Enter the expected date of birth",
                    core::trimmed(form.due_day),
                    core::trimmed(form.due_month),
                    core::trimmed(form.due_year)};
    auto due = check_date_boxes(checks, boxes);
    if (!due) return;
    // A little in the past is allowed: the baby may have arrived late, or the birth may not
    // have been recorded yet.
    auto earliest = plus_months(today, -1);
    auto latest = plus_months(today, 10);
    if (*due < earliest) {
        checks.add(boxes.field,
                   "Expected date of birth must be on or after " + earliest.long_text());
    } else if (*due > latest) {
        checks.add(boxes.field,
                   "Expected date of birth must be on or before " + latest.long_text());
    } else {
        child.expected_date = due;
    }
}

void check_date_of_death(core::FieldChecks& checks, const ChildForm& form, core::CivilDate today,
                         ChildDetails& child) {
    DateBoxes boxes{"died-day",
                    "Date of death",
                    "",
                    core::trimmed(form.died_day),
                    core::trimmed(form.died_month),
                    core::trimmed(form.died_year)};
    if (boxes.day.empty() && boxes.month.empty() && boxes.year.empty()) return;
    auto died = check_date_boxes(checks, boxes);
    if (!died) return;
    if (!child.date_of_birth) {
        checks.add(boxes.field, "A date of death can only be recorded for a child who was born");
    } else if (*died > today) {
        checks.add(boxes.field, "Date of death must be today or in the past");
    } else if (*died < *child.date_of_birth) {
        checks.add(boxes.field, "Date of death must be on or after the date of birth");
    } else {
        child.date_of_death = died;
    }
}

void check_upns(core::FieldChecks& checks, const ChildForm& form, const CensusCodes& codes,
                ChildDetails& child) {
    if (auto upn = core::trimmed(form.upn); !upn.empty()) {
        auto normalised = normalise_upn(upn);
        if (!normalised) {
            checks.add("upn", "Enter a valid unique pupil number, like Q999000024001");
        }
        child.upn = normalised.value_or("");
    }
    if (auto former = core::trimmed(form.former_upn); !former.empty()) {
        auto normalised = normalise_upn(former);
        if (!normalised) {
            checks.add("former_upn",
                       "Enter a valid former unique pupil number, like Q999000024001");
        } else if (*normalised == child.upn) {
            checks.add("former_upn",
                       "The former unique pupil number must differ from the current one");
        }
        child.former_upn = normalised.value_or("");
    }
    auto unknown = core::trimmed(form.upn_unknown);
    if (unknown.empty()) return;
    if (!codes.upn_unknown.contains(unknown)) {
        checks.add("upn_unknown", "Select why the unique pupil number is not known from the list");
    } else if (!core::trimmed(form.upn).empty()) {
        checks.add("upn_unknown", "Leave the reason empty when the unique pupil number is given");
    }
    child.upn_unknown = unknown;
}

void check_disabilities(core::FieldChecks& checks, const ChildForm& form, const CodeSet& list,
                        ChildDetails& child) {
    std::vector<std::string> chosen;
    for (const auto& code : form.disabilities) {
        auto clean = core::trimmed(code);
        if (clean.empty()) continue;
        if (!list.contains(clean)) {
            checks.add("disabilities", "Select the child's disabilities from the list");
            return;
        }
        chosen.push_back(clean);
    }
    bool none = std::find(chosen.begin(), chosen.end(), kNoDisability) != chosen.end();
    if (none && std::any_of(chosen.begin(), chosen.end(),
                            [](const std::string& code) { return code != kNoDisability; })) {
        checks.add("disabilities", "Select either 'No disability' or the child's disabilities");
        return;
    }
    for (const auto& entry : list.entries()) {
        if (std::find(chosen.begin(), chosen.end(), entry.code) != chosen.end()) {
            child.disabilities.emplace_back(entry.code);
        }
    }
}

}  // namespace

std::string ChildDetails::full_name() const { return first_name + " " + last_name; }

std::string ChildDetails::display_name() const {
    if (preferred_name.empty() ||
        core::lower_ascii(preferred_name) == core::lower_ascii(first_name)) {
        return full_name();
    }
    return preferred_name + " (" + first_name + ") " + last_name;
}

core::Result<ChildDetails> check_child(const ChildForm& form, core::CivilDate today,
                                       const CensusCodes& codes) {
    core::FieldChecks checks;
    ChildDetails child;
    auto unborn = core::trimmed(form.unborn);
    bool is_unborn = unborn == "yes";

    // Babies are often recorded before they are named; practice is to write "Baby".
    check_text(checks, "first_name", form.first_name,
               is_unborn ? "Enter the baby's first name, or 'Baby' if they have not been named"
                         : "Enter the child's first name",
               "First name", kMaxChildNameLength);
    check_text(checks, "last_name", form.last_name,
               is_unborn ? "Enter the baby's last name" : "Enter the child's last name",
               "Last name", kMaxChildNameLength);
    check_text(checks, "preferred_name", form.preferred_name, "", "Preferred name",
               kMaxChildNameLength);

    if (!unborn.empty() && unborn != "no" && !is_unborn) {
        checks.add("unborn", "Select whether the child has been born");
    } else if (is_unborn) {
        check_expected_date(checks, form, today, child);
    } else {
        check_date_of_birth(checks, form, today, child);
    }

    // The census records an unborn child's sex as not known, whatever a scan has shown.
    child.sex = is_unborn ? std::string{kSexUnknown} : core::trimmed(form.sex);
    if (!codes.sex.contains(child.sex)) checks.add("sex", "Select the child's sex");

    child.ethnicity = core::trimmed(form.ethnicity);
    if (child.ethnicity.empty()) child.ethnicity = kEthnicityNotObtained;
    if (!codes.ethnicity.contains(child.ethnicity)) {
        checks.add("ethnicity", "Select the child's ethnicity from the list");
    }

    check_disabilities(checks, form, codes.disability, child);

    check_text(checks, "first_language", form.first_language, "", "First language",
               kMaxLanguageLength);
    auto interpreter = core::trimmed(form.interpreter);
    if (interpreter != "yes" && interpreter != "no" && !interpreter.empty()) {
        checks.add("interpreter", "Select whether the child needs an interpreter");
    }
    child.interpreter_needed = interpreter == "yes";

    if (auto nhs = core::trimmed(form.nhs_number); !nhs.empty()) {
        auto normalised = normalise_nhs_number(nhs);
        if (!normalised) checks.add("nhs_number", "Enter a valid NHS number, like 999 876 5439");
        child.nhs_number = normalised.value_or("");
    }
    check_upns(checks, form, codes, child);

    check_text(checks, "school", form.school, "", "School or nursery", kMaxSchoolLength);
    check_text(checks, "what_matters", form.what_matters, "", "What matters to the child",
               kMaxWhatMattersLength, true);
    // Asked last on the form, and only of a child who was born.
    if (!is_unborn) check_date_of_death(checks, form, today, child);

    if (!checks.ok()) return std::unexpected(checks.error());
    child.first_name = core::trimmed(form.first_name);
    child.last_name = core::trimmed(form.last_name);
    child.preferred_name = core::trimmed(form.preferred_name);
    child.first_language = core::trimmed(form.first_language);
    child.school = core::trimmed(form.school);
    child.what_matters = core::trimmed(form.what_matters);
    return child;
}

std::vector<std::string_view> changed_fields(const ChildDetails& a, const ChildDetails& b) {
    std::vector<std::string_view> out;
    auto note = [&](bool differs, std::string_view label) {
        if (differs) out.push_back(label);
    };
    note(a.first_name != b.first_name || a.last_name != b.last_name, "Name");
    note(a.preferred_name != b.preferred_name, "Likes to be called");
    note(a.date_of_birth != b.date_of_birth || a.expected_date != b.expected_date, "Date of birth");
    note(a.sex != b.sex, "Sex");
    note(a.date_of_death != b.date_of_death, "Date of death");
    note(a.ethnicity != b.ethnicity, "Ethnicity");
    note(a.disabilities != b.disabilities, "Disability");
    note(a.first_language != b.first_language || a.interpreter_needed != b.interpreter_needed,
         "First language");
    note(a.nhs_number != b.nhs_number, "NHS number");
    note(a.upn != b.upn || a.former_upn != b.former_upn || a.upn_unknown != b.upn_unknown,
         "Unique pupil number");
    note(a.school != b.school, "School or nursery");
    note(a.what_matters != b.what_matters, "What matters to me");
    return out;
}

}  // namespace signs::domain
