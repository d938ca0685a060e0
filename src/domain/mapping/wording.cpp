#include <algorithm>

#include "domain/mapping/wording.hpp"

#include "core/validation.hpp"

namespace signs::domain {
namespace {

MappingWording built_in(PracticeVariant variant) {
    switch (variant) {
        case PracticeVariant::Wellbeing:
            return {"What are we worried about?",
                    "What's working well?",
                    "What needs to happen?",
                    "Worry statement",
                    "Wellbeing goal",
                    "Worries",
                    {"On a scale of 0 to 10, where are things for the child now?",
                     "Things are so hard for the child that more help is needed straight away",
                     "The child's needs are met and the family no longer needs early help"},
                    std::string{variant_label(variant)}};
        case PracticeVariant::Stability:
            return {"What are we worried about?",
                    "What's working well?",
                    "What needs to happen?",
                    "Worry statement",
                    "Stability goal",
                    "Worries",
                    {"On a scale of 0 to 10, how settled and secure is the young person now?",
                     "Their home and relationships could break down at any time",
                     "They are settled, connected to the people who matter to them, and "
                     "working towards their own goals"},
                    std::string{variant_label(variant)}};
        case PracticeVariant::Safety:
            break;
    }
    return {"What are we worried about?",
            "What's working well?",
            "What needs to happen?",
            "Danger statement",
            "Safety goal",
            "Harm",
            {"On a scale of 0 to 10, how safe is the child now?",
             "The child is certain to be hurt again if nothing changes",
             "Everyone knows the child is safe enough for the agency to close the case"},
            std::string{variant_label(variant)}};
}

constexpr WordingField kFields[] = {
    {"name", "Name of this way of working", 60,
     [](MappingWording& w) -> std::string& { return w.name; }},
    {"worried_column", "First column", 80,
     [](MappingWording& w) -> std::string& { return w.worried_column; }},
    {"working_column", "Second column", 80,
     [](MappingWording& w) -> std::string& { return w.working_column; }},
    {"needs_column", "Third column", 80,
     [](MappingWording& w) -> std::string& { return w.needs_column; }},
    {"harm", "What has happened (the first kind of worry)", 40,
     [](MappingWording& w) -> std::string& { return w.harm; }},
    {"statement", "A statement of what could happen", 40,
     [](MappingWording& w) -> std::string& { return w.statement; }},
    {"goal", "A goal that answers it", 40,
     [](MappingWording& w) -> std::string& { return w.goal; }},
    {"scale_question", "The scaling question", 200,
     [](MappingWording& w) -> std::string& { return w.scale.question; }},
    {"scale_zero", "What 0 means", 200,
     [](MappingWording& w) -> std::string& { return w.scale.zero; }},
    {"scale_ten", "What 10 means", 200,
     [](MappingWording& w) -> std::string& { return w.scale.ten; }},
};

}  // namespace

MappingWording default_wording(PracticeVariant variant) { return built_in(variant); }

std::span<const WordingField> wording_fields() { return kFields; }

MappingWording apply_wording(MappingWording wording,
                             const std::map<std::string, std::string>& own_words) {
    for (const auto& field : kFields) {
        auto it = own_words.find(std::string{field.key});
        if (it != own_words.end() && !it->second.empty()) field.text(wording) = it->second;
    }
    return wording;
}

core::Result<std::map<std::string, std::string>> check_wording(
    const std::map<std::string, std::string>& own_words) {
    core::FieldChecks checks;
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : own_words) {
        auto field = std::find_if(std::begin(kFields), std::end(kFields),
                                  [&](const auto& f) { return f.key == key; });
        if (field == std::end(kFields)) {
            checks.add("wording", "There is no wording called " + key);
            continue;
        }
        auto label = std::string{field->label};
        checks.text(key, value, "Enter the words for " + core::lower_ascii(label), label,
                    field->max_chars);
        if (value.find_first_of("\r\n") != std::string::npos)
            checks.add(key, label + " must be on one line");
        out[key] = core::trimmed(value);
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

}  // namespace signs::domain
