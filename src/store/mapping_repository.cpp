#include "store/mapping_repository.hpp"

#include "core/validation.hpp"
#include "store/query.hpp"

namespace signs::store::mappings {
namespace {

std::vector<MappingRecord> select_mappings(soci::session& sql, const std::string& rest,
                                           long long key) {
    MappingRecord m;
    long long id = 0, case_id = 0, by = 0, previous = 0, agreed_by = 0;
    int blind = 0;
    soci::indicator by_ind, previous_ind, agreed_by_ind, agreed_name_ind, agreed_at_ind;
    std::vector<MappingRecord> out;
    for_each_row(
        sql,
        "SELECT m.id, m.case_id, m.held_on, m.purpose, m.status, m.variant, m.blind, "
        "m.previous_id, m.agreed_by, u.name, m.agreed_at, m.created_by, m.created_at, m.version "
        "FROM mappings m LEFT JOIN users u ON u.id = m.agreed_by " +
            rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(m.held_on));
            st.exchange(soci::into(m.purpose));
            st.exchange(soci::into(m.status));
            st.exchange(soci::into(m.variant));
            st.exchange(soci::into(blind));
            st.exchange(soci::into(previous, previous_ind));
            st.exchange(soci::into(agreed_by, agreed_by_ind));
            st.exchange(soci::into(m.agreed_by_name, agreed_name_ind));
            st.exchange(soci::into(m.agreed_at, agreed_at_ind));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(m.created_at));
            st.exchange(soci::into(m.version));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = m;
            row.id = id;
            row.case_id = case_id;
            row.blind = flag(blind);
            row.previous_id = id_or_none(previous, previous_ind);
            row.agreed_by = id_or_none(agreed_by, agreed_by_ind);
            if (agreed_name_ind != soci::i_ok) row.agreed_by_name.clear();
            if (agreed_at_ind != soci::i_ok) row.agreed_at.clear();
            row.created_by = id_or_none(by, by_ind);
            out.push_back(row);
        });
    for (auto& mapping : out) {
        long long mapping_id = mapping.id;
        mapping.child_ids = select_ids(
            sql, "SELECT child_id FROM mapping_children WHERE mapping_id = :m ORDER BY child_id",
            [&](soci::statement& st) { st.exchange(soci::use(mapping_id)); });
    }
    return out;
}

const std::string kEntryColumns =
    "SELECT id, mapping_id, category, text, said_by, answers, carried_from, review_mark, "
    "position, created_by, created_at, version FROM mapping_entries ";

std::vector<EntryRecord> select_entries(soci::session& sql, const std::string& rest,
                                        long long key) {
    EntryRecord e;
    long long id = 0, mapping = 0, said = 0, answers = 0, carried = 0, by = 0;
    soci::indicator said_ind, answers_ind, carried_ind, by_ind;
    std::vector<EntryRecord> out;
    for_each_row(
        sql, kEntryColumns + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(mapping));
            st.exchange(soci::into(e.category));
            st.exchange(soci::into(e.text));
            st.exchange(soci::into(said, said_ind));
            st.exchange(soci::into(answers, answers_ind));
            st.exchange(soci::into(carried, carried_ind));
            st.exchange(soci::into(e.review_mark));
            st.exchange(soci::into(e.position));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(e.created_at));
            st.exchange(soci::into(e.version));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = e;
            row.id = id;
            row.mapping_id = mapping;
            row.said_by = id_or_none(said, said_ind);
            row.answers = id_or_none(answers, answers_ind);
            row.carried_from = id_or_none(carried, carried_ind);
            row.created_by = id_or_none(by, by_ind);
            out.push_back(row);
        });
    return out;
}

}  // namespace

std::int64_t insert(soci::session& sql, const MappingRecord& m) {
    return translate_errors([&] {
        long long id = 0, case_id = m.case_id;
        auto by = nullable_id(m.created_by);
        int blind = m.blind ? 1 : 0;
        auto previous = nullable_id(m.previous_id);
        sql << "INSERT INTO mappings (case_id, held_on, purpose, status, variant, blind, "
               "previous_id, created_by, created_at) VALUES (:case_id, :held_on, :purpose, "
               ":status, :variant, :blind, :previous, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(m.held_on), soci::use(m.purpose), soci::use(m.status),
            soci::use(m.variant), soci::use(blind), soci::use(previous.value, previous.indicator),
            soci::use(by.value, by.indicator), soci::use(m.created_at), soci::into(id);
        for (auto child : m.child_ids) {
            long long c = child;
            sql << "INSERT INTO mapping_children (mapping_id, child_id) VALUES (:m, :c)",
                soci::use(id), soci::use(c);
        }
        return static_cast<std::int64_t>(id);
    });
}

std::optional<MappingRecord> find(soci::session& sql, std::int64_t id) {
    auto found = select_mappings(sql, "WHERE m.id = :id", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<MappingRecord> for_case(soci::session& sql, std::int64_t case_id) {
    return select_mappings(sql, "WHERE m.case_id = :c ORDER BY m.held_on DESC, m.id DESC", case_id);
}

bool set_status(soci::session& sql, std::int64_t id, const std::string& status,
                int expected_version, std::optional<std::int64_t> by, const std::string& at) {
    return translate_errors([&] {
        long long key = id;
        bool agreed = status == "agreed";
        auto who = nullable_id(agreed ? by : std::nullopt);
        auto when = nullable_text(agreed ? at : "");
        soci::statement st =
            (sql.prepare << "UPDATE mappings SET status = :status, agreed_by = :by, agreed_at = "
                            ":at, version = version + 1 WHERE id = :id AND version = :v",
             soci::use(status), soci::use(who.value, who.indicator),
             soci::use(when.value, when.indicator), soci::use(key), soci::use(expected_version));
        return changed_one_row(st);
    });
}

std::optional<std::int64_t> review_of(soci::session& sql, std::int64_t id) {
    long long key = id;
    auto found = select_ids(sql, "SELECT id FROM mappings WHERE previous_id = :id ORDER BY id",
                            [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<std::int64_t> case_of(soci::session& sql, std::int64_t mapping_id) {
    long long key = mapping_id;
    auto found = select_ids(sql, "SELECT case_id FROM mappings WHERE id = :id",
                            [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::int64_t add_participant(soci::session& sql, const ParticipantRecord& p) {
    return translate_errors([&] {
        long long id = 0, mapping = p.mapping_id;
        auto person = nullable_id(p.person_id), user = nullable_id(p.user_id);
        sql << "INSERT INTO mapping_participants (mapping_id, name, kind, took_part, person_id, "
               "user_id) VALUES (:m, :name, :kind, :took_part, :person, :user) RETURNING id",
            soci::use(mapping), soci::use(p.name), soci::use(p.kind), soci::use(p.took_part),
            soci::use(person.value, person.indicator), soci::use(user.value, user.indicator),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ParticipantRecord> participants(soci::session& sql, std::int64_t mapping_id) {
    ParticipantRecord p;
    long long id = 0, key = mapping_id, person = 0, user = 0;
    soci::indicator person_ind = soci::i_null, user_ind = soci::i_null, now_ind = soci::i_null;
    std::string now_called;
    int disagrees = 0;
    std::vector<ParticipantRecord> out;
    // Someone linked to a record is named as that record names them today.
    for_each_row(
        sql,
        "SELECT m.id, m.name, m.kind, m.took_part, m.disagrees, m.person_id, m.user_id, CASE WHEN "
        "p.id IS NOT NULL THEN p.first_name || ' ' || p.last_name ELSE u.name END FROM "
        "mapping_participants m LEFT JOIN people p ON p.id = m.person_id LEFT JOIN users u ON "
        "u.id = m.user_id WHERE m.mapping_id = :m ORDER BY m.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(p.recorded_name));
            st.exchange(soci::into(p.kind));
            st.exchange(soci::into(p.took_part));
            st.exchange(soci::into(disagrees));
            st.exchange(soci::into(person, person_ind));
            st.exchange(soci::into(user, user_ind));
            st.exchange(soci::into(now_called, now_ind));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = p;
            row.id = id;
            row.mapping_id = mapping_id;
            row.disagrees = flag(disagrees);
            row.person_id = id_or_none(person, person_ind);
            row.user_id = id_or_none(user, user_ind);
            auto linked = now_ind == soci::i_ok ? core::trimmed(now_called) : std::string{};
            row.name = linked.empty() ? row.recorded_name : linked;
            out.push_back(row);
        });
    return out;
}

std::optional<std::int64_t> mapping_of_participant(soci::session& sql,
                                                   std::int64_t participant_id) {
    long long key = participant_id;
    auto found = select_ids(sql, "SELECT mapping_id FROM mapping_participants WHERE id = :id",
                            [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

void set_disagrees(soci::session& sql, std::int64_t participant_id, bool disagrees) {
    translate_errors([&] {
        long long key = participant_id;
        int value = disagrees ? 1 : 0;
        sql << "UPDATE mapping_participants SET disagrees = :d WHERE id = :id", soci::use(value),
            soci::use(key);
    });
}

std::int64_t add_entry(soci::session& sql, EntryRecord e) {
    return translate_errors([&] {
        long long id = 0, mapping = e.mapping_id;
        int last = 0;
        soci::indicator last_ind;
        sql << "SELECT MAX(position) FROM mapping_entries WHERE mapping_id = :m AND category = :c",
            soci::use(mapping), soci::use(e.category), soci::into(last, last_ind);
        int position = last_ind == soci::i_ok ? last + 1 : 1;
        auto said = nullable_id(e.said_by), answers = nullable_id(e.answers),
             carried = nullable_id(e.carried_from), by = nullable_id(e.created_by);
        sql << "INSERT INTO mapping_entries (mapping_id, category, text, said_by, answers, "
               "carried_from, review_mark, position, created_by, created_at) VALUES (:m, "
               ":category, :text, :said, :answers, :carried, :mark, :position, :by, :at) "
               "RETURNING id",
            soci::use(mapping), soci::use(e.category), soci::use(e.text),
            soci::use(said.value, said.indicator), soci::use(answers.value, answers.indicator),
            soci::use(carried.value, carried.indicator), soci::use(e.review_mark),
            soci::use(position), soci::use(by.value, by.indicator), soci::use(e.created_at),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<EntryRecord> entries(soci::session& sql, std::int64_t mapping_id) {
    return select_entries(
        sql, "WHERE mapping_id = :m AND removed = 0 ORDER BY category, position, id", mapping_id);
}

std::optional<EntryRecord> find_entry(soci::session& sql, std::int64_t id) {
    auto found = select_entries(sql, "WHERE id = :id AND removed = 0", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

bool update_entry(soci::session& sql, const EntryRecord& e, bool removed,
                  std::optional<std::int64_t> changed_by, const std::string& changed_at) {
    return translate_errors([&] {
        long long key = e.id;
        auto by = nullable_id(changed_by);
        // The entry as it stands goes into its history first, in the same transaction.
        sql << "INSERT INTO mapping_entry_history (entry_id, category, text, said_by, position, "
               "changed_by, changed_at) SELECT id, category, text, said_by, position, :by, :at "
               "FROM mapping_entries WHERE id = :id AND version = :v",
            soci::use(by.value, by.indicator), soci::use(changed_at), soci::use(key),
            soci::use(e.version);
        auto said = nullable_id(e.said_by), answers = nullable_id(e.answers);
        int gone = removed ? 1 : 0;
        soci::statement st =
            (sql.prepare << "UPDATE mapping_entries SET category = :category, text = :text, "
                            "said_by = :said, answers = :answers, review_mark = :mark, position "
                            "= :position, removed = :removed, version = version + 1 WHERE id = "
                            ":id AND version = :v",
             soci::use(e.category), soci::use(e.text), soci::use(said.value, said.indicator),
             soci::use(answers.value, answers.indicator), soci::use(e.review_mark),
             soci::use(e.position), soci::use(gone), soci::use(key), soci::use(e.version));
        return changed_one_row(st);
    });
}

std::vector<EntryChange> entry_history(soci::session& sql, std::int64_t entry_id) {
    EntryChange c;
    long long key = entry_id, said = 0;
    soci::indicator said_ind, name_ind;
    std::vector<EntryChange> out;
    for_each_row(
        sql,
        "SELECT h.category, h.text, h.said_by, h.position, u.name, h.changed_at FROM "
        "mapping_entry_history h LEFT JOIN users u ON u.id = h.changed_by WHERE h.entry_id = :e "
        "ORDER BY h.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(c.category));
            st.exchange(soci::into(c.text));
            st.exchange(soci::into(said, said_ind));
            st.exchange(soci::into(c.position));
            st.exchange(soci::into(c.changed_by_name, name_ind));
            st.exchange(soci::into(c.changed_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = c;
            row.said_by = id_or_none(said, said_ind);
            if (name_ind != soci::i_ok) row.changed_by_name.clear();
            out.push_back(row);
        });
    return out;
}

std::int64_t put_score(soci::session& sql, const ScoreRecord& s) {
    return translate_errors([&] {
        long long id = 0, mapping = s.mapping_id, participant = s.participant_id;
        auto statement = nullable_id(s.statement_id), by = nullable_id(s.recorded_by);
        if (s.statement_id) {
            sql << "DELETE FROM mapping_scores WHERE mapping_id = :m AND participant_id = :p AND "
                   "statement_id = :s",
                soci::use(mapping), soci::use(participant), soci::use(statement.value);
        } else {
            sql << "DELETE FROM mapping_scores WHERE mapping_id = :m AND participant_id = :p AND "
                   "statement_id IS NULL",
                soci::use(mapping), soci::use(participant);
        }
        sql << "INSERT INTO mapping_scores (mapping_id, participant_id, statement_id, value, "
               "why_not_lower, one_point_higher, question, anchor_zero, anchor_ten, direction, "
               "recorded_by, recorded_at) VALUES (:m, :p, :s, :value, :why, :higher, :question, "
               ":zero, :ten, :direction, :by, :at) RETURNING id",
            soci::use(mapping), soci::use(participant),
            soci::use(statement.value, statement.indicator), soci::use(s.value),
            soci::use(s.why_not_lower), soci::use(s.one_point_higher), soci::use(s.question),
            soci::use(s.anchor_zero), soci::use(s.anchor_ten), soci::use(s.direction),
            soci::use(by.value, by.indicator), soci::use(s.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ScoreRecord> scores(soci::session& sql, std::int64_t mapping_id) {
    ScoreRecord s;
    long long id = 0, key = mapping_id, participant = 0, statement = 0, by = 0;
    soci::indicator statement_ind, by_ind;
    std::vector<ScoreRecord> out;
    for_each_row(
        sql,
        "SELECT id, participant_id, statement_id, value, why_not_lower, one_point_higher, "
        "question, anchor_zero, anchor_ten, direction, recorded_by, recorded_at FROM "
        "mapping_scores WHERE mapping_id = :m ORDER BY participant_id, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(participant));
            st.exchange(soci::into(statement, statement_ind));
            st.exchange(soci::into(s.value));
            st.exchange(soci::into(s.why_not_lower));
            st.exchange(soci::into(s.one_point_higher));
            st.exchange(soci::into(s.question));
            st.exchange(soci::into(s.anchor_zero));
            st.exchange(soci::into(s.anchor_ten));
            st.exchange(soci::into(s.direction));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(s.recorded_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = s;
            row.id = id;
            row.mapping_id = mapping_id;
            row.participant_id = participant;
            row.statement_id = id_or_none(statement, statement_ind);
            row.recorded_by = id_or_none(by, by_ind);
            out.push_back(row);
        });
    return out;
}

void raise_alert(soci::session& sql, const AlertRecord& a) {
    translate_errors([&] {
        long long case_id = a.case_id;
        auto mapping = nullable_id(a.mapping_id), by = nullable_id(a.raised_by);
        sql << "INSERT INTO case_alerts (case_id, mapping_id, reason, raised_by, raised_at) "
               "VALUES (:c, :m, :reason, :by, :at)",
            soci::use(case_id), soci::use(mapping.value, mapping.indicator), soci::use(a.reason),
            soci::use(by.value, by.indicator), soci::use(a.raised_at);
    });
}

std::vector<AlertRecord> alerts(soci::session& sql, std::int64_t case_id) {
    AlertRecord a;
    long long id = 0, key = case_id, mapping = 0, by = 0;
    soci::indicator mapping_ind, by_ind, seen_by_ind, seen_at_ind;
    std::vector<AlertRecord> out;
    for_each_row(
        sql,
        "SELECT a.id, a.mapping_id, a.reason, a.raised_by, a.raised_at, u.name, a.seen_at FROM "
        "case_alerts a LEFT JOIN users u ON u.id = a.seen_by WHERE a.case_id = :c "
        "ORDER BY a.raised_at DESC, a.id DESC",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(mapping, mapping_ind));
            st.exchange(soci::into(a.reason));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(a.raised_at));
            st.exchange(soci::into(a.seen_by_name, seen_by_ind));
            st.exchange(soci::into(a.seen_at, seen_at_ind));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = a;
            row.id = id;
            row.case_id = case_id;
            row.mapping_id = id_or_none(mapping, mapping_ind);
            row.raised_by = id_or_none(by, by_ind);
            if (seen_by_ind != soci::i_ok) row.seen_by_name.clear();
            if (seen_at_ind != soci::i_ok) row.seen_at.clear();
            out.push_back(row);
        });
    return out;
}

std::optional<std::int64_t> case_of_alert(soci::session& sql, std::int64_t alert_id) {
    long long key = alert_id;
    auto found = select_ids(sql, "SELECT case_id FROM case_alerts WHERE id = :id",
                            [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

bool mark_alert_seen(soci::session& sql, std::int64_t alert_id, std::int64_t by,
                     const std::string& at) {
    return translate_errors([&] {
        long long key = alert_id, who = by;
        soci::statement st = (sql.prepare << "UPDATE case_alerts SET seen_by = :by, seen_at = :at "
                                             "WHERE id = :id AND seen_at IS NULL",
                              soci::use(who), soci::use(at), soci::use(key));
        return changed_one_row(st);
    });
}

}  // namespace signs::store::mappings
