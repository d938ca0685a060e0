#pragma once
/// Our own small request and response types. Only server.cpp knows RESTinio; everything else
/// in web/ works with these, which keeps compile times short and handlers easy to test.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace signs::web {

struct Request {
    std::string method;                          ///< "GET", "POST", ...
    std::string path;                            ///< as sent (still percent-encoded), no query
    std::string query;                           ///< raw query string, without '?'
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;
    std::string remote_address;

    /// The header's value, or empty.
    std::string_view header(std::string_view lower_name) const;
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// A gzip copy of body made ahead of time (static assets), used when the client accepts it.
    std::shared_ptr<const std::string> gzip_body;

    static Response html(int status, std::string body);
    static Response text(int status, std::string body);
    static Response json(int status, std::string body);
    /// 303 See Other: after a POST, the browser GETs the new location.
    static Response redirect(std::string location);

    void set_header(std::string name, std::string value);
    std::string_view header(std::string_view name) const;
};

}  // namespace signs::web
