#include "domain/returns/cin_census.hpp"

#include <charconv>

namespace signs::domain {
namespace {

std::optional<int> digits(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<CensusYear> CensusYear::parse(std::string_view text) {
    auto dash = text.find('-');
    if (dash != 4 || (text.size() != 7 && text.size() != 9)) return std::nullopt;
    auto first = digits(text.substr(0, 4));
    auto second = digits(text.substr(5));
    if (!first || !second || *first < 2000 || *first > 2199) return std::nullopt;
    int expected = text.size() == 7 ? (*first + 1) % 100 : *first + 1;
    if (*second != expected) return std::nullopt;
    CensusYear year;
    year.start = core::CivilDate{date::year{*first} / date::April / 1};
    year.reference = core::CivilDate{date::year{*first + 1} / date::March / 31};
    return year;
}

CensusYear CensusYear::holding(core::CivilDate day) {
    int year = static_cast<int>(day.ymd().year());
    int first = day.ymd().month() >= date::April ? year : year - 1;
    CensusYear out;
    out.start = core::CivilDate{date::year{first} / date::April / 1};
    out.reference = core::CivilDate{date::year{first + 1} / date::March / 31};
    return out;
}

int CensusYear::end_year() const { return static_cast<int>(reference.ymd().year()); }

std::string CensusYear::name() const {
    auto end = end_year() % 100;
    return std::to_string(end_year() - 1) + "-" + (end < 10 ? "0" : "") + std::to_string(end);
}

}  // namespace signs::domain
