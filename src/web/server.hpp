#pragma once
/// The HTTP server: RESTinio on a thread pool, adapted to our Request and Response. It owns
/// connection handling only: limits, timeouts, gzip and graceful shutdown.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "web/http.hpp"

namespace signs::web {

struct ServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;  ///< 0 picks a free port; read it back with port()
    std::size_t threads = 4;
    /// Bodies above this are cut off by closing the connection. The app's own, lower limit
    /// answers 413 below it.
    std::size_t hard_body_limit = 32 * 1024 * 1024;
    std::chrono::seconds read_timeout{20};  ///< for a slow client sending its request
    std::chrono::seconds write_timeout{20};
    std::chrono::seconds handle_timeout{60};
    std::chrono::seconds drain_timeout{10};  ///< how long shutdown waits for requests in flight
};

class HttpServer {
  public:
    using Handler = std::function<Response(Request&)>;

    HttpServer(ServerOptions options, Handler handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds and starts serving; throws if the address cannot be bound.
    void start();
    /// The bound port (useful when started with port 0).
    unsigned short port() const;
    /// Stops accepting, lets requests in flight finish (up to drain_timeout), then stops.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace signs::web
