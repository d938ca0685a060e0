#include "service/training_service.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "domain/meetings/icalendar.hpp"
#include "domain/meetings/meeting.hpp"
#include "service/audit_service.hpp"
#include "service/outbox_service.hpp"
#include "store/store_error.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

using domain::BookingEvent;
using domain::BookingState;

/// Why the actor may not run training, if they may not.
std::optional<core::Error> unless_training(const Actor& actor) {
    if (runs_training(actor)) return std::nullopt;
    return core::Error::of(core::ErrorKind::Forbidden, "Only training administrators can do that");
}

struct Now {
    core::CivilDate today;
    int minutes = 0;
    std::string stored;
};

Now now_of(const core::Clock& clock) {
    auto at = clock.now();
    auto time = core::london_clock(at);
    return {core::london_date(at), time.hour * 60 + time.minute, core::to_storage(at)};
}

}  // namespace

std::string session_when(const store::TrainingSessionRecord& s) {
    auto first = core::CivilDate::parse_iso(s.first_day);
    std::string days = first ? first->long_text() : s.first_day;
    if (s.days > 1 && first) days += " to " + first->plus_days(s.days - 1).long_text();
    return days + ", " + domain::clock_text(s.start_minutes) + " to " +
           domain::clock_text(s.end_minutes) + (s.days > 1 ? " each day" : "");
}

domain::TrainingSession training_state(const store::TrainingSessionRecord& s) {
    domain::TrainingSession out;
    out.times.first_day = core::CivilDate::parse_iso(s.first_day).value_or(out.times.first_day);
    out.times.days = s.days;
    out.times.start_minutes = s.start_minutes;
    out.times.end_minutes = s.end_minutes;
    out.times.capacity = s.capacity;
    out.times.booking_deadline = core::CivilDate::parse_iso(s.booking_deadline);
    out.cancelled = s.status == "cancelled";
    out.closed = s.status == "closed";
    out.holding = s.holding;
    return out;
}

namespace {

/// The session's first day has come and its start time passed (London).
bool has_started(const store::TrainingSessionRecord& s, const Now& now) {
    auto first = training_state(s).times.first_day;
    return now.today > first || (now.today == first && now.minutes >= s.start_minutes);
}

/// Puts the booking at the back of the session's waitlist; the session must have been taken.
void join_queue(soci::session& sql, std::int64_t session_id, std::int64_t booking_id) {
    store::bookings::set_queue_position(sql, booking_id,
                                        store::training_sessions::next_in_queue(sql, session_id));
}

BookingState state_in(const store::BookingRecord& b) {
    return domain::parse_booking_state(b.state).value_or(BookingState::CancelledByPerson);
}

std::string code(BookingState state) { return std::string{domain::booking_state_code(state)}; }

std::string session_subject(std::int64_t id) { return std::to_string(id); }

using Teller = TrainingService::Teller;

/// The booking's own calendar entry: one per booking, so each person's calendar follows
/// their place (booked, moved, cancelled) under a UID that never changes.
std::string calendar_of(const store::TrainingSessionRecord& s, const store::BookingRecord& b,
                        bool cancelled, const Teller& teller) {
    const auto& clock = teller.clock;
    domain::CalendarInvite invite;
    invite.method = cancelled ? "CANCEL" : "REQUEST";
    invite.uid = s.uid + "-" + std::to_string(b.id);
    invite.sequence = s.sequence + b.sequence;
    invite.cancelled = cancelled;
    invite.summary = s.course_title;
    invite.location = s.venue.name + ", " + s.venue.address + ", " + s.venue.postcode;
    invite.description = s.venue.access.empty() ? "" : "Getting there: " + s.venue.access;
    invite.on = training_state(s).times.first_day;
    invite.start_minutes = s.start_minutes;
    invite.end_minutes = s.end_minutes;
    invite.days = s.days;
    for (char c : core::to_storage(clock.now()).substr(0, 19)) {
        if (c != '-' && c != ':') invite.stamp += c;
    }
    invite.stamp += 'Z';
    invite.organizer = teller.organizer;
    if (!b.person_email.empty()) invite.attendees.push_back({b.person_name, b.person_email});
    return domain::invitation_ics(invite);
}

/// Tells the person what became of their booking, with the calendar file when it gives or
/// takes away a place.
void tell(soci::session& sql, const Teller& teller, const store::TrainingSessionRecord& s,
          std::int64_t booking_id, const std::string& what) {
    const auto& clock = teller.clock;
    auto b = store::bookings::find(sql, booking_id);
    if (!b || b->person_email.empty()) return;
    auto state = state_in(*b);
    std::string subject, body;
    bool calendar = false, cancelled = false;
    auto when = session_when(s);
    auto where = s.venue.name + ", " + s.venue.address + ", " + s.venue.postcode;
    if (what == "moved") {
        // Everyone still on the session hears where and when it now is; those with a place
        // get their calendar entry updated under the same UID.
        subject = "Moved: " + s.course_title;
        body = s.course_title + " has moved. It is now " + when + " (London time), at " + where +
               ".\n\nYour booking stays as it was (" +
               std::string{domain::booking_state_label(state)} +
               "). If you cannot come at the new time, please cancel in signs.\n";
        calendar = domain::holds_place(state);
    } else if (state == BookingState::Booked) {
        subject = (what == "promoted" ? "A place for you: " : "Booked: ") + s.course_title;
        body = (what == "promoted" ? std::string{"A place has come free, and it is yours. "}
                                   : std::string{"Your place is booked. "}) +
               s.course_title + ", " + when + " (London time), at " + where +
               ".\n\nThe calendar invitation is attached. If you cannot come, please cancel in "
               "signs so that someone on the waiting list can have the place.\n";
        calendar = true;
    } else if (state == BookingState::Waitlisted) {
        subject = "On the waiting list: " + s.course_title;
        body = s.course_title + ", " + when +
               " is full, so you are on its waiting list. If a "
               "place comes free before booking closes, it goes to the first person waiting and "
               "you will be told.\n";
    } else if (state == BookingState::Requested) {
        subject = "Waiting for approval: " + s.course_title;
        body = "Your booking on " + s.course_title + ", " + when +
               " is waiting for your manager's approval. You will be told when they decide.\n";
    } else if (state == BookingState::Declined) {
        subject = "Not approved: " + s.course_title;
        body =
            "Your manager did not approve your booking on " + s.course_title + ", " + when + ".\n";
    } else if (state == BookingState::CancelledByPerson ||
               state == BookingState::CancelledWithSession) {
        subject = "Cancelled: " + s.course_title;
        body = state == BookingState::CancelledWithSession
                   ? s.course_title + ", " + when + " has been cancelled: " + s.cancel_reason + "\n"
                   : "Your booking on " + s.course_title + ", " + when + " is cancelled.\n";
        calendar = what == "had-place";
        cancelled = true;
    } else {
        return;
    }
    store::OutboxMessage message;
    message.kind = "training";
    message.to_name = b->person_name;
    message.to_address = b->person_email;
    message.subject = subject;
    message.body = "Dear " + b->person_name + ",\n\n" + body;
    if (calendar) {
        message.calendar = calendar_of(s, *b, cancelled, teller);
        message.calendar_method = cancelled ? "CANCEL" : "REQUEST";
    }
    OutboxService::queue(sql, clock, message);
}

/// Asks the managers of the person's team, whether it is their own or one they lead, to
/// approve a booking.
void ask_for_approval(soci::session& sql, const core::Clock& clock,
                      const store::TrainingSessionRecord& s, const store::UserRecord& person) {
    if (!person.team_id) return;
    for (const auto& u : store::users::list(sql)) {
        if (u.role != domain::Role::TeamManager || !u.active || !u.works_in(person.team_id) ||
            u.id == person.id)
            continue;
        store::OutboxMessage message;
        message.kind = "training";
        message.to_name = u.name;
        message.to_address = u.email;
        message.subject = "Please approve: " + person.name + ", " + s.course_title;
        message.body = "Dear " + u.name + ",\n\n" + person.name + " has asked for a place on " +
                       s.course_title + ", " + session_when(s) +
                       ". The course needs a manager's approval: approve or decline it under "
                       "Training in signs.\n";
        OutboxService::queue(sql, clock, message);
    }
}

/// Moves people up from the waitlist into the places now free, first come first served, and
/// tells them; returns how many moved up. The session must have been taken.
int fill_places(soci::session& sql, const Teller& teller, store::TrainingSessionRecord& s,
                const Now& now, std::optional<std::int64_t> by) {
    auto state = training_state(s);
    auto places = domain::places_to_fill(state, s.waiting, now.today, now.minutes);
    if (places <= 0) return 0;
    int moved = 0;
    for (const auto& b : store::bookings::waitlist(sql, s.id, places)) {
        if (!store::bookings::move(sql, b.id, "waitlisted", "booked", "a place came free", by,
                                   now.stored))
            continue;
        ++moved;
        tell(sql, teller, s, b.id, "promoted");
    }
    s.holding += moved;
    s.waiting -= moved;
    if (moved) store::training_sessions::set_holding(sql, s.id, s.holding);
    return moved;
}

domain::SatisfiesMap satisfies_map(soci::session& sql) {
    domain::SatisfiesMap out;
    for (const auto& c : store::courses::all(sql))
        out[c.id] = {c.satisfies.begin(), c.satisfies.end()};
    return out;
}

/// The title of a course the user has, or is booked on, that already covers `course`.
std::string covering_course(soci::session& sql, std::int64_t user_id, std::int64_t course) {
    auto held = store::bookings::courses_of(sql, user_id, true);
    auto covered = domain::already_covered(course, {held.begin(), held.end()}, satisfies_map(sql));
    if (!covered) return "";
    auto found = store::courses::find(sql, *covered);
    return found ? found->title : "";
}

}  // namespace

bool runs_training(const Actor& actor) {
    return actor.is_system() || actor.has_role(domain::Role::TrainingAdministrator) ||
           actor.has_role(domain::Role::SystemAdministrator);
}

std::vector<store::CourseRecord> TrainingService::courses() {
    auto lease = db_.lease();
    return store::courses::all(lease.sql());
}

std::optional<store::CourseRecord> TrainingService::course(std::int64_t course_id) {
    auto lease = db_.lease();
    return store::courses::find(lease.sql(), course_id);
}

core::Result<std::int64_t> TrainingService::add_course(const Actor& actor,
                                                       const domain::CourseForm& form,
                                                       bool needs_approval) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    std::set<std::int64_t> known;
    for (const auto& c : store::courses::all(sql)) known.insert(c.id);
    auto checked = domain::check_course(form, 0, known);
    if (!checked) return std::unexpected(checked.error());
    store::CourseRecord course{0,
                               checked->title,
                               checked->summary,
                               checked->covers,
                               checked->audience,
                               checked->length,
                               needs_approval,
                               checked->satisfies,
                               false,
                               core::to_storage(clock_.now()),
                               1};
    store::Transaction tx{lease};
    auto id = store::courses::insert(sql, course);
    record_audit(sql, clock_, actor, {"course-add", "course", std::to_string(id), course.title});
    tx.commit();
    return id;
}

core::Result<void> TrainingService::change_course(const Actor& actor, std::int64_t course_id,
                                                  int version, const domain::CourseForm& form,
                                                  bool needs_approval) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    // The loop check reads what every course covers, so every course is held first: two
    // administrators each making one of two courses cover the other would otherwise both
    // pass the check and make a loop together.
    store::Transaction tx{lease};
    store::courses::hold_all(sql, lease.dialect());
    auto course = store::courses::find(sql, course_id);
    if (!course) return core::fail(core::ErrorKind::NotFound, "There is no such course");
    std::set<std::int64_t> known;
    for (const auto& c : store::courses::all(sql)) known.insert(c.id);
    auto checked = domain::check_course(form, course_id, known);
    if (!checked) return std::unexpected(checked.error());
    if (domain::makes_a_loop(course_id, checked->satisfies, satisfies_map(sql)))
        return std::unexpected(core::Error::invalid(
            {{"satisfies", "A course cannot cover a course that already covers it"}}));
    course->title = checked->title;
    course->summary = checked->summary;
    course->covers = checked->covers;
    course->audience = checked->audience;
    course->length = checked->length;
    course->needs_approval = needs_approval;
    course->satisfies = checked->satisfies;
    if (!store::courses::update(sql, *course, version))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this course while you were editing it. Your "
                          "changes were not saved: check the course and make them again");
    record_audit(sql, clock_, actor,
                 {"course-change", "course", std::to_string(course_id), course->title});
    tx.commit();
    return {};
}

core::Result<std::vector<store::VenueRecord>> TrainingService::venues(const Actor& actor) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto lease = db_.lease();
    return store::venues::all(lease.sql());
}

core::Result<std::int64_t> TrainingService::add_venue(const Actor& actor,
                                                      const domain::VenueForm& form) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto checked = domain::check_venue(form);
    if (!checked) return std::unexpected(checked.error());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto id = store::venues::insert(sql, {0, checked->name, checked->address, checked->postcode,
                                          checked->access, false, core::to_storage(clock_.now())});
    record_audit(sql, clock_, actor, {"venue-add", "venue", std::to_string(id), checked->name});
    tx.commit();
    return id;
}

/// Takes the session's row for a change (see take), unless there is no such session or it
/// is cancelled, when `cancelled` says why nothing can change.
core::Result<store::TrainingSessionRecord> take_to_change(soci::session& sql, std::int64_t id,
                                                          const char* cancelled) {
    auto s = store::training_sessions::take(sql, id);
    if (!s) return core::fail(core::ErrorKind::NotFound, "There is no such session");
    if (s->status == "cancelled") return core::fail(core::ErrorKind::Conflict, cancelled);
    return *s;
}

/// Checks when and where a session is to be and writes it into `s`: its days, times, venue,
/// places and booking deadline.
core::Result<void> place_in_time(soci::session& sql, const domain::SessionForm& form,
                                 core::CivilDate today, store::TrainingSessionRecord& s) {
    auto times = domain::check_session(form, today);
    auto venue = core::whole_number_in(form.venue, 1, std::numeric_limits<int>::max());
    bool venue_known = venue && store::venues::find(sql, *venue);
    if (!times || !venue_known) {
        std::vector<core::FieldError> fields;
        if (!times) fields = times.error().fields;
        if (!venue_known) fields.push_back({"venue", "Choose the venue from the list"});
        return std::unexpected(core::Error::invalid(fields));
    }
    s.first_day = times->first_day.iso();
    s.days = times->days;
    s.start_minutes = times->start_minutes;
    s.end_minutes = times->end_minutes;
    s.venue_id = *venue;
    s.capacity = times->capacity;
    s.booking_deadline = times->booking_deadline ? times->booking_deadline->iso() : "";
    return {};
}

core::Result<std::int64_t> TrainingService::add_session(const Actor& actor, std::int64_t course_id,
                                                        const domain::SessionForm& form) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto course = store::courses::find(sql, course_id);
    if (!course) return core::fail(core::ErrorKind::NotFound, "There is no such course");
    store::TrainingSessionRecord s;
    if (auto placed = place_in_time(sql, form, now.today, s); !placed)
        return std::unexpected(placed.error());
    s.course_id = course_id;
    s.uid = core::random_token(16) + "@signs";
    s.created_at = now.stored;
    store::Transaction tx{lease};
    auto id = store::training_sessions::insert(sql, s);
    record_audit(sql, clock_, actor,
                 {"session-add", "training-session", session_subject(id), course->title});
    tx.commit();
    return id;
}

std::string TrainingService::upcoming_stamp() {
    auto now = now_of(clock_);
    auto lease = db_.lease();
    return now.today.iso() + "." + std::to_string(now.minutes) + "." +
           store::training_sessions::stamp(lease.sql());
}

std::string TrainingService::page_stamp(const Actor& actor) {
    auto stamp = upcoming_stamp() + ".user." + (actor.user ? std::to_string(actor.user->id) : "");
    if (runs_training(actor)) {
        auto lease = db_.lease();
        stamp += ".staff." + store::users::stamp(lease.sql());
    }
    return stamp;
}

std::vector<store::TrainingSessionRecord> TrainingService::upcoming(int limit) {
    auto lease = db_.lease();
    return store::training_sessions::upcoming(lease.sql(), now_of(clock_).today.iso(), limit);
}

std::vector<store::TrainingSessionRecord> TrainingService::past(int limit) {
    auto lease = db_.lease();
    return store::training_sessions::past(lease.sql(), now_of(clock_).today.iso(), limit);
}

core::Result<SessionView> TrainingService::session(const Actor& actor, std::int64_t session_id) {
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto s = store::training_sessions::find(sql, session_id);
    if (!s) return core::fail(core::ErrorKind::NotFound, "There is no such session");
    SessionView out;
    out.session = *s;
    out.course = *store::courses::find(sql, s->course_id);
    out.status = domain::session_status(training_state(*s), now.today, now.minutes);
    out.manages = runs_training(actor);
    if (auto id = actor.user_id()) {
        out.mine = store::bookings::live_for(sql, session_id, *id);
        if (!out.mine) out.covered_by = covering_course(sql, *id, s->course_id);
    }
    if (out.manages) out.bookings = store::bookings::for_session(sql, session_id);
    return out;
}

core::Result<BookingOutcome> TrainingService::book(const Actor& actor, std::int64_t session_id) {
    if (!actor.user) return core::fail(core::ErrorKind::Forbidden, "Sign in to book");
    return book_for(actor, session_id, {actor.user->id, "", "", "", ""});
}

core::Result<BookingOutcome> TrainingService::book_for(const Actor& actor, std::int64_t session_id,
                                                       const BookFor& who) {
    bool self = who.user_id && actor.user_id() == who.user_id;
    if (!self && !runs_training(actor))
        return core::fail(core::ErrorKind::Forbidden,
                          "Only training administrators can book for someone else");
    std::optional<store::UserRecord> person;
    core::FieldChecks checks;
    auto lease = db_.lease();
    auto& sql = lease.sql();
    if (who.user_id) {
        person = store::users::find_by_id(sql, *who.user_id);
        if (!person || !person->active) checks.add("person", "Choose someone from the list");
    } else {
        checks.text("name", who.name, "Enter the name of the person to book", "The name", 100);
        checks.text("organisation", who.organisation, "Enter the organisation they work for",
                    "The organisation", 100);
        checks.email("email", who.email);
    }
    if (!self) checks.optional_text("override_reason", who.override_reason, "The reason", 500);
    if (!checks.ok()) return std::unexpected(checks.error());
    auto now = now_of(clock_);
    store::Transaction tx{lease};
    auto s = store::training_sessions::take(sql, session_id);
    if (!s) return core::fail(core::ErrorKind::NotFound, "There is no such session");
    auto state = training_state(*s);
    // People book themselves until the deadline or the start; a training administrator can
    // still add someone who turns up on the day, until the session's last day is over.
    auto last_day = state.times.first_day.plus_days(state.times.days - 1);
    bool open = self ? domain::taking_bookings(state, now.today, now.minutes)
                     : !state.cancelled && now.today <= last_day;
    if (!open)
        return core::fail(core::ErrorKind::Conflict, "This session is no longer taking bookings");
    auto course = store::courses::find(sql, s->course_id);
    std::string override_reason;
    if (person) {
        if (store::bookings::live_for(sql, session_id, person->id))
            return core::fail(core::ErrorKind::Conflict,
                              (self ? std::string{"You are"} : person->name + " is") +
                                  " already booked on this session");
        auto covered = covering_course(sql, person->id, s->course_id);
        if (!covered.empty()) {
            if (self || core::trimmed(who.override_reason).empty())
                return std::unexpected(core::Error::invalid(
                    {{self ? "session" : "override_reason",
                      (self ? std::string{"You do not need this course: "}
                            : person->name + " does not need this course: ") +
                          covered +
                          " covers it. A training administrator can book it with a reason"}}));
            override_reason = core::trimmed(who.override_reason);
        }
    }
    // A manager's approval is asked for when someone books themself onto a course that needs
    // it; a training administrator booking someone has arranged it already.
    // Someone with no team has no manager to ask.
    bool needs_approval = self && course->needs_approval && person && person->team_id;
    if (!self && has_started(*s, now) && s->holding >= s->capacity)
        return core::fail(core::ErrorKind::Conflict,
                          "The session has started and is full: add a place first");
    auto first = domain::first_state(needs_approval, s->holding < s->capacity);
    store::BookingRecord b;
    b.session_id = session_id;
    b.user_id = who.user_id;
    if (!person) {
        b.partner_name = core::trimmed(who.name);
        b.partner_organisation = core::trimmed(who.organisation);
        b.partner_email = core::trimmed(who.email);
    }
    b.state = code(first);
    b.override_reason = override_reason;
    b.created_by = actor.user_id();
    b.created_at = now.stored;
    std::int64_t id = 0;
    try {
        id = store::bookings::insert(sql, b);
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return core::fail(core::ErrorKind::Conflict, "Already booked on this session");
    }
    store::bookings::note(sql, id, "", b.state, override_reason, actor.user_id(), now.stored);
    if (domain::holds_place(first))
        store::training_sessions::set_holding(sql, session_id, s->holding + 1);
    if (first == BookingState::Waitlisted) join_queue(sql, session_id, id);
    if (first == BookingState::Requested && person) ask_for_approval(sql, clock_, *s, *person);
    tell(sql, teller(), *s, id, "new");
    record_audit(sql, clock_, actor,
                 {"booking-add", "booking", std::to_string(id),
                  session_subject(session_id) + " " + b.state});
    tx.commit();
    return BookingOutcome{id, first};
}

core::Result<void> TrainingService::cancel(const Actor& actor, std::int64_t booking_id,
                                           const std::string& reason) {
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto found = store::bookings::find(sql, booking_id);
    if (!found) return core::fail(core::ErrorKind::NotFound, "There is no such booking");
    bool own = found->user_id && actor.user_id() == found->user_id;
    if (!own && !runs_training(actor))
        return core::fail(core::ErrorKind::Forbidden, "This is not your booking");
    core::FieldChecks checks;
    checks.optional_text("reason", reason, "The reason", 500);
    if (!checks.ok()) return std::unexpected(checks.error());
    store::Transaction tx{lease};
    auto s = store::training_sessions::take(sql, found->session_id);
    auto b = store::bookings::find(sql, booking_id);  // as it stands now the session is held
    auto from = state_in(*b);
    auto to = domain::next_state(from, BookingEvent::Cancel);
    if (!to) return core::fail(core::ErrorKind::Conflict, "This booking cannot be cancelled now");
    // Once the session has started, whoever did not come is a no-show, not a cancellation.
    if (has_started(*s, now) && !runs_training(actor))
        return core::fail(core::ErrorKind::Conflict,
                          "The session has started: ask the training team to change your booking");
    if (from == BookingState::Booked &&
        domain::late_cancellation(training_state(*s).times, now.today) &&
        core::trimmed(reason).empty())
        return std::unexpected(core::Error::invalid(
            {{"reason", "The session is within " + std::to_string(domain::kLateCancellationDays) +
                            " days: say why you are cancelling"}}));
    if (!store::bookings::move(sql, booking_id, b->state, code(*to), core::trimmed(reason),
                               actor.user_id(), now.stored))
        return core::fail(core::ErrorKind::Conflict, "Someone else changed this booking first");
    bool had_place = domain::holds_place(from);
    if (had_place) {
        --s->holding;
        store::training_sessions::set_holding(sql, s->id, s->holding);
    } else if (from == BookingState::Waitlisted) {
        --s->waiting;
    }
    tell(sql, teller(), *s, booking_id, had_place ? "had-place" : "");
    fill_places(sql, teller(), *s, now, actor.user_id());
    record_audit(sql, clock_, actor,
                 {"booking-cancel", "booking", std::to_string(booking_id), code(*to)});
    tx.commit();
    return {};
}

core::Result<domain::BookingState> TrainingService::decide(const Actor& actor,
                                                           std::int64_t booking_id, bool approve) {
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto found = store::bookings::find(sql, booking_id);
    if (!found) return core::fail(core::ErrorKind::NotFound, "There is no such booking");
    auto person = found->user_id ? store::users::find_by_id(sql, *found->user_id) : std::nullopt;
    if (!actor.has_role(domain::Role::TeamManager) || !person ||
        !actor.user->works_in(person->team_id) || person->id == actor.user->id)
        return core::fail(core::ErrorKind::Forbidden,
                          "Only a manager of the person's team (not the person) can approve "
                          "their booking");
    store::Transaction tx{lease};
    auto s = store::training_sessions::take(sql, found->session_id);
    auto b = store::bookings::find(sql, booking_id);
    auto from = state_in(*b);
    if (from != BookingState::Requested)
        return core::fail(core::ErrorKind::Conflict, "This booking is not waiting for approval");
    bool open = domain::taking_bookings(training_state(*s), now.today, now.minutes);
    if (approve && !open)
        return core::fail(core::ErrorKind::Conflict,
                          "Booking for this session has closed, so the place cannot be approved");
    auto event = !approve                   ? BookingEvent::Decline
                 : s->holding < s->capacity ? BookingEvent::TakePlace
                                            : BookingEvent::JoinWaitlist;
    auto to = *domain::next_state(from, event);
    if (!store::bookings::move(sql, booking_id, b->state, code(to),
                               approve ? "approved" : "not approved", actor.user_id(), now.stored))
        return core::fail(core::ErrorKind::Conflict, "Someone else changed this booking first");
    if (domain::holds_place(to)) store::training_sessions::set_holding(sql, s->id, s->holding + 1);
    if (to == BookingState::Waitlisted) join_queue(sql, s->id, booking_id);
    tell(sql, teller(), *s, booking_id, approve ? "approved" : "declined");
    record_audit(sql, clock_, actor,
                 {approve ? "booking-approve" : "booking-decline", "booking",
                  std::to_string(booking_id), code(to)});
    tx.commit();
    return to;
}

core::Result<int> TrainingService::set_capacity(const Actor& actor, std::int64_t session_id,
                                                const std::string& capacity) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto s = take_to_change(sql, session_id, "This session is cancelled");
    if (!s) return std::unexpected(s.error());
    auto places = domain::check_capacity(capacity, s->holding);
    if (!places)
        return std::unexpected(core::Error::invalid({{"capacity", places.error().message}}));
    store::training_sessions::set_capacity(sql, session_id, *places);
    s->capacity = *places;
    auto moved = fill_places(sql, teller(), *s, now, actor.user_id());
    record_audit(sql, clock_, actor,
                 {"session-capacity", "training-session", session_subject(session_id),
                  std::to_string(*places) + " places, " + std::to_string(moved) + " moved up"});
    tx.commit();
    return moved;
}

core::Result<void> TrainingService::cancel_session(const Actor& actor, std::int64_t session_id,
                                                   const std::string& reason) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    core::FieldChecks checks;
    checks.text("reason", reason, "Say why the session is cancelled", "The reason", 500);
    if (!checks.ok()) return std::unexpected(checks.error());
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto s = take_to_change(sql, session_id, "This session is already cancelled");
    if (!s) return std::unexpected(s.error());
    if (has_started(*s, now))
        return core::fail(core::ErrorKind::Conflict,
                          "The session has started: mark who came instead of cancelling it");
    store::training_sessions::set_status(sql, session_id, "cancelled", core::trimmed(reason));
    *s = *store::training_sessions::find(sql, session_id);
    int holding = s->holding;
    for (const auto& b : store::bookings::for_session(sql, session_id)) {
        auto from = state_in(b);
        auto to = domain::next_state(from, BookingEvent::SessionCancelled);
        if (!to || !store::bookings::move(sql, b.id, b.state, code(*to), core::trimmed(reason),
                                          actor.user_id(), now.stored))
            continue;
        if (domain::holds_place(from)) --holding;
        tell(sql, teller(), *s, b.id, domain::holds_place(from) ? "had-place" : "");
    }
    store::training_sessions::set_holding(sql, session_id, holding);
    record_audit(
        sql, clock_, actor,
        {"session-cancel", "training-session", session_subject(session_id), core::trimmed(reason)});
    tx.commit();
    return {};
}

core::Result<void> TrainingService::move_session(const Actor& actor, std::int64_t session_id,
                                                 int version, domain::SessionForm form) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto s = take_to_change(sql, session_id, "A cancelled session cannot be moved");
    if (!s) return std::unexpected(s.error());
    if (has_started(*s, now))
        return core::fail(core::ErrorKind::Conflict, "The session has started, so it cannot move");
    // Places are changed on their own (set_capacity), which fills them from the waitlist.
    form.capacity = std::to_string(s->capacity);
    if (s->version != version)
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this session while you were moving it. Nothing "
                          "was changed: check the session and move it again");
    auto moved = *s;
    if (auto placed = place_in_time(sql, form, now.today, moved); !placed)
        return std::unexpected(placed.error());
    if (moved.first_day == now.today.iso() && moved.start_minutes <= now.minutes)
        return std::unexpected(
            core::Error::invalid({{"start", "The new start time has passed: choose a later one"}}));
    store::training_sessions::move(sql, moved);
    *s = *store::training_sessions::find(sql, session_id);
    // A new booking deadline can reopen booking; people waiting come before anyone new.
    fill_places(sql, teller(), *s, now, actor.user_id());
    for (const auto& b : store::bookings::for_session(sql, session_id)) {
        if (domain::is_live(state_in(b))) tell(sql, teller(), *s, b.id, "moved");
    }
    record_audit(sql, clock_, actor,
                 {"session-move", "training-session", session_subject(session_id),
                  session_when(*s) + ", " + s->venue.name});
    tx.commit();
    return {};
}

core::Result<void> TrainingService::mark_attendance(const Actor& actor, std::int64_t booking_id,
                                                    const std::string& state) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto event = state == "attended"          ? std::optional{BookingEvent::MarkAttended}
                 : state == "partly-attended" ? std::optional{BookingEvent::MarkPartlyAttended}
                 : state == "no-show"         ? std::optional{BookingEvent::MarkNoShow}
                                              : std::nullopt;
    if (!event)
        return std::unexpected(core::Error::invalid(
            {{"attendance", "Choose attended, partly attended or did not attend"}}));
    auto now = now_of(clock_);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto b = store::bookings::find(sql, booking_id);
    if (!b) return core::fail(core::ErrorKind::NotFound, "There is no such booking");
    auto s = store::training_sessions::find(sql, b->session_id);
    auto first = training_state(*s).times.first_day;
    if (now.today < first || (now.today == first && now.minutes < s->start_minutes))
        return core::fail(core::ErrorKind::Conflict,
                          "Attendance is marked once the session has started");
    auto to = domain::next_state(state_in(*b), *event);
    if (!to) return core::fail(core::ErrorKind::Conflict, "Only people with a place can attend");
    store::Transaction tx{lease};
    if (!store::bookings::move(sql, booking_id, b->state, code(*to), "", actor.user_id(),
                               now.stored))
        return core::fail(core::ErrorKind::Conflict, "Someone else changed this booking first");
    record_audit(sql, clock_, actor,
                 {"booking-attendance", "booking", std::to_string(booking_id), code(*to)});
    tx.commit();
    return {};
}

core::Result<std::vector<store::BookingChange>> TrainingService::history(const Actor& actor,
                                                                         std::int64_t booking_id) {
    auto lease = db_.lease();
    auto b = store::bookings::find(lease.sql(), booking_id);
    if (!b) return core::fail(core::ErrorKind::NotFound, "There is no such booking");
    if (!runs_training(actor) && !(b->user_id && actor.user_id() == b->user_id))
        return core::fail(core::ErrorKind::Forbidden, "This is not your booking");
    return store::bookings::history(lease.sql(), booking_id);
}

std::vector<BookingOnSession> TrainingService::my_bookings(const Actor& actor) {
    if (!actor.user) return {};
    auto lease = db_.lease();
    auto& sql = lease.sql();
    std::vector<BookingOnSession> out;
    for (const auto& b : store::bookings::for_user(sql, actor.user->id)) {
        if (auto s = store::training_sessions::find(sql, b.session_id)) out.push_back({b, *s});
    }
    return out;
}

domain::SessionStatus TrainingService::status_of(
    const store::TrainingSessionRecord& session) const {
    auto now = now_of(clock_);
    return domain::session_status(training_state(session), now.today, now.minutes);
}

core::Result<std::vector<BookingOnSession>> TrainingService::awaiting_approval(const Actor& actor) {
    if (!actor.has_role(domain::Role::TeamManager) || actor.user->team_ids().empty())
        return core::fail(core::ErrorKind::Forbidden, "Only team managers approve bookings");
    auto lease = db_.lease();
    auto& sql = lease.sql();
    std::vector<BookingOnSession> out;
    for (const auto& b : store::bookings::requested_in_teams(sql, actor.user->team_ids())) {
        // Their own request waits for another manager.
        if (b.user_id == actor.user->id) continue;
        if (auto s = store::training_sessions::find(sql, b.session_id)) out.push_back({b, *s});
    }
    return out;
}

core::Result<std::string> TrainingService::calendar_file(const Actor& actor,
                                                         std::int64_t booking_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto b = store::bookings::find(sql, booking_id);
    if (!b) return core::fail(core::ErrorKind::NotFound, "There is no such booking");
    if (!runs_training(actor) && !(b->user_id && actor.user_id() == b->user_id))
        return core::fail(core::ErrorKind::Forbidden, "This is not your booking");
    auto s = store::training_sessions::find(sql, b->session_id);
    auto state = state_in(*b);
    bool cancelled = !domain::holds_place(state);
    auto ics = calendar_of(*s, *b, cancelled, teller());
    // A download is published, not sent: the reader's calendar adds or updates it.
    auto method = ics.find(cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST");
    if (method != std::string::npos) ics.replace(method, cancelled ? 13 : 14, "METHOD:PUBLISH");
    return ics;
}

core::Result<std::vector<TrainedRow>> TrainingService::trained(const Actor& actor) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto satisfies = satisfies_map(sql);
    std::map<std::int64_t, std::string> titles;
    for (const auto& c : store::courses::all(sql)) titles[c.id] = c.title;
    std::vector<TrainedRow> out;
    for (const auto& a : store::bookings::attended(sql)) {
        out.push_back(
            {a.user_id, a.name, a.team_or_organisation, a.email, a.course_title, "", a.on});
        for (auto covered : domain::satisfied_by(a.course_id, satisfies))
            out.push_back({a.user_id, a.name, a.team_or_organisation, a.email, titles[covered],
                           a.course_title, a.on});
    }
    return out;
}

core::Result<WorkforceView> TrainingService::workforce(const Actor& actor) {
    auto trained_rows = trained(actor);
    if (!trained_rows) return std::unexpected(trained_rows.error());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    WorkforceView out;
    for (const auto& c : store::courses::all(sql)) out.courses.push_back(c.title);
    // Who is trained in what, by user.
    std::map<std::int64_t, std::set<std::string>> has;
    for (const auto& t : *trained_rows) {
        if (t.user_id) has[*t.user_id].insert(t.course);
    }
    std::map<std::pair<std::string, std::string>, WorkforceRow> rows;
    for (const auto& u : store::users::list(sql)) {
        if (!u.active) continue;
        auto team = u.team_name.empty() ? std::string{"No team"} : u.team_name;
        auto role = std::string{domain::role_label(u.role)};
        auto& row = rows[{team, role}];
        if (row.staff == 0) {
            row.team = team;
            row.role = role;
            row.trained.assign(out.courses.size(), 0);
        }
        ++row.staff;
        for (std::size_t i = 0; i < out.courses.size(); ++i) {
            if (has[u.id].contains(out.courses[i])) ++row.trained[i];
        }
    }
    for (auto& [key, row] : rows) out.rows.push_back(std::move(row));
    return out;
}

core::Result<std::vector<store::UserRecord>> TrainingService::staff(const Actor& actor) {
    if (auto refused = unless_training(actor)) return std::unexpected(*refused);
    auto lease = db_.lease();
    std::vector<store::UserRecord> out;
    for (auto& u : store::users::list(lease.sql())) {
        if (u.active) out.push_back(std::move(u));
    }
    return out;
}

}  // namespace signs::service
