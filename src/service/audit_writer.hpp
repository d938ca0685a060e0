#pragma once
/// Writes audit events that stand alone (views of a record, searches) in shared commits.
///
/// Every view must be on disk before the page is sent, and with SQLite's synchronous=FULL one
/// commit per view would make the disk's flush rate the ceiling for every page that shows a
/// record. Requests instead hand their event to one writer thread and wait; the writer
/// appends everything waiting in one transaction and wakes them all when it has committed.
/// Durability is the same; the flush is shared. Events that belong to a change are still
/// written inside that change's own transaction (record_audit).
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "domain/audit/audit_chain.hpp"
#include "domain/audit/recent_views.hpp"
#include "service/actor.hpp"
#include "service/audit_service.hpp"
#include "store/database.hpp"

namespace signs::service {

class AuditWriter {
  public:
    AuditWriter(store::Database& db, const core::Clock& clock, std::size_t max_batch = 512);
    /// Writes what is still waiting, then stops.
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    /// Returns once the event is committed; throws the storage Fault if the commit failed.
    void record(const Actor& actor, const AuditEntry& entry);
    /// A view of a record: written as record() does, unless the same person's same view was
    /// written in the last minute (see domain::RecentViews).
    void record_view(const Actor& actor, const AuditEntry& entry);

    /// How many commits the writer has made (for tests and metrics).
    std::size_t commits() const;

  private:
    struct Pending {
        domain::AuditEvent event;
        std::promise<void> done;
    };
    void run();

    store::Database& db_;
    const core::Clock& clock_;
    std::size_t max_batch_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::size_t commits_ = 0;
    domain::RecentViews recent_;  ///< guarded by mutex_
    std::thread thread_;
};

}  // namespace signs::service
