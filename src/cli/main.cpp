// The signs command: one binary, one table of sub-commands.
#include <signal.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <thread>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/check_language.hpp"
#include "cli/config.hpp"
#include "core/crypto.hpp"
#include "core/csv.hpp"
#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "domain/timescales/deadline_rules.hpp"
#include "service/audit_service.hpp"
#include "service/audit_writer.hpp"
#include "service/calendar_service.hpp"
#include "service/child_import.hpp"
#include "service/child_records.hpp"
#include "service/cin_census.hpp"
#include "service/data_files.hpp"
#include "service/demo_data.hpp"
#include "service/user_admin_service.hpp"
#include "service/visit_service.hpp"
#include "store/cin_repository.hpp"
#include "store/database.hpp"
#include "store/local_term_repository.hpp"
#include "store/migrations.hpp"
#include "store/store_error.hpp"
#include "store/user_repository.hpp"
#include "web/app.hpp"
#include "web/server.hpp"

namespace {

using namespace signs;

constexpr int kExitProblem = 1;
constexpr int kExitUsage = 2;

int complain(const std::string& message, int code = kExitProblem) {
    std::cerr << "signs: " << message << "\n";
    return code;
}

/// Opens the database named by the configuration, creating the data folder for SQLite.
std::unique_ptr<store::Database> open_database(const cli::Config& config, std::size_t pool_size) {
    auto url = config.database();
    if (!url) throw core::Fault(core::ErrorKind::Invalid, url.error().message);
    if (url->dialect == store::Dialect::Sqlite) {
        auto parent = std::filesystem::path(url->target).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    return std::make_unique<store::Database>(*url, pool_size);
}

core::Result<store::MigrationReport> migrate(const cli::Config& config, store::Database& db) {
    auto migrations = store::load_migrations(config.resources / "migrations", db.dialect());
    if (!migrations) return std::unexpected(migrations.error());
    auto report = store::migrate(db, *migrations);
    // Names stored before a change to how they are folded are keyed again, once.
    if (report) service::renew_name_keys(db);
    return report;
}

int serve(const cli::Config& config) {
    auto listen = cli::parse_listen(config.listen);
    if (!listen) return complain(listen.error().message, kExitUsage);

    // Block the stop signals before any thread starts, so only the sigwait below sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    auto db = open_database(config, config.threads + 2);
    auto migrated = migrate(config, *db);
    if (!migrated) return complain(migrated.error().message);

    core::SystemClock clock;
    web::AppConfig app_config;
    app_config.resources = config.resources;
    app_config.files = config.data_dir / "files";
    app_config.max_body_bytes = config.max_body_kib * 1024;
    app_config.upload_limit = {config.max_upload_mib};
    app_config.secure_cookies = config.secure_cookies;
    app_config.log_requests = config.log_requests;
    app_config.auth.sessions.idle_timeout = std::chrono::minutes{config.session_idle_minutes};
    app_config.auth.sessions.absolute_timeout = std::chrono::hours{config.session_absolute_hours};
    app_config.mail = {config.smtp_url, config.mail_from};
    web::App app{app_config, *db, clock};

    web::ServerOptions options;
    options.address = listen->host;
    options.port = listen->port;
    options.threads = config.threads;
    // The server cuts off only what the app would refuse anyway, with room for a form's fields.
    options.hard_body_limit =
        std::max({options.hard_body_limit, app_config.upload_limit.bytes() + 2 * 1024 * 1024,
                  app_config.max_body_bytes + 1024 * 1024});
    web::HttpServer server{options, [&app](web::Request& request) { return app.handle(request); }};
    server.start();
    auto host =
        listen->host.find(':') != std::string::npos ? "[" + listen->host + "]" : listen->host;
    std::cout << "signs listening on http://" << host << ":" << server.port() << std::endl;
    spdlog::info(nlohmann::json{{"event", "started"},
                                {"port", server.port()},
                                {"database", db->url().redacted()},
                                {"schema_version", migrated->to_version}}
                     .dump());

    // Every few seconds while the server runs: deliver the outbox; every minute, queue the
    // reminders and overdue alerts that have come due (kept in the outbox without a mail
    // server, for an administrator to see).
    std::atomic<bool> stopping{false};
    std::thread postman{[&] {
        auto guarded = [](const char* what, const std::function<void()>& work) {
            try {
                work();
            } catch (const std::exception& error) {
                spdlog::error(nlohmann::json{{"event", what}, {"error", error.what()}}.dump());
            }
        };
        for (int round = 0; !stopping; ++round) {
            if (round % 12 == 0)
                guarded("deadline-notices", [&] { app.deadline_notices().queue_notices(); });
            if (app.outbox().configured()) guarded("outbox", [&] { app.outbox().deliver(); });
            for (int i = 0; i < 50 && !stopping; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds{100});
        }
    }};

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    stopping = true;
    if (postman.joinable()) postman.join();
    spdlog::info(nlohmann::json{{"event", "stopping"}, {"signal", signal_number}}.dump());
    server.stop();
    spdlog::info(nlohmann::json{{"event", "stopped"}}.dump());
    return 0;
}

std::string read_password() {
    if (!isatty(STDIN_FILENO)) {
        std::string line;
        std::getline(std::cin, line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    std::cerr << "Password: " << std::flush;
    termios old_settings{};
    tcgetattr(STDIN_FILENO, &old_settings);
    termios quiet = old_settings;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old_settings);
    std::cerr << "\n";
    return line;
}

struct UserAddOptions {
    std::string email, name, role, team;
};

int user_add(const cli::Config& config, const UserAddOptions& options) {
    auto db = open_database(config, 3);
    auto migrated = migrate(config, *db);
    if (!migrated) return complain(migrated.error().message);
    core::SystemClock clock;
    service::AuditWriter audit{*db, clock};
    service::SessionCache sessions;
    service::UserAdminService users{*db, clock, audit, sessions};
    domain::NewUserForm form{options.email, options.name, options.role, options.team,
                             read_password()};
    auto added = users.add_user(service::Actor::system("cli-user-add"), form);
    if (!added) {
        std::string message = added.error().message;
        for (const auto& f : added.error().fields) message += "\n  " + f.field + ": " + f.message;
        return complain(message);
    }
    std::cout << "Added " << added->name << " <" << added->email << "> as "
              << domain::role_label(added->role) << " (user " << added->id << ")\n";
    return 0;
}

int demo_data(const cli::Config& config) {
    auto db = open_database(config, 3);
    auto migrated = migrate(config, *db);
    if (!migrated) return complain(migrated.error().message);
    core::SystemClock clock;
    service::CalendarService calendars{*db, clock, service::load_bank_holidays(config.resources)};
    auto loaded = service::load_demo_data(*db, clock, calendars, config.resources);
    if (!loaded) return complain(loaded.error().message);
    std::cout << "Loaded fictional demo teams, staff and families.\n"
              << "Demo administrator: " << loaded->admin_email << "\n"
              << "Demo practitioner: " << loaded->practitioner_email << "\n"
              << "Demo team manager: " << loaded->manager_email << "\n"
              << "Password for every demo account (shown once): " << loaded->password << "\n";
    return 0;
}

int backup(const cli::Config& config, const std::string& file) {
    auto db = open_database(config, 1);
    if (db->dialect() != store::Dialect::Sqlite) {
        return complain(
            "backup copies SQLite databases; for PostgreSQL use pg_dump (see the README)",
            kExitUsage);
    }
    if (std::filesystem::exists(file)) return complain("will not overwrite " + file, kExitUsage);
    auto lease = db->lease();
    // VACUUM INTO writes a consistent copy while other connections keep working.
    store::translate_errors([&] { lease.sql() << "VACUUM INTO :file", soci::use(file); });
    std::cout << "Backed up to " << file << "\n";
    return 0;
}

struct CensusOptions {
    std::string year;
    std::string la_code;
    std::string output;
    bool with_errors = false;
};

/// Writes the Children in Need census. Errors stop it unless asked otherwise; either way
/// every finding is listed on standard error, so the file is never mistaken for clean.
int cin_census(const cli::Config& config, const CensusOptions& options) {
    auto year = domain::CensusYear::parse(options.year);
    if (!year) return complain("--year must be a census year like 2026-27", kExitUsage);
    if (!options.la_code.empty() && !service::valid_la_code(options.la_code))
        return complain("--la-code must be the council's three-digit DfE number", kExitUsage);
    auto db = open_database(config, 2);
    auto la_code = options.la_code;
    if (la_code.empty()) {
        auto lease = db->lease();
        la_code = store::cin::return_settings(lease.sql()).la_code;
    }
    if (la_code.empty()) {
        return complain(
            "give --la-code, or set the council's number on the Statutory returns "
            "page",
            kExitUsage);
    }
    core::SystemClock clock;
    // The DfE counts England's working days: bank holidays, not the council's closure days.
    auto calendar = service::load_working_calendar(config.resources);
    auto codes = service::load_census_codes(config.resources);
    auto census = service::build_cin_census(*db, *year, codes, calendar, [](std::size_t done) {
        std::cerr << "Read " << done << " children\n";
    });
    std::cerr << "The " << year->name() << " census holds " << census.children.size()
              << " children; " << census.errors << " errors and "
              << census.findings.size() - census.errors << " queries.\n";
    for (const auto& f : census.findings) {
        std::cerr << "  " << f.rule->number << " "
                  << (f.child < 0 ? std::string{"the return"}
                                  : "child " + census.children[f.child].la_child_id)
                  << (f.episode < 0 ? "" : ", episode " + std::to_string(f.episode + 1)) << ": "
                  << f.rule->message << "\n";
    }
    if (census.errors > 0 && !options.with_errors) {
        return complain(
            "nothing written: put the errors right, or give --with-errors to "
            "write the return as it stands");
    }
    auto now = core::london_iso(clock.now());
    service::CensusSource source{la_code, SIGNS_VERSION, "001", now};
    if (options.output.empty() || options.output == "-") {
        service::write_cin_census_xml(census, source, std::cout);
    } else {
        std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
        if (!out) return complain("cannot write " + options.output);
        service::write_cin_census_xml(census, source, out);
        out.close();
        if (!out) return complain("writing " + options.output + " failed");
        std::cerr << "Wrote " << options.output << "\n";
    }
    {
        auto lease = db->lease();
        store::Transaction tx{lease};
        service::record_audit(lease.sql(), clock, service::Actor::system("cli"),
                              {"census-export", "return", "cin-" + year->name(),
                               std::to_string(census.children.size()) + " children"});
        tx.commit();
    }
    return 0;
}

int audit_verify(const cli::Config& config) {
    auto db = open_database(config, 1);
    auto result = service::verify_audit(*db);
    if (result.first_break) {
        std::cout << "BROKEN at event " << result.first_break->seq << ": "
                  << result.first_break->reason << "\n";
        return kExitProblem;
    }
    std::cout << "OK: " << result.events_checked << " audit events, chain intact\n";
    return 0;
}

int db_migrate(const cli::Config& config) {
    auto db = open_database(config, 1);
    auto migrated = migrate(config, *db);
    if (!migrated) return complain(migrated.error().message);
    std::cout << "Database schema at version " << migrated->to_version << " (was "
              << migrated->from_version << ")\n";
    return 0;
}

}  // namespace

struct ImportOptions {
    std::string children, network, by;
    bool dry_run = false;
};

core::Result<core::CsvTable> read_csv(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return core::fail(core::ErrorKind::NotFound, file + ": cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    auto table = core::parse_csv(text.str());
    if (!table) return core::fail(core::ErrorKind::Invalid, file + ": " + table.error().message);
    return table;
}

int import_children(const cli::Config& config, const ImportOptions& options) {
    auto children = read_csv(options.children);
    if (!children) return complain(children.error().message);
    std::optional<core::CsvTable> network;
    if (!options.network.empty()) {
        auto table = read_csv(options.network);
        if (!table) return complain(table.error().message);
        network = std::move(*table);
    }
    auto db = open_database(config, 2);
    auto migrated = migrate(config, *db);
    if (!migrated) return complain(migrated.error().message);
    auto actor = service::Actor::system("cli-import");
    if (!options.by.empty()) {
        auto lease = db->lease();
        auto user = store::users::find_by_email(lease.sql(), core::lower_ascii(options.by));
        if (!user || !user->active) return complain("there is no active user " + options.by);
        actor.user = *user;
    }
    // On a terminal the progress line rewrites itself; in a log each update is a line.
    bool terminal = isatty(STDERR_FILENO) != 0;
    auto progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
        std::cerr << (terminal ? "\r" : "") << stage << " row " << done << " of " << total << " ("
                  << (total ? done * 100 / total : 100) << "%)" << (terminal ? "" : "\n")
                  << std::flush;
    };
    core::SystemClock clock;
    auto codes = service::load_census_codes(config.resources);
    auto report =
        service::import_children(*db, clock, actor, codes, *children, network ? &*network : nullptr,
                                 options.dry_run, progress);
    if (terminal) std::cerr << "\n";
    if (!report.problems.empty()) {
        std::cerr << "Nothing was imported. Fix these " << report.problems.size()
                  << " problems and run the import again:\n";
        for (const auto& problem : report.problems) std::cerr << "  " << problem << "\n";
        return kExitProblem;
    }
    std::cout << (report.saved ? "Imported " : "Checked, nothing saved (dry run): ")
              << report.children << " children, " << report.people << " people linked "
              << report.links << " times, " << report.cases << " cases.\n";
    return 0;
}

struct DeadlineOptions {
    std::string rule;
    std::string date;
    bool list = false;
    bool with_closures = false;  ///< a database was named, so its closure days count
};

int deadline(const cli::Config& config, const DeadlineOptions& options) {
    namespace domain = signs::domain;
    // With a database named, its closure days and visit frequencies count.
    std::unique_ptr<store::Database> db;
    if (options.with_closures) db = open_database(config, 1);
    std::vector<domain::VisitFrequency> visits{domain::default_visit_frequencies().begin(),
                                               domain::default_visit_frequencies().end()};
    if (db) {
        auto lease = db->lease();
        visits = service::visit_frequencies_in_force(lease.sql());
    }
    // Visits are one rule with a frequency per level: "visit:child-protection".
    std::vector<domain::DeadlineRule> rules;
    for (const auto& rule : domain::deadline_rules()) {
        if (rule.code != domain::kVisitRuleCode) rules.push_back(rule);
    }
    std::vector<std::string> visit_codes;
    visit_codes.reserve(visits.size());  // the rules below keep views of these strings
    for (const auto& f : visits) {
        if (f.amount == 0) continue;
        visit_codes.push_back(std::string{domain::kVisitRuleCode} + ":" +
                              std::string{domain::level_code(f.level)});
        rules.push_back(domain::visit_rule(f));
        rules.back().code = visit_codes.back();
    }
    if (options.list) {
        for (const auto& rule : rules) {
            std::cout << rule.code << "\t" << rule.name << ": " << domain::rule_text(rule) << " ("
                      << rule.source << ")\n";
        }
        return 0;
    }
    if (options.rule.empty() || options.date.empty())
        return complain("give a rule and a starting date, or --list to see the rules", kExitUsage);
    auto rule = std::find_if(rules.begin(), rules.end(),
                             [&](const auto& r) { return r.code == options.rule; });
    if (rule == rules.end()) {
        return complain(
            "there is no rule called '" + options.rule + "'; signs deadline --list names them",
            kExitUsage);
    }
    auto start = signs::core::CivilDate::parse_iso(options.date);
    if (!start)
        return complain("the date must be a real date written YYYY-MM-DD, like 2026-11-26",
                        kExitUsage);
    std::shared_ptr<const domain::WorkingCalendar> calendar;
    if (db) {
        core::SystemClock clock;
        service::CalendarService calendars{*db, clock,
                                           service::load_bank_holidays(config.resources)};
        calendar = calendars.current();
    } else {
        calendar = std::make_shared<const domain::WorkingCalendar>(
            service::load_working_calendar(config.resources));
    }
    std::cout << domain::deadline_for(*rule, *start, *calendar).iso() << "\n";
    return 0;
}

int main(int argc, char** argv) {
    signs::core::init_crypto();
    auto logger = spdlog::stdout_logger_mt("signs");
    logger->set_pattern("%v");
    spdlog::set_default_logger(logger);

    cli::Config config;
    CLI::App app{"signs: casework for children's social care, the Signs of Safety way"};
    app.require_subcommand(1);
    std::function<int()> action;

    // THE command table.
    auto* serve_cmd = app.add_subcommand("serve", "Serve the web application");
    cli::add_server_options(*serve_cmd, config);
    serve_cmd->callback([&] { action = [&] { return serve(config); }; });

    auto* db_cmd = app.add_subcommand("db", "Database schema");
    db_cmd->require_subcommand(1);
    auto* migrate_cmd = db_cmd->add_subcommand("migrate", "Apply the migrations this signs knows");
    cli::add_database_options(*migrate_cmd, config);
    migrate_cmd->callback([&] { action = [&] { return db_migrate(config); }; });

    auto* user_cmd = app.add_subcommand("user", "Staff accounts");
    user_cmd->require_subcommand(1);
    UserAddOptions user_options;
    auto* add_cmd =
        user_cmd->add_subcommand("add", "Add a user; the password is read from standard input");
    add_cmd->add_option("email", user_options.email, "Email address")->required();
    add_cmd->add_option("--name", user_options.name, "Full name")->required();
    add_cmd
        ->add_option("--role", user_options.role,
                     "practitioner, team-manager, conference-chair, training-admin, "
                     "performance-officer or admin")
        ->required();
    add_cmd->add_option("--team", user_options.team, "Team name (created if new)");
    cli::add_database_options(*add_cmd, config);
    add_cmd->callback([&] { action = [&] { return user_add(config, user_options); }; });

    auto* demo_cmd =
        app.add_subcommand("demo-data", "Load fictional demo teams and staff into a new database");
    cli::add_database_options(*demo_cmd, config);
    demo_cmd->callback([&] { action = [&] { return demo_data(config); }; });

    std::string backup_file;
    auto* backup_cmd =
        app.add_subcommand("backup", "Write a consistent copy of the SQLite database");
    backup_cmd->add_option("file", backup_file, "Where to write the copy")->required();
    cli::add_database_options(*backup_cmd, config);
    backup_cmd->callback([&] { action = [&] { return backup(config, backup_file); }; });

    ImportOptions import_options;
    auto* import_cmd = app.add_subcommand(
        "import", "Import children and their networks from CSV; all rows or none");
    import_cmd->add_option("children", import_options.children, "children.csv")->required();
    import_cmd->add_option("--network", import_options.network, "network.csv");
    import_cmd->add_option("--by", import_options.by,
                           "Email of the member of staff the import is recorded against; they "
                           "can open imported children who are not in a case");
    import_cmd->add_flag("--dry-run", import_options.dry_run, "Check the files; save nothing");
    cli::add_database_options(*import_cmd, config);
    import_cmd->callback([&] { action = [&] { return import_children(config, import_options); }; });

    DeadlineOptions deadline_options;
    auto* deadline_cmd = app.add_subcommand(
        "deadline", "Print the deadline (YYYY-MM-DD) a rule gives for an event on a date");
    deadline_cmd->add_option("rule", deadline_options.rule, "The rule's code (see --list)");
    deadline_cmd->add_option("date", deadline_options.date, "The event's date, YYYY-MM-DD");
    deadline_cmd->add_flag("--list", deadline_options.list,
                           "Name every rule, what starts its clock and where it comes from");
    cli::add_database_options(*deadline_cmd, config);
    deadline_cmd->footer(
        "Bank holidays always count; the council's closure days count too when --data-dir or "
        "--database names its database.");
    deadline_cmd->callback([&] {
        deadline_options.with_closures =
            deadline_cmd->count("--data-dir") + deadline_cmd->count("--database") > 0;
        action = [&] { return deadline(config, deadline_options); };
    });

    cli::CheckLanguageOptions language_options;
    auto* language_cmd = app.add_subcommand(
        "check-language", "Suggest plainer words for a text, and say how easy it is to read");
    language_cmd->add_option("file", language_options.file,
                             "The text file, or - for standard input");
    language_cmd->add_flag("--json", language_options.json, "Print the findings as JSON");
    cli::add_database_options(*language_cmd, config);
    language_cmd->footer(
        "With --data-dir or --database, the council's own terms from that database count too.");
    language_cmd->callback([&] {
        bool with_local = language_cmd->count("--data-dir") + language_cmd->count("--database") > 0;
        action = [&, with_local] {
            std::vector<domain::Term> local;
            if (with_local) {
                auto db = open_database(config, 1);
                auto lease = db->lease();
                for (auto& r : store::local_terms::all(lease.sql())) local.push_back(r.term);
            }
            return cli::check_language(config, language_options, local);
        };
    });

    auto* returns_cmd = app.add_subcommand("returns", "Statutory returns to the DfE");
    returns_cmd->require_subcommand(1);
    CensusOptions census_options;
    auto* census_cmd = returns_cmd->add_subcommand(
        "cin-census", "Write the Children in Need census as the DfE's XML");
    census_cmd->add_option("--year", census_options.year, "The census year, like 2026-27")
        ->required();
    census_cmd->add_option("--la-code", census_options.la_code,
                           "The council's DfE number; by default the one set in signs");
    census_cmd->add_option("--output", census_options.output,
                           "The file to write; - or none for "
                           "standard output");
    census_cmd->add_flag("--with-errors", census_options.with_errors,
                         "Write the return even while errors remain (they are listed)");
    cli::add_database_options(*census_cmd, config);
    census_cmd->callback([&] { action = [&] { return cin_census(config, census_options); }; });

    auto* audit_cmd = app.add_subcommand("audit", "The audit log");
    audit_cmd->require_subcommand(1);
    auto* verify_cmd = audit_cmd->add_subcommand(
        "verify", "Check the audit hash chain; report the first broken link");
    cli::add_database_options(*verify_cmd, config);
    verify_cmd->callback([&] { action = [&] { return audit_verify(config); }; });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }
    try {
        return action ? action() : kExitUsage;
    } catch (const signs::core::Fault& fault) {
        return complain(fault.what());
    } catch (const std::exception& error) {
        return complain(error.what());
    }
}
