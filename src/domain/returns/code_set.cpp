#include "domain/returns/code_set.hpp"

#include <algorithm>
#include <deque>

#include "core/utf8.hpp"
#include "core/validation.hpp"

namespace signs::domain {

struct CodeSet::Data {
    std::string name;
    /// A deque never moves what it holds, so the views below stay pointed at these strings.
    std::deque<std::string> text;
    std::vector<CodeLabel> entries;
};

namespace {

constexpr std::size_t kMaxCodeLength = 8;
constexpr std::size_t kMaxLabelLength = 200;

bool well_formed_code(std::string_view code) {
    return !code.empty() && code.size() <= kMaxCodeLength &&
           std::all_of(code.begin(), code.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-';
           });
}

}  // namespace

CodeSet::CodeSet() : data_{std::make_shared<const Data>()} {}

core::Result<CodeSet> CodeSet::from(std::string_view name, const core::CsvTable& table,
                                    std::span<const std::string_view> required) {
    auto problem = [&](const std::string& what) {
        return core::fail(core::ErrorKind::Invalid, std::string{name} + ": " + what);
    };
    auto code_column = table.column("code");
    auto label_column = table.column("label");
    if (!code_column || !label_column) return problem("needs code and label columns");
    auto data = std::make_shared<Data>();
    data->name = name;
    for (const auto& row : table.rows) {
        auto cell = [&](std::size_t i) {
            return i < row.fields.size() ? core::trimmed(row.fields[i]) : std::string{};
        };
        auto code = cell(*code_column);
        auto label = cell(*label_column);
        auto line = "line " + std::to_string(row.line);
        if (!well_formed_code(code))
            return problem(line + " has no code, or a code that is not 1 to 8 letters or digits");
        if (label.empty() || core::utf8_length(label) > kMaxLabelLength)
            return problem(line + " needs a label of at most 200 characters");
        auto taken = std::any_of(data->entries.begin(), data->entries.end(),
                                 [&](const CodeLabel& e) { return e.code == code; });
        if (taken) return problem(line + " repeats the code " + code);
        const auto& stored_code = data->text.emplace_back(std::move(code));
        const auto& stored_label = data->text.emplace_back(std::move(label));
        data->entries.push_back({stored_code, stored_label});
    }
    if (data->entries.empty()) return problem("has no codes");
    for (auto code : required) {
        auto found = std::any_of(data->entries.begin(), data->entries.end(),
                                 [&](const CodeLabel& e) { return e.code == code; });
        if (!found)
            return problem("lacks the code " + std::string{code} + ", which signs' rules use");
    }
    CodeSet set;
    set.data_ = std::move(data);
    return set;
}

std::string_view CodeSet::name() const { return data_->name; }

std::span<const CodeLabel> CodeSet::entries() const { return data_->entries; }

bool CodeSet::contains(std::string_view code) const { return is_code_in(entries(), code); }

std::string_view CodeSet::label(std::string_view code) const { return label_for(entries(), code); }

}  // namespace signs::domain
