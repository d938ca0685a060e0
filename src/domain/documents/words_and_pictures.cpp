#include "domain/documents/words_and_pictures.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 4> kParts = {{
    {"family", "Who is in our family"},
    {"worries", "What the worries were"},
    {"what-people-did", "What people did"},
    {"what-happens-now", "What happens now"},
}};

constexpr std::array<CodeLabel, 8> kPictures = {{
    {"family", "A family holding hands"},
    {"house", "A house"},
    {"worried", "A worried face"},
    {"happy", "A happy face"},
    {"talking", "Two people talking"},
    {"meeting", "People round a table"},
    {"school", "A school"},
    {"heart", "A heart"},
}};

}  // namespace

std::span<const CodeLabel> story_parts() { return kParts; }
std::span<const CodeLabel> story_pictures() { return kPictures; }

core::Result<Story> check_story(const StoryForm& form, const std::vector<std::int64_t>& children) {
    core::FieldChecks checks;
    std::int64_t child = 0;
    auto [end, ec] =
        std::from_chars(form.child.data(), form.child.data() + form.child.size(), child);
    if (ec != std::errc{} || end != form.child.data() + form.child.size() ||
        std::find(children.begin(), children.end(), child) == children.end())
        checks.add("child", "Select the child the story is for");
    checks.text("title", form.title, "Give the story a title, like \"Maya's story\"", "The title",
                100);
    checks.text("written_with", form.written_with, "Enter who in the family wrote it with you",
                "Who it was written with", 200);
    Story story{child, core::trimmed(form.title), core::trimmed(form.written_with), {}, {}};
    for (const auto& part : kParts) {
        std::string code{part.code};
        auto words = form.words.contains(code) ? form.words.at(code) : std::string{};
        std::string missing{part.label};
        missing[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(missing[0])));
        checks.text(code, words, "Write " + missing, part.label, kMaxStoryText);
        story.words[code] = core::trimmed(words);
        auto picture = form.pictures.contains(code) ? form.pictures.at(code) : std::string{};
        if (!picture.empty() && !is_code_in(kPictures, picture))
            checks.add(code + "-picture", "Choose a picture from the list, or none");
        story.pictures[code] = picture;
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return story;
}

FamilyDocument story_document(const Story& story, const std::string& child, const std::string& on) {
    FamilyDocument doc;
    doc.title = story.title;
    doc.for_whom = child;
    doc.dated = on;
    for (const auto& part : kParts) {
        std::string code{part.code};
        DocumentSection section{std::string{part.label}, {}};
        // A story kept before a part existed simply has nothing in it.
        auto found = story.words.find(code);
        const std::string words = found == story.words.end() ? "" : found->second;
        // Each line the family wrote is a paragraph of its own, as they set it out.
        std::size_t start = 0;
        while (start <= words.size()) {
            auto stop = words.find('\n', start);
            if (stop == std::string::npos) stop = words.size();
            auto line = core::trimmed(std::string_view{words}.substr(start, stop - start));
            if (!line.empty()) section.blocks.push_back({DocumentBlock::Kind::Paragraph, line, ""});
            start = stop + 1;
        }
        doc.sections.push_back(std::move(section));
    }
    doc.sections.push_back(
        {"Written with", {{DocumentBlock::Kind::Paragraph, story.written_with, ""}}});
    return doc;
}

}  // namespace signs::domain
