#include "web/handlers/child_views.hpp"

#include "web/view_model.hpp"

namespace signs::web::handlers {

Options code_options(std::span<const domain::CodeLabel> codes) {
    Options out;
    for (const auto& c : codes) out.emplace_back(std::string{c.code}, std::string{c.label});
    return out;
}

std::string date_text(const std::string& iso) {
    auto date = core::CivilDate::parse_iso(iso);
    return date ? date->long_text() : "";
}

std::string born_text(const store::ChildRecord& child) {
    if (!child.date_of_birth.empty()) return date_text(child.date_of_birth);
    return "Unborn, due " + date_text(child.expected_date);
}

domain::ChildForm child_form(const Form& f) {
    domain::ChildForm form;
    form.first_name = f.get("first_name");
    form.last_name = f.get("last_name");
    form.preferred_name = f.get("preferred_name");
    form.unborn = f.get("unborn");
    form.dob_day = f.get("dob-day");
    form.dob_month = f.get("dob-month");
    form.dob_year = f.get("dob-year");
    form.due_day = f.get("due-day");
    form.due_month = f.get("due-month");
    form.due_year = f.get("due-year");
    form.sex = f.get("sex");
    form.ethnicity = f.get("ethnicity");
    form.disabilities = f.get_all("disabilities");
    form.first_language = f.get("first_language");
    form.interpreter = f.get("interpreter");
    form.nhs_number = f.get("nhs_number");
    form.upn = f.get("upn");
    form.former_upn = f.get("former_upn");
    form.upn_unknown = f.get("upn_unknown");
    form.school = f.get("school");
    form.what_matters = f.get("what_matters");
    form.died_day = f.get("died-day");
    form.died_month = f.get("died-month");
    form.died_year = f.get("died-year");
    return form;
}

domain::ChildForm child_form_from(const store::ChildRecord& c) {
    domain::ChildForm form;
    form.first_name = c.first_name;
    form.last_name = c.last_name;
    form.preferred_name = c.preferred_name;
    auto parts = [](const std::string& iso, std::string& day, std::string& month,
                    std::string& year) {
        auto date = core::CivilDate::parse_iso(iso);
        if (!date) return;
        auto p = date->parts();
        day = p.day;
        month = p.month;
        year = p.year;
    };
    parts(c.date_of_birth, form.dob_day, form.dob_month, form.dob_year);
    parts(c.expected_date, form.due_day, form.due_month, form.due_year);
    if (!c.expected_date.empty()) form.unborn = "yes";
    form.sex = c.sex;
    form.ethnicity = c.ethnicity;
    form.disabilities = domain::split_codes(c.disabilities);
    form.first_language = c.first_language;
    form.interpreter = c.interpreter_needed ? "yes" : "no";
    form.nhs_number = c.nhs_number;
    form.upn = c.upn;
    form.former_upn = c.former_upn;
    form.upn_unknown = c.upn_unknown;
    parts(c.date_of_death, form.died_day, form.died_month, form.died_year);
    form.school = c.school;
    form.what_matters = c.what_matters;
    return form;
}

nlohmann::json child_fields(const domain::ChildForm& form, const core::Error* error,
                            const domain::CensusCodes& codes) {
    auto upn_reasons = code_options(codes.upn_unknown.entries());
    upn_reasons.insert(upn_reasons.begin(), {"", "The UPN is given, or no reason is known yet"});
    return {
        {"first_name", field("first_name", "First name", form.first_name, error)},
        {"last_name", field("last_name", "Last name", form.last_name, error)},
        {"preferred_name", field("preferred_name", "Name they like to be called (optional)",
                                 form.preferred_name, error)},
        {"unborn", checkboxes("unborn", "Not yet born", {{"yes", "This child is not born yet"}},
                              {form.unborn}, error)},
        {"dob", date_field("dob", "Date of birth", form.dob_day, form.dob_month, form.dob_year,
                           error, "For example, 27 3 2019")},
        {"due", date_field("due", "Expected date of birth (if not yet born)", form.due_day,
                           form.due_month, form.due_year, error)},
        {"sex", radios("sex", "Sex", code_options(codes.sex.entries()), form.sex, error)},
        {"ethnicity",
         select_field(
             "ethnicity", "Ethnicity", code_options(codes.ethnicity.entries()),
             form.ethnicity.empty() ? std::string{domain::kEthnicityNotObtained} : form.ethnicity,
             error)},
        {"disabilities",
         checkboxes("disabilities", "Disability", code_options(codes.disability.entries()),
                    form.disabilities, error, "Select all that apply")},
        {"first_language",
         field("first_language", "First language (optional)", form.first_language, error)},
        {"interpreter",
         radios("interpreter", "Is an interpreter needed?", {{"yes", "Yes"}, {"no", "No"}},
                form.interpreter.empty() ? "no" : form.interpreter, error)},
        {"nhs_number", field("nhs_number", "NHS number (optional)", form.nhs_number, error,
                             {"text", "off", "10 digits", "govuk-input--width-10"})},
        {"upn",
         field("upn", "Unique pupil number (optional)", form.upn, error,
               {"text", "off", "13 characters, starting with a letter", "govuk-input--width-20"})},
        {"former_upn",
         field("former_upn", "Former unique pupil number (optional)", form.former_upn, error,
               {"text", "off", "A UPN the child had before this one", "govuk-input--width-20"})},
        {"upn_unknown", select_field("upn_unknown", "If there is no unique pupil number, why",
                                     upn_reasons, form.upn_unknown, error)},
        {"school", field("school", "School or nursery (optional)", form.school, error)},
        {"what_matters",
         field("what_matters", "What matters to me, in the child's own words (optional)",
               form.what_matters, error)},
        {"died", date_field("died", "Date of death (only if the child has died)", form.died_day,
                            form.died_month, form.died_year, error)},
    };
}

nlohmann::json child_answer_rows(const domain::ChildForm& form, const domain::CensusCodes& codes) {
    auto date = [](const std::string& d, const std::string& m, const std::string& y) {
        auto parsed = core::CivilDate::from_parts(d, m, y);
        return parsed ? parsed->long_text() : std::string{};
    };
    std::string disabilities;
    for (const auto& code : form.disabilities) {
        disabilities +=
            (disabilities.empty() ? "" : ", ") + std::string{codes.disability.label(code)};
    }
    auto or_none = [](const std::string& text) {
        return text.empty() ? std::string{"Not given"} : text;
    };
    bool unborn = form.unborn == "yes";
    nlohmann::json rows = nlohmann::json::array({
        {{"key", "Name"}, {"value", form.first_name + " " + form.last_name}},
        {{"key", "Likes to be called"}, {"value", or_none(form.preferred_name)}},
        {{"key", unborn ? "Expected date of birth" : "Date of birth"},
         {"value", unborn ? date(form.due_day, form.due_month, form.due_year)
                          : date(form.dob_day, form.dob_month, form.dob_year)}},
        {{"key", "Sex"}, {"value", std::string{codes.sex.label(unborn ? "U" : form.sex)}}},
        {{"key", "Ethnicity"},
         {"value", std::string{codes.ethnicity.label(
                       form.ethnicity.empty() ? domain::kEthnicityNotObtained : form.ethnicity)}}},
        {{"key", "Disability"}, {"value", or_none(disabilities)}},
        {{"key", "First language"},
         {"value", or_none(form.first_language) +
                       (form.interpreter == "yes" ? " (needs an interpreter)" : "")}},
        {{"key", "NHS number"}, {"value", or_none(form.nhs_number)}},
        {{"key", "Unique pupil number"},
         {"value", !form.upn.empty() || form.upn_unknown.empty()
                       ? or_none(form.upn)
                       : "Not known: " + std::string{codes.upn_unknown.label(form.upn_unknown)}}},
        {{"key", "Former unique pupil number"}, {"value", or_none(form.former_upn)}},
        {{"key", "School or nursery"}, {"value", or_none(form.school)}},
        {{"key", "What matters to me"}, {"value", or_none(form.what_matters)}},
    });
    auto died = date(form.died_day, form.died_month, form.died_year);
    if (!unborn && !died.empty()) rows.push_back({{"key", "Date of death"}, {"value", died}});
    return rows;
}

std::optional<store::children::IdCursor> search_cursor(const Form& query) {
    store::children::IdCursor cursor;
    for (auto [name, value] : {std::pair{"after", &cursor.after}, {"before", &cursor.before}}) {
        if (!query.has(name)) continue;
        *value = query.number(name);
        if (!*value) return std::nullopt;
    }
    if (cursor.after && cursor.before) return std::nullopt;
    return cursor;
}

}  // namespace signs::web::handlers
