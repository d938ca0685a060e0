#include "domain/meetings/meeting.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/validation.hpp"
#include "domain/mapping/mapping.hpp"

namespace signs::domain {
namespace {

using L = ServiceLevel;
constexpr std::array kEarlyHelp = {L::EarlyHelp};
constexpr std::array kInNeedOrProtection = {L::ChildInNeed, L::ChildProtection};
constexpr std::array kProtection = {L::ChildProtection};
constexpr std::array kInNeed = {L::ChildInNeed};
constexpr std::array kCaredFor = {L::CaredFor};
constexpr std::array kCareLeaver = {L::CareLeaver};
constexpr std::array kEvery = {L::EarlyHelp, L::ChildInNeed, L::ChildProtection, L::CaredFor,
                               L::CareLeaver};

// A strategy discussion and an initial conference are held while a child is still in need
// (the enquiry decides whether protection is needed), and again for a child already on a plan.
// A pre-proceedings meeting follows the letter before proceedings; the first is the initial
// meeting, later ones review it. A family group decision-making meeting can be held at any
// level, and must be held in pre-proceedings when the family accepts the offer of one.
constexpr std::array<MeetingType, 11> kTypes = {{
    {"strategy-discussion", "Strategy discussion", kInNeedOrProtection, false},
    {"initial-conference", "Initial child protection conference", kInNeedOrProtection, true},
    {"review-conference", "Review child protection conference", kProtection, true},
    {"core-group", "Core group meeting", kProtection, false},
    {"child-in-need-review", "Child in need review", kInNeed, false},
    {"family-network", "Family network meeting", kEvery, false},
    {"family-group-decision", "Family group decision-making meeting", kEvery, false},
    {"pre-proceedings", "Pre-proceedings meeting", kInNeedOrProtection, false},
    {"team-around-family", "Early help review (team around the family)", kEarlyHelp, false},
    {"cared-for-review", "Cared-for review", kCaredFor, false},
    {"pathway-plan-review", "Pathway plan review", kCareLeaver, false},
}};

constexpr std::array<CodeLabel, 4> kAttendance = {{
    {"invited", "Invited"},
    {"attended", "Attended"},
    {"apologies", "Sent apologies"},
    {"absent", "Did not attend"},
}};

bool listed(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::span<const MeetingType> meeting_types() { return kTypes; }

const MeetingType* find_meeting_type(std::string_view code) {
    auto it =
        std::find_if(kTypes.begin(), kTypes.end(), [&](const auto& t) { return t.code == code; });
    return it == kTypes.end() ? nullptr : &*it;
}

std::vector<const MeetingType*> meeting_types_for(const std::vector<ServiceLevel>& levels) {
    std::vector<const MeetingType*> out;
    for (const auto& type : kTypes) {
        bool fits = std::any_of(levels.begin(), levels.end(), [&](ServiceLevel level) {
            return std::find(type.levels.begin(), type.levels.end(), level) != type.levels.end();
        });
        if (fits) out.push_back(&type);
    }
    return out;
}

std::span<const CodeLabel> attendance_codes() { return kAttendance; }

std::string clock_text(int minutes) {
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return two(minutes / 60) + ":" + two(minutes % 60);
}

core::Result<MeetingTimes> check_meeting(const MeetingForm& form,
                                         const std::vector<std::string>& types,
                                         const std::vector<std::string>& case_children,
                                         core::CivilDate earliest, core::CivilDate today) {
    core::FieldChecks checks;
    if (!listed(types, form.type))
        checks.add("type", "Select a kind of meeting held for these children");
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!on)
        checks.add("date-day", "Enter the date of the meeting as a real date, like 3 12 2026");
    else if (*on < earliest)
        checks.add("date-day",
                   "The meeting cannot be before the case was opened on " + earliest.long_text());
    else if (*on > today.plus_days(731))
        checks.add("date-day", "The meeting must be within two years");
    auto start = core::clock_minutes(form.start_hour, form.start_minute);
    auto end = core::clock_minutes(form.end_hour, form.end_minute);
    if (!start)
        checks.add("start-hour", "Enter the start time on the 24-hour clock, like 9 30 or 14 00");
    if (!end) checks.add("end-hour", "Enter the end time on the 24-hour clock, like 11 00");
    if (start && end && *end <= *start)
        checks.add("end-hour", "The meeting must end after it starts");
    if (form.remote == "yes")
        checks.optional_text("venue", form.venue, "The joining details", kMaxMeetingText);
    else
        checks.text("venue", form.venue, "Enter where the meeting is, or say it is held remotely",
                    "Where it is", kMaxMeetingText);
    checks.text("chair", form.chair, "Enter who chairs the meeting", "The chair's name",
                kMaxMeetingName);
    if (form.child_ids.empty()) checks.add("children", "Select the children the meeting is about");
    for (const auto& id : form.child_ids) {
        if (!listed(case_children, id)) checks.add("children", "Select children from this case");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return MeetingTimes{*on, *start, *end};
}

core::Result<InviteeForm> check_invitee(const InviteeForm& form, std::size_t already) {
    core::FieldChecks checks;
    if (already >= kMaxInvitees)
        checks.add("name", "A meeting can have at most " + std::to_string(kMaxInvitees) +
                               " people invited");
    checks.text("name", form.name, "Enter the person's name", "Name", kMaxMeetingName);
    if (!is_code_in(participant_kinds(), form.kind)) checks.add("kind", "Select who they are");
    checks.optional_text("role", form.role, "Their part", kMaxMeetingName);
    if (!core::trimmed(form.email).empty()) checks.email("email", core::trimmed(form.email));
    if (!checks.ok()) return std::unexpected(checks.error());
    return InviteeForm{core::trimmed(form.name), form.kind, core::trimmed(form.role),
                       core::trimmed(form.email)};
}

core::Result<void> check_attendance(std::string_view attendance, std::string_view reason) {
    core::FieldChecks checks;
    if (!is_code_in(kAttendance, attendance)) checks.add("attendance", "Select whether they came");
    if (attendance == kApologies)
        checks.text("reason", reason, "Enter the reason they gave", "The reason", kMaxMeetingName);
    else
        checks.optional_text("reason", reason, "The reason", kMaxMeetingName);
    if (!checks.ok()) return std::unexpected(checks.error());
    return {};
}

core::Result<void> check_outcome(const OutcomeForm& form, const MeetingType& type,
                                 core::CivilDate held_on,
                                 const std::vector<std::string>& versions) {
    core::FieldChecks checks;
    checks.text("decision", form.decision, "Write what the meeting decided", "The decision",
                kMaxMeetingText);
    if (type.conference) {
        if (form.plan_needed != "yes" && form.plan_needed != "no")
            checks.add("plan_needed", "Select whether a child protection plan is needed");
        if (form.plan_needed == "yes" && !parse_category(form.category))
            checks.add("category", "Select the category of the child protection plan");
    }
    if (!form.plan_version.empty() && !listed(versions, form.plan_version))
        checks.add("plan_version", "Select an agreed version of the plan, or none");
    bool any_next = !(form.next_day.empty() && form.next_month.empty() && form.next_year.empty());
    if (any_next) {
        auto next = core::CivilDate::from_parts(form.next_day, form.next_month, form.next_year);
        if (!next)
            checks.add("next-day", "Enter the date of the next meeting as a real date");
        else if (*next <= held_on)
            checks.add("next-day", "The next meeting must be after this one");
        else if (*next > held_on.plus_days(731))
            checks.add("next-day", "The next meeting must be within two years");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return {};
}

}  // namespace signs::domain
