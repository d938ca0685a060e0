#pragma once
/// The one configuration struct, built once from flags and SIGNS_* environment variables.
/// Nothing below cli/ reads the environment.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "store/database_url.hpp"

namespace signs::cli {

struct Config {
    std::string listen = "127.0.0.1:8080";
    std::string database_url;  ///< empty: sqlite:DATA_DIR/signs.db
    std::filesystem::path data_dir = "var";
    std::size_t threads = 4;
    std::filesystem::path resources = SIGNS_RESOURCES_DIR;
    std::size_t max_body_kib = 1024;
    std::size_t max_upload_mib = 20;  ///< the largest file the guidance library or a drawing takes
    bool secure_cookies = false;
    bool log_requests = true;
    int session_idle_minutes = 120;
    int session_absolute_hours = 12;
    std::string smtp_url;  ///< empty: messages wait in the outbox
    std::string mail_from = "signs@localhost";

    core::Result<store::DatabaseUrl> database() const;
};

/// Adds the options every command that opens the database shares.
void add_database_options(CLI::App& command, Config& config);
/// Adds the options of `signs serve`.
void add_server_options(CLI::App& command, Config& config);

struct ListenAddress {
    std::string host;
    unsigned short port;
};
core::Result<ListenAddress> parse_listen(const std::string& text);

}  // namespace signs::cli
