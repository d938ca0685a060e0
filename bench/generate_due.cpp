// Fills a database with many open fictional cases, each with a statutory deadline or two
// outstanding, to measure the whole service's due list at the scale of a large council.
// Not a test; see bench/due.
#include <CLI/CLI.hpp>

#include <iostream>
#include <random>

#include "bench_database.hpp"
#include "core/london_time.hpp"
#include "domain/timescales/case_deadlines.hpp"
#include "service/data_files.hpp"
#include "service/deadline_service.hpp"
#include "service/visit_service.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/deadline_repository.hpp"
#include "store/meeting_repository.hpp"

int main(int argc, char** argv) {
    using namespace signs;
    core::init_crypto();
    std::string data_dir;
    int cases = 10000;
    CLI::App app{"Fill a new signs database with fictional open cases for the due list"};
    app.add_option("--data-dir", data_dir, "Folder for the new SQLite database")->required();
    app.add_option("--cases", cases, "How many open cases")->check(CLI::Range(1, 1000000));
    CLI11_PARSE(app, argc, argv);

    auto db = bench::new_database(data_dir);
    auto lease = db->lease();
    auto& sql = lease.sql();
    auto now = core::to_storage(core::SystemClock{}.now());
    auto today = core::london_date(core::SystemClock{}.now());
    domain::WorkingCalendar calendar(service::load_bank_holidays(SIGNS_RESOURCES_DIR));
    store::Transaction tx{lease};
    auto worker = bench::add_worker(sql, now);
    // The manager who reads the whole service's list.
    auto manager = worker;
    manager.email = "bench-manager@signs.example.org";
    manager.name = "Bench Manager";
    manager.role = domain::Role::TeamManager;
    store::users::insert(sql, manager);

    std::mt19937 random{20261127};
    const char* kTypes[] = {"strategy-discussion", "initial-conference", "review-conference"};
    for (int i = 0; i < cases; ++i) {
        store::ChildRecord child;
        child.first_name = "Child";
        child.last_name = "Number " + std::to_string(i);
        child.date_of_birth = today.plus_days(-static_cast<int>(400 + random() % 5000)).iso();
        child.sex = "M";
        child.ethnicity = "NOBT";
        child.created_at = now;
        child.is_demo = true;
        auto child_id = store::children::insert(sql, child, {});
        store::CaseRecord record;
        record.family_name = "Family " + std::to_string(i);
        record.team_id = worker.team_id;
        record.worker_id = worker.id;
        record.opened_on = today.plus_days(-300).iso();
        record.created_at = now;
        record.is_demo = true;
        auto case_id = store::cases::insert(sql, record);
        store::cases::add_child(sql, case_id, child_id);
        store::cases::add_level_period(
            sql, {0, case_id, child_id, "child-protection", record.opened_on, "", "Generated",
                  "NEG", "", worker.id, now});
        // One recorded meeting in the last few months starts the next clock.
        store::MeetingRecord m;
        m.case_id = case_id;
        m.type = kTypes[random() % 3];
        m.held_on = today.plus_days(-static_cast<int>(random() % 150)).iso();
        m.start_minutes = 600;
        m.end_minutes = 660;
        m.venue = "Generated venue";
        m.chair = "Generated chair";
        m.uid = "bench-" + std::to_string(i) + "@signs";
        m.created_at = now;
        m.child_ids = {child_id};
        m.id = store::meetings::insert(sql, m);
        m.decision = "Generated";
        m.plan_needed = "yes";
        m.category = "NEG";
        store::meetings::record_outcome(sql, m, 1);
        if ((i + 1) % 10000 == 0) std::cerr << (i + 1) << " cases\n";
    }
    // Work the deadlines out now, as the first list would, so the benchmark measures reading.
    auto visits = service::visit_frequencies_in_force(sql);
    for (;;) {
        auto stale = store::deadlines::stale(sql, today.iso(), "", 1000);
        if (stale.empty()) break;
        for (const auto& s : stale) {
            auto due = domain::outstanding_deadlines(service::case_events(sql, s.case_id, today),
                                                     calendar, visits);
            std::vector<store::KeptDeadline> kept;
            for (const auto& d : due)
                kept.push_back({std::string{d.rule.code}, d.from.iso(), d.due.iso(), ""});
            store::deadlines::replace(sql, s.case_id, s.stamp, today.iso(), kept);
        }
    }
    tx.commit();
    std::cout << "cases=" << cases << "\n";
    return 0;
}
