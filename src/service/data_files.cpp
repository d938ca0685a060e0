#include "service/data_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/csv.hpp"

namespace signs::service {
namespace {

std::string read_data_file(const std::filesystem::path& resources, const char* name) {
    auto path = resources / "data" / name;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
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
    auto text = read_data_file(resources, "questions.csv");
    // Lines starting with '#' lead the file and explain it; the table starts after them. They
    // are blanked rather than cut so that line numbers in messages stay true.
    for (std::size_t at = 0; at < text.size() && text[at] == '#';) {
        auto end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        text.replace(at, end - at, std::string(end - at, ' '));
        at = end + 1;
    }
    auto table = core::parse_csv(text);
    if (!table) throw std::runtime_error("questions.csv: " + table.error().message);
    auto bank = domain::QuestionBank::from(*table);
    if (!bank) throw std::runtime_error("questions.csv: " + bank.error().message);
    return *bank;
}

domain::Glossary load_glossary(const std::filesystem::path& resources) {
    auto glossary = domain::Glossary::parse(read_data_file(resources, "plain-language.csv"));
    if (!glossary) throw std::runtime_error("plain-language.csv: " + glossary.error().message);
    return *glossary;
}

}  // namespace signs::service
