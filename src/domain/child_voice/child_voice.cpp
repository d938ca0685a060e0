#include "domain/child_voice/child_voice.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/utf8.hpp"
#include "core/validation.hpp"

namespace signs::domain {
namespace {

// The parts follow the mapping's three columns, so a child's words can become entries.
constexpr std::array<VoicePart, 3> kHouses = {{
    {"worries", "House of worries", "What worries you, or makes you feel sad or scared?", "harm"},
    {"good-things", "House of good things", "What is good in your life? What do you like?",
     "strength"},
    {"dreams", "House of dreams", "If everything was just how you wanted, what would it be like?",
     "next-step"},
}};

constexpr std::array<VoicePart, 3> kWizardsAndFairies = {{
    {"worries", "The wizard's worries", "What would the wizard say is wrong or worrying at home?",
     "harm"},
    {"good-things", "The fairy's good things", "What would the fairy say is good at home?",
     "strength"},
    {"dreams", "The magic wand", "If you had a magic wand, what would you change?", "next-step"},
}};

constexpr std::array<VoicePart, 4> kSafetyHouse = {{
    {"inside", "Inside the house", "Who lives with you in your safe house and helps keep you safe?",
     ""},
    {"path", "On the path", "Who can visit, as long as they keep the rules?", ""},
    {"outside", "Outside", "Who should stay outside until things are safer?", ""},
    {"rules", "The rules of the house",
     "What rules would make your house safe? What must the grown-ups do?", "next-step"},
}};

constexpr std::array<VoiceTool, 3> kTools = {{
    {"three-houses", "Three Houses", kHouses, false},
    {"wizards-and-fairies", "Wizards and Fairies", kWizardsAndFairies, false},
    {"safety-house", "Safety House", kSafetyHouse, true},
}};

}  // namespace

std::span<const VoiceTool> voice_tools() { return kTools; }

const VoiceTool* find_voice_tool(std::string_view code) {
    for (const auto& t : kTools)
        if (t.code == code) return &t;
    return nullptr;
}

core::Result<ChildVoice> check_child_voice(const ChildVoiceForm& form,
                                           const std::vector<std::int64_t>& children,
                                           core::CivilDate today) {
    core::FieldChecks checks;
    const auto* tool = find_voice_tool(form.tool);
    if (!tool) checks.add("tool", "Select the tool you used");
    std::int64_t child = 0;
    auto [end, ec] =
        std::from_chars(form.child.data(), form.child.data() + form.child.size(), child);
    if (ec != std::errc{} || end != form.child.data() + form.child.size() ||
        std::find(children.begin(), children.end(), child) == children.end())
        checks.add("child", "Select the child whose words these are");
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!on) {
        checks.add("on-day", "Enter the date you did this with the child, like 27 11 2026");
    } else if (*on > today) {
        checks.add("on-day", "The date must be today or earlier");
    }
    checks.text("helped_by", form.helped_by, "Enter who helped the child", "Who helped", 200);
    ChildVoice out{tool,  child, on.value_or(today), core::trimmed(form.helped_by), {}, {},
                   false, false};
    if (tool) {
        bool any = false;
        for (const auto& part : tool->parts) {
            auto found = form.parts.find(std::string{part.code});
            std::string text = found == form.parts.end() ? "" : found->second;
            checks.optional_text(part.code, text, part.name, kMaxVoiceText);
            out.parts[std::string{part.code}] = core::trimmed(text);
            if (!core::trimmed(text).empty()) any = true;
        }
        if (!any)
            checks.add(tool->parts.front().code,
                       "Write down at least one thing the child said, in their words");
        if (!form.place.empty()) {
            auto place = core::whole_number_in(form.place, 0, 10);
            if (!tool->has_path || !place)
                checks.add("place", "Enter where the child put themself on the path, from 0 to 10");
            out.place = place;
        }
    }
    auto agreed = [&](const std::string& answer, const char* field, const char* who) {
        if (answer != "yes" && answer != "no")
            checks.add(field, std::string{"Say whether the child agreed for their words to be "
                                          "shared with "} +
                                  who);
        return answer == "yes";
    };
    out.shared_with_family = agreed(form.share_family, "share_family", "their family");
    out.shared_with_network = agreed(form.share_network, "share_network", "their network");
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

}  // namespace signs::domain
