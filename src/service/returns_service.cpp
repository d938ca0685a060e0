#include "service/returns_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "store/child_repository.hpp"

namespace signs::service {
namespace {

bool sees_data_quality(const Actor& actor) {
    return sees_returns(actor) || actor.has_role(domain::Role::TeamManager) ||
           actor.has_role(domain::Role::Practitioner);
}

core::Result<void> allowed(const Actor& actor, bool (*may)(const Actor&)) {
    if (!may(actor)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Statutory returns are for performance officers and administrators");
    }
    return {};
}

}  // namespace

bool sees_returns(const Actor& actor) {
    return actor.has_role(domain::Role::PerformanceOfficer) ||
           actor.has_role(domain::Role::SystemAdministrator);
}

core::Result<DataQualityReport> ReturnsService::data_quality(const Actor& actor,
                                                             const domain::CensusYear& year,
                                                             const DataQualityFilter& filter) {
    if (auto ok = allowed(actor, sees_data_quality); !ok) return std::unexpected(ok.error());
    auto census = build_cin_census(db_, year, codes_, calendar_);
    std::map<std::int64_t, store::cin::ChildOwner> owners;
    std::set<std::int64_t> hidden;  // restricted children this person is not named for
    {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        owners = store::cin::census_child_owners(sql, year.start.iso(), year.reference.iso());
        if (!sees_returns(actor)) {
            for (auto id : store::children::restricted_ids(sql)) {
                auto named = store::children::restricted_to(sql, id);
                if (std::find(named.begin(), named.end(), actor.user->id) == named.end())
                    hidden.insert(id);
            }
        }
    }
    DataQualityReport report;
    report.year = year;
    report.whole_service = sees_returns(actor);
    report.own_children_only = actor.has_role(domain::Role::Practitioner);
    auto teams = actor.user->team_ids();
    auto in_view = [&](std::int64_t child_id, const store::cin::ChildOwner& owner) {
        if (report.whole_service) return true;
        if (hidden.contains(child_id)) return false;
        if (report.own_children_only) return owner.worker_id == actor.user->id;
        return owner.team_id &&
               std::find(teams.begin(), teams.end(), *owner.team_id) != teams.end();
    };
    auto passes = [&](const store::cin::ChildOwner& owner) {
        if (filter.team_id && owner.team_id != filter.team_id) return false;
        if (filter.worker_id && owner.worker_id != filter.worker_id) return false;
        return true;
    };
    std::set<std::pair<std::int64_t, std::string>> team_options, worker_options;
    for (std::size_t i = 0; i < census.children.size(); ++i) {
        auto child_id = census.children[i].record_id;
        const auto& owner = owners[child_id];
        if (!in_view(child_id, owner)) continue;
        if (owner.team_id) team_options.insert({*owner.team_id, owner.team_name});
        if (owner.worker_id) worker_options.insert({*owner.worker_id, owner.worker_name});
        if (passes(owner)) ++report.children_checked;
    }
    std::map<const domain::CensusRule*, int> counts;
    for (const auto& f : census.findings) {
        DataQualityRow row;
        row.rule = f.rule;
        if (f.child >= 0) {
            const auto& child = census.children[static_cast<std::size_t>(f.child)];
            const auto& owner = owners[child.record_id];
            if (!in_view(child.record_id, owner) || !passes(owner)) continue;
            row.child_id = child.record_id;
            row.child_name = census.names[static_cast<std::size_t>(f.child)];
            row.team = owner.team_name;
            row.worker = owner.worker_name;
            row.episode = f.episode + 1;
        } else if (!report.whole_service || filter.team_id || filter.worker_id) {
            continue;  // the return as a whole is the whole service's
        }
        ++counts[f.rule];
        (f.rule->severity == domain::RuleSeverity::Error ? report.errors : report.queries)++;
        report.rows.push_back(std::move(row));
    }
    std::stable_sort(report.rows.begin(), report.rows.end(), [](const auto& a, const auto& b) {
        return a.rule->severity == domain::RuleSeverity::Error &&
               b.rule->severity != domain::RuleSeverity::Error;
    });
    for (const auto& [rule, n] : counts) report.counts.push_back({rule, n});
    std::stable_sort(report.counts.begin(), report.counts.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    auto by_name = [](const auto& a, const auto& b) { return a.second < b.second; };
    report.teams.assign(team_options.begin(), team_options.end());
    std::sort(report.teams.begin(), report.teams.end(), by_name);
    report.workers.assign(worker_options.begin(), worker_options.end());
    std::sort(report.workers.begin(), report.workers.end(), by_name);
    audit_.record_view(actor, {"view", "data-quality", "cin-" + year.name(),
                               std::to_string(report.rows.size()) + " findings"});
    return report;
}

core::Result<store::cin::ReturnSettings> ReturnsService::settings(const Actor& actor) {
    if (auto ok = allowed(actor, sees_returns); !ok) return std::unexpected(ok.error());
    auto lease = db_.lease();
    return store::cin::return_settings(lease.sql());
}

core::Result<void> ReturnsService::set_la_code(const Actor& actor, const std::string& la_code,
                                               int expected_version) {
    if (auto ok = allowed(actor, sees_returns); !ok) return std::unexpected(ok.error());
    if (!valid_la_code(la_code)) {
        return std::unexpected(core::Error::invalid(
            {{"la_code", "Enter the council's DfE number: three digits, like 895"}}));
    }
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto now = core::to_storage(clock_.now());
    if (!store::cin::set_la_code(sql, la_code, actor.user->id, now, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed the council's number while you were looking");
    }
    record_audit(sql, clock_, actor, {"return-settings", "return", "la-code", la_code});
    tx.commit();
    return {};
}

core::Result<std::string> ReturnsService::cin_census_xml(const Actor& actor,
                                                         const domain::CensusYear& year) {
    auto settings = this->settings(actor);
    if (!settings) return std::unexpected(settings.error());
    if (settings->la_code.empty()) {
        return core::fail(core::ErrorKind::Conflict,
                          "Set the council's DfE number before writing a return");
    }
    auto census = build_cin_census(db_, year, codes_, calendar_);
    std::ostringstream out;
    write_cin_census_xml(
        census, {settings->la_code, SIGNS_VERSION, "001", core::london_iso(clock_.now())}, out);
    {
        auto lease = db_.lease();
        store::Transaction tx{lease};
        record_audit(lease.sql(), clock_, actor,
                     {"census-export", "return", "cin-" + year.name(),
                      std::to_string(census.children.size()) + " children, " +
                          std::to_string(census.errors) + " errors"});
        tx.commit();
    }
    return out.str();
}

}  // namespace signs::service
