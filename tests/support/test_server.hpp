#pragma once
// The whole application, in process, on a fresh SQLite database and a random loopback port,
// with a clock the test moves by hand.
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "domain/people/role.hpp"
#include "store/database.hpp"
#include "support/http_client.hpp"
#include "web/app.hpp"
#include "web/server.hpp"

namespace signs::testing {

inline const std::string kPassword = "correct horse battery staple";

struct TestServerOptions {
    std::string
        postgres_url;  ///< empty: a fresh SQLite file; else this (emptied) PostgreSQL database
    std::chrono::seconds read_timeout{20};
};

class TestServer {
  public:
    explicit TestServer(web::AppConfig config = {}, TestServerOptions options = {});
    ~TestServer();

    unsigned short port() const { return server_->port(); }
    Browser browser() const { return Browser{port()}; }
    core::ManualClock& clock() { return clock_; }
    store::Database& db() { return *db_; }
    web::App& app() { return *app_; }

    /// Adds a user with kPassword; returns the id.
    std::int64_t add_user(const std::string& email, domain::Role role,
                          const std::string& team = "");
    /// A browser already signed in as a new user with this role.
    Browser signed_in_as(domain::Role role, const std::string& team = "");
    /// Number of audit events with this action.
    int audit_count(const std::string& action);
    void stop();

  private:
    core::ManualClock clock_;
    std::string folder_;
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<web::App> app_;
    std::unique_ptr<web::HttpServer> server_;
    int users_ = 0;
};

}  // namespace signs::testing
