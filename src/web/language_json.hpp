#pragma once
/// The plain-language report as JSON: the same shape from `signs check-language --json` and
/// from POST /api/v1/language/check. A term finding names its glossary entry by its place in
/// "terms", which lists each entry found once, so a long text does not repeat the same advice
/// thousands of times; long-sentence and passive findings carry their advice themselves.
#include <cstdio>
#include <string>
#include <string_view>

#include "domain/language/language_check.hpp"

namespace signs::web {

/// Appends the report on `text` to `out`. With a `file`, what is written goes there whenever
/// it grows past a buffer's worth, and the rest at the end, so a long report is never held
/// whole.
void write_language_json(std::string& out, const domain::Glossary& glossary,
                         const domain::LanguageReport& report, std::string_view text,
                         std::FILE* file = nullptr);

std::string language_report_json(const domain::Glossary& glossary,
                                 const domain::LanguageReport& report, std::string_view text);

/// A readability figure to one decimal place, as both the JSON and the CLI's text print it.
double one_decimal(double value);

}  // namespace signs::web
