#include "service/language_service.hpp"

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

constexpr std::string_view kRefusal =
    "Only system administrators can change the council's plain-language terms";

}  // namespace

std::shared_ptr<const domain::Glossary> LanguageService::glossary() {
    std::lock_guard lock{mutex_};
    auto now = clock_.now();
    if (current_ && now >= read_at_ && now - read_at_ < std::chrono::seconds{30}) return current_;
    {
        auto lease = db_.lease();
        current_ = std::make_shared<const domain::Glossary>(read(lease.sql()));
    }
    read_at_ = now;
    return current_;
}

domain::Glossary LanguageService::read(soci::session& sql) const {
    std::vector<domain::Term> local;
    for (auto& record : store::local_terms::all(sql)) local.push_back(std::move(record.term));
    return domain::Glossary{domain::with_local_terms(file_terms_, local)};
}

std::string LanguageService::terms_stamp() {
    auto lease = db_.lease();
    return store::local_terms::stamp(lease.sql());
}

core::Result<std::vector<store::local_terms::LocalTermRecord>> LanguageService::local_terms(
    const Actor& actor) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    return store::local_terms::all(lease.sql());
}

core::Result<std::int64_t> LanguageService::add_term(const Actor& actor, const domain::Term& term) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto checked = domain::check_term(term);
    if (!checked) return std::unexpected(checked.error());
    std::int64_t id = 0;
    {
        auto lease = db_.lease();
        store::Transaction tx{lease};
        try {
            id = store::local_terms::add(lease.sql(), *checked, actor.user_id(),
                                         core::to_storage(clock_.now()));
        } catch (const store::StoreFault& fault) {
            if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
            return std::unexpected(core::Error::invalid(
                {{"phrase",
                  "The council already has its own term for these words: remove it "
                  "first to change it"}}));
        }
        record_audit(lease.sql(), clock_, actor,
                     {"local-term-add", "local-term", std::to_string(id), checked->phrase});
        tx.commit();
    }
    forget();
    return id;
}

core::Result<void> LanguageService::remove_term(const Actor& actor, std::int64_t id) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    {
        auto lease = db_.lease();
        store::Transaction tx{lease};
        auto removed = store::local_terms::remove(lease.sql(), id);
        if (!removed) return core::fail(core::ErrorKind::NotFound, "There is no such local term");
        record_audit(lease.sql(), clock_, actor,
                     {"local-term-remove", "local-term", std::to_string(id), *removed});
        tx.commit();
    }
    forget();
    return {};
}

void LanguageService::forget() {
    std::lock_guard lock{mutex_};
    current_.reset();  // this node uses the new list at once
}

}  // namespace signs::service
