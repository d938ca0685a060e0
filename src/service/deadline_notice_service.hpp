#pragma once
/// Queues the reminders before deadlines and the overdue alerts to managers in the outbox
/// (domain/notifications/deadline_notice.hpp says what they say). Run every minute by the
/// server; several nodes may run it at once, since each deadline is told about by whichever
/// node notes it first.
#include "core/clock.hpp"
#include "service/calendar_service.hpp"
#include "service/deadline_service.hpp"
#include "store/database.hpp"

namespace signs::service {

class DeadlineNoticeService {
  public:
    DeadlineNoticeService(store::Database& db, const core::Clock& clock, CalendarService& calendars,
                          DeadlineService& deadlines)
        : db_(db), clock_(clock), calendars_(calendars), deadlines_(deadlines) {}

    /// Queues what is due to be told; returns how many emails were queued.
    int queue_notices();

  private:
    store::Database& db_;
    const core::Clock& clock_;
    CalendarService& calendars_;
    DeadlineService& deadlines_;
};

}  // namespace signs::service
