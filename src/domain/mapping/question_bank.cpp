#include "domain/mapping/question_bank.hpp"

#include <array>

#include "core/validation.hpp"
#include "domain/mapping/mapping.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 5> kAudiences = {{
    {"parent", "Parents and carers"},
    {"child", "Children"},
    {"network", "Network members"},
    {"professional", "Professionals"},
    {"any", "Anyone"},
}};

constexpr std::array<CodeLabel, 5> kKinds = {{
    {"exception", "Exception"},
    {"coping", "Coping"},
    {"scaling", "Scaling"},
    {"relationship", "Relationship"},
    {"preferred-future", "Preferred future"},
}};

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : core::lower_ascii(text)) {
        if (c == ' ' || c == ',' || c == '.' || c == '?') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

}  // namespace

std::span<const CodeLabel> question_audiences() { return kAudiences; }
std::span<const CodeLabel> question_kinds() { return kKinds; }

core::Result<QuestionBank> QuestionBank::from(const core::CsvTable& table) {
    QuestionBank bank;
    auto column = [&](const char* name) { return table.column(name); };
    auto category = column("category"), asked = column("asked"), kind = column("kind"),
         question = column("question");
    if (!category || !asked || !kind || !question)
        return core::fail(core::ErrorKind::Invalid,
                          "The question list needs category, asked, kind and question columns");
    for (const auto& row : table.rows) {
        auto cell = [&](std::size_t i) {
            return i < row.fields.size() ? core::trimmed(row.fields[i]) : std::string{};
        };
        Question q{cell(*category), cell(*asked), cell(*kind), cell(*question)};
        bool known_category = q.category == "scaling" || is_code_in(entry_categories(), q.category);
        if (!known_category || !is_code_in(kAudiences, q.asked) || !is_code_in(kKinds, q.kind) ||
            q.text.empty()) {
            return core::fail(core::ErrorKind::Invalid,
                              "Line " + std::to_string(row.line) +
                                  " of the question list has an unknown category, audience or "
                                  "kind, or no question");
        }
        bank.questions_.push_back(std::move(q));
    }
    return bank;
}

std::vector<Question> QuestionBank::find(std::string_view category, std::string_view asked,
                                         std::string_view search) const {
    auto wanted = words_of(search);
    std::vector<Question> out;
    for (const auto& q : questions_) {
        if (!category.empty() && q.category != category) continue;
        if (!asked.empty() && q.asked != asked && q.asked != "any") continue;
        auto text = core::lower_ascii(q.text);
        bool all = true;
        for (const auto& w : wanted) all = all && text.find(w) != std::string::npos;
        if (all) out.push_back(q);
    }
    return out;
}

}  // namespace signs::domain
