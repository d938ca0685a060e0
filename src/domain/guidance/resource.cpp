#include "domain/guidance/resource.hpp"

#include <array>
#include <sstream>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

struct KindName {
    ResourceKind kind;
    std::string_view code, label;
};
constexpr std::array kKinds{
    KindName{ResourceKind::Strategy, "strategy", "Strategy"},
    KindName{ResourceKind::Guidance, "guidance", "Practice guidance"},
    KindName{ResourceKind::Newsletter, "newsletter", "Newsletter"},
    KindName{ResourceKind::Tool, "tool", "Tool for working with children and families"},
};
constexpr std::array kKindList{ResourceKind::Strategy, ResourceKind::Guidance,
                               ResourceKind::Newsletter, ResourceKind::Tool};

struct AudienceName {
    Audience audience;
    std::string_view code, label;
};
constexpr std::array kAudiences{
    AudienceName{Audience::Staff, "staff", "Council staff"},
    AudienceName{Audience::Partners, "partners", "Partner agencies"},
    AudienceName{Audience::Families, "families", "Children and families"},
};
constexpr std::array kAudienceList{Audience::Staff, Audience::Partners, Audience::Families};

template <typename Set, typename Parse>
Set parsed_codes(std::string_view codes, Parse parse) {
    Set out;
    std::istringstream words{std::string{codes}};
    for (std::string word; words >> word;) {
        if (auto value = parse(word)) out.insert(*value);
    }
    return out;
}

template <typename Set, typename Code>
std::string codes_of(const Set& values, Code code) {
    std::string out;
    for (auto value : values) {
        if (!out.empty()) out += ' ';
        out += code(value);
    }
    return out;
}

}  // namespace

std::string_view resource_kind_code(ResourceKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.code;
    return "guidance";
}

std::string_view resource_kind_label(ResourceKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.label;
    return "Practice guidance";
}

std::optional<ResourceKind> parse_resource_kind(std::string_view code) {
    for (const auto& k : kKinds)
        if (k.code == code) return k.kind;
    return std::nullopt;
}

std::span<const ResourceKind> all_resource_kinds() { return kKindList; }

std::string_view audience_code(Audience audience) {
    for (const auto& a : kAudiences)
        if (a.audience == audience) return a.code;
    return "staff";
}

std::string_view audience_label(Audience audience) {
    for (const auto& a : kAudiences)
        if (a.audience == audience) return a.label;
    return "Council staff";
}

std::optional<Audience> parse_audience(std::string_view code) {
    for (const auto& a : kAudiences)
        if (a.code == code) return a.audience;
    return std::nullopt;
}

std::span<const Audience> all_audiences() { return kAudienceList; }

core::Result<CheckedResource> check_resource(const ResourceForm& form, bool has_file) {
    core::FieldChecks checks;
    checks.text("title", form.title, "Enter the resource's title", "The title", 150);
    checks.text("summary", form.summary, "Enter a short summary of what it is for", "The summary",
                600);
    CheckedResource out;
    out.title = core::trimmed(form.title);
    out.summary = core::trimmed(form.summary);
    if (auto kind = parse_resource_kind(form.kind)) {
        out.kind = *kind;
    } else {
        checks.add("kind", "Choose what kind of resource this is");
    }
    for (const auto& code : form.audiences) {
        auto audience = parse_audience(code);
        if (!audience) {
            checks.add("audiences", "Choose who it is for from the list");
            break;
        }
        out.audiences.insert(*audience);
    }
    if (out.audiences.empty() && !checks.has("audiences"))
        checks.add("audiences", "Choose who it is for");
    for (const auto& code : form.levels) {
        auto level = parse_level(code);
        if (!level) {
            checks.add("levels", "Choose service levels from the list");
            break;
        }
        out.levels.insert(*level);
    }
    checks.optional_text("body", form.body, "The page", kMaxResourceBody);
    out.body = core::trimmed(form.body);
    if (out.body.empty() && !has_file && !checks.has("body"))
        checks.add("body", "Write the page, or choose a file to upload");
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

bool is_public(const std::set<Audience>& audiences) {
    return audiences.contains(Audience::Partners) || audiences.contains(Audience::Families);
}

std::string joined_codes(const std::set<Audience>& audiences) {
    return codes_of(audiences, audience_code);
}

std::string joined_codes(const std::set<ServiceLevel>& levels) {
    return codes_of(levels, level_code);
}

std::set<Audience> audiences_in(std::string_view codes) {
    return parsed_codes<std::set<Audience>>(codes, parse_audience);
}

std::set<ServiceLevel> levels_in(std::string_view codes) {
    return parsed_codes<std::set<ServiceLevel>>(codes, parse_level);
}

TitledPage split_title(std::string_view markdown) {
    TitledPage page;
    auto heading = markdown.starts_with("# ") ? 0 : markdown.find("\n# ");
    if (heading == std::string_view::npos) {
        page.body = std::string{markdown};
        return page;
    }
    if (heading != 0) ++heading;
    auto title_end = markdown.find('\n', heading);
    page.title = core::trimmed(markdown.substr(heading + 2, title_end - heading - 2));
    if (title_end == std::string_view::npos) return page;
    page.body = std::string{markdown.substr(title_end + 1)};
    std::istringstream lines{page.body};
    for (std::string line; std::getline(lines, line);) {
        if (core::trimmed(line).empty()) {
            if (!page.summary.empty()) break;
            continue;
        }
        page.summary += (page.summary.empty() ? "" : " ") + core::trimmed(line);
    }
    if (lines) {
        std::stringstream rest;
        rest << lines.rdbuf();
        page.details = rest.str();
    }
    return page;
}

}  // namespace signs::domain
