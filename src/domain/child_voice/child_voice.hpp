#pragma once
/// Tools for hearing children: Three Houses (worries, good things, dreams), Wizards and
/// Fairies (the same three questions for younger children, asked through characters) and the
/// Safety House (who is inside, on the path and outside, and the house's rules, with where
/// the child puts themself on the path). What is kept is the child's own words, with the date,
/// who helped, and optionally a photo or scan of their drawing.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"

namespace signs::domain {

/// One box of a tool: a house, a character or a part of the safety house.
struct VoicePart {
    std::string_view code;
    std::string_view name;    ///< "House of worries"
    std::string_view prompt;  ///< the question, in words for a child
    /// The mapping category the child's words here go under, or empty where they are not an
    /// entry of their own (the Safety House's people, say).
    std::string_view category;
};

struct VoiceTool {
    std::string_view code;  ///< "three-houses"
    std::string_view name;  ///< "Three Houses"
    std::span<const VoicePart> parts;
    bool has_path = false;  ///< the child marks their place on the path, 0 to 10
};

std::span<const VoiceTool> voice_tools();
const VoiceTool* find_voice_tool(std::string_view code);

/// Short enough that a part, with its name before it, fits one mapping entry.
inline constexpr std::size_t kMaxVoiceText = 3500;

/// A record as typed: one text per part code.
struct ChildVoiceForm {
    std::string tool;
    std::string child;  ///< the child's record number, as sent
    std::string day, month, year;
    std::string helped_by;
    std::map<std::string, std::string> parts;
    std::string place;  ///< where the child put themself on the path: "" or 0 to 10
    /// Whether the child agreed for their words to be shared: "yes" or "no".
    std::string share_family, share_network;
};

struct ChildVoice {
    const VoiceTool* tool = nullptr;
    std::int64_t child_id = 0;
    core::CivilDate on;
    std::string helped_by;
    std::map<std::string, std::string> parts;  ///< every part of the tool, trimmed
    std::optional<int> place;
    /// What the child agreed to. Words not agreed for the family stay out of the family's
    /// copy of the plan; words go into a mapping, which the family and the network both
    /// read, only when agreed for both.
    bool shared_with_family = false, shared_with_network = false;
};

/// A known tool; one of `children` (the case's); a real date no later than `today`; who
/// helped (at most 200 characters); at least one part in the child's words, each at most
/// kMaxVoiceText characters; a place on the path from 0 to 10 only for a tool with a path;
/// and an answer, yes or no, to whether the child agreed for the words to be shared with
/// their family and with their network.
core::Result<ChildVoice> check_child_voice(const ChildVoiceForm& form,
                                           const std::vector<std::int64_t>& children,
                                           core::CivilDate today);

}  // namespace signs::domain
