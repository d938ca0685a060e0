#include "cli/check_language.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/utf8.hpp"
#include "domain/language/language_check.hpp"
#include "service/data_files.hpp"
#include "web/language_json.hpp"

namespace signs::cli {
namespace {

void print(const domain::LanguageReport& report) {
    for (const auto& f : report.findings) {
        std::cout << f.line << ":" << f.column << "\t" << f.words << "\t" << f.suggestion << " ("
                  << f.reason << ")\n";
    }
    const auto& r = report.readability;
    std::cout << "Readability: reading age " << r.reading_age << " (grade "
              << web::one_decimal(r.grade) << ", reading ease " << web::one_decimal(r.reading_ease)
              << "), " << r.words << " words in " << r.sentences << " sentences\n";
}

}  // namespace

int check_language(const Config& config, const CheckLanguageOptions& options,
                   const std::vector<domain::Term>& local_terms) {
    if (options.file.empty()) {
        std::cerr << "signs check-language: name a text file, or - for standard input\n";
        return 2;
    }
    std::stringstream text;
    if (options.file == "-") {
        text << std::cin.rdbuf();
    } else {
        std::ifstream in(options.file, std::ios::binary);
        if (!in) {
            std::cerr << "signs: cannot read " << options.file << "\n";
            return 1;
        }
        text << in.rdbuf();
    }
    auto content = std::move(text).str();
    if (!core::is_valid_utf8(content)) {
        std::cerr << "signs: " << (options.file == "-" ? "the input" : options.file)
                  << " is not UTF-8 text\n";
        return 1;
    }
    domain::Glossary glossary{
        domain::with_local_terms(service::load_glossary(config.resources).terms(), local_terms)};
    auto report = domain::check_language(glossary, content);
    if (options.json) {
        std::cout << web::language_report_json(report).dump(2) << "\n";
    } else {
        print(report);
    }
    return 0;
}

}  // namespace signs::cli
