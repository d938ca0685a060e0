#pragma once
/// Matches a method and path against the route table. Patterns are literal segments and
/// `{name}` placeholders, which match one non-empty segment.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/people/role.hpp"

namespace signs::web {

class App;
struct Exchange;
struct Response;

/// Who may call a route. Public routes need nobody signed in; the others need a session (or
/// an API token on /api/) and, when roles are listed, one of them.
struct Access {
    bool sign_in_required = true;
    std::vector<domain::Role> roles;  ///< empty: any signed-in user

    static Access anyone() { return {false, {}}; }
    static Access signed_in() { return {true, {}}; }
    static Access only(std::vector<domain::Role> roles) { return {true, std::move(roles)}; }
};

using HandlerFn = Response (*)(App&, Exchange&);

struct Route {
    std::string method;
    std::string pattern;
    HandlerFn handler;
    Access access;
    /// Takes a form with a file (multipart/form-data) and a body up to the upload limit.
    bool uploads = false;
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;  ///< true when the path matched under another method (405)
};

class Router {
  public:
    explicit Router(std::vector<Route> routes) : routes_(std::move(routes)) {}
    RouteMatch match(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

}  // namespace signs::web
