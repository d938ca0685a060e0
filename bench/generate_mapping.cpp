// Fills a database with one fictional family whose case has been mapped many times, each
// mapping a review of the one before, to measure the mapping pages at the size of a long case.
// Not a test; see bench/mapping.
#include <CLI/CLI.hpp>

#include <array>
#include <filesystem>
#include <iostream>
#include <map>

#include "bench_database.hpp"
#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "domain/casework/name_match.hpp"
#include "domain/mapping/mapping.hpp"
#include "domain/mapping/wording.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/mapping_repository.hpp"

namespace {

using namespace signs;

constexpr std::array<const char*, 9> kCategories = {
    "harm",        "danger-statement", "complicating-factor", "strength", "existing-safety",
    "safety-goal", "next-step",        "bottom-line",         "grey-area"};

// Fictional people around a fictional child.
constexpr std::array<std::pair<const char*, const char*>, 6> kPeople = {
    {{"Robin Aldous", "parent"},
     {"Jess Aldous", "parent"},
     {"Kai Aldous", "child"},
     {"Morag Finch", "network"},
     {"Dev Patel (school)", "professional"},
     {"Social worker", "professional"}}};

std::string entry_text(int mapping, int n) {
    return "Generated entry " + std::to_string(n) + " first said at mapping " +
           std::to_string(mapping + 1) +
           ": what people noticed, in a sentence or two as a worker would write it down, with "
           "enough words to be a fair size for a real mapping.";
}

}  // namespace

int main(int argc, char** argv) {
    core::init_crypto();
    std::string data_dir;
    int mapping_count = 30, entries_per_mapping = 150;
    CLI::App app{"Fill a new signs database with one long-running, often-mapped case"};
    app.add_option("--data-dir", data_dir, "Folder for the new SQLite database")->required();
    app.add_option("--mappings", mapping_count, "How many mappings")->check(CLI::Range(1, 1000));
    app.add_option("--entries", entries_per_mapping, "Entries on each mapping")
        ->check(CLI::Range(10, 10000));
    CLI11_PARSE(app, argc, argv);

    auto db = bench::new_database(data_dir);
    auto lease = db->lease();
    auto& sql = lease.sql();
    auto now = core::to_storage(core::SystemClock{}.now());
    auto today = core::london_date(core::SystemClock{}.now());
    store::Transaction tx{lease};
    auto worker = bench::add_worker(sql, now);

    store::ChildRecord child;
    child.first_name = "Kai";
    child.last_name = "Aldous";
    child.date_of_birth = today.plus_days(-9 * 365).iso();
    child.sex = "M";
    child.ethnicity = "NOBT";
    child.created_at = now;
    child.is_demo = true;
    auto child_id = store::children::insert(sql, child, domain::name_index_keys("Kai Aldous"));
    store::CaseRecord record;
    record.family_name = "Aldous family";
    record.team_id = worker.team_id;
    record.worker_id = worker.id;
    auto first_day = today.plus_days(-30 * mapping_count - 10);
    record.opened_on = first_day.iso();
    record.created_at = now;
    record.is_demo = true;
    auto case_id = store::cases::insert(sql, record);
    store::cases::add_child(sql, case_id, child_id);
    store::cases::add_level_period(sql, {0, case_id, child_id, "child-protection", record.opened_on,
                                         "", "Generated", "", "", worker.id, now});

    auto wording = domain::default_wording(domain::PracticeVariant::Safety);
    std::optional<std::int64_t> previous;
    std::vector<store::EntryRecord> carried;  // the last mapping's entries still of concern
    int next_entry = 1;
    for (int m = 0; m < mapping_count; ++m) {
        store::MappingRecord mapping;
        mapping.case_id = case_id;
        mapping.held_on = first_day.plus_days(30 * m + 5).iso();
        mapping.purpose = m == 0 ? "first-assessment" : "review";
        mapping.status = m + 1 == mapping_count ? "draft" : "agreed";
        mapping.variant = "safety";
        mapping.previous_id = previous;
        if (mapping.status == "agreed") {
            mapping.agreed_by = worker.id;
            mapping.agreed_at = now;
        }
        mapping.created_by = worker.id;
        mapping.created_at = now;
        mapping.child_ids = {child_id};
        auto id = store::mappings::insert(sql, mapping);
        if (mapping.status == "agreed")
            store::mappings::set_status(sql, id, "agreed", 1, worker.id, now);
        std::vector<std::int64_t> people;
        for (auto [name, kind] : kPeople)
            people.push_back(
                store::mappings::add_participant(sql, {0, id, name, kind, "in-person"}));

        // A review carries forward what was still of concern: most of it still true, some
        // of it changed, some no longer a concern; new entries make up the number.
        std::vector<store::EntryRecord> here;
        int i = 0;
        for (auto e : carried) {
            e.mapping_id = id;
            e.carried_from = e.id;
            e.said_by = people[static_cast<std::size_t>(i) % people.size()];
            e.answers.reset();
            e.review_mark = i % 15 == 0 ? "resolved" : i % 15 == 1 ? "changed" : "still-true";
            if (e.review_mark == "changed")
                e.text += " Changed at mapping " + std::to_string(m + 1) + ".";
            e.created_by = worker.id;
            e.created_at = now;
            e.id = store::mappings::add_entry(sql, e);
            here.push_back(e);
            ++i;
        }
        while (static_cast<int>(here.size()) < entries_per_mapping) {
            store::EntryRecord e;
            e.mapping_id = id;
            e.category = kCategories[static_cast<std::size_t>(next_entry) % kCategories.size()];
            e.text = entry_text(m, next_entry++);
            e.said_by = people[here.size() % people.size()];
            e.created_by = worker.id;
            e.created_at = now;
            e.id = store::mappings::add_entry(sql, e);
            here.push_back(e);
        }
        for (std::size_t p = 0; p < people.size(); ++p) {
            store::ScoreRecord score;
            score.mapping_id = id;
            score.participant_id = people[p];
            score.value = static_cast<int>((m / 3 + p) % 11);
            score.why_not_lower = "Generated reason why it is not lower";
            score.one_point_higher = "Generated step that would make it one higher";
            score.question = wording.scale.question;
            score.anchor_zero = wording.scale.zero;
            score.anchor_ten = wording.scale.ten;
            score.direction = wording.scale.direction;
            score.recorded_by = worker.id;
            score.recorded_at = now;
            store::mappings::put_score(sql, score);
        }
        carried.clear();
        for (const auto& e : here)
            if (e.review_mark != "resolved") carried.push_back(e);
        previous = id;
    }
    tx.commit();
    std::cout << "case=" << case_id << " latest_mapping=" << *previous
              << " first_mapping=" << *previous - mapping_count + 1 << "\n";
    return 0;
}
