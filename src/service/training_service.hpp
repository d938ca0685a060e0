#pragma once
/// Courses, venues, sessions and bookings. Any member of staff books themself; training
/// administrators run the catalogue and book for others, partners without an account
/// included; team managers approve their team's bookings where a course asks for it.
///
/// Every booking change takes the session's row first and moves `holding` with the places,
/// inside one transaction, so capacity holds against any number of people clicking at once on
/// any number of nodes; freed places go to the waitlist, first come first served, in the same
/// transaction. Each change queues its email (with the calendar file) in the outbox.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/meetings/icalendar.hpp"
#include "domain/training/booking.hpp"
#include "domain/training/course.hpp"
#include "domain/training/session.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"
#include "store/training_repository.hpp"

namespace signs::service {

/// Training administrators (and system administrators, who set the service up).
bool runs_training(const Actor& actor);

/// "24 April 2027, 9:30am to 1pm", or over several days "1 March 2027 to 2 March 2027, ...
/// each day".
std::string session_when(const store::TrainingSessionRecord& session);

/// The session's days, times, places and state as the domain rules read them.
domain::TrainingSession training_state(const store::TrainingSessionRecord& session);

struct SessionView {
    store::TrainingSessionRecord session;
    store::CourseRecord course;
    domain::SessionStatus status = domain::SessionStatus::Open;
    std::optional<store::BookingRecord> mine;  ///< the actor's live booking, if any
    std::string covered_by;  ///< a course the actor has (or is booked on) that covers this one
    std::vector<store::BookingRecord> bookings;  ///< everyone's, for training administrators
    bool manages = false;
};

/// Who a training administrator books: a member of staff, or a partner without an account.
struct BookFor {
    std::optional<std::int64_t> user_id;
    std::string name, organisation, email;
    std::string override_reason;  ///< given to book someone a course already covers
};

/// A booking with the session it is on.
struct BookingOnSession {
    store::BookingRecord booking;
    store::TrainingSessionRecord session;
};

/// Someone trained in a course: by attending it, or (`through`) a course that covers it.
struct TrainedRow {
    std::optional<std::int64_t> user_id;
    std::string name, team_or_organisation, email, course, through, on;
};

/// For one team and role: how many staff, and how many are trained in each course.
struct WorkforceRow {
    std::string team, role;
    int staff = 0;
    std::vector<int> trained;  ///< one per course, in the order of WorkforceView::courses
};
struct WorkforceView {
    std::vector<std::string> courses;
    std::vector<WorkforceRow> rows;
};

struct BookingOutcome {
    std::int64_t booking_id = 0;
    domain::BookingState state = domain::BookingState::Booked;
};

class TrainingService {
  public:
    /// `organizer` is named in every calendar invitation: who people reply to.
    TrainingService(store::Database& db, const core::Clock& clock, domain::CalendarPerson organizer)
        : db_(db), clock_(clock), organizer_(std::move(organizer)) {}

    std::vector<store::CourseRecord> courses();
    std::optional<store::CourseRecord> course(std::int64_t course_id);
    core::Result<std::int64_t> add_course(const Actor& actor, const domain::CourseForm& form,
                                          bool needs_approval);
    /// A course's details and what it covers, as read at `version`. A course cannot come to
    /// cover a course that covers it. Bookings already made are not asked for approval again.
    core::Result<void> change_course(const Actor& actor, std::int64_t course_id, int version,
                                     const domain::CourseForm& form, bool needs_approval);
    core::Result<std::vector<store::VenueRecord>> venues(const Actor& actor);
    core::Result<std::int64_t> add_venue(const Actor& actor, const domain::VenueForm& form);
    core::Result<std::int64_t> add_session(const Actor& actor, std::int64_t course_id,
                                           const domain::SessionForm& form);

    /// Upcoming sessions, soonest first (public: no sign-in needed), and past ones.
    /// Names everything the list of sessions coming up is drawn from, to the minute (a
    /// session closes as it starts).
    std::string upcoming_stamp();
    /// As `upcoming_stamp`, for the pages a signed-in person sees: their own bookings and
    /// what their training covers are theirs alone, and people who run training also see
    /// the staff they can book.
    std::string page_stamp(const Actor& actor);
    std::vector<store::TrainingSessionRecord> upcoming(int limit = 200);
    std::vector<store::TrainingSessionRecord> past(int limit = 50);
    core::Result<SessionView> session(const Actor& actor, std::int64_t session_id);

    /// Books the actor themself. A course they are trained in or booked on already covers is
    /// refused (a training administrator can override, with a reason, through book_for).
    core::Result<BookingOutcome> book(const Actor& actor, std::int64_t session_id);
    /// A training administrator books someone: until the session's last day is over, so that
    /// someone who turns up on the day can be added to the register.
    core::Result<BookingOutcome> book_for(const Actor& actor, std::int64_t session_id,
                                          const BookFor& who);
    /// Cancels a booking or leaves the waitlist: the person themself or a training
    /// administrator. Close to the day a reason is needed. Freed places go to the waitlist.
    core::Result<void> cancel(const Actor& actor, std::int64_t booking_id,
                              const std::string& reason);
    /// A team manager approves or declines a booking by someone in their team.
    core::Result<domain::BookingState> decide(const Actor& actor, std::int64_t booking_id,
                                              bool approve);
    /// Bookings by people in the team manager's team waiting for approval.
    core::Result<std::vector<BookingOnSession>> awaiting_approval(const Actor& actor);
    /// New capacity; returns how many were moved up from the waitlist.
    core::Result<int> set_capacity(const Actor& actor, std::int64_t session_id,
                                   const std::string& capacity);
    core::Result<void> cancel_session(const Actor& actor, std::int64_t session_id,
                                      const std::string& reason);
    /// A new day, times or venue (not places) before the session starts. Everyone booked,
    /// waiting or asking is told; the calendar entries of those with a place are updated
    /// under their UID with a higher SEQUENCE.
    /// `version` is the session's as the form was read; a change since is refused. Places
    /// free when the move reopens booking go to the waitlist first.
    core::Result<void> move_session(const Actor& actor, std::int64_t session_id, int version,
                                    domain::SessionForm form);
    /// "attended", "partly-attended" or "no-show", once the session has started.
    core::Result<void> mark_attendance(const Actor& actor, std::int64_t booking_id,
                                       const std::string& state);
    core::Result<std::vector<store::BookingChange>> history(const Actor& actor,
                                                            std::int64_t booking_id);
    /// Active staff, for a training administrator to book.
    core::Result<std::vector<store::UserRecord>> staff(const Actor& actor);
    /// Everyone trained, in each course they attended and each it covers.
    core::Result<std::vector<TrainedRow>> trained(const Actor& actor);
    /// Active staff by team and role, and how many of them are trained in each course.
    core::Result<WorkforceView> workforce(const Actor& actor);
    /// The booking's calendar entry, for its person or a training administrator.
    core::Result<std::string> calendar_file(const Actor& actor, std::int64_t booking_id);
    /// The actor's own bookings.
    std::vector<BookingOnSession> my_bookings(const Actor& actor);
    /// Open, full, closed or cancelled, now.
    domain::SessionStatus status_of(const store::TrainingSessionRecord& session) const;

    /// What every message to a person needs besides the database.
    struct Teller {
        const core::Clock& clock;
        const domain::CalendarPerson& organizer;
    };

  private:
    Teller teller() const { return {clock_, organizer_}; }

    store::Database& db_;
    const core::Clock& clock_;
    domain::CalendarPerson organizer_;
};

}  // namespace signs::service
