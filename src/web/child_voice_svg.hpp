#pragma once
/// The child's words drawn back as their tool: three houses, the wizard, the fairy and the
/// wand, or the safety house with its path, so the child sees what they said in the shape
/// they said it. The drawing is a picture of words also listed as text on the page, so it is
/// hidden from screen readers.
#include <map>
#include <optional>
#include <string>

#include "domain/child_voice/child_voice.hpp"

namespace signs::web {

std::string child_voice_svg(const domain::VoiceTool& tool,
                            const std::map<std::string, std::string>& parts,
                            std::optional<int> place);

/// `text` broken into lines of at most `width` characters, at spaces where it can be; at most
/// `most` lines, the last ending in "…" when words were left out.
std::vector<std::string> wrapped(const std::string& text, std::size_t width, std::size_t most);

}  // namespace signs::web
