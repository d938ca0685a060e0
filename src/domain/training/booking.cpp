#include "domain/training/booking.hpp"

#include <algorithm>
#include <array>

namespace signs::domain {
namespace {

struct StateText {
    BookingState state;
    std::string_view code;
    std::string_view label;
};

constexpr std::array<StateText, 9> kStates = {{
    {BookingState::Requested, "requested", "Waiting for approval"},
    {BookingState::Declined, "declined", "Not approved"},
    {BookingState::Booked, "booked", "Booked"},
    {BookingState::Waitlisted, "waitlisted", "On the waiting list"},
    {BookingState::CancelledByPerson, "cancelled-by-person", "Cancelled"},
    {BookingState::CancelledWithSession, "cancelled-with-session", "Session cancelled"},
    {BookingState::Attended, "attended", "Attended"},
    {BookingState::PartlyAttended, "partly-attended", "Partly attended"},
    {BookingState::NoShow, "no-show", "Did not attend"},
}};

constexpr std::array<BookingState, 9> kAll = {
    BookingState::Requested,  BookingState::Declined,          BookingState::Booked,
    BookingState::Waitlisted, BookingState::CancelledByPerson, BookingState::CancelledWithSession,
    BookingState::Attended,   BookingState::PartlyAttended,    BookingState::NoShow};

struct Transition {
    BookingState from;
    BookingEvent event;
    BookingState to;
};

using S = BookingState;
using E = BookingEvent;

// Every allowed change. Anything not listed is refused. Attendance may be corrected after
// it is marked; a cancelled or declined booking is over (a new booking starts again).
constexpr Transition kTransitions[] = {
    {S::Requested, E::TakePlace, S::Booked},
    {S::Requested, E::JoinWaitlist, S::Waitlisted},
    {S::Requested, E::Decline, S::Declined},
    {S::Requested, E::Cancel, S::CancelledByPerson},
    {S::Requested, E::SessionCancelled, S::CancelledWithSession},
    {S::Booked, E::Cancel, S::CancelledByPerson},
    {S::Booked, E::SessionCancelled, S::CancelledWithSession},
    {S::Booked, E::MarkAttended, S::Attended},
    {S::Booked, E::MarkPartlyAttended, S::PartlyAttended},
    {S::Booked, E::MarkNoShow, S::NoShow},
    {S::Waitlisted, E::TakePlace, S::Booked},
    {S::Waitlisted, E::Cancel, S::CancelledByPerson},
    {S::Waitlisted, E::SessionCancelled, S::CancelledWithSession},
    {S::Attended, E::MarkPartlyAttended, S::PartlyAttended},
    {S::Attended, E::MarkNoShow, S::NoShow},
    {S::PartlyAttended, E::MarkAttended, S::Attended},
    {S::PartlyAttended, E::MarkNoShow, S::NoShow},
    {S::NoShow, E::MarkAttended, S::Attended},
    {S::NoShow, E::MarkPartlyAttended, S::PartlyAttended},
};

const StateText& text_of(BookingState state) { return kStates[static_cast<std::size_t>(state)]; }

}  // namespace

std::string_view booking_state_code(BookingState state) { return text_of(state).code; }
std::string_view booking_state_label(BookingState state) { return text_of(state).label; }

std::optional<BookingState> parse_booking_state(std::string_view code) {
    for (const auto& s : kStates) {
        if (s.code == code) return s.state;
    }
    return std::nullopt;
}

std::span<const BookingState> all_booking_states() { return kAll; }

std::optional<BookingState> next_state(BookingState from, BookingEvent event) {
    for (const auto& t : kTransitions) {
        if (t.from == from && t.event == event) return t.to;
    }
    return std::nullopt;
}

BookingState first_state(bool needs_approval, bool place_free) {
    if (needs_approval) return S::Requested;
    return place_free ? S::Booked : S::Waitlisted;
}

bool holds_place(BookingState state) {
    return state == S::Booked || state == S::Attended || state == S::PartlyAttended ||
           state == S::NoShow;
}

bool is_live(BookingState state) {
    return state == S::Requested || state == S::Booked || state == S::Waitlisted;
}

bool counts_as_trained(BookingState state) { return state == S::Attended; }

}  // namespace signs::domain
