#include "web/language_json.hpp"

#include <cmath>

namespace signs::web {
double one_decimal(double value) { return std::round(value * 10) / 10; }

nlohmann::json language_report_json(const domain::LanguageReport& report) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : report.findings) {
        findings.push_back({{"kind", domain::finding_kind_code(f.kind)},
                            {"line", f.line},
                            {"column", f.column},
                            {"words", f.words},
                            {"suggestion", f.suggestion},
                            {"reason", f.reason}});
    }
    const auto& r = report.readability;
    return {{"findings", findings},
            {"readability",
             {{"sentences", r.sentences},
              {"words", r.words},
              {"syllables", r.syllables},
              {"reading_ease", one_decimal(r.reading_ease)},
              {"grade", one_decimal(r.grade)},
              {"reading_age", r.reading_age}}}};
}

}  // namespace signs::web
