#include "service/demo_training.hpp"

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "store/training_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

struct DemoVenue {
    const char* name;
    const char* address;
    const char* postcode;
    const char* access;
};

constexpr DemoVenue kVenues[] = {
    {"Calvary Church", "Macclesfield", "SK11 8RH", "Parking on site; step-free entrance."},
    {"Crewe Alexandra Stadium", "Gresty Road, Crewe", "CW2 6EB",
     "Ten minutes' walk from Crewe station; lift to the conference rooms."},
    {"Macclesfield Old Town Hall", "Market Place, Macclesfield", "SK10 1EA",
     "Town centre car parks nearby; ask at reception for the hearing loop."},
};

struct DemoSession {
    int venue;  ///< index into kVenues
    bool two_day;
    const char* fixed_day;  ///< a day in the past, kept as history; null for one ahead
    int days_ahead;
};

constexpr DemoSession kSessions[] = {
    {0, false, "2018-04-24", 0}, {1, false, "2018-05-10", 0}, {1, false, "2018-06-07", 0},
    {2, false, "2018-06-26", 0}, {0, false, nullptr, 21},     {1, false, nullptr, 35},
    {2, false, nullptr, 49},     {1, true, nullptr, 63},
};

}  // namespace

void load_demo_training(store::Database& db, const core::Clock& clock) {
    auto now = core::to_storage(clock.now());
    auto today = core::london_date(clock.now());
    auto lease = db.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    std::vector<std::int64_t> venues;
    for (const auto& v : kVenues)
        venues.push_back(
            store::venues::insert(sql, {0, v.name, v.address, v.postcode, v.access, true, now}));
    auto intro = store::courses::insert(
        sql, {0,
              "Signs of Safety: an introduction (demo)",
              "A morning on what Signs of Safety is and how the council works with families.",
              "The three questions and the 0 to 10 scale; danger statements and safety goals; "
              "working with the family's network; the words we use.",
              "Everyone who works with children and families, in the council and partner agencies",
              "Half day",
              false,
              {},
              true,
              now,
              1});
    auto two_day = store::courses::insert(
        sql, {0,
              "Signs of Safety: 2-day course (demo)",
              "Two days of practice in mapping, scaling and safety planning.",
              "Everything in the introduction, and mapping with families, scaling questions, "
              "safety planning, words and pictures, and tools for hearing children.",
              "Social workers, early help practitioners and their managers",
              "2 days",
              false,
              {intro},
              true,
              now,
              1});
    auto supervising = store::courses::insert(
        sql, {0,
              "Supervising with Signs of Safety (demo)",
              "A day for managers on group supervision and appreciative inquiry.",
              "Group supervision, appreciative inquiry, mapping a case with the team, and "
              "keeping the practice alive in a busy service.",
              "Team managers and senior practitioners",
              "1 day",
              true,
              {},
              true,
              now,
              1});
    int n = 0;
    for (const auto& d : kSessions) {
        store::TrainingSessionRecord s;
        s.course_id = d.two_day ? two_day : intro;
        s.first_day = d.fixed_day ? std::string{d.fixed_day} : today.plus_days(d.days_ahead).iso();
        s.days = d.two_day ? 2 : 1;
        s.start_minutes = 9 * 60 + 30;
        s.end_minutes = d.two_day ? 16 * 60 + 30 : 13 * 60;
        s.venue_id = venues[static_cast<std::size_t>(d.venue)];
        s.capacity = d.two_day ? 20 : 30;
        s.uid = core::random_token(16) + "@signs";
        s.is_demo = true;
        s.created_at = now;
        auto id = store::training_sessions::insert(sql, s);
        // The demo practitioners hold places on the first session ahead, so that the lists
        // and registers have someone in them.
        if (!d.fixed_day && n++ == 0) {
            int holding = 0;
            for (const auto& u : store::users::list(sql)) {
                if (!u.is_demo || u.role != domain::Role::Practitioner) continue;
                store::BookingRecord b;
                b.session_id = id;
                b.user_id = u.id;
                b.state = "booked";
                b.created_at = now;
                auto booking = store::bookings::insert(sql, b);
                store::bookings::note(sql, booking, "", "booked", "demo data", std::nullopt, now);
                ++holding;
            }
            store::training_sessions::set_holding(sql, id, holding);
        }
    }
    auto demo_person = [&](domain::Role role, const std::string& email) {
        for (const auto& u : store::users::list(sql)) {
            if (u.is_demo && u.role == role && u.email == email) return u;
        }
        return store::UserRecord{};
    };
    auto session_on = [&](std::int64_t course, core::CivilDate day, int venue) {
        store::TrainingSessionRecord s;
        s.course_id = course;
        s.first_day = day.iso();
        s.start_minutes = 9 * 60 + 30;
        s.end_minutes = 16 * 60;
        s.venue_id = venues[static_cast<std::size_t>(venue)];
        s.capacity = 16;
        s.uid = core::random_token(16) + "@signs";
        s.is_demo = true;
        s.created_at = now;
        return store::training_sessions::insert(sql, s);
    };
    auto book = [&](std::int64_t session, std::int64_t user, const std::string& state) {
        store::BookingRecord b;
        b.session_id = session;
        b.user_id = user;
        b.state = state;
        b.created_at = now;
        auto booking = store::bookings::insert(sql, b);
        store::bookings::note(sql, booking, "", state, "demo data", std::nullopt, now);
    };
    // A Northgate practitioner has asked for a place on the supervision day: it waits for
    // the demo manager, who leads Northgate too, to approve it.
    auto alex = demo_person(domain::Role::Practitioner, "practitioner2@signs.example.org");
    if (alex.id) book(session_on(supervising, today.plus_days(28), 2), alex.id, "requested");
    // An introduction held last week whose register the training team has still to take.
    auto held = session_on(intro, today.plus_days(-6), 0);
    int booked = 0;
    for (const auto& u : store::users::list(sql)) {
        if (!u.is_demo || u.role != domain::Role::Practitioner) continue;
        book(held, u.id, "booked");
        ++booked;
    }
    store::training_sessions::set_holding(sql, held, booked);
    tx.commit();
}

}  // namespace signs::service
