#include "domain/training/session.hpp"

#include <algorithm>

#include "core/validation.hpp"
#include "domain/casework/address.hpp"

namespace signs::domain {

core::Result<CheckedVenue> check_venue(const VenueForm& form) {
    core::FieldChecks checks;
    checks.text("name", form.name, "Enter the venue's name", "The name", 100);
    checks.text("address", form.address, "Enter the venue's address", "The address", 300);
    checks.optional_text("access", form.access, "The access notes", 1000);
    auto postcode = normalise_postcode(form.postcode);
    if (core::trimmed(form.postcode).empty())
        checks.add("postcode", "Enter the venue's postcode");
    else if (!postcode)
        checks.add("postcode", "Enter a real postcode, like SK11 8RH");
    if (!checks.ok()) return std::unexpected(checks.error());
    return CheckedVenue{core::trimmed(form.name), core::trimmed(form.address), *postcode,
                        core::trimmed(form.access)};
}

core::Result<SessionTimes> check_session(const SessionForm& form, core::CivilDate today) {
    core::FieldChecks checks;
    SessionTimes out{today, 1, 0, 0, 0, std::nullopt};
    auto first = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!first)
        checks.add("date-day", "Enter the date of the session, like 24 4 2027");
    else if (*first < today)
        checks.add("date-day", "The session must be today or later");
    else if (*first > today.plus_days(731))
        checks.add("date-day", "The session must be within two years");
    else
        out.first_day = *first;
    auto days = core::trimmed(form.days).empty() ? std::optional<int>{1}
                                                 : core::whole_number_in(form.days, 1, kMostDays);
    if (!days)
        checks.add("days", "A session runs on 1 to 5 consecutive days");
    else
        out.days = *days;
    auto start = core::clock_minutes(form.start_hour, form.start_minute);
    auto end = core::clock_minutes(form.end_hour, form.end_minute);
    if (!start)
        checks.add("start-hour", "Enter the start time on the 24-hour clock, like 9 30 or 14 00");
    if (!end) checks.add("end-hour", "Enter the end time on the 24-hour clock, like 13 00");
    if (start && end && *end <= *start)
        checks.add("end-hour", "The session must end after it starts");
    if (start) out.start_minutes = *start;
    if (end) out.end_minutes = *end;
    if (auto places = check_capacity(form.capacity, 0))
        out.capacity = *places;
    else
        checks.add("capacity", places.error().message);
    bool any_deadline =
        !(core::trimmed(form.deadline_day).empty() && core::trimmed(form.deadline_month).empty() &&
          core::trimmed(form.deadline_year).empty());
    if (any_deadline) {
        auto deadline =
            core::CivilDate::from_parts(form.deadline_day, form.deadline_month, form.deadline_year);
        if (!deadline)
            checks.add("deadline-day",
                       "Enter the last day for booking, like 17 4 2027, or leave it empty");
        else if (*deadline < today)
            checks.add("deadline-day", "The last day for booking must be today or later");
        else if (first && *deadline > *first)
            checks.add("deadline-day", "The last day for booking must be on or before the session");
        else
            out.booking_deadline = *deadline;
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return out;
}

core::Result<int> check_capacity(std::string_view text, int holding) {
    if (core::trimmed(text).empty())
        return core::fail(core::ErrorKind::Invalid, "Enter how many places the session has");
    auto places = core::whole_number_in(text, 1, kMostPlaces);
    if (!places)
        return core::fail(core::ErrorKind::Invalid,
                          "The number of places must be a whole number from 1 to 500");
    if (*places < holding)
        return core::fail(core::ErrorKind::Invalid,
                          "The session already has " + std::to_string(holding) +
                              " people booked: cancel bookings first to have fewer places");
    return *places;
}

std::string_view session_status_label(SessionStatus status) {
    switch (status) {
        case SessionStatus::Open:
            return "Open";
        case SessionStatus::Full:
            return "Full";
        case SessionStatus::Closed:
            return "Closed";
        case SessionStatus::Cancelled:
            return "Cancelled";
    }
    return "";
}

bool taking_bookings(const TrainingSession& s, core::CivilDate today, int now_minutes) {
    if (s.cancelled || s.closed) return false;
    if (s.times.booking_deadline && today > *s.times.booking_deadline) return false;
    if (today > s.times.first_day) return false;
    return !(today == s.times.first_day && now_minutes >= s.times.start_minutes);
}

SessionStatus session_status(const TrainingSession& s, core::CivilDate today, int now_minutes) {
    if (s.cancelled) return SessionStatus::Cancelled;
    if (!taking_bookings(s, today, now_minutes)) return SessionStatus::Closed;
    return s.holding >= s.times.capacity ? SessionStatus::Full : SessionStatus::Open;
}

int places_to_fill(const TrainingSession& s, int waiting, core::CivilDate today, int now_minutes) {
    if (!taking_bookings(s, today, now_minutes)) return 0;
    return std::clamp(s.times.capacity - s.holding, 0, std::max(waiting, 0));
}

bool late_cancellation(const SessionTimes& times, core::CivilDate today) {
    return times.first_day <= today.plus_days(kLateCancellationDays);
}

}  // namespace signs::domain
