#include "service/child_record_service.hpp"

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/child_records.hpp"
#include "store/chronology_repository.hpp"

namespace signs::service {
namespace {

/// The child, if the actor may open their record.
core::Result<store::ChildRecord> openable_child(soci::session& sql, const core::Clock& clock,
                                                const Actor& actor, std::int64_t child_id) {
    auto child = store::children::find(sql, child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(sql, actor, *child, core::to_storage(clock.now()))) {
        return core::fail(core::ErrorKind::Forbidden,
                          "This child's record is not part of your work");
    }
    return *child;
}

}  // namespace

core::Result<store::ChildRecord> ChildRecordService::child_for_edit(const Actor& actor,
                                                                    std::int64_t child_id) {
    auto child = read_child(actor, child_id);
    if (child) audit_.record_view(actor, {"view", "child", std::to_string(child_id), "edit"});
    return child;
}

core::Result<store::ChildRecord> ChildRecordService::read_child(const Actor& actor,
                                                                std::int64_t child_id) {
    auto lease = db_.lease();
    return openable_child(lease.sql(), clock_, actor, child_id);
}

core::Result<void> ChildRecordService::update_child(const Actor& actor, std::int64_t child_id,
                                                    const domain::ChildForm& form,
                                                    int expected_version) {
    auto details = domain::check_child(form, core::london_date(clock_.now()), codes_);
    if (!details) return std::unexpected(details.error());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto before = openable_child(sql, clock_, actor, child_id);
    if (!before) return std::unexpected(before.error());
    if (before->version != expected_version) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else saved changes to this record while you were editing it");
    }
    auto changed = domain::changed_fields(details_of(*before), *details);
    if (changed.empty()) return {};
    auto after = record_from(*details);
    after.id = child_id;
    after.version = expected_version;
    if (!store::children::update(sql, after, index_keys_for(after))) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else saved changes to this record while you were editing it");
    }
    std::string what;
    for (auto label : changed) what += (what.empty() ? "" : ", ") + std::string{label};
    auto now = core::to_storage(clock_.now());
    store::chronology::add(sql,
                           {0, child_id, core::london_date(clock_.now()).iso(), "record-changed",
                            "Details changed: " + what, "record", actor.user->id, "", now});
    record_audit(sql, clock_, actor, {"child-edit", "child", std::to_string(child_id), what});
    tx.commit();
    return {};
}

core::Result<void> ChildRecordService::add_address(const Actor& actor, std::int64_t child_id,
                                                   const domain::AddressForm& form) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto child = openable_child(sql, clock_, actor, child_id);
    if (!child) return std::unexpected(child.error());
    auto history = store::addresses::for_child(sql, child_id);
    std::optional<core::CivilDate> latest;
    if (!history.empty()) latest = core::CivilDate::parse_iso(history.back().moved_in);
    auto address = domain::check_address(form, latest, core::london_date(clock_.now()));
    if (!address) return std::unexpected(address.error());
    auto now = core::to_storage(clock_.now());
    store::addresses::move(sql, {0, child_id, address->lines, address->postcode,
                                 address->moved_in.iso(), "", actor.user->id, now});
    auto summary = history.empty() ? std::string{"Address recorded"} : std::string{"Moved home"};
    if (!address->postcode.empty()) summary += " (" + address->postcode + ")";
    store::chronology::add(sql, {0, child_id, address->moved_in.iso(), "address", summary, "record",
                                 actor.user->id, "", now});
    record_audit(sql, clock_, actor, {"address-add", "child", std::to_string(child_id), ""});
    tx.commit();
    return {};
}

core::Result<std::vector<store::AddressRecord>> ChildRecordService::addresses(
    const Actor& actor, std::int64_t child_id) {
    auto lease = db_.lease();
    auto child = openable_child(lease.sql(), clock_, actor, child_id);
    if (!child) return std::unexpected(child.error());
    return store::addresses::for_child(lease.sql(), child_id);
}

}  // namespace signs::service
