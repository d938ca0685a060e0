#include "store/deadline_repository.hpp"

#include "store/query.hpp"

namespace signs::store::deadlines {
namespace {

/// The FROM and WHERE shared by the list and its count, and the values they bind in order.
std::string from_where(const DueFilter& f) {
    std::string q =
        " FROM case_deadlines d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = "
        "c.worker_id LEFT JOIN teams t ON t.id = c.team_id WHERE c.closed_on IS NULL AND NOT "
        "EXISTS (SELECT 1 FROM case_children cc JOIN children k ON k.id = cc.child_id WHERE "
        "cc.case_id = c.id AND k.restricted = 1 AND NOT EXISTS (SELECT 1 FROM "
        "child_restrictions r WHERE r.child_id = k.id AND r.user_id = :viewer))";
    if (f.worker_id) q += " AND c.worker_id = :worker";
    if (!f.team_ids.empty())
        q += " AND c.team_id IN (" + bind_names("team", f.team_ids.size()) + ")";
    if (!f.due_by.empty()) q += " AND d.due_on <= :due_by";
    if (!f.rules.empty()) q += " AND d.rule IN (" + bind_names("rule", f.rules.size()) + ")";
    return q;
}

struct Bound {
    long long viewer = 0, worker = 0;
    std::vector<long long> teams;
};

void bind_filter(soci::statement& st, const DueFilter& f, Bound& b) {
    b.viewer = f.viewer;
    b.worker = f.worker_id.value_or(0);
    b.teams.assign(f.team_ids.begin(), f.team_ids.end());
    st.exchange(soci::use(b.viewer));
    if (f.worker_id) st.exchange(soci::use(b.worker));
    for (const auto& team : b.teams) st.exchange(soci::use(team));
    if (!f.due_by.empty()) st.exchange(soci::use(f.due_by));
    for (const auto& r : f.rules) st.exchange(soci::use(r));
}

}  // namespace

std::vector<Stale> stale(soci::session& sql, const std::string& today, const std::string& since,
                         int limit) {
    std::vector<Stale> out;
    long long id = 0, stamp = 0;
    // Two cheap questions rather than one: both use an index, an OR of them would not.
    for_each_row(
        sql,
        "SELECT id, deadline_stamp FROM cases WHERE deadline_stamp <> deadlines_for AND "
        "closed_on IS NULL LIMIT :limit",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(stamp));
            st.exchange(soci::use(limit));
        },
        [&] {
            out.push_back({id, stamp});
        });
    for_each_row(
        sql,
        "SELECT DISTINCT c.id, c.deadline_stamp FROM meetings m JOIN cases c ON c.id = "
        "m.case_id WHERE m.status = 'arranged' AND m.held_on <= :today AND m.held_on > :since "
        "AND m.held_on > c.deadlines_on AND c.deadline_stamp = c.deadlines_for AND c.closed_on IS "
        "NULL LIMIT "
        ":limit",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(stamp));
            st.exchange(soci::use(today));
            st.exchange(soci::use(since));
            st.exchange(soci::use(limit));
        },
        [&] {
            out.push_back({id, stamp});
        });
    return out;
}

void take_refresh_turn(soci::session& sql) {
    translate_errors([&] { sql << "UPDATE due_stamp SET stamp = stamp WHERE id = 1"; });
}

void replace(soci::session& sql, std::int64_t case_id, std::int64_t stamp, const std::string& today,
             const std::vector<KeptDeadline>& rows) {
    translate_errors([&] {
        long long key = case_id, at = stamp;
        sql << "DELETE FROM case_deadlines WHERE case_id = :c", soci::use(key);
        for (const auto& r : rows) {
            sql << "INSERT INTO case_deadlines (case_id, rule, from_on, due_on, booked_on) VALUES "
                   "(:c, :rule, :from_on, :due_on, :booked)",
                soci::use(key), soci::use(r.rule), soci::use(r.from_on), soci::use(r.due_on),
                soci::use(r.booked_on);
        }
        sql << "UPDATE cases SET deadlines_for = :stamp, deadlines_on = :today WHERE id = :c",
            soci::use(at), soci::use(today), soci::use(key);
    });
}

std::vector<DueRow> list(soci::session& sql, const DueFilter& filter) {
    std::vector<DueRow> out;
    DueRow row;
    long long case_id = 0;
    std::string worker, team;
    soci::indicator worker_ind = soci::i_null, team_ind = soci::i_null;
    Bound bound;
    for_each_row(
        sql,
        "SELECT d.case_id, c.family_name, u.name, t.name, d.rule, d.from_on, d.due_on, "
        "d.booked_on" +
            from_where(filter) +
            " ORDER BY d.due_on, d.case_id, d.rule LIMIT :limit OFFSET :offset",
        [&](soci::statement& st) {
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(row.family_name));
            st.exchange(soci::into(worker, worker_ind));
            st.exchange(soci::into(team, team_ind));
            st.exchange(soci::into(row.deadline.rule));
            st.exchange(soci::into(row.deadline.from_on));
            st.exchange(soci::into(row.deadline.due_on));
            st.exchange(soci::into(row.deadline.booked_on));
            bind_filter(st, filter, bound);
            st.exchange(soci::use(filter.limit));
            st.exchange(soci::use(filter.offset));
        },
        [&] {
            auto copy = row;
            copy.case_id = case_id;
            copy.worker_name = worker_ind == soci::i_ok ? worker : "";
            copy.team_name = team_ind == soci::i_ok ? team : "";
            out.push_back(copy);
        });
    return out;
}

std::int64_t stamp(soci::session& sql) {
    long long value = 0;
    for_each_row(
        sql, "SELECT stamp FROM due_stamp WHERE id = 1",
        [&](soci::statement& st) { st.exchange(soci::into(value)); }, [] {});
    return value;
}

int count(soci::session& sql, const DueFilter& filter, int at_most) {
    long long total = 0;
    Bound bound;
    // Counting stops at `at_most`, so a list of a whole service costs the same as a team's.
    for_each_row(
        sql, "SELECT COUNT(*) FROM (SELECT 1" + from_where(filter) + " LIMIT :at_most) counted",
        [&](soci::statement& st) {
            st.exchange(soci::into(total));
            bind_filter(st, filter, bound);
            st.exchange(soci::use(at_most));
        },
        [] {});
    return static_cast<int>(total);
}

std::vector<DueRow> wanting_notice(soci::session& sql, const std::string& kind,
                                   const std::string& from, const std::string& to, int limit,
                                   int offset) {
    KeptDeadline row;
    long long case_id = 0;
    std::vector<DueRow> out;
    // Ordered to the last column, so that nodes sweeping at once meet rows in one order.
    for_each_row(
        sql,
        "SELECT d.case_id, d.rule, d.from_on, d.due_on, d.booked_on FROM case_deadlines d JOIN "
        "cases c ON c.id = d.case_id WHERE c.closed_on IS NULL AND d.due_on >= :from_on AND "
        "d.due_on <= :to_on AND NOT EXISTS (SELECT 1 FROM deadline_notices n WHERE n.case_id = "
        "d.case_id AND n.rule = d.rule AND n.due_on = d.due_on AND n.kind = :kind) ORDER BY "
        "d.due_on, d.case_id, d.rule LIMIT :limit OFFSET :offset",
        [&](soci::statement& st) {
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(row.rule));
            st.exchange(soci::into(row.from_on));
            st.exchange(soci::into(row.due_on));
            st.exchange(soci::into(row.booked_on));
            st.exchange(soci::use(from));
            st.exchange(soci::use(to));
            st.exchange(soci::use(kind));
            st.exchange(soci::use(limit));
            st.exchange(soci::use(offset));
        },
        [&] {
            DueRow due;
            due.case_id = case_id;
            due.deadline = row;
            out.push_back(due);
        });
    return out;
}

bool mark_noticed(soci::session& sql, std::int64_t case_id, const KeptDeadline& d,
                  const std::string& kind, const std::string& at) {
    return translate_errors([&] {
        long long key = case_id;
        soci::statement st =
            (sql.prepare << "INSERT INTO deadline_notices (case_id, rule, due_on, kind, sent_at) "
                            "VALUES (:c, :rule, :due, :kind, :at) ON CONFLICT DO NOTHING",
             soci::use(key), soci::use(d.rule), soci::use(d.due_on), soci::use(kind),
             soci::use(at));
        return changed_one_row(st);
    });
}

std::vector<Recipient> people_to_tell(soci::session& sql, std::int64_t case_id, bool managers) {
    Recipient r;
    long long id = 0, key = case_id;
    std::vector<Recipient> out;
    for_each_row(
        sql,
        std::string{"SELECT u.id, u.name, u.email FROM cases c JOIN users u ON "} +
            (managers ? "u.role = 'team-manager' AND (u.team_id = c.team_id OR EXISTS (SELECT "
                        "1 FROM team_leads l WHERE l.user_id = u.id AND l.team_id = c.team_id))"
                      : "u.id = c.worker_id") +
            " WHERE c.id = :c AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM case_children cc "
            "JOIN children k ON k.id = cc.child_id WHERE cc.case_id = c.id AND k.restricted = 1 "
            "AND NOT EXISTS (SELECT 1 FROM child_restrictions x WHERE x.child_id = k.id AND "
            "x.user_id = u.id)) ORDER BY u.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(r.name));
            st.exchange(soci::into(r.email));
            st.exchange(soci::use(key));
        },
        [&] {
            r.id = id;
            out.push_back(r);
        });
    return out;
}

}  // namespace signs::store::deadlines
