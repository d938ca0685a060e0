#pragma once
/// Builders for the pieces every form page shares: fields with their errors, the error
/// summary, and dates in words. Handlers use these so templates stay logic-less.
#include <nlohmann/json.hpp>

#include <string>

#include "core/error.hpp"
#include "domain/casework/contact.hpp"

namespace signs::web {

struct FieldOptions {
    std::string type = "text";
    std::string autocomplete = "off";
    std::string hint;
    std::string width;  ///< a GOV.UK width class such as "govuk-input--width-20"
};

/// The model for the text_input / password_input partials. `error` may be null.
nlohmann::json field(const std::string& id, const std::string& label, const std::string& value,
                     const core::Error* error, const FieldOptions& options = {});

/// A textarea `field` that holds a list or an address rather than writing, so the
/// plain-language checker leaves it alone.
nlohmann::json not_prose(nlohmann::json field);

/// The model for the radios partial: `options` is a list of {value, text}.
nlohmann::json radios(const std::string& id, const std::string& label,
                      const std::vector<std::pair<std::string, std::string>>& options,
                      const std::string& selected, const core::Error* error);

/// The model for the date_input partial (day, month and year boxes). Its error is the
/// message for `id`, `id-day`, `id-month` or `id-year`.
nlohmann::json date_field(const std::string& id, const std::string& label, const std::string& day,
                          const std::string& month, const std::string& year,
                          const core::Error* error, const std::string& hint = "");
/// The model for the time_input partial: hour and minute boxes in the style of the GOV.UK
/// date input, named "<id>-hour" and "<id>-minute", on the 24-hour clock.
nlohmann::json time_field(const std::string& id, const std::string& label, const std::string& hour,
                          const std::string& minute, const core::Error* error,
                          const std::string& hint = "");

/// The model for the select partial; `options` are {value, text} pairs.
nlohmann::json select_field(const std::string& id, const std::string& label,
                            const std::vector<std::pair<std::string, std::string>>& options,
                            const std::string& selected, const core::Error* error,
                            const std::string& hint = "");

/// The model for the checkboxes partial, with every value in `ticked` checked.
nlohmann::json checkboxes(const std::string& id, const std::string& label,
                          const std::vector<std::pair<std::string, std::string>>& options,
                          const std::vector<std::string>& ticked, const core::Error* error,
                          const std::string& hint = "");

/// Adds "error_summary" and "has_errors" to `model`, each linking to its field; an error
/// with no field errors is listed as one line.
/// The model for a deadline: {date, state, overdue}, where state is "Overdue", "Due today"
/// or "Due soon" (within `soon` working days), or false; false when `iso` holds no date.
nlohmann::json due_model(const std::string& iso, core::CivilDate today,
                         const domain::WorkingCalendar& calendar, int soon = 2);

void add_error_summary(nlohmann::json& model, const core::Error& error);

/// The message for `field_name`, or empty.
std::string field_message(const core::Error* error, const std::string& field_name);

/// JSON for a response body; text that is not valid UTF-8 is replaced, never thrown on.
std::string json_text(const nlohmann::json& body);

/// A stored UTC time in words, London time ("2 March 2026 at 9:05am"), or "" when empty.
std::string when_text(const std::string& stored);

}  // namespace signs::web
