#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>
#include <stdexcept>

#include "web/form.hpp"

namespace signs::testing {
namespace {

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

std::string HttpResult::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
}

std::vector<std::string> HttpResult::all(const std::string& lower_name) const {
    std::vector<std::string> out;
    auto [from, to] = headers.equal_range(lower_name);
    for (auto it = from; it != to; ++it) out.push_back(it->second);
    return out;
}

HttpResult send_raw(unsigned short port, const std::string& raw) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    timeval timeout{15, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    std::size_t sent = 0;
    while (sent < raw.size()) {
        auto n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may close early on an oversized request
        sent += static_cast<std::size_t>(n);
    }
    std::string received;
    char buffer[65536];
    HttpResult result;
    std::size_t header_end = std::string::npos;
    std::size_t content_length = std::string::npos;
    while (true) {
        auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
        if (header_end == std::string::npos) {
            header_end = received.find("\r\n\r\n");
            if (header_end != std::string::npos) {
                std::smatch m;
                std::string head = lower(received.substr(0, header_end));
                if (std::regex_search(head, m, std::regex("content-length: *([0-9]+)"))) {
                    content_length = std::stoul(m[1]);
                }
            }
        }
        if (header_end != std::string::npos && content_length != std::string::npos &&
            received.size() >= header_end + 4 + content_length) {
            break;
        }
    }
    ::close(fd);
    if (header_end == std::string::npos) return result;
    auto head = received.substr(0, header_end);
    auto first_line_end = head.find("\r\n");
    auto status_line = head.substr(0, first_line_end);
    result.status = std::stoi(status_line.substr(9, 3));
    std::size_t pos = first_line_end == std::string::npos ? head.size() : first_line_end + 2;
    while (pos < head.size()) {
        auto end = head.find("\r\n", pos);
        if (end == std::string::npos) end = head.size();
        auto line = head.substr(pos, end - pos);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            auto value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            result.headers.emplace(lower(line.substr(0, colon)), value);
        }
        pos = end + 2;
    }
    result.body = received.substr(header_end + 4);
    if (content_length != std::string::npos && result.body.size() > content_length)
        result.body.resize(content_length);
    return result;
}

std::string build_request(const std::string& method, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers,
                          const std::string& body) {
    std::string raw =
        method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [name, value] : headers) raw += name + ": " + value + "\r\n";
    if (!body.empty() || method == "POST")
        raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    raw += "\r\n" + body;
    return raw;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += web::url_encode(name) + "=" + web::url_encode(value);
    }
    return out;
}

std::string Browser::cookie_header() const {
    std::string out;
    for (const auto& [name, value] : cookies_) {
        if (!out.empty()) out += "; ";
        out += name + "=" + value;
    }
    return out;
}

HttpResult Browser::remember(HttpResult result) {
    for (const auto& cookie : result.all("set-cookie")) {
        auto eq = cookie.find('=');
        auto semi = cookie.find(';');
        auto name = cookie.substr(0, eq);
        auto value = cookie.substr(eq + 1, semi - eq - 1);
        if (value.empty() || cookie.find("Max-Age=0") != std::string::npos) {
            cookies_.erase(name);
        } else {
            cookies_[name] = value;
        }
    }
    std::smatch m;
    if (std::regex_search(result.body, m, std::regex("name=\"csrf_token\" value=\"([0-9a-f]+)\"")))
        csrf_ = m[1];
    return result;
}

HttpResult Browser::get(const std::string& target,
                        std::vector<std::pair<std::string, std::string>> headers) {
    if (!cookies_.empty()) headers.emplace_back("Cookie", cookie_header());
    return remember(send_raw(port_, build_request("GET", target, headers)));
}

HttpResult Browser::post(const std::string& target,
                         std::vector<std::pair<std::string, std::string>> fields) {
    bool has_token = false;
    for (const auto& f : fields) has_token = has_token || f.first == "csrf_token";
    if (!has_token) fields.emplace_back("csrf_token", csrf_);
    return post_raw(target, "application/x-www-form-urlencoded", form_encode(fields));
}

std::string multipart_body(const std::string& boundary,
                           const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::vector<FilePart>& files) {
    std::string body;
    for (const auto& [name, value] : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
                "\"\r\n\r\n" + value + "\r\n";
    }
    for (const auto& file : files) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field +
                "\"; filename=\"" + file.filename + "\"\r\nContent-Type: " + file.content_type +
                "\r\n\r\n" + file.bytes + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

HttpResult Browser::post_multipart(const std::string& target,
                                   std::vector<std::pair<std::string, std::string>> fields,
                                   const std::vector<FilePart>& files) {
    bool has_token = false;
    for (const auto& f : fields) has_token = has_token || f.first == "csrf_token";
    if (!has_token) fields.emplace_back("csrf_token", csrf_);
    const std::string boundary = "----signs-test-boundary-7MA4YWxk";
    return post_raw(target, "multipart/form-data; boundary=" + boundary,
                    multipart_body(boundary, fields, files));
}

HttpResult Browser::post_raw(const std::string& target, const std::string& content_type,
                             const std::string& body,
                             std::vector<std::pair<std::string, std::string>> headers) {
    headers.emplace_back("Content-Type", content_type);
    if (!cookies_.empty()) headers.emplace_back("Cookie", cookie_header());
    return remember(send_raw(port_, build_request("POST", target, headers, body)));
}

HttpResult Browser::send_json(const std::string& method, const std::string& target,
                              const std::string& body) {
    std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"},
                                                             {"X-CSRF-Token", csrf_}};
    if (!cookies_.empty()) headers.emplace_back("Cookie", cookie_header());
    return remember(send_raw(port_, build_request(method, target, headers, body)));
}

HttpResult Browser::sign_in(const std::string& email, const std::string& password) {
    get("/sign-in");
    return post("/sign-in", {{"email", email}, {"password", password}});
}

}  // namespace signs::testing
