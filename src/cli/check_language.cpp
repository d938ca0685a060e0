#include "cli/check_language.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/utf8.hpp"
#include "domain/language/language_check.hpp"
#include "service/data_files.hpp"
#include "web/language_json.hpp"

namespace signs::cli {
namespace {

/// Everything left in a stream whose size is not known in advance (standard input, a pipe).
std::string rest_of(std::istream& in) {
    std::stringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

void print(const domain::Glossary& glossary, const domain::LanguageReport& report,
           std::string_view text) {
    for (const auto& f : report.findings) {
        auto advice = domain::advice_for(f, glossary, text);
        std::cout << f.line << ":" << f.column << "\t" << advice.words << "\t" << advice.suggestion
                  << " (" << advice.reason << ")\n";
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
    std::string content;
    if (options.file == "-") {
        content = rest_of(std::cin);
    } else {
        // Straight into one string of the file's size: a long text is not copied twice.
        std::ifstream in(options.file, std::ios::binary | std::ios::ate);
        if (!in) {
            std::cerr << "signs: cannot read " << options.file << "\n";
            return 1;
        }
        auto size = in.tellg();
        if (size < 0) {  // a pipe or a device: no size to know in advance
            in.clear();
            content = rest_of(in);
        } else {
            content.resize(static_cast<std::size_t>(size));
            in.seekg(0);
            in.read(content.data(), static_cast<std::streamsize>(content.size()));
        }
    }
    if (!core::is_valid_utf8(content)) {
        std::cerr << "signs: " << (options.file == "-" ? "the input" : options.file)
                  << " is not UTF-8 text\n";
        return 1;
    }
    domain::Glossary glossary{
        domain::with_local_terms(service::load_glossary(config.resources).terms(), local_terms)};
    auto report = domain::check_language(glossary, content);
    if (options.json) {
        std::string out;
        web::write_language_json(out, glossary, report, content, stdout);
    } else {
        print(glossary, report, content);
    }
    return 0;
}

}  // namespace signs::cli
