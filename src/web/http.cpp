#include "web/http.hpp"

namespace signs::web {

std::string_view Request::header(std::string_view lower_name) const {
    auto it = headers.find(std::string{lower_name});
    return it == headers.end() ? std::string_view{} : std::string_view{it->second};
}

namespace {

Response with_body(int status, std::string body, std::string content_type) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", std::move(content_type));
    return r;
}

}  // namespace

Response Response::html(int status, std::string body) {
    return with_body(status, std::move(body), "text/html; charset=utf-8");
}

Response Response::text(int status, std::string body) {
    return with_body(status, std::move(body), "text/plain; charset=utf-8");
}

Response Response::json(int status, std::string body) {
    return with_body(status, std::move(body), "application/json");
}

Response Response::redirect(std::string location) {
    Response r;
    r.status = 303;
    r.set_header("Location", std::move(location));
    return r;
}

void Response::set_header(std::string name, std::string value) {
    for (auto& [existing, old] : headers) {
        if (existing == name) {
            old = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::header(std::string_view name) const {
    for (const auto& [existing, value] : headers) {
        if (existing == name) return value;
    }
    return {};
}

}  // namespace signs::web
