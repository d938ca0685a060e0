#pragma once
/// The plain-language report as JSON: the same shape from `signs check-language --json` and
/// from POST /api/v1/language/check.
#include <nlohmann/json.hpp>

#include "domain/language/language_check.hpp"

namespace signs::web {

nlohmann::json language_report_json(const domain::LanguageReport& report);
/// A readability figure to one decimal place, as both the JSON and the CLI's text print it.
double one_decimal(double value);

}  // namespace signs::web
