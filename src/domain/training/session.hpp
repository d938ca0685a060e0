#pragma once
/// A session of a course: its days, times (London wall clock), venue and places, and when
/// booking and the waitlist stop. A session runs on one day or on consecutive days at the
/// same times (the 2-day course).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/error.hpp"

namespace signs::domain {

struct VenueForm {
    std::string name, address, postcode, access;
};
struct CheckedVenue {
    std::string name, address, postcode, access;
};
/// A name (at most 100 characters), an address (300), a UK postcode, and optional access
/// notes (1,000): step-free entry, parking, the nearest station.
core::Result<CheckedVenue> check_venue(const VenueForm& form);

struct SessionForm {
    std::string day, month, year;
    std::string days;  ///< how many consecutive days, "1" when empty
    std::string start_hour, start_minute, end_hour, end_minute;
    std::string venue;                                        ///< a venue's id
    std::string capacity;                                     ///< places
    std::string deadline_day, deadline_month, deadline_year;  ///< optional booking deadline
};

struct SessionTimes {
    core::CivilDate first_day{date::year_month_day{date::year{1970}, date::January, date::day{1}}};
    int days = 1;
    int start_minutes = 0;  ///< London wall clock, each day
    int end_minutes = 0;
    int capacity = 0;
    std::optional<core::CivilDate> booking_deadline;
};

inline constexpr int kMostPlaces = 500;
inline constexpr int kMostDays = 5;

/// A real first day from today to two years ahead, 1 to 5 days, an end after the start,
/// 1 to 500 places, and a booking deadline (if any) from today to the first day. Errors use
/// "date-day", "days", "start-hour", "end-hour", "capacity" and "deadline-day". The venue is
/// the caller's to check.
core::Result<SessionTimes> check_session(const SessionForm& form, core::CivilDate today);

/// Places from 1 to 500, and no fewer than `holding` (the places already taken).
core::Result<int> check_capacity(std::string_view text, int holding);

/// Open, full, closed (booking has ended, or an administrator closed it) or cancelled.
enum class SessionStatus { Open, Full, Closed, Cancelled };
std::string_view session_status_label(SessionStatus status);

struct TrainingSession {
    SessionTimes times;
    bool cancelled = false;
    bool closed = false;  ///< closed by an administrator
    int holding = 0;      ///< bookings holding a place
};

/// Whether people may still book or be moved up from the waitlist at `today` and
/// `now_minutes` (London): not after the booking deadline, not once the session has started.
bool taking_bookings(const TrainingSession& session, core::CivilDate today, int now_minutes);
SessionStatus session_status(const TrainingSession& session, core::CivilDate today,
                             int now_minutes);
/// How many of `waiting` to move up from the waitlist: exactly the places free, and none
/// once bookings have stopped.
int places_to_fill(const TrainingSession& session, int waiting, core::CivilDate today,
                   int now_minutes);
/// A cancellation this close to the first day (in days) asks for a reason.
inline constexpr int kLateCancellationDays = 5;
bool late_cancellation(const SessionTimes& times, core::CivilDate today);

}  // namespace signs::domain
