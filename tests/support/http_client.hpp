#pragma once
// A deliberately small HTTP/1.1 client over a plain socket. Tests need to send exactly the
// bytes they choose (bad UTF-8, broken cookies, huge bodies), which a full client would fix up.
#include <map>
#include <string>
#include <vector>

namespace signs::testing {

struct HttpResult {
    int status = 0;  ///< 0 when the server closed the connection without answering
    std::multimap<std::string, std::string> headers;  ///< names in lower case
    std::string body;

    std::string header(const std::string& lower_name) const;
    std::vector<std::string> all(const std::string& lower_name) const;
};

/// Sends `raw` to 127.0.0.1:port and reads one response.
HttpResult send_raw(unsigned short port, const std::string& raw);

/// Builds a request with Host, Content-Length and Connection: close.
std::string build_request(const std::string& method, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {},
                          const std::string& body = "");

/// A file in a multipart form, sent with exactly the name and type given (tests lie with both).
struct FilePart {
    std::string field, filename, content_type, bytes;
};

/// A multipart/form-data body with `boundary`, fields first, then files.
std::string multipart_body(const std::string& boundary,
                           const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::vector<FilePart>& files);

/// A browser-like session: keeps cookies, and fills csrf_token in forms from the last page.
class Browser {
  public:
    explicit Browser(unsigned short port) : port_(port) {}
    HttpResult get(const std::string& target,
                   std::vector<std::pair<std::string, std::string>> headers = {});
    /// Posts a form; adds csrf_token from the last page unless the fields already have one.
    HttpResult post(const std::string& target,
                    std::vector<std::pair<std::string, std::string>> fields);
    /// Posts a form with files, as a browser does for an upload; adds csrf_token likewise.
    HttpResult post_multipart(const std::string& target,
                              std::vector<std::pair<std::string, std::string>> fields,
                              const std::vector<FilePart>& files);
    HttpResult post_raw(const std::string& target, const std::string& content_type,
                        const std::string& body,
                        std::vector<std::pair<std::string, std::string>> headers = {});
    /// A JSON request with this method, carrying the session's CSRF token as the API wants.
    HttpResult send_json(const std::string& method, const std::string& target,
                         const std::string& body);
    HttpResult sign_in(const std::string& email, const std::string& password);
    const std::string& csrf() const { return csrf_; }
    std::map<std::string, std::string>& cookies() { return cookies_; }

  private:
    HttpResult remember(HttpResult result);
    std::string cookie_header() const;

    unsigned short port_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace signs::testing
