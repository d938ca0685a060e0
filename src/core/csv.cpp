#include "core/csv.hpp"

#include <csv.h>

#include <algorithm>

#include "core/utf8.hpp"
#include "core/validation.hpp"

namespace signs::core {
namespace {

struct Collector {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;  ///< where each row started
    std::vector<std::string> current;
    std::size_t row_start = 1;
};

void on_field(void* data, std::size_t length, void* out) {
    static_cast<Collector*>(out)->current.emplace_back(static_cast<const char*>(data), length);
}

void on_row_end(int, void* out) {
    auto& c = *static_cast<Collector*>(out);
    c.rows.push_back(std::move(c.current));
    c.lines.push_back(c.row_start);
    c.current.clear();
}

bool blank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(),
                       [](const std::string& f) { return trimmed(f).empty(); });
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
}

Result<CsvTable> parse_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!is_valid_utf8(text)) {
        std::size_t start = 0, line = 1;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            auto piece = text.substr(start, end == std::string_view::npos ? end : end - start);
            if (!is_valid_utf8(piece)) {
                return fail(ErrorKind::Invalid,
                            "Line " + std::to_string(line) +
                                " is not UTF-8. Save the file as \"CSV UTF-8\" and try again.");
            }
            if (end == std::string_view::npos) break;
            start = end + 1;
            ++line;
        }
    }
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    Collector collector;
    // libcsv reports rows, not positions: feeding it one physical line at a time shows
    // which line each row starts on (a quoted field may run over several lines).
    std::size_t line_number = 0, start = 0, failed_line = 0;
    while (start < text.size() && failed_line == 0) {
        auto end = text.find('\n', start);
        auto piece = text.substr(
            start, end == std::string_view::npos ? text.size() - start : end - start + 1);
        ++line_number;
        constexpr int kRowNotBegun = 0;
        if (parser.pstate == kRowNotBegun && collector.current.empty())
            collector.row_start = line_number;
        if (csv_parse(&parser, piece.data(), piece.size(), on_field, on_row_end, &collector) !=
            piece.size()) {
            failed_line = line_number;
        }
        start = end == std::string_view::npos ? text.size() : end + 1;
    }
    if (failed_line == 0 && csv_fini(&parser, on_field, on_row_end, &collector) != 0)
        failed_line = collector.row_start;
    csv_free(&parser);
    if (failed_line != 0) {
        return fail(ErrorKind::Invalid, "Line " + std::to_string(failed_line) +
                                            " has a quote that is not closed or is misplaced. "
                                            "Quote whole fields, and double any quote inside "
                                            "one (\"\").");
    }
    CsvTable table;
    for (std::size_t i = 0; i < collector.rows.size(); ++i) {
        auto& fields = collector.rows[i];
        auto line = collector.lines[i];
        if (blank(fields)) continue;
        if (table.header.empty()) {
            for (auto& name : fields) table.header.push_back(lower_ascii(trimmed(name)));
            continue;
        }
        table.rows.push_back({line, std::move(fields)});
    }
    if (table.header.empty()) return fail(ErrorKind::Invalid, "The file is empty");
    return table;
}

std::string neutralised(std::string_view cell) {
    if (!cell.empty() && std::string_view{"=+-@\t\r"}.find(cell.front()) != std::string_view::npos)
        return "'" + std::string{cell};
    return std::string{cell};
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto cell = neutralised(fields[i]);
        // libcsv quotes every field and doubles the quotes inside.
        std::string quoted(csv_write(nullptr, 0, cell.data(), cell.size()), '\0');
        csv_write(quoted.data(), quoted.size(), cell.data(), cell.size());
        out += (i ? "," : "") + quoted;
    }
    return out + "\r\n";
}

}  // namespace signs::core
