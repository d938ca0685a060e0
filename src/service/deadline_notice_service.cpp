#include "service/deadline_notice_service.hpp"

#include <map>

#include "core/london_time.hpp"
#include "domain/notifications/deadline_notice.hpp"
#include "service/outbox_service.hpp"
#include "store/deadline_repository.hpp"

namespace signs::service {
namespace {

constexpr int kDeadlinesPerTurn = 200;

struct Digest {
    store::deadlines::Recipient to;
    std::vector<domain::NoticeItem> items;
};

std::string deadline_name(const std::string& code) {
    const auto* rule = domain::find_deadline_rule(code);
    return rule ? std::string{rule->name} : code;
}

}  // namespace

int DeadlineNoticeService::queue_notices() {
    deadlines_.refresh();
    auto today = core::london_date(clock_.now());
    auto remind_by = calendars_.current()->add_working_days(today, domain::kRemindWorkingDays);
    int queued = 0;
    for (auto kind : {domain::NoticeKind::Reminder, domain::NoticeKind::Overdue}) {
        auto code = std::string{domain::notice_kind_code(kind)};
        bool overdue = kind == domain::NoticeKind::Overdue;
        auto from = overdue ? today.plus_days(-domain::kAlertDays) : today;
        auto to = overdue ? today.plus_days(-1) : remind_by;
        // Deadlines nobody can be told about yet (no worker, no manager) stay untold, to be
        // tried again next time; they are stepped over here.
        int untold = 0;
        for (;;) {
            auto now = core::to_storage(clock_.now());
            auto lease = db_.lease();
            auto& sql = lease.sql();
            store::Transaction tx{lease};
            auto due = store::deadlines::wanting_notice(sql, code, from.iso(), to.iso(),
                                                        kDeadlinesPerTurn, untold);
            if (due.empty()) break;
            std::map<std::int64_t, Digest> digests;
            for (const auto& d : due) {
                // Reminders go to the worker, alerts to the managers; a case without the one
                // goes to the other, so that somebody hears.
                auto people = store::deadlines::people_to_tell(sql, d.case_id, overdue);
                if (people.empty())
                    people = store::deadlines::people_to_tell(sql, d.case_id, !overdue);
                if (people.empty()) {
                    ++untold;
                    continue;
                }
                if (!store::deadlines::mark_noticed(sql, d.case_id, d.deadline, code, now))
                    continue;
                domain::NoticeItem item{
                    d.case_id, deadline_name(d.deadline.rule),
                    core::CivilDate::parse_iso(d.deadline.due_on).value_or(today),
                    core::CivilDate::parse_iso(d.deadline.booked_on)};
                for (const auto& p : people) {
                    auto& digest = digests[p.id];
                    digest.to = p;
                    digest.items.push_back(item);
                }
            }
            for (const auto& [id, digest] : digests) {
                auto mail = domain::notice_mail(kind, digest.to.name, digest.items);
                store::OutboxMessage message;
                message.kind = code;
                message.to_name = digest.to.name;
                message.to_address = digest.to.email;
                message.subject = mail.subject;
                message.body = mail.body;
                OutboxService::queue(sql, clock_, message);
                ++queued;
            }
            tx.commit();
        }
    }
    return queued;
}

}  // namespace signs::service
