// Training on both engines: courses and what they satisfy, sessions that cannot be overbooked
// even by a wrong caller, one live booking per person, the waitlist in order, and history.
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"
#include "store/training_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class TrainingStore : public StoreTest<Engine> {
  protected:
    std::int64_t course(soci::session& sql, const std::string& title,
                        std::vector<std::int64_t> satisfies = {}) {
        return store::courses::insert(
            sql, {0, title, "s", "c", "a", "Half day", false, std::move(satisfies), false, "t", 1});
    }
    std::int64_t session(soci::session& sql, std::int64_t course_id, const std::string& day,
                         int capacity) {
        auto venue = store::venues::insert(
            sql, {0, "Calvary Church", "Macclesfield", "SK11 8RH", "", false, "t"});
        store::TrainingSessionRecord s;
        s.course_id = course_id;
        s.first_day = day;
        s.start_minutes = 570;
        s.end_minutes = 780;
        s.venue_id = venue;
        s.capacity = capacity;
        s.uid = "uid-" + day + "-" + std::to_string(course_id);
        s.created_at = "t";
        return store::training_sessions::insert(sql, s);
    }
    std::int64_t user(soci::session& sql, const std::string& name) {
        store::UserRecord u;
        u.email = name + "@example.test";
        u.name = name;
        u.password_hash = "x";
        u.created_at = "t";
        return store::users::insert(sql, u);
    }
    std::int64_t book(soci::session& sql, std::int64_t session, std::optional<std::int64_t> user,
                      const std::string& state) {
        store::BookingRecord b;
        b.session_id = session;
        b.user_id = user;
        if (!user) b.partner_name = "Pat Partner";
        b.state = state;
        b.created_at = "t";
        return store::bookings::insert(sql, b);
    }
};

TYPED_TEST_SUITE(TrainingStore, Engines, EngineNames);

TYPED_TEST(TrainingStore, CoursesKeepWhatTheySatisfy) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto half_day = this->course(sql, "Introduction (half day)");
    auto two_day = this->course(sql, "2-day course", {half_day});
    auto found = store::courses::find(sql, two_day);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->satisfies, std::vector<std::int64_t>{half_day});
    found->satisfies = {};
    EXPECT_TRUE(store::courses::update(sql, *found, 1));
    EXPECT_FALSE(store::courses::update(sql, *found, 1));  // an old version
    EXPECT_TRUE(store::courses::find(sql, two_day)->satisfies.empty());
    EXPECT_EQ(store::courses::all(sql).size(), 2u);
    // A course cannot satisfy itself, whatever the caller.
    EXPECT_THROW(sql << "INSERT INTO course_satisfies (course_id, satisfies_id) VALUES (" +
                            std::to_string(half_day) + ", " + std::to_string(half_day) + ")",
                 std::exception);
}

TYPED_TEST(TrainingStore, ASessionCannotHoldMoreThanItsPlaces) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto s = this->session(sql, this->course(sql, "Introduction"), "2027-04-24", 2);
    auto taken = store::training_sessions::take(sql, s);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->capacity, 2);
    EXPECT_EQ(taken->venue.postcode, "SK11 8RH");
    EXPECT_EQ(taken->course_title, "Introduction");
    store::training_sessions::set_holding(sql, s, 2);
    EXPECT_THROW(store::training_sessions::set_holding(sql, s, 3), store::StoreFault);
    EXPECT_THROW(store::training_sessions::set_holding(sql, s, -1), store::StoreFault);
    EXPECT_THROW(store::training_sessions::set_capacity(sql, s, 1),
                 store::StoreFault);  // 2 hold places
    store::training_sessions::set_capacity(sql, s, 5);
    EXPECT_EQ(store::training_sessions::find(sql, s)->capacity, 5);
    store::training_sessions::set_status(sql, s, "cancelled", "Venue flooded");
    auto cancelled = store::training_sessions::find(sql, s);
    EXPECT_EQ(cancelled->status, "cancelled");
    EXPECT_EQ(cancelled->sequence, 1);
}

TYPED_TEST(TrainingStore, SessionsAreListedUpcomingFirstAndPastKept) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto c = this->course(sql, "Introduction");
    auto old = this->session(sql, c, "2018-04-10", 30);
    auto later = this->session(sql, c, "2027-06-01", 30);
    auto sooner = this->session(sql, c, "2027-04-24", 30);
    auto upcoming = store::training_sessions::upcoming(sql, "2026-11-26", 10);
    ASSERT_EQ(upcoming.size(), 2u);
    EXPECT_EQ(upcoming[0].id, sooner);
    EXPECT_EQ(upcoming[1].id, later);
    auto past = store::training_sessions::past(sql, "2026-11-26", 10);
    ASSERT_EQ(past.size(), 1u);
    EXPECT_EQ(past[0].id, old);
}

TYPED_TEST(TrainingStore, OneLiveBookingPerPersonAndTheWaitlistInOrder) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto s = this->session(sql, this->course(sql, "Introduction"), "2027-04-24", 1);
    auto ada = this->user(sql, "ada"), ben = this->user(sql, "ben"), cy = this->user(sql, "cy");
    auto first = this->book(sql, s, ada, "booked");
    EXPECT_THROW(this->book(sql, s, ada, "waitlisted"), store::StoreFault);
    auto second = this->book(sql, s, ben, "waitlisted");
    auto third = this->book(sql, s, cy, "waitlisted");
    auto partner = this->book(sql, s, std::nullopt, "waitlisted");
    auto waiting = store::bookings::waitlist(sql, s, 10);
    ASSERT_EQ(waiting.size(), 3u);
    EXPECT_EQ(waiting[0].id, second);
    EXPECT_EQ(waiting[1].id, third);
    EXPECT_EQ(waiting[2].id, partner);
    EXPECT_EQ(waiting[2].person_name, "Pat Partner");
    EXPECT_EQ(store::training_sessions::find(sql, s)->waiting, 3);

    EXPECT_TRUE(store::bookings::move(sql, first, "booked", "cancelled-by-person", "ill",
                                      std::nullopt, "t1"));
    EXPECT_FALSE(store::bookings::move(sql, first, "booked", "cancelled-by-person", "",
                                       std::nullopt,
                                       "t2"));  // already moved on
    // Once cancelled, the person may book again.
    this->book(sql, s, ada, "waitlisted");
    EXPECT_TRUE(store::bookings::live_for(sql, s, ada));
    EXPECT_FALSE(store::bookings::live_for(sql, s, this->user(sql, "dee")));
    auto history = store::bookings::history(sql, first);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].to_state, "cancelled-by-person");
    EXPECT_EQ(history[0].reason, "ill");
    EXPECT_EQ(store::bookings::find(sql, first)->sequence, 1);
    // The database knows only the states of the machine.
    EXPECT_THROW(this->book(sql, s, this->user(sql, "eve"), "maybe"), store::StoreFault);
    EXPECT_EQ(store::bookings::for_user(sql, ada).size(), 2u);
}

TYPED_TEST(TrainingStore, TheCoursesSomeoneHasOrIsBookedOn) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto intro = this->course(sql, "Introduction"), full = this->course(sql, "2-day");
    auto ada = this->user(sql, "ada");
    auto attended = this->book(sql, this->session(sql, intro, "2026-01-10", 10), ada, "booked");
    store::bookings::move(sql, attended, "booked", "attended", "", std::nullopt, "t");
    this->book(sql, this->session(sql, full, "2027-03-01", 10), ada, "waitlisted");
    EXPECT_EQ(store::bookings::courses_of(sql, ada, false), std::vector<std::int64_t>{intro});
    auto both = store::bookings::courses_of(sql, ada, true);
    EXPECT_EQ(both.size(), 2u);
}

}  // namespace
}  // namespace signs::testing
