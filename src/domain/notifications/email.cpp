#include "domain/notifications/email.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace signs::domain {
namespace {

bool plain_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7F;
    });
}

/// A header value: as it is when plain ASCII, else an RFC 2047 encoded word.
std::string header_text(const std::string& text) {
    std::string clean;
    for (char c : text) {
        if (c != '\r' && c != '\n') clean += c;  // never a second header
    }
    if (plain_ascii(clean)) return clean;
    return "=?UTF-8?B?" + core::base64(clean) + "?=";
}

/// Base64 in lines of 76 characters.
std::string base64_lines(const std::string& data) {
    auto encoded = core::base64(data);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

std::string address(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != '\r' && c != '\n' && c != '<' && c != '>') out += c;
    }
    return out;
}

}  // namespace

/// A display name: quoted with its quotes and backslashes escaped when plain ASCII, else an
/// encoded word, which may not stand inside quotes.
std::string display_name(const std::string& name) {
    auto text = header_text(name);
    if (text.empty() || text.starts_with("=?UTF-8?B?")) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string email_text(const EmailMessage& m) {
    std::string boundary = "signs-" + core::sha256_hex(m.message_id).substr(0, 24);
    std::string name = display_name(m.to_name);
    std::string out;
    out += "From: " + address(m.from) + "\r\n";
    out += "To: " + (name.empty() ? "" : name + " ") + "<" + address(m.to) + ">\r\n";
    out += "Subject: " + header_text(m.subject) + "\r\n";
    out += "Date: " + m.date + "\r\n";
    out += "Message-ID: <" + address(m.message_id) + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    out += base64_lines(m.body);
    if (!m.calendar.empty()) {
        out += "--" + boundary + "\r\n";
        out += "Content-Type: text/calendar; charset=utf-8; method=" + m.calendar_method +
               "\r\nContent-Transfer-Encoding: base64\r\n"
               "Content-Disposition: attachment; filename=\"meeting.ics\"\r\n\r\n";
        out += base64_lines(m.calendar);
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

std::chrono::seconds retry_delay(int attempts) {
    auto minutes = 1 << std::clamp(attempts - 1, 0, 6);
    return std::chrono::minutes{std::min(minutes, 60)};
}

}  // namespace signs::domain
