// Fills a database with many fictional children, cases, chronology events and census episodes,
// to measure search, child pages and the census at the scale of a large council. Not a test;
// see bench/casework and bench/returns.
#include <CLI/CLI.hpp>
#include <algorithm>

#include <array>
#include <filesystem>
#include <iostream>
#include <random>

#include "bench_database.hpp"
#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "domain/casework/name_match.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/chronology_repository.hpp"
#include "store/cin_repository.hpp"
#include "store/contact_repository.hpp"

namespace {

using namespace signs;

// Name parts recombined at random: no real person is meant.
constexpr std::array<const char*, 40> kFirst = {
    "Amara",  "Bexley", "Callum", "Darcy", "Eliza", "Finley",   "Gracie", "Harvey",
    "Isla",   "Jasper", "Kacey",  "Lyra",  "Mabel", "Nico",     "Orla",   "Percy",
    "Quinn",  "Rosa",   "Sonny",  "Tilly", "Umar",  "Vera",     "Wilf",   "Xanthe",
    "Yusuf",  "Zara",   "Alfie",  "Bella", "Cody",  "Delphine", "Ezra",   "Freya",
    "Gideon", "Hattie", "Ivo",    "Juno",  "Kit",   "Lottie",   "Milo",   "Nell"};
constexpr std::array<const char*, 40> kLast = {
    "Ashdown",  "Brackley", "Colebrook", "Dunmore",   "Eastleigh",  "Fairhurst", "Glenholm",
    "Hartwell", "Ingleby",  "Jessop",    "Kettering", "Lindqvist",  "Marwood",   "Northcott",
    "Oakes",    "Pemberly", "Quarrie",   "Rushworth", "Stanmore",   "Thistle",   "Underhill",
    "Vane",     "Whitlock", "Yardley",   "Abernant",  "Blackmore",  "Carrow",    "Dewhurst",
    "Elsworth", "Fernley",  "Gadsby",    "Holloway",  "Iverson",    "Jolliffe",  "Kingsley",
    "Larkin",   "Mossop",   "Netherby",  "Ormsby",    "Prendergast"};

}  // namespace

int main(int argc, char** argv) {
    core::init_crypto();
    std::string data_dir;
    int children = 1000, events = 10;
    CLI::App app{"Fill a new signs database with fictional casework for benchmarks"};
    app.add_option("--data-dir", data_dir, "Folder for the new SQLite database")->required();
    app.add_option("--children", children, "How many children")->check(CLI::Range(1, 1000000));
    app.add_option("--events-per-child", events, "Chronology events per child")
        ->check(CLI::Range(0, 100));
    CLI11_PARSE(app, argc, argv);

    auto db = bench::new_database(data_dir);
    auto lease = db->lease();
    auto& sql = lease.sql();
    auto now = core::to_storage(core::SystemClock{}.now());
    store::Transaction tx{lease};
    auto worker = bench::add_worker(sql, now);

    std::mt19937 random{20261126};
    auto today = core::london_date(core::SystemClock{}.now());
    for (int i = 0; i < children; ++i) {
        store::ChildRecord child;
        child.first_name = kFirst[random() % kFirst.size()];
        child.last_name = std::string{kLast[random() % kLast.size()]} +
                          (i % 7 == 0 ? "-" + std::string{kLast[random() % kLast.size()]} : "");
        child.date_of_birth = today.plus_days(-static_cast<int>(100 + random() % 6500)).iso();
        child.sex = random() % 2 ? "M" : "F";
        child.ethnicity = "NOBT";
        child.created_at = now;
        child.is_demo = true;
        auto keys = domain::name_index_keys(child.first_name + " " + child.last_name);
        auto id = store::children::insert(sql, child, keys);
        store::CaseRecord record;
        record.family_name = child.last_name + " family";
        record.team_id = worker.team_id;
        record.worker_id = worker.id;
        record.opened_on = today.plus_days(-200).iso();
        record.created_at = now;
        record.is_demo = true;
        auto case_id = store::cases::insert(sql, record);
        store::cases::add_child(sql, case_id, id);
        store::cases::add_level_period(sql, {0, case_id, id, "child-in-need", record.opened_on, "",
                                             "Generated", "", "", worker.id, now});
        // Referred when the case opened, assessed within the month: the census reads them.
        store::EpisodeRecord episode;
        episode.child_id = id;
        episode.referral_date = record.opened_on;
        episode.referral_source = i % 3 ? "2A" : "6";
        episode.primary_need = i % 5 ? "N1" : "N4";
        episode.recorded_by = worker.id;
        episode.recorded_at = now;
        store::AssessmentRecord assessment;
        assessment.episode_id = store::cin::insert_episode(sql, episode);
        assessment.started_on = today.plus_days(-198).iso();
        assessment.recorded_by = worker.id;
        assessment.recorded_at = now;
        auto assessed = store::cin::insert_assessment(sql, assessment);
        store::cin::authorise_assessment(sql, assessed, today.plus_days(-170).iso(), worker.id,
                                         i % 4 ? "4B,16A" : "21", 1);
        for (int e = 0; e < events; ++e) {
            store::chronology::add(
                sql, {0, id, today.plus_days(-e * 7).iso(), "visit",
                      "Generated home visit " + std::to_string(e), "manual", worker.id, "", now});
        }
        // Forty children, spread through the county, have a contact waiting for a decision:
        // as many at any size, so the front door's list measures finding them, not drawing more.
        if (i % std::max(1, children / 40) == 0) {
            store::ContactRecord contact;
            contact.child_id = id;
            contact.team_id = worker.team_id;
            contact.received_at = now;
            contact.received_on = today.iso();
            contact.channel = "phone";
            contact.referrer_name = "Generated referrer";
            contact.referrer_role = "Teacher";
            contact.worried = "Generated worry";
            contact.scale_question = "Generated";
            contact.decision_due = today.plus_days(static_cast<int>(random() % 10)).iso();
            contact.recorded_at = now;
            store::contacts::insert(sql, contact);
        }
        if ((i + 1) % 10000 == 0) std::cerr << (i + 1) << " children\n";
    }
    tx.commit();
    std::cout << "children=" << children << " events=" << children * events << "\n";
    return 0;
}
