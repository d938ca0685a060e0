#pragma once
/// Files people download: spreadsheets of a list, calendar entries and uploaded files. None is ever
/// kept by a cache, since each holds personal details.
#include <string>
#include <vector>

#include "web/http.hpp"

namespace signs::web {

/// Rows of cells, the header first.
using Table = std::vector<std::vector<std::string>>;

/// CSV quoted by libcsv, with cells a spreadsheet would run as a formula kept as text, and a
/// byte order mark so spreadsheets read names as UTF-8.
Response csv_download(const Table& table, const std::string& filename);
/// An .xlsx workbook written by libxlsxwriter, every cell a string (nothing runs).
Response xlsx_download(const Table& table, const std::string& sheet, const std::string& filename);
Response calendar_download(std::string ics, const std::string& filename);
/// An uploaded file, always as an attachment and under a policy that lets nothing in it run.
Response file_download(std::string bytes, const std::string& media_type,
                       const std::string& filename);

}  // namespace signs::web
