#pragma once
/// Mustache templates from templates/, compiled at start-up; a template that does not parse
/// stops start-up. `{{> name}}` partials (templates/partials/NAME.mustache) are inlined at load
/// time, so nothing is parsed per request and no data can ever be read as a template. Each
/// page is also joined into the layout at load time (in place of `{{{content}}}`), so a page
/// is one render of one template.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace signs::web {

/// What the layout shows around every page: who is signed in, the navigation, and the CSRF
/// token its forms carry. Passed as plain values so the busiest part of every page skips
/// the JSON model.
struct PageChrome {
    struct NavItem {
        std::string href;
        std::string text;
        bool current = false;
    };
    std::string csrf_token;
    bool signed_in = false;
    std::string user_name;
    std::string user_role;
    std::vector<NavItem> nav;
};

/// Text escaped for HTML as `{{x}}` escapes it.
std::string html_escaped(const std::string& text);

class Views {
  public:
    /// Loads every *.mustache under `folder`; names are relative paths without the
    /// extension ("admin/users"). Throws std::runtime_error naming the first broken template.
    /// `constants` are values fixed for the life of the process (asset URLs): `{{name}}` tags
    /// for them are replaced by their escaped text when the templates load.
    explicit Views(const std::filesystem::path& folder,
                   const std::map<std::string, std::string>& constants = {});

    /// Renders one template with `model` (JSON objects, arrays, strings, numbers, booleans).
    /// `{{x}}` is HTML-escaped; `{{{x}}}` is used only for HTML our own code built.
    std::string render(const std::string& name, const nlohmann::json& model) const;
    /// Renders the page `name` inside templates/layout.mustache.
    std::string render_page(const std::string& name, const nlohmann::json& model,
                            const PageChrome& chrome) const;
    bool has(const std::string& name) const { return sources_.contains(name); }

  private:
    std::string render_data(const std::string& name, const void* data) const;

    std::map<std::string, std::string> sources_;  ///< partials already inlined
};

}  // namespace signs::web
