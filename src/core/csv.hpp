#pragma once
/// Comma-separated files as spreadsheets save them (RFC 4180: quoted fields may hold commas,
/// quotes and line breaks). Parsing is strict, so a stray or unclosed quote is reported
/// rather than silently shifting every later column.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace signs::core {

struct CsvRow {
    std::size_t line = 0;  ///< the file line the row starts on, counting from 1
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<std::string> header;  ///< trimmed, lower case
    std::vector<CsvRow> rows;         ///< blank rows left out

    /// The column's position, or nothing when the header lacks it.
    std::optional<std::size_t> column(std::string_view name) const;
};

/// Parses a whole file. A byte-order mark is skipped. Broken quoting is an error naming the
/// line; so is a file that is not UTF-8, naming the first line that is not, because a
/// spreadsheet saved in another encoding would otherwise store garbled names.
Result<CsvTable> parse_csv(std::string_view text);

/// A cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
/// carriage return) with an apostrophe put in front, so that it stays text.
std::string neutralised(std::string_view cell);
/// One CSV record, each field neutralised and quoted where needed, ended with CRLF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace signs::core
