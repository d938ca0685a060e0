#include "domain/meetings/icalendar.hpp"

#include <cstdio>

namespace signs::domain {
namespace {

// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on
// the last Sunday of October.
constexpr const char* kLondon =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:BST\r\n"
    "DTSTART:19810329T010000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "TZNAME:GMT\r\n"
    "DTSTART:19961027T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/// Splits a content line into pieces of at most 75 octets, never inside a UTF-8 character.
std::string folded(const std::string& line) {
    std::string out;
    std::size_t start = 0, limit = 75;
    while (line.size() - start > limit) {
        auto cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out += line.substr(start, cut - start) + "\r\n ";
        start = cut;
        limit = 74;  // the leading space counts
    }
    return out + line.substr(start) + "\r\n";
}

/// A parameter value: quoted, with the double quotes it may not hold taken out.
std::string param_value(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c != '"' && c != '\r' && c != '\n') out += c;
    }
    return out + "\"";
}

std::string local_time(core::CivilDate on, int minutes) {
    auto ymd = on.ymd();
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d00", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  minutes / 60, minutes % 60);
    return text;
}

}  // namespace

std::string ics_text(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
            out += c;
        }
    }
    return out;
}

std::string invitation_ics(const CalendarInvite& invite) {
    std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//signs//meetings//EN\r\n";
    out += "CALSCALE:GREGORIAN\r\nMETHOD:" + invite.method + "\r\n";
    out += kLondon;
    out += "BEGIN:VEVENT\r\n";
    out += folded("UID:" + invite.uid);
    out += "SEQUENCE:" + std::to_string(invite.sequence) + "\r\n";
    out += "DTSTAMP:" + invite.stamp + "\r\n";
    out += "DTSTART;TZID=Europe/London:" + local_time(invite.on, invite.start_minutes) + "\r\n";
    out += "DTEND;TZID=Europe/London:" + local_time(invite.on, invite.end_minutes) + "\r\n";
    // A course over consecutive days is one event repeated, at the same London times each day.
    if (invite.days > 1) out += "RRULE:FREQ=DAILY;COUNT=" + std::to_string(invite.days) + "\r\n";
    out += folded("SUMMARY:" + ics_text(invite.summary));
    if (!invite.location.empty()) out += folded("LOCATION:" + ics_text(invite.location));
    if (!invite.description.empty()) out += folded("DESCRIPTION:" + ics_text(invite.description));
    out += std::string{"STATUS:"} + (invite.cancelled ? "CANCELLED" : "CONFIRMED") + "\r\n";
    if (!invite.organizer.email.empty())
        out += folded("ORGANIZER;CN=" + param_value(invite.organizer.name) +
                      ":mailto:" + invite.organizer.email);
    for (const auto& person : invite.attendees) {
        if (person.email.empty()) continue;
        out += folded("ATTENDEE;CN=" + param_value(person.name) +
                      ";ROLE=REQ-PARTICIPANT:mailto:" + person.email);
    }
    out += "END:VEVENT\r\nEND:VCALENDAR\r\n";
    return out;
}

}  // namespace signs::domain
