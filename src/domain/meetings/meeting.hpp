#pragma once
/// Meetings with a family and the professionals around them: which kinds there are and at
/// which levels each is held, the rules for arranging one, who was invited and who came, and
/// what a meeting decided. Times are London wall-clock times, as people arrange them.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"
#include "domain/casework/service_level.hpp"

namespace signs::domain {

struct MeetingType {
    std::string_view code;
    std::string_view name;
    std::span<const ServiceLevel> levels;  ///< the levels a child may be at for it
    bool conference = false;               ///< decides whether a child protection plan is needed
};

std::span<const MeetingType> meeting_types();
const MeetingType* find_meeting_type(std::string_view code);
/// The kinds of meeting that fit children at these levels (any of them).
std::vector<const MeetingType*> meeting_types_for(const std::vector<ServiceLevel>& levels);

/// Whether each invitee came: invited (not yet known), attended, sent apologies, did not come.
std::span<const CodeLabel> attendance_codes();
inline constexpr std::string_view kApologies = "apologies";

inline constexpr std::size_t kMaxInvitees = 100;
inline constexpr std::size_t kMaxMeetingText = 4000;
inline constexpr std::size_t kMaxMeetingName = 200;

/// A meeting as typed: kind, date, start and end (24-hour London time), where, who chairs, and
/// which of the case's children it concerns.
struct MeetingForm {
    std::string type;
    std::string day, month, year;
    std::string start_hour, start_minute, end_hour, end_minute;
    std::string venue;
    std::string remote;  ///< "yes" when held by video or phone
    std::string chair;
    std::vector<std::string> child_ids;
};

/// A meeting once checked.
struct MeetingTimes {
    core::CivilDate on;
    int start_minutes = 0;  ///< minutes after midnight, London time
    int end_minutes = 0;
};

/// Errors use "type", "date-day", "start-hour", "end-hour", "venue", "chair" and "children".
/// `types` are the codes allowed for the case's children; `earliest` is the day the case was
/// opened (no meeting is held about a referral before it arrived); a meeting may be arranged
/// up to two years ahead of `today`.
core::Result<MeetingTimes> check_meeting(const MeetingForm& form,
                                         const std::vector<std::string>& types,
                                         const std::vector<std::string>& case_children,
                                         core::CivilDate earliest, core::CivilDate today);

/// "10:30" for minutes after midnight.
std::string clock_text(int minutes);

struct InviteeForm {
    std::string name;
    std::string kind;  ///< who they are: a participant_kinds() code from the mapping
    std::string role;  ///< their part in words: "Mother", "Class teacher, Oak Primary"
    std::string email;
};
/// Errors use "name", "kind", "role" and "email". `already` is how many are invited so far.
core::Result<InviteeForm> check_invitee(const InviteeForm& form, std::size_t already);

/// Errors use "attendance" and "reason": apologies need a reason.
core::Result<void> check_attendance(std::string_view attendance, std::string_view reason);

/// What a meeting decided, as typed. For a conference: whether a child protection plan is
/// needed and, if so, its category.
struct OutcomeForm {
    std::string decision;
    std::string plan_needed;   ///< "yes" or "no"; conferences only
    std::string category;      ///< a category_code(); when a plan is needed
    std::string plan_version;  ///< the plan version agreed at the meeting, or empty
    std::string next_day, next_month, next_year;
};
/// Errors use "decision", "plan_needed", "category", "plan_version" and "next-day". The next
/// meeting must come after this one. `versions` are the plan versions that may be named.
core::Result<void> check_outcome(const OutcomeForm& form, const MeetingType& type,
                                 core::CivilDate held_on, const std::vector<std::string>& versions);

}  // namespace signs::domain
