#include "store/training_repository.hpp"

#include "store/query.hpp"

namespace signs::store {
namespace {

constexpr const char* kSessionColumns =
    "SELECT s.id, s.course_id, c.title, s.first_day, s.days, s.start_minutes, s.end_minutes, "
    "s.venue_id, v.name, v.address, v.postcode, v.access, s.capacity, s.holding, (SELECT "
    "COUNT(*) FROM bookings w WHERE w.session_id = s.id AND w.state = 'waitlisted'), (SELECT "
    "COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.state = 'booked'), "
    "s.booking_deadline, s.status, s.cancel_reason, s.uid, s.sequence, s.is_demo, s.created_at, "
    "s.version FROM training_sessions s JOIN courses c ON c.id = s.course_id JOIN venues v ON "
    "v.id = s.venue_id ";

std::vector<TrainingSessionRecord> select_sessions(
    soci::session& sql, const std::string& rest,
    const std::function<void(soci::statement&)>& bind) {
    TrainingSessionRecord r;
    long long id = 0, course = 0, venue = 0, waiting = 0, booked = 0;
    int demo = 0;
    soci::indicator deadline_ind = soci::i_null;
    std::vector<TrainingSessionRecord> out;
    for_each_row(
        sql, kSessionColumns + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(course));
            st.exchange(soci::into(r.course_title));
            st.exchange(soci::into(r.first_day));
            st.exchange(soci::into(r.days));
            st.exchange(soci::into(r.start_minutes));
            st.exchange(soci::into(r.end_minutes));
            st.exchange(soci::into(venue));
            st.exchange(soci::into(r.venue.name));
            st.exchange(soci::into(r.venue.address));
            st.exchange(soci::into(r.venue.postcode));
            st.exchange(soci::into(r.venue.access));
            st.exchange(soci::into(r.capacity));
            st.exchange(soci::into(r.holding));
            st.exchange(soci::into(waiting));
            st.exchange(soci::into(booked));
            st.exchange(soci::into(r.booking_deadline, deadline_ind));
            st.exchange(soci::into(r.status));
            st.exchange(soci::into(r.cancel_reason));
            st.exchange(soci::into(r.uid));
            st.exchange(soci::into(r.sequence));
            st.exchange(soci::into(demo));
            st.exchange(soci::into(r.created_at));
            st.exchange(soci::into(r.version));
            bind(st);
        },
        [&] {
            auto copy = r;
            copy.id = id;
            copy.course_id = course;
            copy.venue_id = venue;
            copy.venue.id = venue;
            copy.waiting = static_cast<int>(waiting);
            copy.booked = static_cast<int>(booked);
            copy.is_demo = flag(demo);
            if (deadline_ind != soci::i_ok) copy.booking_deadline.clear();
            out.push_back(copy);
        });
    return out;
}

constexpr const char* kBookingColumns =
    "SELECT b.id, b.session_id, b.user_id, COALESCE(u.name, b.partner_name), COALESCE(u.email, "
    "b.partner_email), COALESCE(t.name, ''), b.partner_name, b.partner_organisation, "
    "b.partner_email, b.state, b.override_reason, b.sequence, b.created_by, b.created_at, "
    "b.version FROM bookings b LEFT JOIN users u ON u.id = b.user_id LEFT JOIN teams t ON t.id = "
    "u.team_id ";

std::vector<BookingRecord> select_bookings(soci::session& sql, const std::string& rest,
                                           const std::function<void(soci::statement&)>& bind) {
    BookingRecord r;
    long long id = 0, session = 0, user = 0, by = 0;
    soci::indicator user_ind = soci::i_null, by_ind = soci::i_null;
    std::vector<BookingRecord> out;
    for_each_row(
        sql, kBookingColumns + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(session));
            st.exchange(soci::into(user, user_ind));
            st.exchange(soci::into(r.person_name));
            st.exchange(soci::into(r.person_email));
            st.exchange(soci::into(r.team_name));
            st.exchange(soci::into(r.partner_name));
            st.exchange(soci::into(r.partner_organisation));
            st.exchange(soci::into(r.partner_email));
            st.exchange(soci::into(r.state));
            st.exchange(soci::into(r.override_reason));
            st.exchange(soci::into(r.sequence));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(r.created_at));
            st.exchange(soci::into(r.version));
            bind(st);
        },
        [&] {
            auto copy = r;
            copy.id = id;
            copy.session_id = session;
            copy.user_id = id_or_none(user, user_ind);
            copy.created_by = id_or_none(by, by_ind);
            out.push_back(copy);
        });
    return out;
}

}  // namespace

namespace venues {

std::int64_t insert(soci::session& sql, const VenueRecord& v) {
    return translate_errors([&] {
        long long id = 0;
        int demo = v.is_demo ? 1 : 0;
        sql << "INSERT INTO venues (name, address, postcode, access, is_demo, created_at) VALUES "
               "(:name, :address, :postcode, :access, :demo, :at) RETURNING id",
            soci::use(v.name), soci::use(v.address), soci::use(v.postcode), soci::use(v.access),
            soci::use(demo), soci::use(v.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

namespace {
std::vector<VenueRecord> select_venues(soci::session& sql, const std::string& rest,
                                       std::int64_t key) {
    VenueRecord v;
    long long id = 0, bound = key;
    int demo = 0;
    std::vector<VenueRecord> out;
    for_each_row(
        sql, "SELECT id, name, address, postcode, access, is_demo, created_at FROM venues " + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(v.name));
            st.exchange(soci::into(v.address));
            st.exchange(soci::into(v.postcode));
            st.exchange(soci::into(v.access));
            st.exchange(soci::into(demo));
            st.exchange(soci::into(v.created_at));
            if (key) st.exchange(soci::use(bound));
        },
        [&] {
            auto copy = v;
            copy.id = id;
            copy.is_demo = flag(demo);
            out.push_back(copy);
        });
    return out;
}
}  // namespace

std::vector<VenueRecord> all(soci::session& sql) {
    return select_venues(sql, "ORDER BY name, id", 0);
}

std::optional<VenueRecord> find(soci::session& sql, std::int64_t id) {
    if (id <= 0) return std::nullopt;
    return first_of(select_venues(sql, "WHERE id = :id", id));
}

}  // namespace venues

namespace courses {
namespace {

void write_satisfies(soci::session& sql, std::int64_t course,
                     const std::vector<std::int64_t>& ids) {
    long long key = course;
    sql << "DELETE FROM course_satisfies WHERE course_id = :c", soci::use(key);
    for (auto id : ids) {
        long long other = id;
        sql << "INSERT INTO course_satisfies (course_id, satisfies_id) VALUES (:c, :s)",
            soci::use(key), soci::use(other);
    }
}

std::vector<CourseRecord> select_courses(soci::session& sql, const std::string& rest,
                                         std::int64_t key) {
    CourseRecord c;
    long long id = 0, bound = key;
    int approval = 0, demo = 0;
    std::vector<CourseRecord> out;
    for_each_row(
        sql,
        "SELECT id, title, summary, covers, audience, length, needs_approval, is_demo, "
        "created_at, version FROM courses " +
            rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(c.title));
            st.exchange(soci::into(c.summary));
            st.exchange(soci::into(c.covers));
            st.exchange(soci::into(c.audience));
            st.exchange(soci::into(c.length));
            st.exchange(soci::into(approval));
            st.exchange(soci::into(demo));
            st.exchange(soci::into(c.created_at));
            st.exchange(soci::into(c.version));
            if (key) st.exchange(soci::use(bound));
        },
        [&] {
            auto copy = c;
            copy.id = id;
            copy.needs_approval = flag(approval);
            copy.is_demo = flag(demo);
            out.push_back(copy);
        });
    for (auto& course : out) {
        long long course_key = course.id;
        course.satisfies = select_ids(
            sql,
            "SELECT satisfies_id FROM course_satisfies WHERE course_id = :c ORDER BY satisfies_id",
            [&](soci::statement& st) { st.exchange(soci::use(course_key)); });
    }
    return out;
}

}  // namespace

std::int64_t insert(soci::session& sql, const CourseRecord& c) {
    return translate_errors([&] {
        long long id = 0;
        int approval = c.needs_approval ? 1 : 0, demo = c.is_demo ? 1 : 0;
        sql << "INSERT INTO courses (title, summary, covers, audience, length, needs_approval, "
               "is_demo, created_at) VALUES (:title, :summary, :covers, :audience, :length, "
               ":approval, :demo, :at) RETURNING id",
            soci::use(c.title), soci::use(c.summary), soci::use(c.covers), soci::use(c.audience),
            soci::use(c.length), soci::use(approval), soci::use(demo), soci::use(c.created_at),
            soci::into(id);
        write_satisfies(sql, id, c.satisfies);
        return static_cast<std::int64_t>(id);
    });
}

bool update(soci::session& sql, const CourseRecord& c, int expected_version) {
    return translate_errors([&] {
        long long id = c.id;
        int approval = c.needs_approval ? 1 : 0, expected = expected_version;
        soci::statement st =
            (sql.prepare << "UPDATE courses SET title = :title, summary = :summary, covers = "
                            ":covers, audience = :audience, length = :length, needs_approval = "
                            ":approval, version = version + 1 WHERE id = :id AND version = "
                            ":expected",
             soci::use(c.title), soci::use(c.summary), soci::use(c.covers), soci::use(c.audience),
             soci::use(c.length), soci::use(approval), soci::use(id), soci::use(expected));
        if (!changed_one_row(st)) return false;
        write_satisfies(sql, c.id, c.satisfies);
        return true;
    });
}

void hold_all(soci::session& sql, Dialect dialect) {
    // SQLite's transactions here start with the write lock (BEGIN IMMEDIATE): nothing more to
    // take. On PostgreSQL every holder takes the rows in the same order, by id, so two
    // holders queue rather than deadlock; NO KEY UPDATE leaves the key-share locks that new
    // sessions and bookings take on their course free, so they do not wait on it.
    if (dialect != Dialect::Postgresql) return;
    translate_errors([&] {
        int held = 0;
        sql << "SELECT COUNT(*) FROM (SELECT id FROM courses ORDER BY id FOR NO KEY UPDATE) AS "
               "held",
            soci::into(held);
    });
}

std::vector<CourseRecord> all(soci::session& sql) {
    return select_courses(sql, "ORDER BY title, id", 0);
}

std::optional<CourseRecord> find(soci::session& sql, std::int64_t id) {
    if (id <= 0) return std::nullopt;
    return first_of(select_courses(sql, "WHERE id = :id", id));
}

}  // namespace courses

namespace training_sessions {

std::int64_t insert(soci::session& sql, const TrainingSessionRecord& s) {
    return translate_errors([&] {
        long long id = 0, course = s.course_id, venue = s.venue_id;
        int demo = s.is_demo ? 1 : 0;
        auto deadline = nullable_text(s.booking_deadline);
        sql << "INSERT INTO training_sessions (course_id, first_day, days, start_minutes, "
               "end_minutes, venue_id, capacity, booking_deadline, uid, is_demo, created_at) "
               "VALUES (:course, :first_day, :days, :start, :end, :venue, :capacity, :deadline, "
               ":uid, :demo, :at) RETURNING id",
            soci::use(course), soci::use(s.first_day), soci::use(s.days),
            soci::use(s.start_minutes), soci::use(s.end_minutes), soci::use(venue),
            soci::use(s.capacity), soci::use(deadline.value, deadline.indicator), soci::use(s.uid),
            soci::use(demo), soci::use(s.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<TrainingSessionRecord> find(soci::session& sql, std::int64_t id) {
    if (id <= 0) return std::nullopt;
    long long key = id;
    return first_of(select_sessions(sql, "WHERE s.id = :id",
                                    [&](soci::statement& st) { st.exchange(soci::use(key)); }));
}

std::optional<TrainingSessionRecord> take(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE training_sessions SET version = version WHERE id = :id", soci::use(key);
    });
    return find(sql, id);
}

std::vector<TrainingSessionRecord> upcoming(soci::session& sql, const std::string& from,
                                            int limit) {
    return select_sessions(sql,
                           "WHERE s.first_day >= :from_day ORDER BY s.first_day, "
                           "s.start_minutes, s.id LIMIT :limit",
                           [&](soci::statement& st) {
                               st.exchange(soci::use(from));
                               st.exchange(soci::use(limit));
                           });
}

std::vector<TrainingSessionRecord> past(soci::session& sql, const std::string& before, int limit) {
    return select_sessions(sql,
                           "WHERE s.first_day < :before_day ORDER BY s.first_day DESC, "
                           "s.start_minutes DESC, s.id DESC LIMIT :limit",
                           [&](soci::statement& st) {
                               st.exchange(soci::use(before));
                               st.exchange(soci::use(limit));
                           });
}

void set_holding(soci::session& sql, std::int64_t id, int holding) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE training_sessions SET holding = :holding WHERE id = :id", soci::use(holding),
            soci::use(key);
    });
}

std::int64_t next_in_queue(soci::session& sql, std::int64_t id) {
    return translate_errors([&] {
        long long key = id, queued = 0;
        sql << "UPDATE training_sessions SET queued = queued + 1 WHERE id = :id", soci::use(key);
        sql << "SELECT queued FROM training_sessions WHERE id = :id", soci::use(key),
            soci::into(queued);
        return static_cast<std::int64_t>(queued);
    });
}

void set_capacity(soci::session& sql, std::int64_t id, int capacity) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE training_sessions SET capacity = :capacity, version = version + 1 WHERE "
               "id = :id",
            soci::use(capacity), soci::use(key);
    });
}

std::string stamp(soci::session& sql) {
    return translate_errors([&] {
        // Every booking change writes a history row, so its newest id stands for them all.
        long long sessions = 0, changes = 0, history = 0, courses = 0;
        sql << "SELECT (SELECT COUNT(*) FROM training_sessions), (SELECT COALESCE(SUM(version + "
               "holding), 0) FROM training_sessions), (SELECT COALESCE(MAX(id), 0) FROM "
               "booking_history), (SELECT COALESCE(SUM(version), 0) FROM courses)",
            soci::into(sessions), soci::into(changes), soci::into(history), soci::into(courses);
        return std::to_string(sessions) + "." + std::to_string(changes) + "." +
               std::to_string(history) + "." + std::to_string(courses);
    });
}

void move(soci::session& sql, const TrainingSessionRecord& s) {
    translate_errors([&] {
        long long key = s.id, venue = s.venue_id;
        auto deadline = nullable_text(s.booking_deadline);
        sql << "UPDATE training_sessions SET first_day = :day, days = :days, start_minutes = "
               ":start, end_minutes = :end, venue_id = :venue, booking_deadline = :deadline, "
               "sequence = sequence + 1, version = version + 1 WHERE id = :id",
            soci::use(s.first_day), soci::use(s.days), soci::use(s.start_minutes),
            soci::use(s.end_minutes), soci::use(venue),
            soci::use(deadline.value, deadline.indicator), soci::use(key);
    });
}

void set_status(soci::session& sql, std::int64_t id, const std::string& status,
                const std::string& reason) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE training_sessions SET status = :status, cancel_reason = :reason, sequence "
               "= sequence + 1, version = version + 1 WHERE id = :id",
            soci::use(status), soci::use(reason), soci::use(key);
    });
}

}  // namespace training_sessions

namespace bookings {

std::int64_t insert(soci::session& sql, const BookingRecord& b) {
    return translate_errors([&] {
        long long id = 0, session = b.session_id;
        auto user = nullable_id(b.user_id);
        auto by = nullable_id(b.created_by);
        sql << "INSERT INTO bookings (session_id, user_id, partner_name, partner_organisation, "
               "partner_email, state, override_reason, created_by, created_at) VALUES (:session, "
               ":user_id, :name, :organisation, :email, :state, :override_reason, :by, :at) "
               "RETURNING id",
            soci::use(session), soci::use(user.value, user.indicator), soci::use(b.partner_name),
            soci::use(b.partner_organisation), soci::use(b.partner_email), soci::use(b.state),
            soci::use(b.override_reason), soci::use(by.value, by.indicator),
            soci::use(b.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<BookingRecord> find(soci::session& sql, std::int64_t id) {
    if (id <= 0) return std::nullopt;
    long long key = id;
    return first_of(select_bookings(sql, "WHERE b.id = :id",
                                    [&](soci::statement& st) { st.exchange(soci::use(key)); }));
}

std::vector<BookingRecord> for_session(soci::session& sql, std::int64_t session_id) {
    long long key = session_id;
    return select_bookings(sql, "WHERE b.session_id = :session ORDER BY b.id",
                           [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

void set_queue_position(soci::session& sql, std::int64_t id, std::int64_t position) {
    translate_errors([&] {
        long long key = id, at = position;
        sql << "UPDATE bookings SET queue_position = :position WHERE id = :id", soci::use(at),
            soci::use(key);
    });
}

std::vector<BookingRecord> waitlist(soci::session& sql, std::int64_t session_id, int limit) {
    long long key = session_id;
    return select_bookings(
        sql,
        "WHERE b.session_id = :session AND b.state = 'waitlisted' ORDER BY b.queue_position, b.id "
        "LIMIT :limit",
        [&](soci::statement& st) {
            st.exchange(soci::use(key));
            st.exchange(soci::use(limit));
        });
}

std::vector<BookingRecord> for_user(soci::session& sql, std::int64_t user_id) {
    long long key = user_id;
    return select_bookings(sql, "WHERE b.user_id = :user_id ORDER BY b.id DESC",
                           [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

std::vector<BookingRecord> requested_in_teams(soci::session& sql,
                                              const std::vector<std::int64_t>& team_ids) {
    if (team_ids.empty()) return {};
    std::vector<long long> keys(team_ids.begin(), team_ids.end());
    return select_bookings(sql,
                           "WHERE b.state = 'requested' AND u.team_id IN (" +
                               bind_names("team", keys.size()) + ") ORDER BY b.id",
                           [&](soci::statement& st) {
                               for (const auto& key : keys) st.exchange(soci::use(key));
                           });
}

std::optional<BookingRecord> live_for(soci::session& sql, std::int64_t session_id,
                                      std::int64_t user_id) {
    long long session = session_id, user = user_id;
    return first_of(select_bookings(
        sql,
        "WHERE b.session_id = :session AND b.user_id = :user_id AND b.state IN ('requested', "
        "'booked', 'waitlisted')",
        [&](soci::statement& st) {
            st.exchange(soci::use(session));
            st.exchange(soci::use(user));
        }));
}

void note(soci::session& sql, std::int64_t id, const std::string& from, const std::string& to,
          const std::string& reason, std::optional<std::int64_t> by, const std::string& at) {
    translate_errors([&] {
        long long key = id;
        auto who = nullable_id(by);
        sql << "INSERT INTO booking_history (booking_id, from_state, to_state, reason, by_user, "
               "at) VALUES (:booking, :from_state, :to_state, :reason, :by, :at)",
            soci::use(key), soci::use(from), soci::use(to), soci::use(reason),
            soci::use(who.value, who.indicator), soci::use(at);
    });
}

bool move(soci::session& sql, std::int64_t id, const std::string& from, const std::string& to,
          const std::string& reason, std::optional<std::int64_t> by, const std::string& at) {
    bool moved = translate_errors([&] {
        long long key = id;
        soci::statement st =
            (sql.prepare << "UPDATE bookings SET state = :to_state, sequence = sequence + 1, "
                            "version = version + 1 WHERE id = :id AND state = :from_state",
             soci::use(to), soci::use(key), soci::use(from));
        return changed_one_row(st);
    });
    if (moved) note(sql, id, from, to, reason, by, at);
    return moved;
}

std::vector<BookingChange> history(soci::session& sql, std::int64_t id) {
    BookingChange c;
    long long key = id;
    soci::indicator name_ind = soci::i_null;
    std::vector<BookingChange> out;
    for_each_row(
        sql,
        "SELECT h.from_state, h.to_state, h.reason, u.name, h.at FROM booking_history h LEFT "
        "JOIN users u ON u.id = h.by_user WHERE h.booking_id = :id ORDER BY h.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(c.from_state));
            st.exchange(soci::into(c.to_state));
            st.exchange(soci::into(c.reason));
            st.exchange(soci::into(c.by_name, name_ind));
            st.exchange(soci::into(c.at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = c;
            if (name_ind != soci::i_ok) copy.by_name.clear();
            out.push_back(copy);
        });
    return out;
}

std::vector<AttendedRecord> attended(soci::session& sql) {
    AttendedRecord r;
    long long user = 0, course = 0;
    soci::indicator user_ind = soci::i_null;
    std::vector<AttendedRecord> out;
    for_each_row(
        sql,
        "SELECT b.user_id, COALESCE(u.name, b.partner_name), COALESCE(t.name, "
        "b.partner_organisation), COALESCE(u.email, b.partner_email), s.course_id, c.title, "
        "s.first_day FROM bookings b JOIN training_sessions s ON s.id = b.session_id JOIN courses "
        "c ON c.id = s.course_id LEFT JOIN users u ON u.id = b.user_id LEFT JOIN teams t ON t.id "
        "= u.team_id WHERE b.state = 'attended' ORDER BY s.first_day, b.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(user, user_ind));
            st.exchange(soci::into(r.name));
            st.exchange(soci::into(r.team_or_organisation));
            st.exchange(soci::into(r.email));
            st.exchange(soci::into(course));
            st.exchange(soci::into(r.course_title));
            st.exchange(soci::into(r.on));
        },
        [&] {
            auto copy = r;
            copy.user_id = id_or_none(user, user_ind);
            copy.course_id = course;
            out.push_back(copy);
        });
    return out;
}

std::vector<std::int64_t> courses_of(soci::session& sql, std::int64_t user_id, bool live) {
    long long key = user_id;
    return select_ids(sql,
                      std::string{"SELECT DISTINCT s.course_id FROM bookings b JOIN "
                                  "training_sessions s ON s.id = b.session_id WHERE b.user_id = "
                                  ":user_id AND b.state IN ('attended'"} +
                          (live ? ", 'requested', 'booked', 'waitlisted')" : ")") +
                          " ORDER BY s.course_id",
                      [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

}  // namespace bookings
}  // namespace signs::store
