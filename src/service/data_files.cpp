#include "service/data_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/csv.hpp"

namespace signs::service {
namespace {

std::string read_data_file(const std::filesystem::path& resources, std::string_view name) {
    auto path = resources / "data" / name;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A CSV data file whose lines starting with '#' lead it and explain it; the table starts
/// after them. They are blanked rather than cut so that line numbers in messages stay true.
core::CsvTable read_table(const std::filesystem::path& resources, std::string_view name) {
    auto text = read_data_file(resources, name);
    for (std::size_t at = 0; at < text.size() && text[at] == '#';) {
        auto end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        text.replace(at, end - at, std::string(end - at, ' '));
        at = end + 1;
    }
    auto table = core::parse_csv(text);
    if (!table) throw std::runtime_error(std::string{name} + ": " + table.error().message);
    return *table;
}

}  // namespace

std::vector<domain::Holiday> load_bank_holidays(const std::filesystem::path& resources) {
    auto holidays = domain::parse_holidays(read_data_file(resources, "bank-holidays-england.csv"));
    if (!holidays)
        throw std::runtime_error("bank-holidays-england.csv: " + holidays.error().message);
    return *holidays;
}

domain::WorkingCalendar load_working_calendar(const std::filesystem::path& resources) {
    return domain::WorkingCalendar{load_bank_holidays(resources)};
}

domain::QuestionBank load_question_bank(const std::filesystem::path& resources) {
    auto bank = domain::QuestionBank::from(read_table(resources, "questions.csv"));
    if (!bank) throw std::runtime_error("questions.csv: " + bank.error().message);
    return *bank;
}

domain::Glossary load_glossary(const std::filesystem::path& resources) {
    auto glossary = domain::Glossary::parse(read_data_file(resources, "plain-language.csv"));
    if (!glossary) throw std::runtime_error("plain-language.csv: " + glossary.error().message);
    return *glossary;
}

domain::CensusCodes load_census_codes(const std::filesystem::path& resources) {
    domain::CensusCodes codes;
    for (const auto& file : domain::census_code_files()) {
        auto name = "codes/" + std::string{file.file};
        auto set = domain::CodeSet::from(name, read_table(resources, name), file.required);
        if (!set) throw std::runtime_error(set.error().message);
        codes.*file.member = std::move(*set);
    }
    return codes;
}

}  // namespace signs::service
