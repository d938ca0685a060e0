// The iCalendar file: the fields calendars rely on, escaping, folding, and the London zone.
#include "domain/meetings/icalendar.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

CalendarInvite an_invite() {
    CalendarInvite invite;
    invite.uid = "abc123@signs";
    invite.sequence = 2;
    invite.summary = "Core group meeting: Carter family";
    invite.location = "Town Hall, room 4; second floor";
    invite.on = *core::CivilDate::parse_iso("2027-03-28");  // the clocks go forward
    invite.start_minutes = 9 * 60 + 30;
    invite.end_minutes = 11 * 60;
    invite.stamp = "20261126T093000Z";
    invite.attendees = {{"Dana \"Dee\" Carter", "dana@example.org"}, {"No Email", ""}};
    return invite;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(Icalendar, WritesLondonTimesWithTheZoneRules) {
    auto ics = invitation_ics(an_invite());
    EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
    EXPECT_TRUE(has(ics, "\r\nDTSTART;TZID=Europe/London:20270328T093000\r\n"));
    EXPECT_TRUE(has(ics, "\r\nDTEND;TZID=Europe/London:20270328T110000\r\n"));
    EXPECT_TRUE(has(ics, "\r\nTZID:Europe/London\r\n"));
    EXPECT_TRUE(has(ics, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    EXPECT_TRUE(has(ics, "\r\nUID:abc123@signs\r\n"));
    EXPECT_TRUE(has(ics, "\r\nSEQUENCE:2\r\n"));
    EXPECT_TRUE(has(ics, "\r\nDTSTAMP:20261126T093000Z\r\n"));
    EXPECT_TRUE(has(ics, "\r\nSTATUS:CONFIRMED\r\n"));
    EXPECT_TRUE(has(ics, "\r\nMETHOD:PUBLISH\r\n"));
    EXPECT_TRUE(has(ics, "LOCATION:Town Hall\\, room 4\\; second floor\r\n"));
    EXPECT_TRUE(has(ics, "ATTENDEE;CN=\"Dana Dee Carter\";ROLE=REQ-PARTICIPANT:mailto:dana@exa"));
    EXPECT_FALSE(has(ics, "No Email"));
    EXPECT_FALSE(has(ics, "ORGANIZER"));
}

TEST(Icalendar, ACourseOverConsecutiveDaysRepeatsDaily) {
    auto invite = an_invite();
    EXPECT_FALSE(has(invitation_ics(invite), "FREQ=DAILY"));
    invite.days = 2;
    auto ics = invitation_ics(invite);
    EXPECT_TRUE(has(ics, "\r\nRRULE:FREQ=DAILY;COUNT=2\r\n"));
    EXPECT_TRUE(has(ics, "\r\nDTEND;TZID=Europe/London:20270328T110000\r\n"));  // each day
}

TEST(Icalendar, ACancellationKeepsTheUid) {
    auto invite = an_invite();
    invite.cancelled = true;
    invite.method = "CANCEL";
    invite.sequence = 3;
    auto ics = invitation_ics(invite);
    EXPECT_TRUE(has(ics, "\r\nSTATUS:CANCELLED\r\n"));
    EXPECT_TRUE(has(ics, "\r\nMETHOD:CANCEL\r\n"));
    EXPECT_TRUE(has(ics, "\r\nUID:abc123@signs\r\n"));
    EXPECT_TRUE(has(ics, "\r\nSEQUENCE:3\r\n"));
}

TEST(Icalendar, EscapesTextAndFoldsLongLinesWithoutSplittingCharacters) {
    EXPECT_EQ(ics_text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    EXPECT_EQ(ics_text("bell\x07"), "bell");
    auto invite = an_invite();
    invite.description = std::string(60, 'x') + "\xC3\xA9" + std::string(200, 'y');  // é
    auto ics = invitation_ics(invite);
    std::size_t start = 0;
    while (start < ics.size()) {
        auto end = ics.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - start, 75u);
        start = end + 2;
    }
    EXPECT_TRUE(has(ics, "\r\n "));      // continuation lines
    EXPECT_FALSE(has(ics, "\xC3\r\n"));  // never between the bytes of one character
    std::string unfolded;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += ics[i];
    }
    EXPECT_TRUE(has(unfolded, "DESCRIPTION:" + invite.description + "\r\n"));
}

}  // namespace
}  // namespace signs::domain
