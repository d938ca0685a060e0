#pragma once
/// A place on a training session, and the only ways it may change. Every change is a
/// transition in one table, so a page, the API and the waitlist all go through the same
/// rules, and each is kept in the booking's history with who made it and when.
///
/// A booking that needs the line manager's approval starts "requested" and holds no place;
/// once approved it takes a place or joins the waitlist, so nobody is ever promoted from the
/// waitlist past an approval they still need.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace signs::domain {

enum class BookingState {
    Requested,             ///< waiting for the line manager
    Declined,              ///< the line manager said no
    Booked,                ///< holds a place
    Waitlisted,            ///< waits, in order, for a place
    CancelledByPerson,     ///< cancelled, or left the waitlist
    CancelledWithSession,  ///< the session was cancelled
    Attended,
    PartlyAttended,
    NoShow,
};

std::string_view booking_state_code(BookingState state);   ///< "cancelled-by-person"
std::string_view booking_state_label(BookingState state);  ///< "Cancelled by the person"
std::optional<BookingState> parse_booking_state(std::string_view code);
std::span<const BookingState> all_booking_states();

/// What moves a booking on. The line manager's approval is TakePlace or JoinWaitlist,
/// whichever the session allows at that moment.
enum class BookingEvent {
    Decline,       ///< the line manager does not approve
    TakePlace,     ///< a place is free (an approval, or a promotion from the waitlist)
    JoinWaitlist,  ///< approved, but no place is free
    Cancel,        ///< the person (or an administrator for them) cancels or leaves the waitlist
    SessionCancelled,
    MarkAttended,
    MarkPartlyAttended,
    MarkNoShow,
};

/// The state `event` takes a booking in `from` to, or nothing when it may not happen.
std::optional<BookingState> next_state(BookingState from, BookingEvent event);
/// Where a new booking starts: waiting for approval, with a place, or on the waitlist.
BookingState first_state(bool needs_approval, bool place_free);

/// Holds a place on the session (counts against its capacity).
bool holds_place(BookingState state);
/// Still live: requested, booked or waitlisted.
bool is_live(BookingState state);
/// Made the person trained in the course (and every course it satisfies).
bool counts_as_trained(BookingState state);

}  // namespace signs::domain
