#include "support/test_server.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "service/user_admin_service.hpp"
#include "store/migrations.hpp"

namespace signs::testing {

TestServer::TestServer(web::AppConfig config, TestServerOptions test_options)
    : clock_(*core::from_storage("2026-11-26T10:00:00.000000Z")) {
    core::init_crypto();
    static std::atomic<int> counter{0};
    folder_ = (std::filesystem::temp_directory_path() /
               ("signs-http-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                  .string();
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    if (test_options.postgres_url.empty()) {
        db_ = std::make_unique<store::Database>(
            store::DatabaseUrl{store::Dialect::Sqlite, folder_ + "/signs.db"}, 6);
    } else {
        store::DatabaseUrl url{store::Dialect::Postgresql, test_options.postgres_url};
        {
            store::Database admin{url, 1};
            auto lease = admin.lease();
            store::Database::execute_script(
                lease.sql(), url.dialect,
                "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        }
        db_ = std::make_unique<store::Database>(url, 6);
    }
    config.resources = SIGNS_RESOURCES_DIR;
    if (config.files.empty()) config.files = std::filesystem::path{folder_} / "files";
    config.log_requests = false;
    auto migrations = store::load_migrations(config.resources / "migrations", db_->dialect());
    if (!migrations || !store::migrate(*db_, *migrations))
        throw std::runtime_error("migration failed");
    app_ = std::make_unique<web::App>(config, *db_, clock_);
    web::ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.drain_timeout = std::chrono::seconds{5};
    options.read_timeout = test_options.read_timeout;
    server_ = std::make_unique<web::HttpServer>(
        options, [this](web::Request& r) { return app_->handle(r); });
    server_->start();
}

TestServer::~TestServer() {
    stop();
    std::filesystem::remove_all(folder_);
}

void TestServer::stop() {
    if (server_) server_->stop();
}

std::int64_t TestServer::add_user(const std::string& email, domain::Role role,
                                  const std::string& team) {
    auto added = app_->user_admin().add_user(
        service::Actor::system("test"), {email, "Person " + email.substr(0, email.find('@')),
                                         std::string{domain::role_code(role)}, team, kPassword});
    if (!added) throw std::runtime_error("could not add user: " + added.error().message);
    return added->id;
}

Browser TestServer::signed_in_as(domain::Role role, const std::string& team) {
    auto email = std::string{domain::role_code(role)} + std::to_string(++users_) + "@example.org";
    add_user(email, role, team);
    auto browser = this->browser();
    auto result = browser.sign_in(email, kPassword);
    if (result.status != 303)
        throw std::runtime_error("sign-in failed with " + std::to_string(result.status));
    browser.get("/");  // as a browser would, following the redirect; this also picks up the
                       // session's CSRF token
    return browser;
}

int TestServer::audit_count(const std::string& action) {
    auto lease = db_->lease();
    int count = 0;
    lease.sql() << "SELECT COUNT(*) FROM audit_events WHERE action = :a", soci::use(action),
        soci::into(count);
    return count;
}

}  // namespace signs::testing
