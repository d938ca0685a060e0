#include "service/returns_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "store/child_repository.hpp"
#include "store/read_transaction.hpp"
#include "store/restricted_children.hpp"

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

std::shared_ptr<const CensusCheck> ReturnsService::census_check(const domain::CensusYear& year,
                                                                std::int64_t stamp) {
    auto kept = [&]() -> std::shared_ptr<const CensusCheck> {
        std::lock_guard lock{kept_mutex_};
        auto it = kept_.find(year.name());
        return it != kept_.end() && it->second->stamp >= stamp ? it->second : nullptr;
    };
    if (auto check = kept()) return check;
    std::lock_guard building{build_mutex_};
    if (auto check = kept()) return check;
    // The stamp was read before the census, so what is kept is never older than it says.
    auto census = build_cin_census(db_, year, codes_, calendar_);
    std::map<std::int64_t, store::cin::ChildOwner> owners;
    {
        auto lease = db_.lease();
        owners =
            store::cin::census_child_owners(lease.sql(), year.start.iso(), year.reference.iso());
    }
    auto check = std::make_shared<CensusCheck>();
    check->stamp = stamp;
    check->children.reserve(census.children.size());
    for (std::size_t i = 0; i < census.children.size(); ++i) {
        const auto& c = census.children[i];
        CensusCheck::Child child{c.record_id, std::move(census.names[i]), owners[c.record_id], {}};
        for (const auto& e : c.episodes) child.episode_cases.push_back(e.case_id);
        check->children.push_back(std::move(child));
    }
    check->findings = std::move(census.findings);
    std::lock_guard lock{kept_mutex_};
    kept_[year.name()] = check;
    return check;
}

namespace {

/// What a report depends on besides the census: who is looking (their role, themselves and
/// their teams, the restricted children hidden from them) and the filter.
std::string view_key(const Actor& actor, const std::set<std::int64_t>& hidden,
                     const DataQualityFilter& filter) {
    std::string key = std::string{domain::role_code(actor.user->role)} + "|" +
                      std::to_string(actor.user->id) + "|";
    for (auto team : actor.user->team_ids()) key += std::to_string(team) + ",";
    key += "|";
    for (auto id : hidden) key += std::to_string(id) + ",";
    key += "|" + (filter.team_id ? std::to_string(*filter.team_id) : "") + "|" +
           (filter.worker_id ? std::to_string(*filter.worker_id) : "");
    return key;
}

/// The report for one view of the checked census.
DataQualityReport report_of(std::shared_ptr<const CensusCheck> check, const Actor& actor,
                            const domain::CensusYear& year, const std::set<std::int64_t>& hidden,
                            const DataQualityFilter& filter) {
    DataQualityReport report;
    report.year = year;
    report.whole_service = sees_returns(actor);
    report.own_children_only = actor.has_role(domain::Role::Practitioner);
    auto teams = actor.user->team_ids();
    auto in_view = [&](const CensusCheck::Child& child) {
        if (report.whole_service) return true;
        if (hidden.contains(child.id)) return false;
        if (report.own_children_only) return child.owner.worker_id == actor.user->id;
        return child.owner.team_id &&
               std::find(teams.begin(), teams.end(), *child.owner.team_id) != teams.end();
    };
    auto passes = [&](const CensusCheck::Child& child) {
        if (filter.team_id && child.owner.team_id != filter.team_id) return false;
        if (filter.worker_id && child.owner.worker_id != filter.worker_id) return false;
        return true;
    };
    std::map<std::int64_t, std::string_view> team_options, worker_options;
    for (const auto& child : check->children) {
        if (!in_view(child)) continue;
        const auto& owner = child.owner;
        if (owner.team_id) team_options.emplace(*owner.team_id, owner.team_name);
        if (owner.worker_id) worker_options.emplace(*owner.worker_id, owner.worker_name);
        if (passes(child)) ++report.children_checked;
    }
    std::map<const domain::CensusRule*, int> counts;
    std::vector<DataQualityRow> queries;
    for (const auto& f : check->findings) {
        DataQualityRow row;
        row.rule = f.rule;
        if (f.child >= 0) {
            const auto& child = check->children[static_cast<std::size_t>(f.child)];
            if (!in_view(child) || !passes(child)) continue;
            row.child_id = child.id;
            row.child_name = child.name;
            row.team = child.owner.team_name;
            row.worker = child.owner.worker_name;
            row.episode = f.episode + 1;
            if (f.episode >= 0)
                row.case_id = child.episode_cases[static_cast<std::size_t>(f.episode)];
        } else if (!report.whole_service || filter.team_id || filter.worker_id) {
            continue;  // the return as a whole is the whole service's
        }
        ++counts[f.rule];
        bool error = f.rule->severity == domain::RuleSeverity::Error;
        (error ? report.errors : report.queries)++;
        (error ? report.rows : queries).push_back(row);
    }
    // Errors first, each part in the order of the children.
    report.rows.insert(report.rows.end(), queries.begin(), queries.end());
    for (const auto& [rule, n] : counts) report.counts.push_back({rule, n});
    std::stable_sort(report.counts.begin(), report.counts.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    auto by_name = [](const auto& a, const auto& b) { return a.second < b.second; };
    for (const auto& [id, name] : team_options) report.teams.emplace_back(id, std::string{name});
    std::sort(report.teams.begin(), report.teams.end(), by_name);
    for (const auto& [id, name] : worker_options)
        report.workers.emplace_back(id, std::string{name});
    std::sort(report.workers.begin(), report.workers.end(), by_name);
    report.check = std::move(check);
    return report;
}

}  // namespace

core::Result<std::shared_ptr<const DataQualityReport>> ReturnsService::data_quality(
    const Actor& actor, const domain::CensusYear& year, const DataQualityFilter& filter) {
    if (auto ok = allowed(actor, sees_data_quality); !ok) return std::unexpected(ok.error());
    // Who is hidden from this person is read at the very stamp of the census used, so the
    // report (and the page kept from it, keyed by that stamp) is drawn from one moment: a
    // census kept by another request may be newer than the stamp first read, and then both
    // are read again.
    std::shared_ptr<const CensusCheck> check;
    std::set<std::int64_t> hidden;  // restricted children this person is not named for
    for (;;) {
        std::int64_t stamp = 0;
        hidden.clear();
        {
            auto lease = db_.lease();
            store::ReadTransaction read{lease};
            auto& sql = lease.sql();
            stamp = store::cin::census_stamp(sql);
            if (!sees_returns(actor)) {
                for (auto id : store::children::hidden_from(sql, actor.user->id)) hidden.insert(id);
            }
        }
        if (check && check->stamp == stamp) break;
        check = census_check(year, stamp);
        if (check->stamp == stamp) break;
    }
    auto key =
        year.name() + "|" + std::to_string(check->stamp) + "|" + view_key(actor, hidden, filter);
    std::shared_ptr<const DataQualityReport> report;
    {
        std::lock_guard lock{kept_mutex_};
        if (auto it = reports_.find(key); it != reports_.end()) report = it->second;
    }
    if (!report) {
        report = std::make_shared<const DataQualityReport>(
            report_of(check, actor, year, hidden, filter));
        std::lock_guard lock{kept_mutex_};
        // Reports of an older census are never asked for again; a bound keeps the rest small.
        if (reports_stamp_ != check->stamp || reports_.size() >= kKeptReports) reports_.clear();
        reports_stamp_ = check->stamp;
        reports_[key] = report;
    }
    audit_.record_view(actor, {"view", "data-quality", "cin-" + year.name(),
                               std::to_string(report->rows.size()) + " findings"});
    return report;
}

core::Result<std::map<std::int64_t, std::size_t>> ReturnsService::child_problems(
    const Actor& actor, const std::vector<std::int64_t>& child_ids) {
    if (auto ok = allowed(actor, sees_data_quality); !ok) return std::unexpected(ok.error());
    std::map<std::int64_t, std::size_t> out;
    if (child_ids.empty()) return out;
    auto year = domain::CensusYear::holding(core::london_date(clock_.now()));
    CensusReturn census;
    try {
        census = build_cin_census(db_, year, codes_, calendar_, {}, child_ids);
    } catch (const core::Fault& fault) {
        // The counts are a help on the list, not the list: without them it still shows.
        return core::fail(core::ErrorKind::Internal, fault.what());
    }
    for (const auto& f : census.findings) {
        if (f.child < 0 || !f.rule->check_child) continue;
        ++out[census.children[static_cast<std::size_t>(f.child)].record_id];
    }
    return out;
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
