#pragma once
/// The guidance library: strategy documents, guidance for each service level, newsletters and
/// tools for working with children and families. A resource is a Markdown page, an uploaded
/// file, or both. Resources written for partners or families are public: anyone may read
/// them without signing in.
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/casework/service_level.hpp"

namespace signs::domain {

enum class ResourceKind { Strategy, Guidance, Newsletter, Tool };

std::string_view resource_kind_code(ResourceKind kind);   ///< "newsletter"
std::string_view resource_kind_label(ResourceKind kind);  ///< "Newsletter"
std::optional<ResourceKind> parse_resource_kind(std::string_view code);
std::span<const ResourceKind> all_resource_kinds();

enum class Audience { Staff, Partners, Families };

std::string_view audience_code(Audience audience);   ///< "partners"
std::string_view audience_label(Audience audience);  ///< "Partner agencies"
std::optional<Audience> parse_audience(std::string_view code);
std::span<const Audience> all_audiences();

struct ResourceForm {
    std::string title, summary, kind, body;
    std::vector<std::string> audiences, levels;  ///< codes, as ticked
};

struct CheckedResource {
    std::string title, summary;
    ResourceKind kind = ResourceKind::Guidance;
    std::set<Audience> audiences;
    std::set<ServiceLevel> levels;  ///< empty: every level
    std::string body;               ///< Markdown; may be empty when there is a file
};

inline constexpr std::size_t kMaxResourceBody = 100'000;

/// Title (at most 150 characters) and summary (600) are needed, a kind from the list, at least
/// one audience, levels from the list (none means it serves every level), and either a page
/// (`body`, at most 100,000 characters) or a file (`has_file`: one chosen now or kept from
/// before). Errors use the form's field names.
core::Result<CheckedResource> check_resource(const ResourceForm& form, bool has_file);

/// Written for partners or families, so shown on the public pages.
bool is_public(const std::set<Audience>& audiences);

/// Codes joined with spaces, the way they are stored and matched ("staff partners").
std::string joined_codes(const std::set<Audience>& audiences);
std::string joined_codes(const std::set<ServiceLevel>& levels);
/// The stored forms read back; unknown codes are dropped.
std::set<Audience> audiences_in(std::string_view codes);
std::set<ServiceLevel> levels_in(std::string_view codes);

/// A Markdown page written with its title as the first "# " heading and its summary as the
/// paragraph after: the guidance pages in data/ and the public pages.
struct TitledPage {
    std::string title, summary;
    std::string body;     ///< everything after the title line
    std::string details;  ///< everything after the summary
};
TitledPage split_title(std::string_view markdown);

}  // namespace signs::domain
