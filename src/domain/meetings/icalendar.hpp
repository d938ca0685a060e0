#pragma once
/// A meeting as an iCalendar object (RFC 5545), for people's own calendars. The UID stays the
/// same for the life of the meeting, so that a calendar replaces its copy when the meeting
/// moves (a higher SEQUENCE) and removes it when the meeting is cancelled. Times are written
/// in Europe/London with the zone's rules included, so they stay right across the clocks
/// changing whatever zone the reader's calendar is in.
#include <string>
#include <vector>

#include "core/civil_date.hpp"

namespace signs::domain {

struct CalendarPerson {
    std::string name;
    std::string email;
};

struct CalendarInvite {
    std::string method = "PUBLISH";  ///< "PUBLISH" for a download; "REQUEST" or "CANCEL" by email
    std::string uid;
    int sequence = 0;
    bool cancelled = false;
    std::string summary;
    std::string location;
    std::string description;
    core::CivilDate on{date::year_month_day{date::year{1970}, date::month{1}, date::day{1}}};
    int start_minutes = 0;  ///< London wall-clock minutes after midnight
    int end_minutes = 0;
    int days = 1;                           ///< consecutive days at the same times (a 2-day course)
    std::string stamp;                      ///< when the file was made, UTC, as "20261126T093000Z"
    CalendarPerson organizer;               ///< left out when it has no email
    std::vector<CalendarPerson> attendees;  ///< those without an email are left out
};

/// The whole VCALENDAR, lines ended with CRLF and folded at 75 octets.
std::string invitation_ics(const CalendarInvite& invite);

/// Text as an iCalendar TEXT value: backslashes, semicolons, commas and line breaks escaped.
std::string ics_text(const std::string& text);

}  // namespace signs::domain
