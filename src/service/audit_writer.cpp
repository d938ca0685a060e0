#include "service/audit_writer.hpp"

#include <vector>

#include "core/london_time.hpp"
#include "store/audit_repository.hpp"

namespace signs::service {

AuditWriter::AuditWriter(store::Database& db, const core::Clock& clock, std::size_t max_batch)
    : db_(db), clock_(clock), max_batch_(max_batch), thread_([this] { run(); }) {}

AuditWriter::~AuditWriter() {
    {
        std::lock_guard lock{mutex_};
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void AuditWriter::record(const Actor& actor, const AuditEntry& entry) {
    auto event = make_audit_event(clock_, actor, entry);
    std::future<void> done;
    {
        std::lock_guard lock{mutex_};
        queue_.push_back({std::move(event), {}});
        done = queue_.back().done.get_future();
    }
    wake_.notify_one();
    done.get();
}

void AuditWriter::record_view(const Actor& actor, const AuditEntry& entry) {
    // The command line is one operator at a time, and is always recorded in full.
    if (actor.is_system()) return record(actor, entry);
    // From another place counts as another view: the audit says where from, too.
    auto view = std::to_string(actor.user->id) + '\x1f' + actor.context.address + '\x1f' +
                entry.action + '\x1f' + entry.entity_type + '\x1f' + entry.entity_id + '\x1f' +
                entry.detail;
    auto now = clock_.now();
    {
        std::lock_guard lock{mutex_};
        if (recent_.recorded_recently(view, now)) return;
    }
    record(actor, entry);
    std::lock_guard lock{mutex_};
    recent_.remember(view, now);
}

std::size_t AuditWriter::commits() const {
    std::lock_guard lock{mutex_};
    return commits_;
}

void AuditWriter::run() {
    while (true) {
        std::vector<Pending> batch;
        {
            std::unique_lock lock{mutex_};
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left to write
            while (!queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        try {
            auto lease = db_.lease();
            store::Transaction tx{lease};
            for (auto& pending : batch) store::audit::append(lease.sql(), pending.event);
            tx.commit();
            {
                std::lock_guard lock{mutex_};
                ++commits_;
            }
            for (auto& pending : batch) pending.done.set_value();
        } catch (...) {
            // Every waiting request learns that its event was not written, and fails.
            for (auto& pending : batch) pending.done.set_exception(std::current_exception());
        }
    }
}

}  // namespace signs::service
