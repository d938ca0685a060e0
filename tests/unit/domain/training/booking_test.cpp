// The booking state machine: every transition allowed, and everything else refused.
#include "domain/training/booking.hpp"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace signs::domain {
namespace {

using S = BookingState;
using E = BookingEvent;

constexpr E kEvents[] = {
    E::Decline,          E::TakePlace,    E::JoinWaitlist,       E::Cancel,
    E::SessionCancelled, E::MarkAttended, E::MarkPartlyAttended, E::MarkNoShow};

TEST(Bookings, OnlyTheListedTransitionsHappen) {
    const std::map<std::pair<S, E>, S> allowed = {
        {{S::Requested, E::Decline}, S::Declined},
        {{S::Requested, E::TakePlace}, S::Booked},
        {{S::Requested, E::JoinWaitlist}, S::Waitlisted},
        {{S::Requested, E::Cancel}, S::CancelledByPerson},
        {{S::Requested, E::SessionCancelled}, S::CancelledWithSession},
        {{S::Booked, E::Cancel}, S::CancelledByPerson},
        {{S::Booked, E::SessionCancelled}, S::CancelledWithSession},
        {{S::Booked, E::MarkAttended}, S::Attended},
        {{S::Booked, E::MarkPartlyAttended}, S::PartlyAttended},
        {{S::Booked, E::MarkNoShow}, S::NoShow},
        {{S::Waitlisted, E::TakePlace}, S::Booked},
        {{S::Waitlisted, E::Cancel}, S::CancelledByPerson},
        {{S::Waitlisted, E::SessionCancelled}, S::CancelledWithSession},
        {{S::Attended, E::MarkPartlyAttended}, S::PartlyAttended},
        {{S::Attended, E::MarkNoShow}, S::NoShow},
        {{S::PartlyAttended, E::MarkAttended}, S::Attended},
        {{S::PartlyAttended, E::MarkNoShow}, S::NoShow},
        {{S::NoShow, E::MarkAttended}, S::Attended},
        {{S::NoShow, E::MarkPartlyAttended}, S::PartlyAttended},
    };
    int checked = 0;
    for (auto from : all_booking_states()) {
        for (auto event : kEvents) {
            auto it = allowed.find({from, event});
            auto to = next_state(from, event);
            if (it == allowed.end()) {
                EXPECT_FALSE(to) << booking_state_code(from) << " " << static_cast<int>(event);
            } else {
                EXPECT_EQ(to, it->second) << booking_state_code(from);
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 9 * 8);
    // In particular: a waitlisted person cannot attend, and nothing brings back a
    // cancellation or a refusal.
    EXPECT_FALSE(next_state(S::Waitlisted, E::MarkAttended));
    EXPECT_FALSE(next_state(S::CancelledByPerson, E::TakePlace));
    EXPECT_FALSE(next_state(S::Declined, E::TakePlace));
    EXPECT_FALSE(next_state(S::CancelledWithSession, E::Cancel));
}

TEST(Bookings, ANewBookingStartsWaitingForApprovalOrWithAPlaceOrOnTheWaitlist) {
    EXPECT_EQ(first_state(true, true), S::Requested);
    EXPECT_EQ(first_state(true, false), S::Requested);  // approval comes before any place
    EXPECT_EQ(first_state(false, true), S::Booked);
    EXPECT_EQ(first_state(false, false), S::Waitlisted);
}

TEST(Bookings, StatesHaveStableCodesAndSayWhatTheyMean) {
    for (auto state : all_booking_states()) {
        EXPECT_EQ(parse_booking_state(booking_state_code(state)), state);
        EXPECT_FALSE(booking_state_label(state).empty());
    }
    EXPECT_EQ(parse_booking_state("Booked"), std::nullopt);
    EXPECT_TRUE(holds_place(S::Booked));
    EXPECT_FALSE(holds_place(S::Waitlisted));
    EXPECT_FALSE(holds_place(S::Requested));
    EXPECT_TRUE(is_live(S::Waitlisted));
    EXPECT_FALSE(is_live(S::NoShow));
    EXPECT_TRUE(counts_as_trained(S::Attended));
    EXPECT_FALSE(counts_as_trained(S::PartlyAttended));
}

}  // namespace
}  // namespace signs::domain
