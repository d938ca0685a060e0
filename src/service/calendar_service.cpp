#include "service/calendar_service.hpp"

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

constexpr std::string_view kRefusal =
    "Only system administrators can change the council's closure days";

}  // namespace

std::shared_ptr<const domain::WorkingCalendar> CalendarService::current() {
    std::lock_guard lock{mutex_};
    auto now = clock_.now();
    if (current_ && now >= read_at_ && now - read_at_ < std::chrono::seconds{30}) return current_;
    {
        auto lease = db_.lease();
        current_ = std::make_shared<const domain::WorkingCalendar>(read(lease.sql()));
    }
    read_at_ = now;
    return current_;
}

domain::WorkingCalendar CalendarService::read(soci::session& sql) const {
    std::vector<domain::Holiday> closures;
    for (const auto& c : store::closure_days::all(sql)) {
        if (auto day = core::CivilDate::parse_iso(c.day)) closures.push_back({*day, c.reason});
    }
    return domain::WorkingCalendar{bank_holidays_, closures};
}

core::Result<std::vector<store::closure_days::ClosureRecord>> CalendarService::closures(
    const Actor& actor) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    return store::closure_days::all(lease.sql());
}

core::Result<void> CalendarService::add_closure(const Actor& actor,
                                                const domain::ClosureForm& form) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto checked = domain::check_closure(form, *current());
    if (!checked) return std::unexpected(checked.error());
    {
        auto lease = db_.lease();
        store::Transaction tx{lease};
        try {
            store::closure_days::add(lease.sql(), checked->date.iso(), checked->name,
                                     actor.user_id(), core::to_storage(clock_.now()));
        } catch (const store::StoreFault& fault) {
            if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
            return std::unexpected(core::Error::invalid(
                {{"date-day", "That day is already one of the council's closure days"}}));
        }
        record_audit(lease.sql(), clock_, actor,
                     {"closure-day-add", "closure-day", checked->date.iso(), checked->name});
        tx.commit();
    }
    std::lock_guard lock{mutex_};
    current_.reset();  // this node counts with the new day at once
    return {};
}

core::Result<void> CalendarService::remove_closure(const Actor& actor, const std::string& day) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    {
        auto lease = db_.lease();
        store::Transaction tx{lease};
        if (!store::closure_days::remove(lease.sql(), day))
            return core::fail(core::ErrorKind::NotFound, "That day is not a closure day");
        record_audit(lease.sql(), clock_, actor, {"closure-day-remove", "closure-day", day, ""});
        tx.commit();
    }
    std::lock_guard lock{mutex_};
    current_.reset();
    return {};
}

}  // namespace signs::service
