// The case page is kept ready-drawn under the case's version and stamps, so every change it
// shows must move one of them. These are the changes the page stamp (migration 0032) answers
// for, on both engines; the mapping and deadline stamps have tests of their own.
#include <functional>

#include "store/address_repository.hpp"
#include "store/case_repository.hpp"
#include "store/child_voice_repository.hpp"
#include "store/chronology_repository.hpp"
#include "store/mapping_repository.hpp"
#include "store/network_repository.hpp"
#include "store/page_stamps.hpp"
#include "store/plan_repository.hpp"
#include "store/store_fixture.hpp"
#include "store/story_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class CasePageStamp : public StoreTest<Engine> {
  protected:
    std::int64_t stamp(soci::session& sql, std::int64_t case_id) {
        return store::cases::find(sql, case_id)->page_stamp;
    }
    /// Runs the change and says whether the case's page stamp moved.
    void expect_moved(soci::session& sql, std::int64_t case_id, const char* what,
                      const std::function<void()>& change) {
        auto before = stamp(sql, case_id);
        change();
        EXPECT_GT(stamp(sql, case_id), before) << what;
    }
};

TYPED_TEST_SUITE(CasePageStamp, Engines, EngineNames);

TYPED_TEST(CasePageStamp, EveryChangeTheCasePageShowsMovesIt) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto team = store::users::find_or_create_team(sql, "Riverside", false);
    store::UserRecord worker;
    worker.email = "worker@example.org";
    worker.name = "Jo Worker";
    worker.role = domain::Role::Practitioner;
    worker.password_hash = "$argon2id$placeholder";
    worker.team_id = team;
    worker.created_at = "t";
    worker.id = store::users::insert(sql, worker);
    auto k = a_case_with_child(sql);
    long long case_key = k.case_id, worker_key = worker.id, team_key = team;
    sql << "UPDATE cases SET team_id = :t, worker_id = :w WHERE id = :id", soci::use(team_key),
        soci::use(worker_key), soci::use(case_key);
    auto other = a_case_with_child(sql, "Okafor");
    auto untouched = this->stamp(sql, other.case_id);

    auto moved = [&](const char* what, const std::function<void()>& change) {
        this->expect_moved(sql, k.case_id, what, change);
    };
    moved("an alert raised", [&] {
        store::mappings::raise_alert(sql, {0, k.case_id, std::nullopt, "A 0", std::nullopt, "t"});
    });
    moved("the alert seen", [&] {
        auto alert = store::mappings::alerts(sql, k.case_id).front();
        store::mappings::mark_alert_seen(sql, alert.id, worker.id, "t2");
    });
    moved("the glass broken",
          [&] { store::cases::grant_break_glass(sql, worker.id, k.case_id, "Duty", "t", "u"); });
    moved("a child heard", [&] {
        store::child_voice::VoiceRecord voice;
        voice.case_id = k.case_id;
        voice.child_id = k.child_id;
        voice.tool = "three-houses";
        voice.held_on = "2026-11-20";
        voice.helped_by = "Jo Worker";
        voice.created_at = "t";
        store::child_voice::add(sql, voice);
    });
    moved("a story written", [&] {
        store::stories::StoryRecord story;
        story.case_id = k.case_id;
        story.child_id = k.child_id;
        story.title = "Maya's story";
        story.written_with = "Mum";
        story.created_at = "t";
        store::stories::add(sql, story);
    });
    std::int64_t plan_id = 0;
    moved("a plan started", [&] {
        store::PlanRecord plan;
        plan.case_id = k.case_id;
        plan.started_on = "2026-11-20";
        plan.created_at = "t";
        domain::PlanContent first;
        first.goals = {{1, "Maya is safe at night"}};
        first.actions = {{0, 1, "Gran stays over", "network", "Pat", "2026-12-01", "Maya says"}};
        plan_id = store::plans::insert(sql, plan, "safety", first);
    });
    moved("the plan agreed", [&] {
        store::plans::agree(sql, plan_id, 1, "2026-11-24", "Conference", std::nullopt, "t");
    });
    moved("progress on an action", [&] {
        store::plans::add_update(sql, plan_id, 1, {"done", "All week", "", "", ""}, "2026-11-28",
                                 std::nullopt, "t");
    });
    moved("a brother joins", [&] {
        auto brother = a_case_with_child(sql, "Carter");
        store::cases::add_child(sql, k.case_id, brother.child_id);
    });
    moved("the worker's name corrected", [&] {
        sql << "UPDATE users SET name = 'Jo Worker-Smith' WHERE id = :id", soci::use(worker_key);
    });
    moved("someone joins the team", [&] {
        auto joiner = worker;
        joiner.email = "joiner@example.org";
        store::users::insert(sql, joiner);
    });
    moved("the team renamed", [&] {
        sql << "UPDATE teams SET name = 'Riverside East' WHERE id = :id", soci::use(team_key);
    });
    EXPECT_EQ(this->stamp(sql, other.case_id), untouched) << "another family's case";
}

TYPED_TEST(CasePageStamp, EveryChangeTheChildPageShowsMovesItsOwn) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto k = a_case_with_child(sql);
    auto brother = a_case_with_child(sql, "Okafor");
    auto untouched = store::page_stamps::child(sql, brother.child_id);
    auto moved = [&](const char* what, const std::function<void()>& change) {
        auto before = store::page_stamps::child(sql, k.child_id);
        change();
        EXPECT_GT(store::page_stamps::child(sql, k.child_id), before) << what;
    };
    moved("a chronology entry", [&] {
        store::chronology::add(sql, {0, k.child_id, "2026-11-20", "note", "Seen at school",
                                     "manual", std::nullopt, "", "t"});
    });
    std::int64_t person = 0;
    moved("Gran linked", [&] {
        person = store::network::insert_person(sql, {0, "Pat", "Carter", "", "", "", "t", {}});
        store::NetworkRow answers;
        answers.relationship = "grandparent";
        answers.safety_network = true;
        store::network::link(sql, k.child_id, person, answers, "t");
    });
    moved("Gran's name corrected", [&] {
        long long key = person;
        sql << "UPDATE people SET last_name = 'Carter-Jones' WHERE id = :id", soci::use(key);
    });
    moved("a professional", [&] {
        store::network::insert_professional(
            sql, {0, k.child_id, "Sam Okoro", "Teacher", "Hill School", "", "", "t"});
    });
    moved("a move of address", [&] {
        store::addresses::move(
            sql, {0, k.child_id, "1 Hill Road", "CW1 1AA", "2026-11-01", "", std::nullopt, "t"});
    });
    moved("the family name of the case", [&] {
        long long key = k.case_id;
        sql << "UPDATE cases SET family_name = 'Carter-Jones family' WHERE id = :id",
            soci::use(key);
    });
    moved("another case joined",
          [&] { store::cases::add_child(sql, brother.case_id, k.child_id); });
    EXPECT_EQ(store::page_stamps::child(sql, brother.child_id), untouched) << "another child";
}

// The form for a new network member offers the people linked to the child's brothers and
// sisters, so it is kept under their stamps too.
TYPED_TEST(CasePageStamp, TheFamilyStampsFollowBrothersAndSisters) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto k = a_case_with_child(sql);
    EXPECT_EQ(store::page_stamps::family(sql, k.child_id), "") << "an only child";
    auto sister = a_case_with_child(sql, "Carter");
    auto stranger = a_case_with_child(sql, "Okafor");
    auto family = [&] { return store::page_stamps::family(sql, k.child_id); };
    auto moved = [&](const char* what, const std::function<void()>& change) {
        auto before = family();
        change();
        EXPECT_NE(family(), before) << what;
    };
    moved("a sister joined the case",
          [&] { store::cases::add_child(sql, k.case_id, sister.child_id); });
    EXPECT_EQ(family(), std::to_string(sister.child_id) + ":" +
                            std::to_string(store::page_stamps::child(sql, sister.child_id)));
    std::int64_t dad = 0;
    moved("her dad linked to her", [&] {
        dad = store::network::insert_person(sql, {0, "Lee", "Carter", "", "", "", "t", {}});
        store::NetworkRow answers;
        answers.relationship = "father";
        store::network::link(sql, sister.child_id, dad, answers, "t");
    });
    moved("his name corrected", [&] {
        long long key = dad;
        sql << "UPDATE people SET first_name = 'Leigh' WHERE id = :id", soci::use(key);
    });
    auto before = family();
    store::chronology::add(sql, {0, stranger.child_id, "2026-11-20", "note", "Seen at school",
                                 "manual", std::nullopt, "", "t"});
    EXPECT_EQ(family(), before) << "a child of another family";
    moved("the sister left the case", [&] {
        long long case_key = k.case_id, child_key = sister.child_id;
        sql << "DELETE FROM case_children WHERE case_id = :c AND child_id = :k",
            soci::use(case_key), soci::use(child_key);
    });
    EXPECT_EQ(family(), "");
}

}  // namespace
}  // namespace signs::testing
