#include "service/visit_service.hpp"

#include <algorithm>

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "store/chronology_repository.hpp"

namespace signs::service {
namespace {

constexpr std::string_view kRefusal =
    "Only system administrators can change how often children are visited";

/// The children still in the case: one whose part in it has closed is no longer visited in it.
std::vector<std::int64_t> open_child_ids(soci::session& sql, std::int64_t case_id) {
    auto closed = store::cases::closures(sql, case_id);
    std::vector<std::int64_t> out;
    for (auto id : store::cases::child_ids(sql, case_id)) {
        if (!closed.contains(id)) out.push_back(id);
    }
    return out;
}

std::vector<VisitChild> children_of(soci::session& sql, std::int64_t case_id) {
    std::vector<VisitChild> out;
    for (const auto& c : store::children::find_many(sql, open_child_ids(sql, case_id)))
        out.push_back({c.id, c.first_name + " " + c.last_name});
    return out;
}

}  // namespace

std::vector<domain::VisitFrequency> visit_frequencies_in_force(soci::session& sql) {
    std::vector<domain::VisitFrequency> local;
    for (const auto& f : store::visits::frequencies(sql)) {
        auto level = domain::parse_level(f.level);
        auto unit = domain::parse_unit(f.unit);
        if (level && unit) local.push_back({*level, f.amount, *unit});
    }
    return domain::visit_frequencies_with(local);
}

core::Result<CaseVisits> VisitService::for_case(const Actor& actor, std::int64_t case_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    return case_visits(sql, *record);
}

CaseVisits case_visits(soci::session& sql, const store::CaseRecord& record) {
    CaseVisits out;
    out.family_name = record.family_name;
    out.children = children_of(sql, record.id);
    out.latest = store::visits::latest_per_child(sql, record.id);
    out.recent = store::visits::for_case(sql, record.id, CaseVisits::kRecentShown);
    out.can_record = record.closed_on.empty();
    return out;
}

core::Result<void> VisitService::record(const Actor& actor, std::int64_t case_id,
                                        const domain::VisitForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_to_change(sql, actor, case_id, now);
    if (!record) return std::unexpected(record.error());
    auto opened = core::CivilDate::parse_iso(record->opened_on);
    auto today = core::london_date(clock_.now());
    auto checked =
        domain::check_visit(form, opened.value_or(today), today, open_child_ids(sql, case_id));
    if (!checked) return std::unexpected(checked.error());
    store::Transaction tx{lease};
    for (const auto& seen : checked->children) {
        store::visits::add(sql, {0, case_id, seen.child, "", checked->on.iso(), seen.alone,
                                 actor.user_id(), "", now});
        store::chronology::add(sql, {0, seen.child, checked->on.iso(), "visit",
                                     seen.alone ? "Seen alone on a visit" : "Seen on a visit",
                                     "record", actor.user_id(), "", now});
    }
    record_audit(sql, clock_, actor,
                 {"visit-record", "case", std::to_string(case_id),
                  checked->on.iso() + ", " + std::to_string(checked->children.size()) +
                      (checked->children.size() == 1 ? " child seen" : " children seen")});
    tx.commit();
    return {};
}

core::Result<std::vector<FrequencySetting>> VisitService::frequencies(const Actor& actor) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    auto stored = store::visits::frequencies(lease.sql());
    std::vector<FrequencySetting> out;
    for (const auto& f : visit_frequencies_in_force(lease.sql())) {
        FrequencySetting setting{f, false, "", ""};
        auto it = std::find_if(stored.begin(), stored.end(), [&](const auto& s) {
            return s.level == domain::level_code(f.level);
        });
        if (it != stored.end()) {
            setting.local = true;
            setting.changed_by_name = it->changed_by_name;
            setting.changed_at = it->changed_at;
        }
        out.push_back(setting);
    }
    return out;
}

core::Result<void> VisitService::set_frequencies(
    const Actor& actor, const std::vector<domain::VisitFrequencyForm>& forms) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    std::vector<domain::VisitFrequency> checked;
    std::vector<core::FieldError> problems;
    for (const auto& form : forms) {
        auto one = domain::check_visit_frequency(form);
        if (one) {
            checked.push_back(*one);
        } else if (one.error().kind == core::ErrorKind::Invalid) {
            problems.insert(problems.end(), one.error().fields.begin(), one.error().fields.end());
        } else {
            return std::unexpected(one.error());
        }
    }
    if (!problems.empty()) return std::unexpected(core::Error::invalid(problems));
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto before = visit_frequencies_in_force(sql);
    for (const auto& f : checked) {
        auto was = std::find_if(before.begin(), before.end(),
                                [&](const auto& b) { return b.level == f.level; });
        if (was != before.end() && *was == f) continue;
        auto level = std::string{domain::level_code(f.level)};
        store::visits::set_frequency(
            sql, {level, f.amount, std::string{domain::unit_code(f.unit)}, "", now},
            actor.user_id());
        record_audit(sql, clock_, actor,
                     {"visit-frequency-set", "level", level, domain::frequency_text(f)});
    }
    tx.commit();
    return {};
}

}  // namespace signs::service
