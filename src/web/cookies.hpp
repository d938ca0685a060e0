#pragma once
/// Reading the Cookie header and writing Set-Cookie. A malformed header is ignored piece by
/// piece rather than failing the request.
#include <map>
#include <string>
#include <string_view>

namespace signs::web {

std::map<std::string, std::string> parse_cookies(std::string_view header);

struct CookieOptions {
    bool secure = false;       ///< only over HTTPS; set when signs is served over TLS
    int max_age_seconds = -1;  ///< -1: a session cookie; 0: delete now
};

/// HttpOnly and SameSite=Lax always; Path=/.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace signs::web
