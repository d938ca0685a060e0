#pragma once
/// The emails that keep deadlines from slipping: a reminder to the worker shortly before a
/// deadline, and an alert to the team's managers once it has passed unmet. Each person gets one
/// email listing everything new for them rather than one per deadline, so that a morning with
/// many deadlines does not bury the rest of their mail. Emails name cases by number only: an
/// email can go astray, and the family's name must not go with it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"

namespace signs::domain {

enum class NoticeKind { Reminder, Overdue };

std::string_view notice_kind_code(NoticeKind kind);  ///< "reminder", "overdue"

/// How many working days ahead a reminder goes.
inline constexpr int kRemindWorkingDays = 5;
/// Alerts are for deadlines missed in the last week. Older ones are on the due lists already;
/// alerting them all would bury managers the first time signs runs, or after a long outage.
inline constexpr int kAlertDays = 7;

struct NoticeItem {
    std::int64_t case_id = 0;
    std::string deadline;  ///< the rule's name
    core::CivilDate due;
    std::optional<core::CivilDate> booked;  ///< a meeting arranged to meet it
};

struct NoticeMail {
    std::string subject;
    std::string body;
};

/// One person's email about `items` (any order; listed soonest first).
NoticeMail notice_mail(NoticeKind kind, const std::string& name, std::vector<NoticeItem> items);

}  // namespace signs::domain
