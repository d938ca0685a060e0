#include "domain/documents/family_document.hpp"

#include <algorithm>
#include <array>

#include "core/validation.hpp"

namespace signs::domain {

namespace {

constexpr std::array<CodeLabel, 4> kWays = {{
    {"in-person", "In person"},
    {"at-meeting", "At a meeting"},
    {"post", "By post"},
    {"email", "By email"},
}};

}  // namespace

std::span<const CodeLabel> given_ways() { return kWays; }

core::Result<Given> check_given(const GivenForm& form, core::CivilDate document_date,
                                core::CivilDate today) {
    core::FieldChecks checks;
    checks.text("given_to", form.given_to, "Enter who you gave it to", "Who it went to", 200);
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!on) {
        checks.add("given-day", "Enter the date you gave it, like 27 11 2026");
    } else if (*on > today) {
        checks.add("given-day", "The date you gave it must be today or earlier");
    } else if (*on < document_date) {
        checks.add("given-day", "The date you gave it cannot be before the document's own date, " +
                                    document_date.long_text());
    }
    if (!is_code_in(kWays, form.how)) checks.add("how", "Select how you gave it");
    if (!checks.ok()) return std::unexpected(checks.error());
    return Given{core::trimmed(form.given_to), *on, form.how};
}

std::string FamilyDocument::plain_text() const {
    auto date = core::CivilDate::parse_iso(dated);
    std::string out =
        title + "\nFor " + for_whom + (date ? " · " + date->long_text() : std::string{}) + "\n";
    for (const auto& section : sections) {
        out += section.heading + "\n";
        for (const auto& block : section.blocks) {
            if (!block.label.empty()) out += block.label + ": ";
            out += block.text + "\n";
        }
    }
    return out;
}

std::string names_joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

void explain_jargon(FamilyDocument& document, const Glossary& glossary) {
    std::vector<std::size_t> used;
    auto look_in = [&](const std::string& text) {
        for (const auto& hit : glossary.find(text)) {
            if (std::find(used.begin(), used.end(), hit.term) == used.end())
                used.push_back(hit.term);
        }
    };
    for (const auto& section : document.sections) {
        look_in(section.heading);
        for (const auto& block : section.blocks) look_in(block.text);
    }
    DocumentSection words{std::string{kWordsWeUse},
                          {{DocumentBlock::Kind::Paragraph,
                            "Workers sometimes use these words. This is what they mean.", ""}}};
    for (auto term : used) {
        const auto& t = glossary.terms()[term];
        if (!t.meaning.empty())
            words.blocks.push_back({DocumentBlock::Kind::Detail, t.meaning, t.phrase});
    }
    if (words.blocks.size() > 1) document.sections.push_back(std::move(words));
}

}  // namespace signs::domain
