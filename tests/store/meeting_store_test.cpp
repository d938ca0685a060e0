// Meetings, their children and invitees, on both engines.
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/meeting_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace meetings = store::meetings;

template <class Engine>
class MeetingStore : public StoreTest<Engine> {
  protected:
    store::MeetingRecord a_meeting(soci::session& sql) {
        auto [case_id, child_id] = a_case_with_child(sql);
        store::MeetingRecord m;
        m.case_id = case_id;
        m.type = "core-group";
        m.held_on = "2026-12-03";
        m.start_minutes = 600;
        m.end_minutes = 690;
        m.venue = "Town Hall";
        m.chair = "Sam Okafor";
        m.uid = "uid-1@signs";
        m.created_at = "t";
        m.child_ids = {child_id};
        m.id = meetings::insert(sql, m);
        return m;
    }
};

TYPED_TEST_SUITE(MeetingStore, Engines, EngineNames);

TYPED_TEST(MeetingStore, AMeetingMovesAndIsCancelledOneRevisionAtATime) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto m = this->a_meeting(sql);
    auto found = meetings::find(sql, m.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->status, "arranged");
    EXPECT_EQ(found->sequence, 0);
    EXPECT_EQ(found->child_ids, m.child_ids);
    EXPECT_EQ(meetings::for_case(sql, m.case_id).size(), 1u);

    m.held_on = "2026-12-04";
    m.remote = true;
    EXPECT_TRUE(meetings::reschedule(sql, m, 1));
    EXPECT_FALSE(meetings::reschedule(sql, m, 1));  // someone else's version
    found = meetings::find(sql, m.id);
    EXPECT_EQ(found->held_on, "2026-12-04");
    EXPECT_TRUE(found->remote);
    EXPECT_EQ(found->sequence, 1);
    EXPECT_EQ(found->version, 2);

    EXPECT_TRUE(meetings::cancel(sql, m.id, "Family unwell", 2));
    EXPECT_FALSE(meetings::cancel(sql, m.id, "Twice", 3));  // already cancelled
    EXPECT_FALSE(meetings::reschedule(sql, m, 3));
    found = meetings::find(sql, m.id);
    EXPECT_EQ(found->status, "cancelled");
    EXPECT_EQ(found->sequence, 2);
    EXPECT_EQ(found->cancel_reason, "Family unwell");

    auto again = m;
    EXPECT_THROW(meetings::insert(sql, again), std::exception);  // the same calendar UID
}

TYPED_TEST(MeetingStore, InviteesAttendanceDissentAndTheRecord) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto m = this->a_meeting(sql);
    store::InviteeRecord dana{
        0, m.id, "Dana Carter", "parent", "Mother", "dana@example.org", "invited", "", ""};
    auto dana_id = meetings::add_invitee(sql, dana);
    auto ravi_id = meetings::add_invitee(
        sql, {0, m.id, "Ravi Shah", "professional", "", "", "invited", "", ""});
    EXPECT_TRUE(meetings::set_attendance(sql, ravi_id, "apologies", "In court"));
    EXPECT_TRUE(meetings::set_dissent(sql, dana_id, "Does not agree with the category"));
    EXPECT_FALSE(meetings::set_dissent(sql, 999999, "Nobody"));
    auto people = meetings::invitees(sql, m.id);
    ASSERT_EQ(people.size(), 2u);
    EXPECT_EQ(people[0].kind, "parent");
    EXPECT_EQ(people[0].dissent, "Does not agree with the category");
    EXPECT_EQ(people[1].attendance, "apologies");
    EXPECT_EQ(people[1].reason, "In court");

    m.decision = "Carry on with the plan";
    m.plan_version = 2;
    m.next_on = "2027-01-07";
    EXPECT_TRUE(meetings::record_outcome(sql, m, 1));
    auto found = meetings::find(sql, m.id);
    EXPECT_EQ(found->status, "held");
    EXPECT_EQ(found->plan_version, 2);
    EXPECT_EQ(found->next_on, "2027-01-07");
    EXPECT_FALSE(found->mapping_id);
    EXPECT_FALSE(meetings::cancel(sql, m.id, "Too late", found->version));  // held already
}

}  // namespace
}  // namespace signs::testing
