#include "web/server.hpp"

#include <restinio/all.hpp>

#include <atomic>
#include <future>
#include <thread>

#include "web/gzip.hpp"

namespace signs::web {
namespace {

using Traits = restinio::default_traits_t;
using Server = restinio::http_server_t<Traits>;

std::string lower(std::string_view text) {
    std::string out{text};
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

bool accepts_gzip(const Request& request) {
    auto accepted = lower(request.header("accept-encoding"));
    return accepted.find("gzip") != std::string::npos;
}

Request to_request(const restinio::request_handle_t& raw) {
    Request request;
    request.method = std::string{raw->header().method().c_str()};
    // The path stays percent-encoded: routes are plain ASCII, and decoding first would let
    // "%2F" pose as a separator.
    request.path = std::string{raw->header().path()};
    request.query = std::string{raw->header().query()};
    raw->header().for_each_field([&](const restinio::http_header_field_t& field) {
        auto name = lower(field.name());
        auto it = request.headers.find(name);
        if (it == request.headers.end()) {
            request.headers.emplace(std::move(name), field.value());
        } else {
            // Repeated headers (Cookie, Accept) are joined the way HTTP allows.
            it->second += (name == "cookie" ? "; " : ", ") + field.value();
        }
    });
    request.body = raw->body();
    request.remote_address = raw->remote_endpoint().address().to_string();
    return request;
}

std::string_view reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Content Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Content";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return status < 500 ? "Client Error" : "Server Error";
    }
}

}  // namespace

struct HttpServer::Impl {
    ServerOptions options;
    Handler handler;
    std::atomic<unsigned short> bound_port{0};
    std::atomic<int> in_flight{0};
    std::atomic<bool> draining{false};
    std::unique_ptr<Server> server;
    std::unique_ptr<restinio::on_pool_runner_t<Server>> runner;
    bool running = false;

    restinio::request_handling_status_t handle(const restinio::request_handle_t& raw) {
        ++in_flight;
        struct Leave {
            std::atomic<int>& counter;
            ~Leave() { --counter; }
        } leave{in_flight};

        Response response;
        Request request;
        bool parsed = true;
        try {
            request = to_request(raw);
        } catch (const std::exception&) {
            parsed = false;
        }
        if (!parsed) {
            response = Response::text(400, "The request could not be read.\n");
        } else {
            response = handler(request);
        }

        auto out = raw->create_response(restinio::http_status_line_t{
            restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
            std::string{reason_phrase(response.status)}});
        bool compressible = is_compressible(response.header("Content-Type"));
        for (auto& [name, value] : response.headers) out.append_header(name, value);
        if (compressible) out.append_header(restinio::http_field::vary, "Accept-Encoding");
        if (parsed && accepts_gzip(request) && response.gzip_body) {
            out.append_header(restinio::http_field::content_encoding, "gzip");
            out.set_body(*response.gzip_body);
        } else if (parsed && accepts_gzip(request) && compressible && response.body.size() > 1024) {
            out.append_header(restinio::http_field::content_encoding, "gzip");
            out.set_body(gzip_compress(response.body));
        } else if (request.method == "HEAD") {
            out.set_body(std::string{});
        } else {
            out.set_body(std::move(response.body));
        }
        if (draining) out.connection_close();
        out.done();
        return restinio::request_accepted();
    }
};

HttpServer::HttpServer(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->handler = std::move(handler);
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
    auto* impl = impl_.get();
    const auto& o = impl->options;
    impl->server = std::make_unique<Server>(restinio::own_io_context(), [&](auto& settings) {
        settings.address(o.address)
            .port(o.port)
            .request_handler([impl](auto raw) { return impl->handle(raw); })
            .read_next_http_message_timelimit(o.read_timeout)
            .write_http_response_timelimit(o.write_timeout)
            .handle_request_timeout(o.handle_timeout)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                          .max_url_size(8 * 1024)
                                          .max_field_name_size(1024)
                                          .max_field_value_size(16 * 1024)
                                          .max_field_count(100)
                                          .max_body_size(o.hard_body_limit))
            .acceptor_post_bind_hook([impl](asio::ip::tcp::acceptor& acceptor) {
                impl->bound_port = acceptor.local_endpoint().port();
            });
    });
    impl->runner = std::make_unique<restinio::on_pool_runner_t<Server>>(o.threads, *impl->server);
    std::promise<void> started;
    auto result = started.get_future();
    impl->runner->start(
        [&started]() noexcept { started.set_value(); },
        [&started](std::exception_ptr error) noexcept { started.set_exception(error); });
    result.get();
    impl->running = true;
}

unsigned short HttpServer::port() const { return impl_->bound_port; }

void HttpServer::stop() {
    if (!impl_ || !impl_->running) return;
    impl_->running = false;
    impl_->draining = true;
    // Closing must happen on the acceptor's own executor; wait until it has.
    std::promise<void> closed;
    impl_->server->close_async([&closed]() noexcept { closed.set_value(); },
                               [&closed](std::exception_ptr) noexcept { closed.set_value(); });
    closed.get_future().wait();
    auto deadline = std::chrono::steady_clock::now() + impl_->options.drain_timeout;
    while (impl_->in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    impl_->runner->stop();
    impl_->runner->wait();
}

}  // namespace signs::web
