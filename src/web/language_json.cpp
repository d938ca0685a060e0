#include "web/language_json.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

namespace signs::web {
namespace {

constexpr std::size_t kBuffer = 1 << 16;

/// A JSON string: quotes, backslashes and control characters escaped, UTF-8 as it is.
void append_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.substr(run, i - run));
        run = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
        }
    }
    out.append(text.substr(run));
    out += '"';
}

void append_number(std::string& out, std::size_t n) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, end);
}

void append_field(std::string& out, std::string_view name, std::string_view value) {
    out += ",\"";
    out += name;
    out += "\":";
    append_string(out, value);
}

void spill(std::string& out, std::FILE* file, std::size_t above) {
    if (!file || out.size() <= above) return;
    std::fwrite(out.data(), 1, out.size(), file);
    out.clear();
}

}  // namespace

double one_decimal(double value) { return std::round(value * 10) / 10; }

void write_language_json(std::string& out, const domain::Glossary& glossary,
                         const domain::LanguageReport& report, std::string_view text,
                         std::FILE* file) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> place(glossary.terms().size(), kNone);
    std::vector<std::size_t> used;
    out += "{\"findings\":[";
    bool first = true;
    for (const auto& f : report.findings) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "{\"kind\":\"";
        out += domain::finding_kind_code(f.kind);
        out += "\",\"line\":";
        append_number(out, f.line);
        out += ",\"column\":";
        append_number(out, f.column);
        if (f.kind == domain::FindingKind::Term) {
            append_field(out, "words", text.substr(f.offset, f.length));
            if (place[f.term] == kNone) {
                place[f.term] = used.size();
                used.push_back(f.term);
            }
            out += ",\"term\":";
            append_number(out, place[f.term]);
        } else {
            auto advice = domain::advice_for(f, glossary, text);
            append_field(out, "words", advice.words);
            append_field(out, "suggestion", advice.suggestion);
            append_field(out, "reason", advice.reason);
        }
        out += '}';
        spill(out, file, kBuffer);
    }
    out += "],\n\"terms\":[";
    first = true;
    for (auto index : used) {
        const auto& term = glossary.terms()[index];
        out += first ? "\n" : ",\n";
        first = false;
        out += "{\"phrase\":";
        append_string(out, term.phrase);
        append_field(out, "suggestion", term.suggestion);
        append_field(out, "reason", term.reason);
        if (!term.meaning.empty()) append_field(out, "meaning", term.meaning);
        out += '}';
        spill(out, file, kBuffer);
    }
    const auto& r = report.readability;
    out += "],\n\"readability\":";
    out +=
        nlohmann::json{
            {"sentences", r.sentences},      {"words", r.words},
            {"syllables", r.syllables},      {"reading_ease", one_decimal(r.reading_ease)},
            {"grade", one_decimal(r.grade)}, {"reading_age", r.reading_age}}
            .dump();
    out += "}\n";
    spill(out, file, 0);
}

std::string language_report_json(const domain::Glossary& glossary,
                                 const domain::LanguageReport& report, std::string_view text) {
    std::string out;
    write_language_json(out, glossary, report, text);
    return out;
}

}  // namespace signs::web
