#include "web/cookies.hpp"

#include "core/validation.hpp"

namespace signs::web {

std::map<std::string, std::string> parse_cookies(std::string_view header) {
    std::map<std::string, std::string> out;
    while (!header.empty()) {
        auto end = header.find(';');
        auto pair = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        auto name = core::trimmed(pair.substr(0, eq));
        auto value = core::trimmed(pair.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        if (!name.empty() && !out.contains(name)) out.emplace(std::move(name), std::move(value));
    }
    return out;
}

std::string set_cookie(std::string_view name, std::string_view value,
                       const CookieOptions& options) {
    std::string out{name};
    out += '=';
    out += value;
    out += "; Path=/; HttpOnly; SameSite=Lax";
    if (options.secure) out += "; Secure";
    if (options.max_age_seconds >= 0) out += "; Max-Age=" + std::to_string(options.max_age_seconds);
    return out;
}

}  // namespace signs::web
