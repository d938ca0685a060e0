#include "service/casework_service.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/london_time.hpp"
#include "core/utf8.hpp"
#include "core/validation.hpp"
#include "domain/casework/identifiers.hpp"
#include "domain/casework/name_match.hpp"
#include "service/child_records.hpp"
#include "service/cin_episodes.hpp"
#include "service/level_history.hpp"
#include "store/audit_repository.hpp"
#include "store/read_transaction.hpp"
#include "store/store_error.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

/// Children found by an identifier: one or two at most, so read whole and put in the
/// cursor's order.
store::children::IdBatch identified(std::vector<std::int64_t> ids,
                                    const store::children::IdCursor& at) {
    std::erase_if(ids, [&](std::int64_t id) {
        return (at.after && id <= *at.after) || (at.downwards() && id >= *at.before);
    });
    std::sort(ids.begin(), ids.end());
    if (at.downwards()) std::reverse(ids.begin(), ids.end());
    return {ids, std::nullopt};
}

constexpr std::size_t kMaxBreakGlassReason = 500;

std::string name_of(const store::ChildRecord& child) {
    return child.first_name + " " + child.last_name;
}

}  // namespace

CaseAccess CaseworkService::access(soci::session& sql, const Actor& actor,
                                   const store::CaseRecord& record) {
    return case_access(sql, actor, record, core::to_storage(clock_.now()));
}

bool CaseworkService::can_open_child(soci::session& sql, const Actor& actor,
                                     const store::ChildRecord& child) {
    return service::can_open_child(sql, actor, child, core::to_storage(clock_.now()));
}

core::Result<AddChildOutcome> CaseworkService::add_child(const Actor& actor,
                                                         const domain::ChildForm& form,
                                                         bool confirmed_not_duplicate,
                                                         bool check_only) {
    if (!has_case_role(actor)) {
        return core::fail(core::ErrorKind::Forbidden, "Only casework staff can record children");
    }
    auto today = core::london_date(clock_.now());
    auto details = domain::check_child(form, today, codes_);
    if (!details) return std::unexpected(details.error());

    auto child = record_from(*details);
    child.created_at = core::to_storage(clock_.now());
    child.created_by = actor.user->id;

    auto lease = db_.lease();
    AddChildOutcome outcome;
    if (!confirmed_not_duplicate) {
        std::set<std::int64_t> candidates;
        if (!child.nhs_number.empty() || !child.upn.empty()) {
            for (auto id :
                 store::children::ids_with_identifier(lease.sql(), child.nhs_number, child.upn)) {
                candidates.insert(id);
            }
        }
        if (!child.date_of_birth.empty()) {
            for (auto id :
                 store::children::ids_born_on(lease.sql(), child.date_of_birth, 200).ids) {
                auto other = store::children::find(lease.sql(), id);
                if (other && domain::names_look_alike(name_of(*other), name_of(child)))
                    candidates.insert(id);
            }
        }
        for (auto id : candidates) {
            if (auto other = store::children::find(lease.sql(), id))
                outcome.lookalikes.push_back(*other);
        }
        if (!outcome.lookalikes.empty()) return outcome;
    }
    if (check_only) return outcome;
    store::Transaction tx{lease};
    auto id = store::children::insert(lease.sql(), child, index_keys_for(child));
    store::chronology::add(
        lease.sql(),
        {0, id, (details->date_of_birth ? *details->date_of_birth : today).iso(), "record-created",
         "Record created", "record", actor.user->id, "", child.created_at});
    record_audit(lease.sql(), clock_, actor, {"child-add", "child", std::to_string(id), ""});
    tx.commit();
    outcome.child_id = id;
    return outcome;
}

core::Result<SearchPage> CaseworkService::search_children(const Actor& actor,
                                                          const std::string& query,
                                                          const store::children::IdCursor& from) {
    if (!has_case_role(actor)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Only casework staff can search for children");
    }
    auto text = core::trimmed(query);
    core::FieldChecks checks;
    checks.text("q", text, "Enter a name, date of birth, NHS number or UPN", "Search", 100);
    if (!checks.ok()) return std::unexpected(checks.error());
    const bool down = from.downwards();
    // Candidates come a batch at a time in the order of ids from the cursor, each batch
    // twice the last up to a most, so a common name fills a page with one small read and a
    // rarer match among many is still reached; a page ends when one more result than it
    // shows is found, so it knows whether another follows.
    constexpr int kFirstBatch = 64, kLargestBatch = 512;
    // A page reads this many batches at most, and then offers to read on: a search whose
    // candidates mostly do not match every word stays quick, and nothing is skipped.
    constexpr int kMostBatches = 10;
    const auto wanted = static_cast<std::size_t>(kSearchPageSize) + 1;

    // The connection goes back to the pool before the audit event is queued: the audit
    // writer needs one too, and waiting for it while holding one could starve the pool.
    auto results = [&] {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto now = core::to_storage(clock_.now());
        store::children::OpenableBy by{actor.user->id, actor.user->team_ids(), now};
        bool by_name = false;
        int size = kFirstBatch;
        std::function<store::children::IdBatch(const store::children::IdCursor&)> batch;
        if (auto date = core::CivilDate::parse_iso(text)) {
            batch = [&, iso = date->iso()](const auto& at) {
                return store::children::ids_born_on(sql, iso, size, at);
            };
        } else if (auto nhs = domain::normalise_nhs_number(text)) {
            batch = [&, nhs = *nhs](const auto& at) {
                return identified(store::children::ids_with_identifier(sql, nhs, ""), at);
            };
        } else if (auto upn = domain::normalise_upn(text)) {
            batch = [&, upn = *upn](const auto& at) {
                return identified(store::children::ids_with_identifier(sql, "", upn), at);
            };
        } else {
            by_name = true;
            // Candidates from the rarest-looking (longest) word, then checked against every
            // word. Only children the user may open are read.
            auto words = domain::name_words(text);
            if (words.empty()) return SearchPage{};
            auto longest =
                *std::max_element(words.begin(), words.end(),
                                  [](const auto& a, const auto& b) { return a.size() < b.size(); });
            batch = [&, keys = domain::name_query_keys(longest), longest](const auto& at) {
                return store::children::ids_named(sql, keys, longest, size, by, at);
            };
        }
        std::vector<ChildSummary> found;
        auto at = from;
        bool more = false;
        for (int read = 0; found.size() < wanted; ++read) {
            if (read == kMostBatches) {
                more = true;
                break;
            }
            auto candidates = batch(at);
            // Names first (cheap to check), then which matches the user may open.
            std::vector<std::int64_t> matching;
            auto records = store::children::find_many(sql, candidates.ids);
            for (const auto& child : records) {
                if (!by_name ||
                    domain::name_matches(text, child.first_name + " " + child.last_name + " " +
                                                   child.preferred_name)) {
                    matching.push_back(child.id);
                }
            }
            auto openable = store::children::openable(sql, matching, by);
            std::set<std::int64_t> allowed(openable.begin(), openable.end());
            for (const auto& child : records) {
                if (found.size() == wanted) break;
                if (!allowed.contains(child.id)) continue;
                // Restricted children are few: they get the full check, case by case.
                if (child.restricted && !can_open_child(sql, actor, child)) continue;
                found.push_back({child, ""});
            }
            if (!candidates.read_on_from) break;
            size = std::min(size * 2, kLargestBatch);
            at = down ? store::children::IdCursor{std::nullopt, candidates.read_on_from}
                      : store::children::IdCursor{candidates.read_on_from, std::nullopt};
        }
        SearchPage out;
        // Where the page stops: its last result when one more was found, else as far as read.
        std::optional<std::int64_t> onward;
        if (found.size() == wanted) {
            found.pop_back();
            onward = found.back().child.id;
        } else if (more) {
            onward = down ? at.before : at.after;
        }
        if (down) std::reverse(found.begin(), found.end());
        // Coming from a cursor, there is a page on its other side.
        std::optional<std::int64_t> back;
        if (from.after || from.before) {
            auto start = down ? *from.before : *from.after;
            back = found.empty() ? (down ? start - 1 : start + 1)
                                 : (down ? found.back().child.id : found.front().child.id);
        }
        out.next_after = down ? back : onward;
        out.previous_before = down ? onward : back;
        out.children = std::move(found);
        std::vector<std::int64_t> shown;
        for (const auto& r : out.children) shown.push_back(r.child.id);
        auto levels = store::cases::current_levels(sql, shown);
        for (auto& r : out.children) {
            if (auto it = levels.find(r.child.id); it != levels.end()) r.current_level = it->second;
        }
        return out;
    }();
    auto where = from.after    ? " after child " + std::to_string(*from.after)
                 : from.before ? " before child " + std::to_string(*from.before)
                               : std::string{};
    audit_.record(actor, {"child-search", "child", "",
                          std::to_string(results.children.size()) + " found" + where});
    return results;
}

core::Result<ChildView> CaseworkService::view_child(const Actor& actor, std::int64_t child_id) {
    auto view = read_child(actor, child_id);
    if (view) audit_.record_view(actor, {"view", "child", std::to_string(child_id), ""});
    return view;
}

core::Result<ChildView> CaseworkService::read_child(const Actor& actor, std::int64_t child_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto child = store::children::find(sql, child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(sql, actor, *child)) {
        return core::fail(
            core::ErrorKind::Forbidden,
            "This child's record is not part of your work. Open their case to ask for access.");
    }
    return child_view(sql, *child);
}

ChildView child_view(soci::session& sql, const store::ChildRecord& child) {
    ChildView view{child,
                   {},
                   store::chronology::for_child(sql, child.id, 200),
                   store::network::for_child(sql, child.id),
                   store::network::professionals_for_child(sql, child.id),
                   store::addresses::for_child(sql, child.id),
                   store::contacts::for_child(sql, child.id)};
    for (auto case_id : store::cases::ids_for_child(sql, child.id)) {
        auto record = store::cases::find(sql, case_id);
        if (!record) continue;
        view.cases.push_back({*record, store::cases::level_history(sql, case_id, child.id)});
    }
    return view;
}

core::Result<std::int64_t> CaseworkService::open_case(const Actor& actor,
                                                      const OpenCaseForm& form) {
    if (!has_case_role(actor))
        return core::fail(core::ErrorKind::Forbidden, "Only casework staff can open cases");
    core::FieldChecks checks;
    checks.text("family_name", form.family_name, "Enter a name for the family", "Family name", 100);
    if (form.child_ids.empty()) checks.add("children", "Select at least one child");
    auto today = core::london_date(clock_.now());
    auto start = domain::check_first_level(form.start, today);
    if (!start) {
        for (const auto& f : start.error().fields) checks.add(f.field, f.message);
    }
    if (!checks.ok()) return std::unexpected(checks.error());

    auto lease = db_.lease();
    auto& sql = lease.sql();
    for (auto child_id : form.child_ids) {
        auto child = store::children::find(sql, child_id);
        if (!child || !can_open_child(sql, actor, *child)) {
            return core::fail(core::ErrorKind::Forbidden,
                              "You cannot open a case for a child outside your work");
        }
    }
    auto now = core::to_storage(clock_.now());
    store::CaseRecord record;
    record.family_name = core::trimmed(form.family_name);
    record.team_id = actor.user->team_id;
    record.worker_id = actor.user->id;
    record.opened_on = form.start.on.iso();
    record.created_at = now;
    store::Transaction tx{lease};
    auto case_id = store::cases::insert(sql, record);
    for (auto child_id : form.child_ids) {
        store::cases::add_child(sql, case_id, child_id);
        store::cases::add_level_period(
            sql, period_from(case_id, child_id, form.start, actor.user->id, now));
        follow_level(sql, child_id, "", std::string{domain::level_code(form.start.to)},
                     form.start.on.iso(), actor.user->id, now);
        store::chronology::add(sql, {0, child_id, form.start.on.iso(), "case-opened",
                                     "Case opened at " + describe_level(form.start) + ": " +
                                         core::trimmed(form.start.reason),
                                     "record", actor.user->id, "", now});
    }
    record_audit(sql, clock_, actor,
                 {"case-open", "case", std::to_string(case_id), record.family_name});
    tx.commit();
    return case_id;
}

core::Result<CaseView> CaseworkService::view_case(const Actor& actor, std::int64_t case_id) {
    auto view = read_case(actor, case_id);
    if (view) {
        audit_.record_view(actor, {view->via_break_glass ? "view-break-glass" : "view", "case",
                                   std::to_string(case_id), ""});
    }
    return view;
}

core::Result<CaseView> CaseworkService::read_case(const Actor& actor, std::int64_t case_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = store::cases::find(sql, case_id);
    if (!record) return core::fail(core::ErrorKind::NotFound, "There is no case with that number");
    auto allowed = access(sql, actor, *record);
    if (allowed == CaseAccess::Refused) {
        return core::fail(core::ErrorKind::Forbidden, "You cannot open this case");
    }
    if (allowed == CaseAccess::BreakGlassNeeded) {
        return core::fail(core::ErrorKind::Forbidden, "This case is not part of your work");
    }
    return CaseView{*record, case_children(sql, case_id), !is_own_work(actor, *record)};
}

std::vector<CaseChildView> case_children(soci::session& sql, std::int64_t case_id) {
    std::vector<CaseChildView> out;
    auto closures = store::cases::closures(sql, case_id);
    for (auto child_id : store::cases::child_ids(sql, case_id)) {
        if (auto child = store::children::find(sql, child_id)) {
            out.push_back(
                {*child, store::cases::level_history(sql, case_id, child_id), std::nullopt});
            if (auto it = closures.find(child_id); it != closures.end())
                out.back().closure = it->second;
        }
    }
    return out;
}

core::Result<void> CaseworkService::change_level(const Actor& actor, std::int64_t case_id,
                                                 std::int64_t child_id,
                                                 const domain::LevelChange& change) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = store::cases::find(sql, case_id);
    if (!record) return core::fail(core::ErrorKind::NotFound, "There is no case with that number");
    if (access(sql, actor, *record) != CaseAccess::Allowed) {
        return core::fail(core::ErrorKind::Forbidden, "This case is not part of your work");
    }
    auto children = store::cases::child_ids(sql, case_id);
    if (std::find(children.begin(), children.end(), child_id) == children.end()) {
        return core::fail(core::ErrorKind::NotFound, "That child is not in this case");
    }
    store::Transaction tx{lease};
    auto history = store::cases::level_history(sql, case_id, child_id);
    auto domain_history = to_domain(history);
    auto checked =
        domain::check_level_change(domain_history, change, core::london_date(clock_.now()));
    if (!checked) return std::unexpected(checked.error());
    auto now = core::to_storage(clock_.now());
    auto from = domain_history.back().level;
    store::cases::end_current_period(sql, case_id, child_id, change.on.iso());
    store::cases::add_level_period(sql,
                                   period_from(case_id, child_id, change, actor.user->id, now));
    follow_level(sql, child_id, std::string{domain::level_code(from)},
                 std::string{domain::level_code(change.to)}, change.on.iso(), actor.user->id, now);
    auto direction = domain::direction(from, change.to);
    std::string verb = direction == domain::Direction::StepUp     ? "Stepped up"
                       : direction == domain::Direction::StepDown ? "Stepped down"
                                                                  : "Changed";
    store::chronology::add(sql, {0, child_id, change.on.iso(), "level-change",
                                 verb + " from " + std::string{domain::level_label(from)} + " to " +
                                     describe_level(change) + ": " + core::trimmed(change.reason),
                                 "record", actor.user->id, "", now});
    record_audit(sql, clock_, actor,
                 {"level-change", "case", std::to_string(case_id),
                  "child " + std::to_string(child_id) + " to " +
                      std::string{domain::level_code(change.to)}});
    tx.commit();
    return {};
}

core::Result<void> CaseworkService::allocate(const Actor& actor, std::int64_t case_id,
                                             std::optional<std::int64_t> worker_id,
                                             int expected_version) {
    if (!actor.has_role(domain::Role::TeamManager)) {
        return core::fail(core::ErrorKind::Forbidden, "Only team managers allocate cases");
    }
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = store::cases::find(sql, case_id);
    if (!record) return core::fail(core::ErrorKind::NotFound, "There is no case with that number");
    const auto& manager = *actor.user;
    if (record->team_id && !manager.works_in(record->team_id))
        return core::fail(core::ErrorKind::Forbidden, "This case belongs to another team");
    // A case stays with its team; one that has none joins the manager's own.
    auto team = record->team_id ? record->team_id : manager.team_id;
    std::string worker_name = "nobody (unallocated)";
    if (worker_id) {
        auto worker = store::users::find_by_id(sql, *worker_id);
        if (!worker || !worker->active || !worker->team_id || worker->team_id != team) {
            return std::unexpected(
                core::Error::invalid({{"worker", "Select someone in the case's team"}}));
        }
        worker_name = worker->name;
    }
    auto now = core::to_storage(clock_.now());
    store::Transaction tx{lease};
    if (!store::cases::allocate(sql, case_id, team, worker_id, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this case while you were looking at it");
    }
    auto today = core::london_date(clock_.now()).iso();
    for (auto child_id : store::cases::child_ids(sql, case_id)) {
        store::chronology::add(
            sql, {0, child_id, today, "allocation", "Case allocated to " + worker_name, "record",
                  manager.id, "", now});
    }
    record_audit(sql, clock_, actor,
                 {"case-allocate", "case", std::to_string(case_id),
                  worker_id ? "user " + std::to_string(*worker_id) : "unallocated"});
    tx.commit();
    return {};
}

core::Result<void> CaseworkService::break_glass(const Actor& actor, std::int64_t case_id,
                                                const std::string& reason) {
    if (!has_case_role(actor)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Your role does not include reading case records");
    }
    core::FieldChecks checks;
    checks.text("reason", reason, "Say why you need to see this case", "Reason",
                kMaxBreakGlassReason);
    if (checks.ok() && core::utf8_length(core::trimmed(reason)) < 10) {
        checks.add("reason", "Give a reason of at least 10 characters");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    auto lease = db_.lease();
    auto record = store::cases::find(lease.sql(), case_id);
    if (!record) return core::fail(core::ErrorKind::NotFound, "There is no case with that number");
    if (access(lease.sql(), actor, *record) == CaseAccess::Refused) {
        return core::fail(core::ErrorKind::Forbidden, "This case is restricted to named people");
    }
    auto now = clock_.now();
    store::Transaction tx{lease};
    store::cases::grant_break_glass(lease.sql(), actor.user->id, case_id, core::trimmed(reason),
                                    core::to_storage(now),
                                    core::to_storage(now + kBreakGlassLifetime));
    record_audit(lease.sql(), clock_, actor,
                 {"break-glass", "case", std::to_string(case_id), core::trimmed(reason)});
    tx.commit();
    return {};
}

std::vector<store::PersonRecord> CaseworkService::family_not_yet_linked(const Actor& actor,
                                                                        std::int64_t child_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto child = store::children::find(sql, child_id);
    if (!child || !can_open_child(sql, actor, *child)) return {};
    std::vector<std::int64_t> family;
    for (auto case_id : store::cases::ids_for_child(sql, child_id)) {
        for (auto other : store::cases::child_ids(sql, case_id)) {
            if (other != child_id) family.push_back(other);
        }
    }
    auto people = store::network::people_around(sql, family);
    std::set<std::int64_t> linked;
    for (const auto& row : store::network::for_child(sql, child_id)) linked.insert(row.person.id);
    std::erase_if(people, [&](const auto& p) { return linked.contains(p.id); });
    return people;
}

core::Result<std::int64_t> CaseworkService::add_network_member(
    const Actor& actor, std::int64_t child_id, const domain::NetworkMemberForm& form,
    std::optional<std::int64_t> existing_person) {
    std::optional<store::PersonRecord> person;
    domain::ChildLink link;
    if (existing_person) {
        auto candidates = family_not_yet_linked(actor, child_id);
        auto found = std::find_if(candidates.begin(), candidates.end(),
                                  [&](const auto& p) { return p.id == *existing_person; });
        if (found == candidates.end()) {
            return std::unexpected(core::Error::invalid(
                {{"person", "Select someone from the family, or add a new person"}}));
        }
        person = *found;
        auto checked = domain::check_child_link(form);
        if (!checked) return std::unexpected(checked.error());
        link = *checked;
    } else {
        auto checked = domain::check_network_member(form);
        if (!checked) return std::unexpected(checked.error());
        const auto& details = checked->first;
        person = store::PersonRecord{0,
                                     details.first_name,
                                     details.last_name,
                                     details.phone,
                                     details.email,
                                     details.address,
                                     "",
                                     std::nullopt};
        link = checked->second;
    }
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto child = store::children::find(sql, child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(sql, actor, *child)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "This child's record is not part of your work");
    }
    auto now = core::to_storage(clock_.now());
    store::Transaction tx{lease};
    if (person->id == 0) {
        person->created_at = now;
        person->created_by = actor.user->id;
        person->id = store::network::insert_person(sql, *person);
    }
    store::NetworkRow answers{*person, link.relationship, link.parental_responsibility,
                              link.lives_with_child, link.safety_network};
    store::network::link(sql, child_id, person->id, answers, now);
    std::string relation{domain::label_for(domain::relationship_codes(), link.relationship)};
    store::chronology::add(
        sql, {0, child_id, core::london_date(clock_.now()).iso(), "network",
              person->first_name + " " + person->last_name + " recorded as " + relation +
                  (link.safety_network ? ", part of the safety network" : ""),
              "record", actor.user->id, "", now});
    record_audit(
        sql, clock_, actor,
        {"network-add", "child", std::to_string(child_id), "person " + std::to_string(person->id)});
    tx.commit();
    return person->id;
}

core::Result<void> CaseworkService::add_professional(const Actor& actor, std::int64_t child_id,
                                                     const domain::ProfessionalForm& form) {
    auto checked = domain::check_professional(form);
    if (!checked) return std::unexpected(checked.error());
    auto lease = db_.lease();
    auto child = store::children::find(lease.sql(), child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(lease.sql(), actor, *child)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "This child's record is not part of your work");
    }
    store::Transaction tx{lease};
    auto id = store::network::insert_professional(
        lease.sql(), {0, child_id, checked->name, checked->role, checked->agency, checked->phone,
                      checked->email, core::to_storage(clock_.now())});
    record_audit(lease.sql(), clock_, actor,
                 {"professional-add", "child", std::to_string(child_id),
                  "professional " + std::to_string(id)});
    tx.commit();
    return {};
}

core::Result<std::int64_t> CaseworkService::add_chronology_entry(
    const Actor& actor, std::int64_t child_id, const domain::ChronologyEntryForm& form) {
    auto lease = db_.lease();
    auto child = store::children::find(lease.sql(), child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(lease.sql(), actor, *child)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "This child's record is not part of your work");
    }
    auto entry = domain::check_chronology_entry(form, core::london_date(clock_.now()));
    if (!entry) return std::unexpected(entry.error());
    store::Transaction tx{lease};
    auto id = store::chronology::add(
        lease.sql(), {0, child_id, entry->on.iso(), entry->kind, entry->summary, "manual",
                      actor.user->id, "", core::to_storage(clock_.now())});
    record_audit(lease.sql(), clock_, actor,
                 {"chronology-add", "child", std::to_string(child_id), entry->kind});
    tx.commit();
    return id;
}

core::Result<ChronologyPage> CaseworkService::chronology_page(
    const Actor& actor, std::int64_t child_id, const std::optional<store::ChronologyCursor>& after,
    int limit) {
    limit = std::clamp(limit, 1, kMostChronologyPerPage);
    ChronologyPage page;
    {
        auto lease = db_.lease();
        store::ReadTransaction read{lease};
        auto& sql = lease.sql();
        auto child = store::children::find(sql, child_id);
        if (!child)
            return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
        if (!can_open_child(sql, actor, *child))
            return core::fail(core::ErrorKind::Forbidden,
                              "This child's record is not part of your work");
        // One more than asked for says whether there is a next page.
        page.entries = store::chronology::page_for_child(sql, child_id, after, limit + 1);
    }
    if (page.entries.size() > static_cast<std::size_t>(limit)) {
        page.entries.resize(static_cast<std::size_t>(limit));
        page.next =
            store::ChronologyCursor{page.entries.back().occurred_on, page.entries.back().id};
    }
    audit_.record_view(actor, {"view", "child", std::to_string(child_id), "chronology"});
    return page;
}

std::vector<RecordView> record_viewers(soci::session& sql, std::int64_t child_id) {
    std::vector<RecordView> out;
    std::map<std::int64_t, std::string> names;
    store::audit::AuditFilter filter;
    filter.entity_type = "child";
    filter.entity_id = std::to_string(child_id);
    filter.limit = 100;
    for (const auto& event : store::audit::search(sql, filter)) {
        if (event.action != "view" || !event.user_id) continue;
        auto [it, fresh] = names.emplace(*event.user_id, "");
        if (fresh) {
            auto user = store::users::find_by_id(sql, *event.user_id);
            it->second = user ? user->name : "A former user";
        }
        out.push_back({event.at, it->second, event.action});
    }
    return out;
}

core::Result<void> CaseworkService::restrict_child(const Actor& actor, std::int64_t child_id,
                                                   const std::string& emails,
                                                   const std::string& reason) {
    if (!actor.has_role(domain::Role::SystemAdministrator)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Only system administrators restrict records");
    }
    core::FieldChecks checks;
    checks.text("reason", reason, "Say why this record is restricted", "Reason", 500);
    auto lease = db_.lease();
    auto& sql = lease.sql();
    std::vector<std::int64_t> users;
    std::string unknown;
    std::size_t start = 0;
    auto list = emails + ",";
    while (start < list.size()) {
        auto end = list.find_first_of(",;\n", start);
        auto email =
            core::lower_ascii(core::trimmed(std::string_view{list}.substr(start, end - start)));
        start = end + 1;
        if (email.empty()) continue;
        auto user = store::users::find_by_email(sql, email);
        if (!user) {
            unknown += (unknown.empty() ? "" : ", ") + email;
            continue;
        }
        users.push_back(user->id);
    }
    if (!unknown.empty())
        checks.add("emails", "There is no user with the email address " + unknown);
    else if (users.empty())
        checks.add("emails",
                   "Enter the email address of at least one person who may open the record");
    if (!checks.ok()) return std::unexpected(checks.error());
    if (!store::children::find(sql, child_id))
        return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    store::Transaction tx{lease};
    store::children::set_restriction(sql, child_id, users);
    record_audit(sql, clock_, actor,
                 {"child-restrict", "child", std::to_string(child_id), core::trimmed(reason)});
    tx.commit();
    return {};
}

core::Result<void> CaseworkService::lift_restriction(const Actor& actor, std::int64_t child_id) {
    if (!actor.has_role(domain::Role::SystemAdministrator)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Only system administrators restrict records");
    }
    auto lease = db_.lease();
    if (!store::children::find(lease.sql(), child_id))
        return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    store::Transaction tx{lease};
    store::children::set_restriction(lease.sql(), child_id, {});
    record_audit(lease.sql(), clock_, actor,
                 {"child-unrestrict", "child", std::to_string(child_id), ""});
    tx.commit();
    return {};
}

core::Result<std::vector<Restriction>> CaseworkService::restrictions(const Actor& actor) {
    if (!actor.has_role(domain::Role::SystemAdministrator)) {
        return core::fail(core::ErrorKind::Forbidden,
                          "Only system administrators restrict records");
    }
    auto lease = db_.lease();
    auto& sql = lease.sql();
    std::vector<Restriction> out;
    for (auto id : store::children::restricted_ids(sql)) {
        auto child = store::children::find(sql, id);
        if (!child) continue;
        Restriction r{id, child->first_name + " " + child->last_name, {}};
        for (auto user_id : store::children::restricted_to(sql, id)) {
            if (auto user = store::users::find_by_id(sql, user_id))
                r.allowed.push_back(user->name + " <" + user->email + ">");
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<store::UserRecord> active_team_members(soci::session& sql, std::int64_t team_id) {
    auto everyone = store::users::list(sql);
    std::erase_if(everyone, [&](const auto& u) { return !u.active || u.team_id != team_id; });
    return everyone;
}

core::Result<std::vector<store::CaseListRow>> CaseworkService::my_cases(
    const Actor& actor, store::cases::ListFilter filter) {
    if (!has_case_role(actor))
        return core::fail(core::ErrorKind::Forbidden, "Your role has no cases");
    auto lease = db_.lease();
    filter.worker_id = actor.user->id;
    filter.team_ids.clear();
    filter.unallocated_only = false;
    filter.today = core::london_date(clock_.now()).iso();
    return store::cases::list(lease.sql(), filter);
}

core::Result<std::vector<store::CaseListRow>> CaseworkService::team_cases(
    const Actor& actor, store::cases::ListFilter filter) {
    if (!has_case_role(actor) || actor.user->team_ids().empty()) {
        return core::fail(core::ErrorKind::Forbidden, "You are not in a team");
    }
    auto lease = db_.lease();
    filter.worker_id.reset();
    filter.team_ids = actor.user->team_ids();
    filter.today = core::london_date(clock_.now()).iso();
    return store::cases::list(lease.sql(), filter);
}

}  // namespace signs::service
