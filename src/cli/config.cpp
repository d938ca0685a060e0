#include "cli/config.hpp"

#include <charconv>

namespace signs::cli {

core::Result<store::DatabaseUrl> Config::database() const {
    if (!database_url.empty()) return store::DatabaseUrl::parse(database_url);
    return store::DatabaseUrl{store::Dialect::Sqlite, (data_dir / "signs.db").string()};
}

void add_database_options(CLI::App& command, Config& config) {
    command
        .add_option("--database", config.database_url,
                    "Database URL: sqlite:PATH or postgresql://USER@HOST:PORT/NAME (default: "
                    "sqlite in the data directory)")
        ->envname("SIGNS_DATABASE_URL");
    command
        .add_option("--data-dir", config.data_dir,
                    "Folder for the SQLite database and other local files")
        ->envname("SIGNS_DATA_DIR")
        ->capture_default_str();
    command
        .add_option("--resources", config.resources,
                    "Folder holding templates/, assets/ and migrations/")
        ->envname("SIGNS_RESOURCES")
        ->capture_default_str();
}

void add_server_options(CLI::App& command, Config& config) {
    add_database_options(command, config);
    command
        .add_option("--smtp-url", config.smtp_url,
                    "Mail server for invitations, such as smtp://mail.example.org:25 (none: "
                    "messages wait in the outbox)")
        ->envname("SIGNS_SMTP_URL");
    command.add_option("--mail-from", config.mail_from, "The address messages come from")
        ->envname("SIGNS_MAIL_FROM")
        ->capture_default_str();
    command
        .add_option("--listen", config.listen, "ADDRESS:PORT to serve on; port 0 picks a free one")
        ->envname("SIGNS_LISTEN")
        ->capture_default_str();
    command.add_option("--threads", config.threads, "Worker threads")
        ->envname("SIGNS_THREADS")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    command
        .add_option("--max-body-kib", config.max_body_kib, "Largest request body accepted, in KiB")
        ->envname("SIGNS_MAX_BODY_KIB")
        ->check(CLI::Range(1, 30 * 1024))
        ->capture_default_str();
    command
        .add_option("--max-upload-mib", config.max_upload_mib,
                    "Largest file accepted in the guidance library or as a child's drawing, in MiB")
        ->envname("SIGNS_MAX_UPLOAD_MIB")
        ->check(CLI::Range(1, 1024))
        ->capture_default_str();
    command
        .add_flag("--secure-cookies", config.secure_cookies,
                  "Mark cookies Secure and send HSTS (when signs is served over HTTPS)")
        ->envname("SIGNS_SECURE_COOKIES");
    command
        .add_option("--log-requests", config.log_requests,
                    "Log one JSON line per request (true/false)")
        ->envname("SIGNS_LOG_REQUESTS")
        ->capture_default_str();
    command
        .add_option("--session-idle-minutes", config.session_idle_minutes,
                    "Sign out after this long without a request")
        ->envname("SIGNS_SESSION_IDLE_MINUTES")
        ->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    command
        .add_option("--session-absolute-hours", config.session_absolute_hours,
                    "Sign out this long after signing in")
        ->envname("SIGNS_SESSION_ABSOLUTE_HOURS")
        ->check(CLI::Range(1, 24 * 7))
        ->capture_default_str();
}

core::Result<ListenAddress> parse_listen(const std::string& text) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return core::fail(core::ErrorKind::Invalid, "--listen must look like 127.0.0.1:8080");
    }
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    unsigned port = 0;
    auto digits = std::string_view{text}.substr(colon + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc{} || end != digits.data() + digits.size() || port > 65535) {
        return core::fail(core::ErrorKind::Invalid,
                          "the port in --listen must be a number from 0 to 65535");
    }
    return ListenAddress{host, static_cast<unsigned short>(port)};
}

}  // namespace signs::cli
