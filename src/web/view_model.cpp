#include "web/view_model.hpp"

#include <algorithm>

#include "core/london_time.hpp"

namespace signs::web {

std::string field_message(const core::Error* error, const std::string& field_name) {
    if (!error) return "";
    for (const auto& f : error->fields) {
        if (f.field == field_name) return f.message;
    }
    return "";
}

nlohmann::json field(const std::string& id, const std::string& label, const std::string& value,
                     const core::Error* error, const FieldOptions& options) {
    auto message = field_message(error, id);
    std::string describedby;
    if (!options.hint.empty()) describedby = id + "-hint";
    if (!message.empty()) describedby += (describedby.empty() ? "" : " ") + id + "-error";
    return {
        {"id", id},
        {"label", label},
        {"value", value},
        {"type", options.type},
        {"autocomplete", options.autocomplete},
        {"hint", options.hint.empty() ? nlohmann::json(false) : nlohmann::json(options.hint)},
        {"width", options.width},
        {"error", message.empty() ? nlohmann::json(false) : nlohmann::json(message)},
        {"describedby", describedby.empty() ? nlohmann::json(false) : nlohmann::json(describedby)}};
}

nlohmann::json radios(const std::string& id, const std::string& label,
                      const std::vector<std::pair<std::string, std::string>>& options,
                      const std::string& selected, const core::Error* error) {
    auto message = field_message(error, id);
    nlohmann::json items = nlohmann::json::array();
    bool first = true;
    for (const auto& [value, text] : options) {
        // The first radio carries the field's id, so the error summary link lands on it.
        items.push_back({{"option_id", first ? id : id + "-" + value},
                         {"name", id},
                         {"value", value},
                         {"text", text},
                         {"checked", value == selected}});
        first = false;
    }
    return {
        {"id", id},
        {"label", label},
        {"options", items},
        {"error", message.empty() ? nlohmann::json(false) : nlohmann::json(message)},
        {"describedby", message.empty() ? nlohmann::json(false) : nlohmann::json(id + "-error")}};
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

std::string when_text(const std::string& stored) {
    if (stored.empty()) return "";
    auto at = core::from_storage(stored);
    return at ? core::london_text(*at) : stored;
}

}  // namespace signs::web
