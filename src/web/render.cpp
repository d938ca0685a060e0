#include "web/render.hpp"

#include <kainjow/mustache.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace signs::web {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Indentation only helps people reading the template files. Dropping it at load time makes
// pages smaller and rendering faster. (So a template must not rely on leading spaces inside
// <pre> or <textarea>: put such text in a variable instead.)
std::string strip_indentation(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == ' ' || c == '\t')) continue;
        line_start = c == '\n';
        if (line_start && !out.empty() && out.back() == '\n') continue;  // and blank lines
        out += c;
    }
    return out;
}

std::string inline_partials(const std::string& text,
                            const std::map<std::string, std::string>& partials, int depth) {
    if (depth > 8)
        throw std::runtime_error("partials nest too deeply (a partial includes itself?)");
    std::string out;
    std::size_t pos = 0;
    while (true) {
        auto start = text.find("{{>", pos);
        if (start == std::string::npos) break;
        auto end = text.find("}}", start);
        if (end == std::string::npos) throw std::runtime_error("unclosed partial tag");
        std::string name = text.substr(start + 3, end - start - 3);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        auto it = partials.find(name);
        if (it == partials.end()) throw std::runtime_error("unknown partial '" + name + "'");
        out += text.substr(pos, start - pos);
        out += inline_partials(it->second, partials, depth + 1);
        pos = end + 2;
    }
    out += text.substr(pos);
    return out;
}

data leaf(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::string:
            return data{value.get_ref<const std::string&>()};
        case nlohmann::json::value_t::boolean:
            return value.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
        case nlohmann::json::value_t::null:
            return data{data::type::bool_false};
        case nlohmann::json::value_t::number_integer:
            return data{std::to_string(value.get<std::int64_t>())};
        case nlohmann::json::value_t::number_unsigned:
            return data{std::to_string(value.get<std::uint64_t>())};
        default:
            return data{value.dump()};
    }
}

// kainjow's set() and push_back() take a copy, so building a tree bottom-up copies every
// subtree once per level above it: most of the cost of a long page. Instead each container
// goes in empty and is filled where it then lives. The const_cast is sound: kainjow hands out
// const access to elements of objects that are ours and not const.
void fill(data& out, const nlohmann::json& value);

data& placed(data& parent, const std::string& key, const nlohmann::json& item) {
    parent.set(key, item.is_structured()
                        ? data{item.is_object() ? data::type::object : data::type::list}
                        : leaf(item));
    return const_cast<data&>(*parent.get(key));
}

data& appended(data& list, const nlohmann::json& item) {
    list.push_back(item.is_structured()
                       ? data{item.is_object() ? data::type::object : data::type::list}
                       : leaf(item));
    return const_cast<data&>(list.list_value().back());
}

void fill(data& out, const nlohmann::json& value) {
    if (value.is_object()) {
        for (const auto& [key, item] : value.items()) {
            auto& child = placed(out, key, item);
            if (item.is_structured()) fill(child, item);
        }
    } else if (value.is_array()) {
        for (const auto& item : value) {
            auto& child = appended(out, item);
            if (item.is_structured()) fill(child, item);
        }
    }
}

data to_data(const nlohmann::json& value) {
    if (!value.is_structured()) return leaf(value);
    data out{value.is_object() ? data::type::object : data::type::list};
    fill(out, value);
    return out;
}

// Each thread keeps its own compiled copies: kainjow's render is not documented as safe to
// call on one template from several threads at once.
struct Compiled {
    std::unordered_map<std::string, std::unique_ptr<mustache>> templates;
};

}  // namespace

std::string html_escaped(const std::string& text) { return kainjow::mustache::html_escape(text); }

Views::Views(const std::filesystem::path& folder,
             const std::map<std::string, std::string>& constants) {
    std::map<std::string, std::string> raw, partials;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
        auto name =
            std::filesystem::relative(entry.path(), folder).replace_extension().generic_string();
        auto text = strip_indentation(read_file(entry.path()));
        if (name.starts_with("partials/")) {
            partials.emplace(name.substr(9), text);
        } else {
            raw.emplace(name, text);
        }
    }
    for (const auto& [name, text] : raw) {
        std::string source;
        try {
            source = inline_partials(text, partials, 0);
        } catch (const std::exception& error) {
            throw std::runtime_error("template " + name + ": " + error.what());
        }
        for (const auto& [key, value] : constants) {
            const std::string tag = "{{" + key + "}}";
            const auto escaped = kainjow::mustache::html_escape(value);
            for (auto pos = source.find(tag); pos != std::string::npos;
                 pos = source.find(tag, pos)) {
                source.replace(pos, tag.size(), escaped);
                pos += escaped.size();
            }
        }
        mustache check{source};
        if (!check.is_valid()) {
            throw std::runtime_error("template " + name + ": " + check.error_message());
        }
        sources_.emplace(name, std::move(source));
    }
    auto layout = sources_.find("layout");
    if (layout == sources_.end()) throw std::runtime_error("templates/layout.mustache is missing");
    const std::string slot = "{{{content}}}";
    auto at = layout->second.find(slot);
    if (at == std::string::npos) throw std::runtime_error("the layout has no {{{content}}}");
    std::map<std::string, std::string> pages;
    for (const auto& [name, source] : sources_) {
        if (name == "layout") continue;
        auto joined = layout->second;
        joined.replace(at, slot.size(), source);
        pages.emplace("page:" + name, std::move(joined));
    }
    sources_.merge(pages);
}

std::string Views::render_page(const std::string& name, const nlohmann::json& model,
                               const PageChrome& chrome) const {
    auto root = to_data(model);
    root.set("csrf_token", chrome.csrf_token);
    if (chrome.signed_in) {
        data user{data::type::object};
        user.set("name", chrome.user_name);
        user.set("role", chrome.user_role);
        root.set("user", user);
    }
    if (!chrome.nav.empty()) {
        data nav{data::type::list};
        for (const auto& item : chrome.nav) {
            data entry{data::type::object};
            entry.set("href", item.href);
            entry.set("text", item.text);
            entry.set("current",
                      item.current ? data{data::type::bool_true} : data{data::type::bool_false});
            nav.push_back(entry);
        }
        root.set("nav", nav);
        root.set("has_nav", data{data::type::bool_true});
    }
    return render_data("page:" + name, &root);
}

std::string Views::render(const std::string& name, const nlohmann::json& model) const {
    auto root = to_data(model);
    return render_data(name, &root);
}

std::string Views::render_data(const std::string& name, const void* root) const {
    thread_local std::unordered_map<const Views*, Compiled> per_thread;
    auto& compiled = per_thread[this].templates;
    auto it = compiled.find(name);
    if (it == compiled.end()) {
        auto source = sources_.find(name);
        if (source == sources_.end()) throw std::runtime_error("no template named " + name);
        it = compiled.emplace(name, std::make_unique<mustache>(source->second)).first;
    }
    auto out = it->second->render(*static_cast<const data*>(root));
    if (!it->second->is_valid()) {
        throw std::runtime_error("template " + name + " failed: " + it->second->error_message());
    }
    return out;
}

}  // namespace signs::web
