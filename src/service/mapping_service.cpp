#include "service/mapping_service.hpp"

#include <algorithm>
#include <map>

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/level_history.hpp"
#include "service/practice_settings_service.hpp"
#include "store/chronology_repository.hpp"

namespace signs::service {
namespace {

/// The mapping, if the actor may work on its case; for a change, only while not agreed.
core::Result<store::MappingRecord> mapping_for(soci::session& sql, const Actor& actor,
                                               std::int64_t mapping_id, const std::string& now,
                                               bool for_change) {
    auto mapping = store::mappings::find(sql, mapping_id);
    if (!mapping)
        return core::fail(core::ErrorKind::NotFound, "There is no mapping with that number");
    auto record = open_case_for(sql, actor, mapping->case_id, now);
    if (!record) return std::unexpected(record.error());
    if (for_change && mapping->status == "agreed")
        return core::fail(core::ErrorKind::Conflict,
                          "This mapping has been agreed and can no longer be changed");
    return *mapping;
}

/// The entry, if the actor may change the mapping it is on.
core::Result<store::EntryRecord> entry_for_change(soci::session& sql, const Actor& actor,
                                                  std::int64_t entry_id, const std::string& now) {
    auto entry = store::mappings::find_entry(sql, entry_id);
    if (!entry) return core::fail(core::ErrorKind::NotFound, "There is no entry with that number");
    auto mapping = mapping_for(sql, actor, entry->mapping_id, now, true);
    if (!mapping) return std::unexpected(mapping.error());
    return *entry;
}

std::vector<std::string> ids_as_text(const std::vector<std::int64_t>& ids) {
    std::vector<std::string> out;
    for (auto id : ids) out.push_back(std::to_string(id));
    return out;
}

std::vector<std::string> participant_ids(soci::session& sql, std::int64_t mapping_id) {
    std::vector<std::int64_t> ids;
    for (const auto& p : store::mappings::participants(sql, mapping_id)) ids.push_back(p.id);
    return ids_as_text(ids);
}

std::vector<std::string> statement_ids(const std::vector<store::EntryRecord>& entries) {
    std::vector<std::int64_t> ids;
    for (const auto& e : entries) {
        if (e.category == domain::kDangerStatement) ids.push_back(e.id);
    }
    return ids_as_text(ids);
}

std::optional<std::int64_t> as_id(const std::string& text) {
    if (text.empty() || text == "agency") return std::nullopt;
    return std::stoll(text);
}

/// Whether the mapping's numbers may be shown: blind scaling hides them until everyone has
/// given an overall number.
bool revealed(const store::MappingRecord& mapping,
              const std::vector<store::ParticipantRecord>& participants,
              const std::vector<store::ScoreRecord>& scores) {
    std::vector<std::int64_t> people, gave;
    for (const auto& p : participants) people.push_back(p.id);
    for (const auto& score : scores) {
        if (!score.statement_id) gave.push_back(score.participant_id);
    }
    return domain::scores_revealed(mapping.blind, people, gave);
}

/// The staff who may be named as taking part: the case's team and its managers, whoever
/// holds the case, and the chairs who run its meetings. The same for every viewer, so the
/// kept page can show it to each of them.
std::vector<store::UserRecord> professionals_for(soci::session& sql,
                                                 const store::CaseRecord& record) {
    auto staff = store::users::list(sql);
    std::erase_if(staff, [&](const store::UserRecord& u) {
        bool casework = u.role == domain::Role::Practitioner ||
                        u.role == domain::Role::TeamManager ||
                        u.role == domain::Role::ConferenceChair;
        bool near = u.works_in(record.team_id) || u.id == record.worker_id ||
                    u.role == domain::Role::ConferenceChair;
        return !u.active || !casework || !near;
    });
    return staff;
}

/// The whole mapping as its page shows it, read on the caller's connection.
core::Result<MappingView> read_view(soci::session& sql, const Actor& actor, std::int64_t mapping_id,
                                    const std::string& now) {
    auto mapping = mapping_for(sql, actor, mapping_id, now, false);
    if (!mapping) return std::unexpected(mapping.error());
    MappingView out;
    out.record = *mapping;
    out.case_record = *store::cases::find(sql, mapping->case_id);
    out.children = store::children::find_many(sql, mapping->child_ids);
    out.participants = store::mappings::participants(sql, mapping_id);
    out.entries = store::mappings::entries(sql, mapping_id);
    out.scores = store::mappings::scores(sql, mapping_id);
    out.family = store::network::people_around(sql, mapping->child_ids);
    out.professionals = professionals_for(sql, out.case_record);
    out.wording = current_wording(sql, domain::parse_variant(mapping->variant));
    std::vector<domain::StatementState> statements;
    for (const auto& e : out.entries) {
        if (e.category != domain::kDangerStatement) continue;
        domain::StatementState s{e.text, false, false};
        s.has_goal = std::any_of(out.entries.begin(), out.entries.end(), [&](const auto& g) {
            return g.category == domain::kSafetyGoal && g.answers == e.id;
        });
        s.has_score = std::any_of(out.scores.begin(), out.scores.end(),
                                  [&](const auto& score) { return score.statement_id == e.id; });
        statements.push_back(s);
    }
    out.agreement_problems =
        domain::agreement_problems(statements, out.wording.statement, out.wording.goal);
    auto unmarked = std::count_if(out.entries.begin(), out.entries.end(), [](const auto& e) {
        return e.carried_from && e.review_mark.empty();
    });
    if (unmarked > 0) {
        out.agreement_problems.push_back(
            std::to_string(unmarked) +
            (unmarked == 1 ? " entry carried forward is" : " entries carried forward are") +
            " not yet marked still true, changed or no longer a concern");
    }
    out.review_id = store::mappings::review_of(sql, mapping_id);
    out.many_statements = statements.size() > domain::kStatementsBeforeWarning;
    out.revealed = revealed(*mapping, out.participants, out.scores);
    return out;
}

}  // namespace

core::Result<std::int64_t> MappingService::start(const Actor& actor, std::int64_t case_id,
                                                 const domain::MappingForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_to_change(sql, actor, case_id, now);
    if (!record) return std::unexpected(record.error());
    auto children = store::cases::child_ids(sql, case_id);
    auto checked =
        domain::check_mapping(form, ids_as_text(children), core::london_date(clock_.now()));
    if (!checked) return std::unexpected(checked.error());
    store::MappingRecord mapping;
    mapping.case_id = case_id;
    mapping.held_on = core::CivilDate::from_parts(form.day, form.month, form.year)->iso();
    mapping.purpose = form.purpose;
    mapping.blind = form.blind == "yes";
    mapping.created_by = actor.user->id;
    mapping.created_at = now;
    for (const auto& id : form.child_ids) mapping.child_ids.push_back(std::stoll(id));
    std::sort(mapping.child_ids.begin(), mapping.child_ids.end());
    mapping.child_ids.erase(std::unique(mapping.child_ids.begin(), mapping.child_ids.end()),
                            mapping.child_ids.end());
    // The wording follows the level of the first child the mapping is about.
    mapping.variant =
        domain::variant_code(variant_of_child(sql, case_id, mapping.child_ids.front()));
    store::Transaction tx{lease};
    auto id = store::mappings::insert(sql, mapping);
    for (auto child : mapping.child_ids) {
        store::chronology::add(
            sql, {0, child, mapping.held_on, "mapping",
                  std::string{domain::label_for(domain::mapping_purposes(), form.purpose)} +
                      " mapping started",
                  "record", actor.user->id, "", now});
    }
    record_audit(
        sql, clock_, actor,
        {"mapping-start", "mapping", std::to_string(id), "case " + std::to_string(case_id)});
    tx.commit();
    return id;
}

core::Result<std::vector<store::MappingRecord>> MappingService::for_case(const Actor& actor,
                                                                         std::int64_t case_id) {
    auto lease = db_.lease();
    auto record = open_case_for(lease.sql(), actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    return store::mappings::for_case(lease.sql(), case_id);
}

core::Result<MappingView> MappingService::view(const Actor& actor, std::int64_t mapping_id) {
    auto view = [&] {
        auto lease = db_.lease();
        return read_view(lease.sql(), actor, mapping_id, core::to_storage(clock_.now()));
    }();
    if (view) audit_.record_view(actor, {"view", "mapping", std::to_string(mapping_id), ""});
    return view;
}

namespace {

PageStamp stamp_of(const store::CaseRecord& record) {
    return {record.id, std::to_string(record.id) + "." + std::to_string(record.version) + "." +
                           std::to_string(record.mapping_stamp)};
}

}  // namespace

core::Result<PageStamp> MappingService::view_stamp(const Actor& actor, std::int64_t mapping_id) {
    auto stamp = [&]() -> core::Result<PageStamp> {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto now = core::to_storage(clock_.now());
        auto case_id = store::mappings::case_of(sql, mapping_id);
        if (!case_id)
            return core::fail(core::ErrorKind::NotFound, "There is no mapping with that number");
        auto record = open_case_for(sql, actor, *case_id, now);
        if (!record) return std::unexpected(record.error());
        auto out = stamp_of(*record);
        // The staff who may be chosen as taking part change with the staff list.
        out.key += "." + store::users::stamp(sql);
        return out;
    }();
    if (stamp) audit_.record_view(actor, {"view", "mapping", std::to_string(mapping_id), ""});
    return stamp;
}

core::Result<PageStamp> MappingService::over_time_stamp(const Actor& actor, std::int64_t case_id) {
    auto stamp = [&]() -> core::Result<PageStamp> {
        auto lease = db_.lease();
        auto record = open_case_for(lease.sql(), actor, case_id, core::to_storage(clock_.now()));
        if (!record) return std::unexpected(record.error());
        return stamp_of(*record);
    }();
    if (stamp)
        audit_.record_view(actor, {"view", "case", std::to_string(case_id), "mappings over time"});
    return stamp;
}

core::Result<std::int64_t> MappingService::add_participant(const Actor& actor,
                                                           std::int64_t mapping_id,
                                                           const domain::ParticipantForm& form) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto mapping = mapping_for(sql, actor, mapping_id, core::to_storage(clock_.now()), true);
    if (!mapping) return std::unexpected(mapping.error());
    std::vector<domain::KnownPerson> family, professionals;
    for (const auto& p : store::network::people_around(sql, mapping->child_ids))
        family.push_back({std::to_string(p.id), p.first_name + " " + p.last_name});
    auto record = store::cases::find(sql, mapping->case_id);
    for (const auto& u : professionals_for(sql, *record))
        professionals.push_back({std::to_string(u.id), u.name});
    auto checked = domain::check_participant(form, family, professionals);
    if (!checked) return std::unexpected(checked.error());
    store::Transaction tx{lease};
    auto id = store::mappings::add_participant(
        sql, {0, mapping_id, checked->name, checked->kind, checked->took_part, false,
              core::parse_number(checked->person), core::parse_number(checked->professional)});
    record_audit(sql, clock_, actor,
                 {"mapping-participant", "mapping", std::to_string(mapping_id), checked->kind});
    tx.commit();
    return id;
}

core::Result<std::int64_t> MappingService::add_entry(const Actor& actor, std::int64_t mapping_id,
                                                     const domain::EntryForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto mapping = mapping_for(sql, actor, mapping_id, now, true);
    if (!mapping) return std::unexpected(mapping.error());
    auto checked = domain::check_entry(form, participant_ids(sql, mapping_id),
                                       statement_ids(store::mappings::entries(sql, mapping_id)));
    if (!checked) return std::unexpected(checked.error());
    store::Transaction tx{lease};
    auto id = store::mappings::add_entry(
        sql, {0, mapping_id, checked->category, checked->text, as_id(checked->said_by),
              as_id(checked->answers), std::nullopt, "", 0, actor.user->id, now, 1});
    record_audit(sql, clock_, actor,
                 {"mapping-entry-add", "mapping", std::to_string(mapping_id), checked->category});
    tx.commit();
    return id;
}

core::Result<void> MappingService::update_entry(const Actor& actor, std::int64_t entry_id,
                                                const domain::EntryForm& form,
                                                int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto entry = entry_for_change(sql, actor, entry_id, now);
    if (!entry) return std::unexpected(entry.error());
    auto others = store::mappings::entries(sql, entry->mapping_id);
    std::erase_if(others, [&](const auto& e) { return e.id == entry_id; });
    auto checked = domain::check_entry(form, participant_ids(sql, entry->mapping_id),
                                       statement_ids(others), entry->carried_from.has_value());
    if (!checked) return std::unexpected(checked.error());
    auto changed = *entry;
    if (changed.category != checked->category) {
        // A move to another category puts the entry at the end of its new list.
        int last = 0;
        for (const auto& e : others) {
            if (e.category == checked->category) last = std::max(last, e.position);
        }
        changed.position = last + 1;
    }
    changed.category = checked->category;
    changed.text = checked->text;
    changed.said_by = as_id(checked->said_by);
    changed.answers = as_id(checked->answers);
    changed.review_mark = checked->mark;
    changed.version = expected_version;
    store::Transaction tx{lease};
    if (!store::mappings::update_entry(sql, changed, false, actor.user->id, now))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this entry while you were editing it");
    record_audit(sql, clock_, actor,
                 {"mapping-entry-edit", "mapping", std::to_string(entry->mapping_id),
                  std::to_string(entry_id)});
    tx.commit();
    return {};
}

core::Result<void> MappingService::move_entry(const Actor& actor, std::int64_t entry_id, Move move,
                                              int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto entry = entry_for_change(sql, actor, entry_id, now);
    if (!entry) return std::unexpected(entry.error());
    std::vector<store::EntryRecord> same;
    for (const auto& e : store::mappings::entries(sql, entry->mapping_id)) {
        if (e.category == entry->category) same.push_back(e);
    }
    auto at =
        std::find_if(same.begin(), same.end(), [&](const auto& e) { return e.id == entry_id; });
    auto neighbour = move == Move::Up ? (at == same.begin() ? same.end() : at - 1) : at + 1;
    if (neighbour == same.end()) return {};  // already first or last
    auto mine = *at, theirs = *neighbour;
    mine.version = expected_version;
    std::swap(mine.position, theirs.position);
    store::Transaction tx{lease};
    if (!store::mappings::update_entry(sql, mine, false, actor.user->id, now) ||
        !store::mappings::update_entry(sql, theirs, false, actor.user->id, now)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed these entries while you were looking at them");
    }
    record_audit(sql, clock_, actor,
                 {"mapping-entry-move", "mapping", std::to_string(entry->mapping_id),
                  std::to_string(entry_id)});
    tx.commit();
    return {};
}

core::Result<void> MappingService::remove_entry(const Actor& actor, std::int64_t entry_id,
                                                int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto entry = entry_for_change(sql, actor, entry_id, now);
    if (!entry) return std::unexpected(entry.error());
    auto gone = *entry;
    gone.version = expected_version;
    store::Transaction tx{lease};
    if (!store::mappings::update_entry(sql, gone, true, actor.user->id, now))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this entry while you were looking at it");
    record_audit(sql, clock_, actor,
                 {"mapping-entry-remove", "mapping", std::to_string(entry->mapping_id),
                  std::to_string(entry_id)});
    tx.commit();
    return {};
}

core::Result<std::vector<store::EntryChange>> MappingService::entry_history(const Actor& actor,
                                                                            std::int64_t entry_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto entry = store::mappings::find_entry(sql, entry_id);
    if (!entry) return core::fail(core::ErrorKind::NotFound, "There is no entry with that number");
    auto mapping =
        mapping_for(sql, actor, entry->mapping_id, core::to_storage(clock_.now()), false);
    if (!mapping) return std::unexpected(mapping.error());
    return store::mappings::entry_history(sql, entry_id);
}

core::Result<void> MappingService::put_score(const Actor& actor, std::int64_t mapping_id,
                                             const domain::ScoreForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto mapping = mapping_for(sql, actor, mapping_id, now, true);
    if (!mapping) return std::unexpected(mapping.error());
    auto value = domain::check_score(form, participant_ids(sql, mapping_id),
                                     statement_ids(store::mappings::entries(sql, mapping_id)));
    if (!value) return std::unexpected(value.error());
    auto wording = current_wording(sql, domain::parse_variant(mapping->variant));
    store::ScoreRecord score;
    score.mapping_id = mapping_id;
    score.participant_id = std::stoll(form.participant);
    score.statement_id = as_id(form.about);
    score.value = *value;
    score.why_not_lower = core::trimmed(form.why_not_lower);
    score.one_point_higher = core::trimmed(form.one_point_higher);
    score.question = wording.scale.question;
    score.anchor_zero = wording.scale.zero;
    score.anchor_ten = wording.scale.ten;
    score.direction = wording.scale.direction;
    score.recorded_by = actor.user->id;
    score.recorded_at = now;
    store::Transaction tx{lease};
    store::mappings::put_score(sql, score);
    if (auto why = domain::escalation_for(current_bands(sql), mapping->purpose, score.value)) {
        store::mappings::raise_alert(
            sql, {0, mapping->case_id, mapping_id, *why, actor.user->id, now, "", ""});
        for (auto child : mapping->child_ids) {
            store::chronology::add(
                sql, {0, child, core::london_date(clock_.now()).iso(), "alert",
                      "Raised with the manager: " + *why, "record", actor.user->id, "", now});
        }
        record_audit(sql, clock_, actor,
                     {"case-alert", "case", std::to_string(mapping->case_id), *why});
    }
    record_audit(sql, clock_, actor,
                 {"mapping-score", "mapping", std::to_string(mapping_id), form.participant});
    tx.commit();
    return {};
}

core::Result<OverTime> MappingService::over_time(const Actor& actor, std::int64_t case_id,
                                                 std::optional<std::int64_t> from,
                                                 std::optional<std::int64_t> to) {
    auto result = [&]() -> core::Result<OverTime> {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto record = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
        if (!record) return std::unexpected(record.error());
        OverTime out;
        out.mappings = store::mappings::for_case(sql, case_id);
        std::reverse(out.mappings.begin(), out.mappings.end());
        if (out.mappings.empty()) return out;
        auto owned = [&](std::int64_t id) {
            return std::any_of(out.mappings.begin(), out.mappings.end(),
                               [&](const auto& m) { return m.id == id; });
        };
        if ((from && !owned(*from)) || (to && !owned(*to)))
            return core::fail(core::ErrorKind::NotFound, "That mapping is not part of this case");
        auto n = out.mappings.size();
        out.to = to.value_or(out.mappings[n - 1].id);
        out.from = from.value_or(out.mappings[n >= 2 ? n - 2 : 0].id);

        std::vector<domain::MappedEntry> all;
        std::map<std::int64_t, std::vector<domain::MappedEntry>> by_mapping;
        std::vector<std::vector<domain::Voice>> voices;
        for (const auto& m : out.mappings) {
            for (const auto& e : store::mappings::entries(sql, m.id)) {
                domain::MappedEntry entry{e.id, e.carried_from, e.category, e.text, e.review_mark};
                all.push_back(entry);
                by_mapping[m.id].push_back(entry);
            }
            auto people = store::mappings::participants(sql, m.id);
            auto scores = store::mappings::scores(sql, m.id);
            std::vector<domain::Voice> here;
            // Numbers still hidden by blind scaling stay out of the picture too.
            if (revealed(m, people, scores)) {
                for (const auto& sc : scores) {
                    if (sc.statement_id) continue;
                    for (const auto& p : people) {
                        if (p.id == sc.participant_id) here.push_back({p.name, sc.value});
                    }
                }
            }
            voices.push_back(here);
        }
        out.series = domain::voice_series(voices);
        auto origins = domain::entry_origins(all);
        out.differences =
            domain::compare_entries(by_mapping[out.from], by_mapping[out.to], origins);
        std::size_t from_index = 0, to_index = 0;
        for (std::size_t i = 0; i < out.mappings.size(); ++i) {
            if (out.mappings[i].id == out.from) from_index = i;
            if (out.mappings[i].id == out.to) to_index = i;
        }
        for (const auto& s : out.series)
            out.scaling.push_back({s.name, {s.values[from_index], s.values[to_index]}});
        return out;
    }();
    if (result)
        audit_.record_view(actor, {"view", "case", std::to_string(case_id), "mappings over time"});
    return result;
}

core::Result<std::int64_t> MappingService::mark_alert_seen(const Actor& actor,
                                                           std::int64_t alert_id) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto case_id = store::mappings::case_of_alert(sql, alert_id);
    if (!case_id) return core::fail(core::ErrorKind::NotFound, "There is no such alert");
    auto record = open_case_for(sql, actor, *case_id, now);
    if (!record) return std::unexpected(record.error());
    if (!actor.has_role(domain::Role::TeamManager))
        return core::fail(core::ErrorKind::Forbidden,
                          "Only a team manager can mark an alert as seen");
    store::Transaction tx{lease};
    if (!store::mappings::mark_alert_seen(sql, alert_id, actor.user->id, now))
        return core::fail(core::ErrorKind::Conflict, "This alert has already been marked as seen");
    record_audit(sql, clock_, actor,
                 {"case-alert-seen", "case", std::to_string(*case_id), std::to_string(alert_id)});
    tx.commit();
    return *case_id;
}

core::Result<std::int64_t> MappingService::start_review(const Actor& actor, std::int64_t mapping_id,
                                                        std::string_view purpose,
                                                        std::optional<core::CivilDate> held_on) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto previous = mapping_for(sql, actor, mapping_id, now, false);
    if (!previous) return std::unexpected(previous.error());
    if (previous->status != "agreed")
        return core::fail(core::ErrorKind::Conflict,
                          "Only an agreed mapping can be reviewed; change this one instead");
    if (store::mappings::review_of(sql, mapping_id))
        return core::fail(core::ErrorKind::Conflict, "This mapping already has a review");
    auto record = store::cases::find(sql, previous->case_id);
    if (!record->closed_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This case is closed");
    store::MappingRecord review;
    review.case_id = previous->case_id;
    review.held_on = held_on.value_or(core::london_date(clock_.now())).iso();
    review.purpose = std::string{purpose};
    review.child_ids = previous->child_ids;
    review.previous_id = mapping_id;
    review.created_by = actor.user->id;
    review.created_at = now;
    // The wording follows the level now, which may have changed since.
    auto history =
        to_domain(store::cases::level_history(sql, review.case_id, review.child_ids.front()));
    auto level = domain::current_level(history);
    review.variant =
        level ? std::string{domain::variant_code(domain::variant_for(*level))} : previous->variant;
    store::Transaction tx{lease};
    auto id = store::mappings::insert(sql, review);
    std::map<std::int64_t, std::int64_t> people, entries;
    for (auto p : store::mappings::participants(sql, mapping_id)) {
        auto old = p.id;
        p.mapping_id = id;
        people[old] = store::mappings::add_participant(sql, p);
    }
    // Danger statements first, so that each goal can point at its statement's new copy.
    auto carried = store::mappings::entries(sql, mapping_id);
    std::stable_partition(carried.begin(), carried.end(),
                          [](const auto& e) { return e.category == domain::kDangerStatement; });
    for (auto e : carried) {
        auto old = e.id;
        e.mapping_id = id;
        if (e.said_by) e.said_by = people.at(*e.said_by);
        if (e.answers)
            e.answers = entries.contains(*e.answers)
                            ? std::optional<std::int64_t>{entries.at(*e.answers)}
                            : std::nullopt;
        e.carried_from = old;
        e.review_mark.clear();
        e.created_by = actor.user->id;
        e.created_at = now;
        entries[old] = store::mappings::add_entry(sql, e);
    }
    for (auto child : review.child_ids) {
        store::chronology::add(sql, {0, child, review.held_on, "mapping", "Review mapping started",
                                     "record", actor.user->id, "", now});
    }
    record_audit(
        sql, clock_, actor,
        {"mapping-review", "mapping", std::to_string(id), "from " + std::to_string(mapping_id)});
    tx.commit();
    return id;
}

core::Result<void> MappingService::set_status(const Actor& actor, std::int64_t mapping_id,
                                              const std::string& status, int expected_version) {
    if (!domain::is_code_in(domain::mapping_statuses(), status))
        return std::unexpected(core::Error::invalid({{"status", "Select a status"}}));
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto mapping = mapping_for(sql, actor, mapping_id, now, true);
    if (!mapping) return std::unexpected(mapping.error());
    store::Transaction tx{lease};
    // Checked inside the transaction, so an entry added meanwhile cannot slip past.
    if (status == "agreed") {
        auto current = read_view(sql, actor, mapping_id, now);
        if (!current) return std::unexpected(current.error());
        if (!current->agreement_problems.empty()) {
            std::vector<core::FieldError> problems;
            for (const auto& p : current->agreement_problems) problems.push_back({"status", p});
            return std::unexpected(core::Error::invalid(problems));
        }
    }
    if (!store::mappings::set_status(sql, mapping_id, status, expected_version, actor.user->id,
                                     now))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this mapping while you were looking at it");
    record_audit(sql, clock_, actor,
                 {"mapping-status", "mapping", std::to_string(mapping_id), status});
    tx.commit();
    return {};
}

core::Result<void> MappingService::set_disagreement(const Actor& actor, std::int64_t participant_id,
                                                    bool disagrees) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto mapping_id = store::mappings::mapping_of_participant(sql, participant_id);
    if (!mapping_id)
        return core::fail(core::ErrorKind::NotFound, "There is no participant with that number");
    auto mapping = mapping_for(sql, actor, *mapping_id, core::to_storage(clock_.now()), false);
    if (!mapping) return std::unexpected(mapping.error());
    store::Transaction tx{lease};
    store::mappings::set_disagrees(sql, participant_id, disagrees);
    record_audit(sql, clock_, actor,
                 {"mapping-disagreement", "mapping", std::to_string(*mapping_id),
                  std::to_string(participant_id) + (disagrees ? " disagrees" : " agrees")});
    tx.commit();
    return {};
}

}  // namespace signs::service
