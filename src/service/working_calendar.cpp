#include "service/working_calendar.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace signs::service {

domain::WorkingCalendar load_working_calendar(const std::filesystem::path& resources) {
    auto path = resources / "data" / "bank-holidays-england.csv";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the bank holiday list at " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    auto holidays = domain::parse_holidays(text.str());
    if (!holidays) throw std::runtime_error(path.string() + ": " + holidays.error().message);
    return domain::WorkingCalendar{*holidays};
}

}  // namespace signs::service
