#include "domain/notifications/deadline_notice.hpp"

#include <algorithm>

namespace signs::domain {

std::string_view notice_kind_code(NoticeKind kind) {
    return kind == NoticeKind::Reminder ? "reminder" : "overdue";
}

NoticeMail notice_mail(NoticeKind kind, const std::string& name, std::vector<NoticeItem> items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.due < b.due; });
    bool one = items.size() == 1;
    auto count = std::to_string(items.size()) + (one ? " deadline" : " deadlines");
    NoticeMail mail;
    std::string opening;
    if (kind == NoticeKind::Reminder) {
        mail.subject = one ? "Due soon: " + items.front().deadline + ", case " +
                                 std::to_string(items.front().case_id)
                           : "Due soon: " + count + " in the next " +
                                 std::to_string(kRemindWorkingDays) + " working days";
        opening = (one ? "This deadline falls" : "These deadlines fall") +
                  std::string{" due within "} + std::to_string(kRemindWorkingDays) +
                  " working days:";
    } else {
        mail.subject = one ? "Overdue: " + items.front().deadline + ", case " +
                                 std::to_string(items.front().case_id)
                           : "Overdue: " + count + " in your team";
        opening = (one ? "This deadline has" : "These deadlines have") +
                  std::string{" passed without being met:"};
    }
    mail.body = "Dear " + name + ",\n\n" + opening + "\n\n";
    for (const auto& item : items) {
        mail.body += "- Case " + std::to_string(item.case_id) + ": " + item.deadline +
                     (kind == NoticeKind::Reminder ? ", due " : ", was due ") +
                     item.due.long_text();
        if (item.booked)
            mail.body += " (a meeting is arranged for " + item.booked->long_text() + ")";
        mail.body += "\n";
    }
    mail.body += "\nOpen signs and choose Due to see every deadline.\n";
    return mail;
}

}  // namespace signs::domain
