#include "web/router.hpp"

namespace signs::web {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        auto end = path.find('/');
        parts.push_back(path.substr(0, end));
        path = end == std::string_view::npos ? std::string_view{} : path.substr(end);
    }
    return parts;
}

bool match_pattern(std::string_view pattern, const std::vector<std::string_view>& path,
                   std::map<std::string, std::string>& params) {
    auto parts = split_path(pattern);
    if (parts.size() != path.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto part = parts[i];
        if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
            found.emplace(std::string{part.substr(1, part.size() - 2)}, std::string{path[i]});
        } else if (part != path[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    // "//public/x" is not "/public/x": one path, one route, one page kept.
    if (path.find("//") != std::string_view::npos) return result;
    auto segments = split_path(path);
    // A trailing slash is a different address: "/admin/users/" is not "/admin/users".
    if (path.size() > 1 && path.back() == '/') return result;
    for (const auto& route : routes_) {
        std::map<std::string, std::string> params;
        if (!match_pattern(route.pattern, segments, params)) continue;
        bool method_ok = route.method == method || (method == "HEAD" && route.method == "GET");
        if (!method_ok) {
            result.path_known = true;
            continue;
        }
        result.route = &route;
        result.params = std::move(params);
        return result;
    }
    return result;
}

}  // namespace signs::web
