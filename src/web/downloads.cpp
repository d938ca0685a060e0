#include "web/downloads.hpp"

#include <xlsxwriter.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/csv.hpp"

namespace signs::web {
namespace {

/// The name in plain ASCII for old clients, and in full (RFC 6266's filename*) for the rest;
/// names come from signs or from safe_file_name, so hold no quotes or control characters.
std::string disposition(const std::string& filename) {
    std::string ascii, encoded;
    for (unsigned char c : filename) {
        ascii += c < 0x80 ? static_cast<char>(c) : '_';
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            encoded += static_cast<char>(c);
        } else {
            constexpr char kHex[] = "0123456789ABCDEF";
            encoded += {'%', kHex[c >> 4], kHex[c & 15]};
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response download(std::string body, const std::string& type, const std::string& filename) {
    Response response;
    response.body = std::move(body);
    response.set_header("Content-Type", type);
    response.set_header("Content-Disposition", disposition(filename));
    response.set_header("Cache-Control", "no-store");
    return response;
}

}  // namespace

Response csv_download(const Table& table, const std::string& filename) {
    std::string body = "\xEF\xBB\xBF";
    for (const auto& row : table) body += core::csv_line(row);
    return download(std::move(body), "text/csv; charset=utf-8", filename);
}

Response xlsx_download(const Table& table, const std::string& sheet_name,
                       const std::string& filename) {
    auto path =
        std::filesystem::temp_directory_path() / ("signs-" + core::random_token(12) + ".xlsx");
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw std::runtime_error("could not start a spreadsheet");
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());
    for (std::size_t r = 0; r < table.size(); ++r) {
        for (std::size_t c = 0; c < table[r].size(); ++c) {
            worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                   table[r][c].c_str(), nullptr);
        }
    }
    auto closed = workbook_close(book);
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    if (closed != LXW_NO_ERROR) throw std::runtime_error("could not write the spreadsheet");
    return download(bytes.str(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename);
}

Response calendar_download(std::string ics, const std::string& filename) {
    return download(std::move(ics), "text/calendar; charset=utf-8", filename);
}

Response file_download(std::string bytes, const std::string& media_type,
                       const std::string& filename) {
    auto response = download(std::move(bytes), media_type, filename);
    // Should a browser open it anyway, nothing in it may run or reach out.
    response.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
    return response;
}

}  // namespace signs::web
