// Mappings, entries with their history, and scores, on both engines.
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/mapping_repository.hpp"
#include "store/network_repository.hpp"
#include "store/practice_settings_repository.hpp"
#include "store/query.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class MappingStore : public StoreTest<Engine> {
  protected:
    std::int64_t a_mapping(soci::session& sql) {
        auto [case_id, child_id] = a_case_with_child(sql);
        store::MappingRecord m;
        m.case_id = case_id;
        m.held_on = "2026-11-20";
        m.purpose = "first-assessment";
        m.variant = "safety";
        m.created_at = "t";
        m.child_ids = {child_id};
        return store::mappings::insert(sql, m);
    }
};

TYPED_TEST_SUITE(MappingStore, Engines, EngineNames);

TYPED_TEST(MappingStore, EntriesKeepTheirOrderAndEveryEarlierVersion) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto mapping = this->a_mapping(sql);
    auto found = store::mappings::find(sql, mapping);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->child_ids.size(), 1u);
    EXPECT_EQ(found->status, "draft");
    auto dana = store::mappings::add_participant(
        sql, {0, mapping, "Dana Carter", "parent", "in-person", false});
    auto first =
        store::mappings::add_entry(sql, {0, mapping, "strength", "Reads to Maya", dana,
                                         std::nullopt, std::nullopt, "", 0, std::nullopt, "t", 1});
    auto second = store::mappings::add_entry(
        sql, {0, mapping, "strength", "Walks her to school", std::nullopt, std::nullopt,
              std::nullopt, "", 0, std::nullopt, "t", 1});
    auto entries = store::mappings::entries(sql, mapping);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].id, first);
    EXPECT_EQ(entries[0].said_by, dana);
    EXPECT_FALSE(entries[1].said_by);
    EXPECT_LT(entries[0].position, entries[1].position);

    auto edit = entries[0];
    edit.text = "Reads to Maya every night";
    edit.category = "existing-safety";
    ASSERT_TRUE(store::mappings::update_entry(sql, edit, false, std::nullopt, "t2"));
    EXPECT_FALSE(store::mappings::update_entry(sql, edit, false, std::nullopt, "t3"))
        << "a second save from the same version";
    auto history = store::mappings::entry_history(sql, first);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].text, "Reads to Maya");
    EXPECT_EQ(history[0].category, "strength");
    auto now = store::mappings::find_entry(sql, first);
    EXPECT_EQ(now->text, "Reads to Maya every night");
    EXPECT_EQ(now->version, 2);

    auto gone = *store::mappings::find_entry(sql, second);
    ASSERT_TRUE(store::mappings::update_entry(sql, gone, true, std::nullopt, "t4"));
    EXPECT_FALSE(store::mappings::find_entry(sql, second));
    EXPECT_EQ(store::mappings::entries(sql, mapping).size(), 1u);
    EXPECT_EQ(store::mappings::entry_history(sql, second).size(), 1u);
}

TYPED_TEST(MappingStore, AParticipantOnTheRecordsIsNamedAsTheirRecordNamesThemNow) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto mapping = this->a_mapping(sql);
    store::PersonRecord pat;
    pat.first_name = "Pat";
    pat.last_name = "Carter";
    pat.created_at = "t";
    auto person = store::network::insert_person(sql, pat);
    store::UserRecord nurse;
    nurse.email = "nurse@example.org";
    nurse.name = "Sam Nurse";
    nurse.password_hash = "x";
    nurse.created_at = "t";
    auto user = store::users::insert(sql, nurse);
    store::mappings::add_participant(
        sql, {0, mapping, "Pat Carter", "network", "remote", false, person});
    store::mappings::add_participant(
        sql, {0, mapping, "Sam Nurse", "professional", "in-person", false, std::nullopt, user});
    store::mappings::add_participant(sql,
                                     {0, mapping, "Ms Rowe", "professional", "written", false});
    auto people = store::mappings::participants(sql, mapping);
    ASSERT_EQ(people.size(), 3u);
    EXPECT_EQ(people[1].user_id, user);
    EXPECT_FALSE(people[1].person_id);
    for (const auto& p : people) EXPECT_FALSE(p.renamed()) << p.name;

    // Names in any script survive the round trip, and the record's name wins.
    long long key = person;
    std::string wed = "Παναγιώτα Carter-Ωκονκβο";
    sql << "UPDATE people SET first_name = :f WHERE id = :id", soci::use(wed), soci::use(key);
    people = store::mappings::participants(sql, mapping);
    EXPECT_EQ(people[0].name, wed + " Carter");
    EXPECT_EQ(people[0].recorded_name, "Pat Carter");
    EXPECT_TRUE(people[0].renamed());
    EXPECT_EQ(people[1].name, "Sam Nurse");
    EXPECT_EQ(people[2].name, "Ms Rowe") << "someone typed in keeps the name typed";
    EXPECT_FALSE(people[2].renamed());
    EXPECT_THROW(store::mappings::add_participant(sql, {0, mapping, "Nobody", "professional",
                                                        "remote", false, std::nullopt, user + 100}),
                 std::exception);
    EXPECT_THROW(store::mappings::add_participant(
                     sql, {0, mapping, "Nobody", "network", "remote", false, person + 100}),
                 std::exception);
}

TYPED_TEST(MappingStore, AlertsWaitOnTheCaseListUntilAManagerHasSeenThem) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto mapping = this->a_mapping(sql);
    auto case_id = store::mappings::find(sql, mapping)->case_id;
    store::UserRecord manager;
    manager.email = "manager@example.test";
    manager.name = "Mo Manager";
    manager.role = domain::Role::TeamManager;
    manager.password_hash = "x";
    manager.created_at = "t";
    auto manager_id = store::users::insert(sql, manager);
    store::cases::ListFilter waiting;
    waiting.alerts_only = true;
    EXPECT_TRUE(store::cases::list(sql, waiting).empty());
    store::mappings::raise_alert(
        sql, {0, case_id, mapping, "A 0", std::nullopt, "2026-11-26T10:00:00Z"});
    store::mappings::raise_alert(
        sql, {0, case_id, mapping, "A 1", std::nullopt, "2026-11-26T11:00:00Z"});
    auto rows = store::cases::list(sql, waiting);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].alerts_waiting, 2);
    auto alerts = store::mappings::alerts(sql, case_id);
    ASSERT_EQ(alerts.size(), 2u);
    EXPECT_EQ(store::mappings::case_of_alert(sql, alerts[0].id), case_id);
    EXPECT_FALSE(store::mappings::case_of_alert(sql, alerts[0].id + 100));
    for (const auto& a : alerts)
        EXPECT_TRUE(
            store::mappings::mark_alert_seen(sql, a.id, manager_id, "2026-11-26T12:00:00Z"));
    EXPECT_FALSE(store::mappings::mark_alert_seen(sql, alerts[0].id, manager_id, "later"));
    EXPECT_TRUE(store::cases::list(sql, waiting).empty());
    EXPECT_EQ(store::cases::list(sql, {}).at(0).alerts_waiting, 0);
    auto seen = store::mappings::alerts(sql, case_id);
    EXPECT_EQ(seen[0].seen_by_name, "Mo Manager");
    EXPECT_EQ(seen[0].seen_at, "2026-11-26T12:00:00Z");
}

TYPED_TEST(MappingStore, EveryChangeAMappingPageShowsMovesTheCasesStamp) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto mapping = this->a_mapping(sql);
    auto found = store::mappings::find(sql, mapping);
    auto case_id = found->case_id;
    auto child_id = found->child_ids.front();
    auto stamp = [&] { return store::cases::find(sql, case_id)->mapping_stamp; };
    auto moved = [&, last = stamp()]() mutable {
        auto now = stamp();
        bool did = now > last;
        last = now;
        return did;
    };
    auto dana =
        store::mappings::add_participant(sql, {0, mapping, "Dana", "parent", "in-person", false});
    EXPECT_TRUE(moved());
    store::mappings::set_disagrees(sql, dana, true);
    EXPECT_TRUE(moved());
    auto entry =
        store::mappings::add_entry(sql, {0, mapping, "strength", "Reads", dana, std::nullopt,
                                         std::nullopt, "", 0, std::nullopt, "t", 1});
    EXPECT_TRUE(moved());
    auto row = *store::mappings::find_entry(sql, entry);
    row.text = "Reads every night";
    EXPECT_TRUE(store::mappings::update_entry(sql, row, false, std::nullopt, "t"));
    EXPECT_TRUE(moved());
    store::ScoreRecord score;
    score.mapping_id = mapping;
    score.participant_id = dana;
    score.value = 6;
    score.recorded_at = "t";
    store::mappings::put_score(sql, score);
    EXPECT_TRUE(moved());
    EXPECT_TRUE(store::mappings::set_status(sql, mapping, "shared", 1, std::nullopt, "t"));
    EXPECT_TRUE(moved());
    // Changes made outside the mapping: the child's name, the family around them, the
    // council's wording.
    auto child = *store::children::find(sql, child_id);
    child.first_name = "Maia";
    EXPECT_TRUE(store::children::update(sql, child, {"maia"}));
    EXPECT_TRUE(moved());
    store::PersonRecord pat;
    pat.first_name = "Pat";
    pat.last_name = "Carter";
    pat.created_at = "t";
    auto person = store::network::insert_person(sql, pat);
    EXPECT_FALSE(moved());  // nobody's family yet
    store::network::link(sql, child_id, person, {pat, "grandparent"}, "t");
    EXPECT_TRUE(moved());
    store::practice_settings::replace_wording(sql, "safety", {{"goal", "Goal"}}, std::nullopt, "t");
    EXPECT_TRUE(moved());
    // Reading changes nothing.
    store::mappings::entries(sql, mapping);
    store::cases::find(sql, case_id);
    EXPECT_FALSE(moved());
}

TYPED_TEST(MappingStore, APreparedQueryGivesEachCallItsOwnAnswer) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto first = this->a_mapping(sql);
    auto second = this->a_mapping(sql);
    // The same statement, prepared once on this connection, run with different values.
    for (int round = 0; round < 3; ++round) {
        EXPECT_EQ(store::mappings::case_of(sql, first), store::mappings::find(sql, first)->case_id);
        EXPECT_EQ(store::mappings::case_of(sql, second),
                  store::mappings::find(sql, second)->case_id);
        EXPECT_NE(store::mappings::case_of(sql, first), store::mappings::case_of(sql, second));
        EXPECT_FALSE(store::mappings::case_of(sql, second + 1000));
    }
    EXPECT_GT(store::StatementCache::of(sql)->size(), 0u);

    // A query run while another's rows are being read, even the very same query, answers
    // on its own and leaves the outer one reading on.
    long long id = 0;
    std::vector<std::int64_t> outer, inner;
    store::for_each_row(
        sql, "SELECT id FROM mappings ORDER BY id",
        [&](soci::statement& st) { st.exchange(soci::into(id)); },
        [&] {
            outer.push_back(id);
            long long nested = 0;
            store::for_each_row(
                sql, "SELECT id FROM mappings ORDER BY id",
                [&](soci::statement& st) { st.exchange(soci::into(nested)); },
                [&] { inner.push_back(nested); });
            EXPECT_TRUE(store::mappings::case_of(sql, first));
        });
    EXPECT_EQ(outer, (std::vector<std::int64_t>{first, second}));
    EXPECT_EQ(inner, (std::vector<std::int64_t>{first, second, first, second}));
}

TYPED_TEST(MappingStore, AScoreReplacesTheSameVoicesEarlierOneOnTheSameQuestion) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto mapping = this->a_mapping(sql);
    auto dana =
        store::mappings::add_participant(sql, {0, mapping, "Dana", "parent", "in-person", false});
    auto statement =
        store::mappings::add_entry(sql, {0, mapping, "danger-statement", "Worry", std::nullopt,
                                         std::nullopt, std::nullopt, "", 0, std::nullopt, "t", 1});
    store::ScoreRecord score;
    score.mapping_id = mapping;
    score.participant_id = dana;
    score.value = 3;
    score.question = "How safe?";
    score.anchor_zero = "zero";
    score.anchor_ten = "ten";
    score.direction = "10-is-best";
    score.recorded_at = "t";
    store::mappings::put_score(sql, score);
    score.value = 5;
    store::mappings::put_score(sql, score);
    score.statement_id = statement;
    score.value = 2;
    store::mappings::put_score(sql, score);
    auto scores = store::mappings::scores(sql, mapping);
    ASSERT_EQ(scores.size(), 2u);
    EXPECT_EQ(scores[0].value, 5);
    EXPECT_FALSE(scores[0].statement_id);
    EXPECT_EQ(scores[1].statement_id, statement);
    EXPECT_EQ(scores[0].anchor_ten, "ten");
    score.value = 11;
    EXPECT_THROW(store::mappings::put_score(sql, score), std::exception);
}

TYPED_TEST(MappingStore, StatusChangesNeedTheVersion) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto mapping = this->a_mapping(sql);
    EXPECT_TRUE(store::mappings::set_status(sql, mapping, "shared", 1, std::nullopt, "t"));
    EXPECT_FALSE(store::mappings::set_status(sql, mapping, "agreed", 1, std::nullopt, "t"));
    EXPECT_EQ(store::mappings::find(sql, mapping)->status, "shared");
    EXPECT_THROW(store::mappings::set_status(sql, mapping, "nonsense", 2, std::nullopt, "t"),
                 std::exception);
    auto dana =
        store::mappings::add_participant(sql, {0, mapping, "Dana", "parent", "in-person", false});
    store::mappings::set_disagrees(sql, dana, true);
    EXPECT_TRUE(store::mappings::participants(sql, mapping)[0].disagrees);
    EXPECT_EQ(store::mappings::mapping_of_participant(sql, dana), mapping);
    EXPECT_EQ(store::mappings::for_case(sql, store::mappings::find(sql, mapping)->case_id).size(),
              1u);
}

}  // namespace
}  // namespace signs::testing
