#include "web/view_model.hpp"

#include <algorithm>

#include "core/london_time.hpp"

namespace signs::web {
namespace {

nlohmann::json text_or_false(const std::string& text) {
    return text.empty() ? nlohmann::json(false) : nlohmann::json(text);
}

// aria-describedby for a field: its hint and its error message, when present.
nlohmann::json described_by(const std::string& id, const std::string& hint,
                            const std::string& message) {
    std::string ids;
    if (!hint.empty()) ids = id + "-hint";
    if (!message.empty()) ids += (ids.empty() ? "" : " ") + id + "-error";
    return text_or_false(ids);
}

nlohmann::json option_list(const std::string& id,
                           const std::vector<std::pair<std::string, std::string>>& options,
                           const std::vector<std::string>& selected) {
    nlohmann::json items = nlohmann::json::array();
    bool first = true;
    for (const auto& [value, text] : options) {
        // The first option carries the field's id, so the error summary link lands on it.
        bool checked = std::find(selected.begin(), selected.end(), value) != selected.end();
        items.push_back({{"option_id", first ? id : id + "-" + value},
                         {"name", id},
                         {"value", value},
                         {"text", text},
                         {"checked", checked}});
        first = false;
    }
    return items;
}

nlohmann::json choice_field(const std::string& id, const std::string& label,
                            const std::vector<std::pair<std::string, std::string>>& options,
                            const std::vector<std::string>& selected, const core::Error* error,
                            const std::string& hint) {
    auto message = field_message(error, id);
    return {{"id", id},
            {"label", label},
            {"hint", text_or_false(hint)},
            {"options", option_list(id, options, selected)},
            {"error", text_or_false(message)},
            {"describedby", described_by(id, hint, message)}};
}

}  // namespace

std::string field_message(const core::Error* error, const std::string& field_name) {
    return error ? error->message_for(field_name) : "";
}

nlohmann::json field(const std::string& id, const std::string& label, const std::string& value,
                     const core::Error* error, const FieldOptions& options) {
    auto message = field_message(error, id);
    return {{"id", id},
            {"label", label},
            {"value", value},
            {"type", options.type},
            {"autocomplete", options.autocomplete},
            {"hint", text_or_false(options.hint)},
            {"width", options.width},
            {"error", text_or_false(message)},
            {"describedby", described_by(id, options.hint, message)}};
}

nlohmann::json radios(const std::string& id, const std::string& label,
                      const std::vector<std::pair<std::string, std::string>>& options,
                      const std::string& selected, const core::Error* error) {
    return choice_field(id, label, options, {selected}, error, "");
}

nlohmann::json select_field(const std::string& id, const std::string& label,
                            const std::vector<std::pair<std::string, std::string>>& options,
                            const std::string& selected, const core::Error* error,
                            const std::string& hint) {
    return choice_field(id, label, options, {selected}, error, hint);
}

nlohmann::json checkboxes(const std::string& id, const std::string& label,
                          const std::vector<std::pair<std::string, std::string>>& options,
                          const std::vector<std::string>& ticked, const core::Error* error,
                          const std::string& hint) {
    return choice_field(id, label, options, ticked, error, hint);
}

nlohmann::json date_field(const std::string& id, const std::string& label, const std::string& day,
                          const std::string& month, const std::string& year,
                          const core::Error* error, const std::string& hint) {
    std::string message;
    for (const auto& name : {id, id + "-day", id + "-month", id + "-year"}) {
        if (message.empty()) message = field_message(error, name);
    }
    return {{"id", id},
            {"label", label},
            {"day", day},
            {"month", month},
            {"year", year},
            {"hint", text_or_false(hint)},
            {"error", text_or_false(message)},
            {"describedby", described_by(id, hint, message)}};
}

nlohmann::json time_field(const std::string& id, const std::string& label, const std::string& hour,
                          const std::string& minute, const core::Error* error,
                          const std::string& hint) {
    std::string message;
    for (const auto& name : {id, id + "-hour", id + "-minute"}) {
        if (message.empty()) message = field_message(error, name);
    }
    return {{"id", id},
            {"label", label},
            {"hour", hour},
            {"minute", minute},
            {"hint", text_or_false(hint)},
            {"error", text_or_false(message)},
            {"describedby", described_by(id, hint, message)}};
}

nlohmann::json due_model(const std::string& iso, core::CivilDate today,
                         const domain::WorkingCalendar& calendar, int soon) {
    auto due = core::CivilDate::parse_iso(iso);
    if (!due) return false;
    auto state = domain::due_state(*due, today, calendar, soon);
    auto label = domain::due_label(state);
    return {{"date", due->long_text()},
            {"state", label.empty() ? nlohmann::json(false) : nlohmann::json(std::string{label})},
            {"overdue", state == domain::DueState::Overdue}};
}

void add_error_summary(nlohmann::json& model, const core::Error& error) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& f : error.fields) {
        // One message that covers two fields (a failed sign-in) is listed once.
        bool listed = std::any_of(items.begin(), items.end(),
                                  [&](const auto& item) { return item["text"] == f.message; });
        if (!listed) items.push_back({{"href", "#" + f.field}, {"text", f.message}});
    }
    if (items.empty()) items.push_back({{"href", false}, {"text", error.message}});
    model["error_summary"] = items;
    model["has_errors"] = true;
}

std::string json_text(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string when_text(const std::string& stored) {
    if (stored.empty()) return "";
    auto at = core::from_storage(stored);
    return at ? core::london_text(*at) : stored;
}

nlohmann::json not_prose(nlohmann::json field) {
    field["not_prose"] = true;
    return field;
}

}  // namespace signs::web
