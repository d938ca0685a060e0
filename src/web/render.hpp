#pragma once
/// Mustache templates from templates/, compiled at start-up; a template that does not parse
/// stops start-up. `{{> name}}` partials (templates/partials/NAME.mustache) are inlined at load
/// time, so nothing is parsed per request and no data can ever be read as a template.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace signs::web {

class Views {
public:
    /// Loads every *.mustache under `folder`; names are relative paths without the
    /// extension ("admin/users"). Throws std::runtime_error naming the first broken template.
    explicit Views(const std::filesystem::path& folder);

    /// Renders one template with `model` (JSON objects, arrays, strings, numbers, booleans).
    /// `{{x}}` is HTML-escaped; `{{{x}}}` is used only for HTML our own code built.
    std::string render(const std::string& name, const nlohmann::json& model) const;
    bool has(const std::string& name) const { return sources_.contains(name); }

private:
    std::map<std::string, std::string> sources_;  ///< partials already inlined
};

}  // namespace signs::web
