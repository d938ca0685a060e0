#pragma once
/// The lists signs reads from the resources' data folder at start-up: the bank holidays
/// behind working-day deadlines, the questions offered while mapping, the plain-language
/// glossary and the census code lists. Each loader throws
/// when its file is missing or has a bad line, so a server never starts without them.
#include <filesystem>

#include "domain/language/glossary.hpp"
#include "domain/mapping/question_bank.hpp"
#include "domain/returns/census_codes.hpp"
#include "domain/timescales/working_days.hpp"

namespace signs::service {

/// `data/bank-holidays-england.csv`.
std::vector<domain::Holiday> load_bank_holidays(const std::filesystem::path& resources);
/// The bank holidays as a calendar, without the council's closure days.
domain::WorkingCalendar load_working_calendar(const std::filesystem::path& resources);
/// `data/questions.csv`.
domain::QuestionBank load_question_bank(const std::filesystem::path& resources);
/// `data/plain-language.csv`, the words the plain-language checker suggests changing.
domain::Glossary load_glossary(const std::filesystem::path& resources);
/// Every file of `data/codes/`, each checked, with the codes signs' rules name.
domain::CensusCodes load_census_codes(const std::filesystem::path& resources);

}  // namespace signs::service
