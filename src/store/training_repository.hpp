#pragma once
/// Venues, courses, sessions and bookings. Every change to who holds a place happens with the
/// session's row taken first (`training_sessions::take`), so bookings for one session queue up
/// behind each other on every engine and every node, and `holding` moves with them.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database_url.hpp"

namespace signs::store {

struct VenueRecord {
    std::int64_t id = 0;
    std::string name, address, postcode, access;
    bool is_demo = false;
    std::string created_at;
};

struct CourseRecord {
    std::int64_t id = 0;
    std::string title, summary, covers, audience, length;
    bool needs_approval = false;
    std::vector<std::int64_t> satisfies;
    bool is_demo = false;
    std::string created_at;
    int version = 1;
};

struct TrainingSessionRecord {
    std::int64_t id = 0;
    std::int64_t course_id = 0;
    std::string course_title;  ///< read only
    std::string first_day;     ///< ISO date
    int days = 1;
    int start_minutes = 0;
    int end_minutes = 0;
    std::int64_t venue_id = 0;
    VenueRecord venue;  ///< read only
    int capacity = 0;
    int holding = 0;
    int waiting = 0;  ///< read only: waitlisted bookings
    int booked = 0;   ///< read only: booked and, once held, with attendance still to mark
    std::string booking_deadline;      ///< ISO date, or empty
    std::string status = "scheduled";  ///< "scheduled", "closed" or "cancelled"
    std::string cancel_reason;
    std::string uid;
    int sequence = 0;
    bool is_demo = false;
    std::string created_at;
    int version = 1;
};

struct BookingRecord {
    std::int64_t id = 0;
    std::int64_t session_id = 0;
    std::optional<std::int64_t> user_id;
    std::string person_name;   ///< read only: the user's name, or the partner's
    std::string person_email;  ///< read only: the user's, or the partner's
    std::string team_name;     ///< read only: the user's team
    std::string partner_name, partner_organisation, partner_email;
    std::string state;
    std::string override_reason;
    int sequence = 0;
    std::optional<std::int64_t> created_by;
    std::string created_at;
    int version = 1;
};

struct BookingChange {
    std::string from_state, to_state, reason, by_name, at;
};

namespace venues {
std::int64_t insert(soci::session& sql, const VenueRecord& venue);
std::vector<VenueRecord> all(soci::session& sql);
std::optional<VenueRecord> find(soci::session& sql, std::int64_t id);
}  // namespace venues

namespace courses {
std::int64_t insert(soci::session& sql, const CourseRecord& course);
/// False when the course is no longer at `expected_version`.
bool update(soci::session& sql, const CourseRecord& course, int expected_version);
/// Takes every course's row until the transaction ends (the write lock, on SQLite), so that
/// what courses cover can be checked as a whole and changed without another change between.
void hold_all(soci::session& sql, Dialect dialect);
std::vector<CourseRecord> all(soci::session& sql);
std::optional<CourseRecord> find(soci::session& sql, std::int64_t id);
}  // namespace courses

namespace training_sessions {
std::int64_t insert(soci::session& sql, const TrainingSessionRecord& session);
std::optional<TrainingSessionRecord> find(soci::session& sql, std::int64_t id);
/// Takes the session's row until the transaction ends, and reads it as it then stands.
std::optional<TrainingSessionRecord> take(soci::session& sql, std::int64_t id);
/// Sessions whose first day is on or after `from` (ISO), soonest first; with `before`,
/// those before it, latest first.
std::vector<TrainingSessionRecord> upcoming(soci::session& sql, const std::string& from, int limit);
std::vector<TrainingSessionRecord> past(soci::session& sql, const std::string& before, int limit);
void set_holding(soci::session& sql, std::int64_t id, int holding);
/// The next place in the session's waitlist; the session must have been taken.
std::int64_t next_in_queue(soci::session& sql, std::int64_t id);
void set_capacity(soci::session& sql, std::int64_t id, int capacity);
/// Changes whenever a session, its places, a booking or a course changes: the key of pages
/// drawn from them.
std::string stamp(soci::session& sql);
/// New days, times, venue and booking deadline from `s`; raises the calendar SEQUENCE.
void move(soci::session& sql, const TrainingSessionRecord& s);
void set_status(soci::session& sql, std::int64_t id, const std::string& status,
                const std::string& reason);
}  // namespace training_sessions

namespace bookings {
std::int64_t insert(soci::session& sql, const BookingRecord& booking);
std::optional<BookingRecord> find(soci::session& sql, std::int64_t id);
std::vector<BookingRecord> for_session(soci::session& sql, std::int64_t session_id);
void set_queue_position(soci::session& sql, std::int64_t id, std::int64_t position);
/// Waitlisted bookings of the session, in the order they joined the waitlist.
std::vector<BookingRecord> waitlist(soci::session& sql, std::int64_t session_id, int limit);
/// The user's bookings with their sessions, newest session first.
std::vector<BookingRecord> for_user(soci::session& sql, std::int64_t user_id);
/// Bookings waiting for approval by people in any of these teams, oldest first.
std::vector<BookingRecord> requested_in_teams(soci::session& sql,
                                              const std::vector<std::int64_t>& team_ids);
/// The live booking of this user on this session, if any.
std::optional<BookingRecord> live_for(soci::session& sql, std::int64_t session_id,
                                      std::int64_t user_id);
/// Moves the booking to `to` and notes the change in its history; false when the booking is
/// no longer in `from` (someone else moved it first).
bool move(soci::session& sql, std::int64_t id, const std::string& from, const std::string& to,
          const std::string& reason, std::optional<std::int64_t> by, const std::string& at);
void note(soci::session& sql, std::int64_t id, const std::string& from, const std::string& to,
          const std::string& reason, std::optional<std::int64_t> by, const std::string& at);
std::vector<BookingChange> history(soci::session& sql, std::int64_t id);
struct AttendedRecord {
    std::optional<std::int64_t> user_id;
    std::string name, team_or_organisation, email;
    std::int64_t course_id = 0;
    std::string course_title;
    std::string on;  ///< the session's first day
};
/// Everyone who attended a session, earliest first.
std::vector<AttendedRecord> attended(soci::session& sql);

/// The courses the user has attended, or holds or waits for a place on (`live` too).
std::vector<std::int64_t> courses_of(soci::session& sql, std::int64_t user_id, bool live);
}  // namespace bookings

}  // namespace signs::store
