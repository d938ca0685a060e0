#include "service/case_pages.hpp"

#include <algorithm>
#include <string>

#include "core/london_time.hpp"
#include "service/deadline_service.hpp"
#include "service/family_document_service.hpp"
#include "service/practice_settings_service.hpp"
#include "store/page_stamps.hpp"
#include "store/read_transaction.hpp"

namespace signs::service {
namespace {

/// The case and how the actor may open it; a case they may not open at all is an error.
core::Result<store::CaseRecord> case_to_read(soci::session& sql, const Actor& actor,
                                             std::int64_t case_id, const std::string& now,
                                             CaseAccess& access) {
    auto record = store::cases::find(sql, case_id);
    if (!record) return core::fail(core::ErrorKind::NotFound, "There is no case with that number");
    access = case_access(sql, actor, *record, now);
    if (access == CaseAccess::Refused)
        return core::fail(core::ErrorKind::Forbidden, "You cannot open this case");
    return std::move(*record);
}

core::Result<store::ChildRecord> child_to_read(soci::session& sql, const Actor& actor,
                                               std::int64_t child_id, const std::string& now) {
    auto child = store::children::find(sql, child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(sql, actor, *child, now)) {
        return core::fail(
            core::ErrorKind::Forbidden,
            "This child's record is not part of your work. Open their case to ask for access.");
    }
    return std::move(*child);
}

/// A manager working on one of their teams' cases sees the allocation form; the kept page's
/// key and the page itself must agree on it.
bool allocates(const Actor& actor, bool own) {
    return own && actor.has_role(domain::Role::TeamManager);
}

/// The manager's teams, for the keys of pages that show what only their teams' managers see.
std::string teams_key(const Actor& actor) {
    std::string out;
    for (auto team : actor.user->team_ids()) out += "." + std::to_string(team);
    return out;
}

}  // namespace

core::Result<CasePage> CasePages::case_page(const Actor& actor, std::int64_t case_id) {
    auto now = clock_.now();
    auto today = core::london_date(now);
    CasePage page;
    // Taken before the lease: the calendar may read the database itself, and a request
    // holding one connection while waiting for another could empty the pool.
    auto calendar = calendars_.current();
    {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        store::ReadTransaction read{lease};
        auto record = case_to_read(sql, actor, case_id, core::to_storage(now), page.access);
        if (!record) return std::unexpected(record.error());
        if (page.access == CaseAccess::BreakGlassNeeded) {
            page.view.record = std::move(*record);
            return page;
        }
        bool own = is_own_work(actor, *record);
        page.view = {*record, case_children(sql, case_id), !own};
        for (const auto& child : page.view.children) {
            if (child.history.empty() || !child.history.back().to_date.empty()) continue;
            if (auto level = domain::parse_level(child.history.back().level)) {
                auto variant = domain::variant_for(*level);
                if (!page.variant_names.contains(variant))
                    page.variant_names[variant] = current_wording(sql, variant).name;
            }
        }
        page.mappings = store::mappings::for_case(sql, case_id);
        if (record->closed_on.empty()) {
            page.calendar = calendar;
            page.deadlines = domain::outstanding_deadlines(
                case_events(sql, case_id, today), *page.calendar, visit_frequencies_in_force(sql));
        }
        page.meetings = store::meetings::for_case(sql, case_id);
        page.plan = plan_summary(sql, case_id, today);
        page.alerts = store::mappings::alerts(sql, case_id);
        page.voices = store::child_voice::for_case(sql, case_id);
        page.stories = latest_stories(sql, case_id);
        page.visits = case_visits(sql, *record);
        const auto& user = *actor.user;
        page.manager = allocates(actor, own);
        // The workers offered are the case's team's; a case with no team yet joins the
        // manager's own when allocated.
        auto team = record->team_id ? record->team_id : user.team_id;
        if (page.manager && team) {
            page.team_members = active_team_members(sql, *team);
            if (user.works_in(record->team_id))
                page.break_glass = store::cases::break_glass_for_case(sql, case_id);
        }
    }
    audit_.record_view(actor, {page.view.via_break_glass ? "view-break-glass" : "view", "case",
                               std::to_string(case_id), ""});
    return page;
}

core::Result<CasePageKey> CasePages::case_page_key(const Actor& actor, std::int64_t case_id) {
    auto now = clock_.now();
    CasePageKey out;
    bool own = false;
    {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        store::ReadTransaction read{lease};
        auto record = case_to_read(sql, actor, case_id, core::to_storage(now), out.access);
        if (!record) return std::unexpected(record.error());
        if (out.access == CaseAccess::BreakGlassNeeded) return out;
        own = is_own_work(actor, *record);
        bool manager = allocates(actor, own);
        out.key = std::to_string(record->id) + "." + std::to_string(record->version) + "." +
                  std::to_string(record->mapping_stamp) + "." +
                  std::to_string(record->deadline_stamp) + "." +
                  std::to_string(record->page_stamp) + "." + core::london_date(now).iso() +
                  (own ? ".own" : ".glass") + (manager ? ".manager" + teams_key(actor) : "");
    }
    audit_.record_view(actor,
                       {own ? "view" : "view-break-glass", "case", std::to_string(case_id), ""});
    return out;
}

core::Result<std::string> CasePages::child_page_key(const Actor& actor, std::int64_t child_id) {
    return child_key(actor, child_id, "", [&](soci::session& sql) {
        // A manager's page lists who has opened the record, so it is kept only until the
        // next view, and only for their own team.
        if (!actor.has_role(domain::Role::TeamManager)) return std::string{};
        return ".viewers." + std::to_string(store::page_stamps::child_audit(sql, child_id)) +
               teams_key(actor);
    });
}

core::Result<std::string> CasePages::child_form_key(const Actor& actor, std::int64_t child_id,
                                                    bool family, const std::string& purpose) {
    return child_key(actor, child_id, purpose, [&](soci::session& sql) {
        return family ? ".family." + store::page_stamps::family(sql, child_id) : std::string{};
    });
}

core::Result<std::string> CasePages::child_key(
    const Actor& actor, std::int64_t child_id, const std::string& purpose,
    const std::function<std::string(soci::session&)>& more) {
    auto now = clock_.now();
    std::string key;
    {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        store::ReadTransaction read{lease};
        auto child = child_to_read(sql, actor, child_id, core::to_storage(now));
        if (!child) return std::unexpected(child.error());
        key = std::to_string(child->id) + "." + std::to_string(child->version) + "." +
              std::to_string(store::page_stamps::child(sql, child_id)) + "." +
              core::london_date(now).iso() + more(sql);
    }
    audit_.record_view(actor, {"view", "child", std::to_string(child_id), purpose});
    return key;
}

core::Result<ChildPage> CasePages::child_page(const Actor& actor, std::int64_t child_id) {
    ChildPage page;
    {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        store::ReadTransaction read{lease};
        auto child = child_to_read(sql, actor, child_id, core::to_storage(clock_.now()));
        if (!child) return std::unexpected(child.error());
        page.view = child_view(sql, *child);
        const auto& user = *actor.user;
        bool manages = actor.has_role(domain::Role::TeamManager) &&
                       std::any_of(page.view.cases.begin(), page.view.cases.end(),
                                   [&](const auto& c) { return user.works_in(c.record.team_id); });
        if (manages) page.viewers = record_viewers(sql, child_id);
    }
    audit_.record_view(actor, {"view", "child", std::to_string(child_id), ""});
    return page;
}

}  // namespace signs::service
