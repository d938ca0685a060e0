#include "domain/casework/child.hpp"

#include <algorithm>
#include <array>

#include "core/validation.hpp"
#include "domain/casework/identifiers.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 4> kGenders = {{
    {"1", "Male"},
    {"2", "Female"},
    {"0", "Not known"},
    {"9", "Not stated"},
}};

constexpr std::array<CodeLabel, 20> kEthnicities = {{
    {"WBRI", "White British"},
    {"WIRI", "White Irish"},
    {"WIRT", "Traveller of Irish heritage"},
    {"WOTH", "Any other White background"},
    {"WROM", "Gypsy/Roma"},
    {"MWBC", "White and Black Caribbean"},
    {"MWBA", "White and Black African"},
    {"MWAS", "White and Asian"},
    {"MOTH", "Any other mixed background"},
    {"AIND", "Indian"},
    {"APKN", "Pakistani"},
    {"ABAN", "Bangladeshi"},
    {"AOTH", "Any other Asian background"},
    {"BCRB", "Black Caribbean"},
    {"BAFR", "Black African"},
    {"BOTH", "Any other Black background"},
    {"CHNE", "Chinese"},
    {"OOTH", "Any other ethnic group"},
    {"REFU", "Refused"},
    {"NOBT", "Information not yet obtained"},
}};

constexpr std::array<CodeLabel, 13> kDisabilities = {{
    {"NONE", "No disability"},
    {"MOB", "Mobility"},
    {"HAND", "Hand function"},
    {"PC", "Personal care"},
    {"INC", "Incontinence"},
    {"COMM", "Communication"},
    {"LD", "Learning"},
    {"HEAR", "Hearing"},
    {"VIS", "Vision"},
    {"BEH", "Behaviour"},
    {"CON", "Consciousness"},
    {"AUT", "Autism or Asperger syndrome"},
    {"DDA", "Other DDA"},
}};

constexpr std::string_view kNoDisability = "NONE";

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

void check_disabilities(core::FieldChecks& checks, const ChildForm& form, ChildDetails& child) {
    std::vector<std::string> chosen;
    for (const auto& code : form.disabilities) {
        auto clean = core::trimmed(code);
        if (clean.empty()) continue;
        if (!is_code_in(disability_codes(), clean)) {
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
    for (const auto& entry : disability_codes()) {
        if (std::find(chosen.begin(), chosen.end(), entry.code) != chosen.end()) {
            child.disabilities.emplace_back(entry.code);
        }
    }
}

}  // namespace

std::span<const CodeLabel> gender_codes() { return kGenders; }
std::span<const CodeLabel> ethnicity_codes() { return kEthnicities; }
std::span<const CodeLabel> disability_codes() { return kDisabilities; }

bool is_code_in(std::span<const CodeLabel> codes, std::string_view code) {
    return std::any_of(codes.begin(), codes.end(),
                       [&](const CodeLabel& entry) { return entry.code == code; });
}

std::string_view label_for(std::span<const CodeLabel> codes, std::string_view code) {
    for (const auto& entry : codes) {
        if (entry.code == code) return entry.label;
    }
    return code;
}

std::string ChildDetails::full_name() const { return first_name + " " + last_name; }

std::string ChildDetails::display_name() const {
    if (preferred_name.empty() ||
        core::lower_ascii(preferred_name) == core::lower_ascii(first_name)) {
        return full_name();
    }
    return preferred_name + " (" + first_name + ") " + last_name;
}

core::Result<ChildDetails> check_child(const ChildForm& form, core::CivilDate today) {
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

    child.gender = core::trimmed(form.gender);
    if (child.gender.empty() && is_unborn) child.gender = "0";
    if (!is_code_in(gender_codes(), child.gender))
        checks.add("gender", "Select the child's gender");

    child.ethnicity = core::trimmed(form.ethnicity);
    if (child.ethnicity.empty()) child.ethnicity = kEthnicityNotObtained;
    if (!is_code_in(ethnicity_codes(), child.ethnicity)) {
        checks.add("ethnicity", "Select the child's ethnicity from the list");
    }

    check_disabilities(checks, form, child);

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
    if (auto upn = core::trimmed(form.upn); !upn.empty()) {
        auto normalised = normalise_upn(upn);
        if (!normalised) {
            checks.add("upn", "Enter a valid unique pupil number, like Q999000024001");
        }
        child.upn = normalised.value_or("");
    }

    check_text(checks, "school", form.school, "", "School or nursery", kMaxSchoolLength);
    check_text(checks, "what_matters", form.what_matters, "", "What matters to the child",
               kMaxWhatMattersLength, true);

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
    note(a.gender != b.gender, "Gender");
    note(a.ethnicity != b.ethnicity, "Ethnicity");
    note(a.disabilities != b.disabilities, "Disability");
    note(a.first_language != b.first_language || a.interpreter_needed != b.interpreter_needed,
         "First language");
    note(a.nhs_number != b.nhs_number, "NHS number");
    note(a.upn != b.upn, "Unique pupil number");
    note(a.school != b.school, "School or nursery");
    note(a.what_matters != b.what_matters, "What matters to me");
    return out;
}

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return out;
}

std::vector<std::string> split_codes(std::string_view joined) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < joined.size()) {
        auto end = joined.find(',', start);
        out.emplace_back(joined.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace signs::domain
