#include "store/pre_proceedings_repository.hpp"

#include <map>

#include "store/query.hpp"

namespace signs::store::pre_proceedings {
namespace {

const std::string kSelect =
    "SELECT p.id, p.case_id, p.started_on, p.letter_sent_on, p.family_meeting_offered, "
    "p.not_offered_reason, p.family_meeting_accepted, p.decided_on, p.outcome, "
    "p.court_application_on, p.letter_initiating_on, p.recorded_by, p.recorded_at, p.version "
    "FROM pre_proceedings p";

/// Rows of kSelect, their children not yet filled.
std::vector<PreProceedingsRecord> select(soci::session& sql, const std::string& query,
                                         const std::function<void(soci::statement&)>& bind) {
    PreProceedingsRecord r;
    long long id = 0, case_id = 0, by = 0;
    soci::indicator letter_ind, decided_ind, court_ind, initiating_ind, by_ind;
    std::vector<PreProceedingsRecord> found;
    for_each_row(
        sql, query,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(r.started_on));
            st.exchange(soci::into(r.letter_sent_on, letter_ind));
            st.exchange(soci::into(r.family_meeting_offered));
            st.exchange(soci::into(r.not_offered_reason));
            st.exchange(soci::into(r.family_meeting_accepted));
            st.exchange(soci::into(r.decided_on, decided_ind));
            st.exchange(soci::into(r.outcome));
            st.exchange(soci::into(r.court_application_on, court_ind));
            st.exchange(soci::into(r.letter_initiating_on, initiating_ind));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(r.recorded_at));
            st.exchange(soci::into(r.version));
            bind(st);
        },
        [&] {
            auto row = r;
            row.id = id;
            row.case_id = case_id;
            if (letter_ind != soci::i_ok) row.letter_sent_on.clear();
            if (decided_ind != soci::i_ok) row.decided_on.clear();
            if (court_ind != soci::i_ok) row.court_application_on.clear();
            if (initiating_ind != soci::i_ok) row.letter_initiating_on.clear();
            row.recorded_by = id_or_none(by, by_ind);
            found.push_back(row);
        });
    return found;
}

void fill_children(soci::session& sql, std::vector<PreProceedingsRecord>& records) {
    for (auto& r : records) {
        long long key = r.id;
        r.children = select_ids(
            sql,
            "SELECT child_id FROM pre_proceedings_children WHERE pre_proceedings_id = :p ORDER BY "
            "child_id",
            [&](soci::statement& st) { st.exchange(soci::use(key)); });
    }
}

void write_children(soci::session& sql, const PreProceedingsRecord& record) {
    long long key = record.id;
    sql << "DELETE FROM pre_proceedings_children WHERE pre_proceedings_id = :p", soci::use(key);
    for (auto child : record.children) {
        long long c = child;
        sql << "INSERT INTO pre_proceedings_children (pre_proceedings_id, child_id) VALUES (:p, "
               ":c)",
            soci::use(key), soci::use(c);
    }
}

std::optional<PreProceedingsRecord> one(soci::session& sql, const std::string& query,
                                        std::int64_t id) {
    long long key = id;
    auto rows = select(sql, query, [&](soci::statement& st) { st.exchange(soci::use(key)); });
    fill_children(sql, rows);
    return first_of(std::move(rows));
}

}  // namespace

std::int64_t insert(soci::session& sql, const PreProceedingsRecord& r) {
    return translate_errors([&] {
        long long id = 0, case_id = r.case_id;
        auto letter = nullable_text(r.letter_sent_on), decided = nullable_text(r.decided_on),
             court = nullable_text(r.court_application_on),
             initiating = nullable_text(r.letter_initiating_on);
        auto by = nullable_id(r.recorded_by);
        sql << "INSERT INTO pre_proceedings (case_id, started_on, letter_sent_on, "
               "family_meeting_offered, not_offered_reason, family_meeting_accepted, decided_on, "
               "outcome, court_application_on, letter_initiating_on, recorded_by, recorded_at) "
               "VALUES (:case_id, :started, :letter, :offered, :reason, :accepted, :decided, "
               ":outcome, :court, :initiating, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(r.started_on), soci::use(letter.value, letter.indicator),
            soci::use(r.family_meeting_offered), soci::use(r.not_offered_reason),
            soci::use(r.family_meeting_accepted), soci::use(decided.value, decided.indicator),
            soci::use(r.outcome), soci::use(court.value, court.indicator),
            soci::use(initiating.value, initiating.indicator), soci::use(by.value, by.indicator),
            soci::use(r.recorded_at), soci::into(id);
        auto written = r;
        written.id = id;
        write_children(sql, written);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<PreProceedingsRecord> find(soci::session& sql, std::int64_t id) {
    return translate_errors([&] { return one(sql, kSelect + " WHERE p.id = :id", id); });
}

std::optional<PreProceedingsRecord> find_held(soci::session& sql, std::int64_t id) {
    return translate_errors([&] {
        bool postgres = sql.get_backend_name() == "postgresql";
        return one(sql, kSelect + " WHERE p.id = :id" + (postgres ? " FOR UPDATE" : ""), id);
    });
}

std::vector<PreProceedingsRecord> for_case(soci::session& sql, std::int64_t case_id) {
    return translate_errors([&] {
        long long key = case_id;
        auto rows =
            select(sql, kSelect + " WHERE p.case_id = :c ORDER BY p.started_on DESC, p.id DESC",
                   [&](soci::statement& st) { st.exchange(soci::use(key)); });
        fill_children(sql, rows);
        return rows;
    });
}

bool update(soci::session& sql, const PreProceedingsRecord& r, int expected_version) {
    return translate_errors([&] {
        long long key = r.id;
        auto letter = nullable_text(r.letter_sent_on), decided = nullable_text(r.decided_on),
             court = nullable_text(r.court_application_on),
             initiating = nullable_text(r.letter_initiating_on);
        soci::statement st =
            (sql.prepare << "UPDATE pre_proceedings SET started_on = :started, letter_sent_on = "
                            ":letter, family_meeting_offered = :offered, not_offered_reason = "
                            ":reason, family_meeting_accepted = :accepted, decided_on = :decided, "
                            "outcome = :outcome, court_application_on = :court, "
                            "letter_initiating_on = :initiating, version = version + 1 WHERE id = "
                            ":id AND version = :version",
             soci::use(r.started_on), soci::use(letter.value, letter.indicator),
             soci::use(r.family_meeting_offered), soci::use(r.not_offered_reason),
             soci::use(r.family_meeting_accepted), soci::use(decided.value, decided.indicator),
             soci::use(r.outcome), soci::use(court.value, court.indicator),
             soci::use(initiating.value, initiating.indicator), soci::use(key),
             soci::use(expected_version));
        if (!changed_one_row(st)) return false;
        write_children(sql, r);
        return true;
    });
}

std::vector<ChildPreProceedings> begun_between(soci::session& sql, const std::string& start,
                                               const std::string& reference) {
    return translate_errors([&] {
        auto records = select(sql,
                              kSelect +
                                  " WHERE p.started_on >= :start AND p.started_on <= :ref "
                                  "ORDER BY p.started_on, p.id",
                              [&](soci::statement& st) {
                                  st.exchange(soci::use(start));
                                  st.exchange(soci::use(reference));
                              });
        // The children of the whole year in one read, not one per record.
        std::map<std::int64_t, std::vector<std::int64_t>> children;
        long long record = 0, child = 0;
        for_each_row(
            sql,
            "SELECT pre_proceedings_id, child_id FROM pre_proceedings_children WHERE "
            "pre_proceedings_id IN (SELECT id FROM pre_proceedings WHERE started_on >= :start AND "
            "started_on <= :ref) ORDER BY pre_proceedings_id, child_id",
            [&](soci::statement& st) {
                st.exchange(soci::into(record));
                st.exchange(soci::into(child));
                st.exchange(soci::use(start));
                st.exchange(soci::use(reference));
            },
            [&] { children[record].push_back(child); });
        std::vector<ChildPreProceedings> out;
        for (auto& r : records) {
            r.children = children[r.id];
            for (auto c : r.children) out.push_back({c, r});
        }
        return out;
    });
}

}  // namespace signs::store::pre_proceedings
