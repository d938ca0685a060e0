#include "store/case_repository.hpp"

#include "store/plan_repository.hpp"
#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::cases {
namespace {

std::vector<std::int64_t> id_list(soci::session& sql, const std::string& query, long long key) {
    return select_ids(sql, query, [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

}  // namespace

std::int64_t insert(soci::session& sql, const CaseRecord& c) {
    return translate_errors([&] {
        long long id = 0;
        auto team = nullable_id(c.team_id), worker = nullable_id(c.worker_id);
        int demo = c.is_demo ? 1 : 0;
        sql << "INSERT INTO cases (family_name, team_id, worker_id, opened_on, is_demo, "
               "created_at) VALUES (:family, :team, :worker, :opened, :demo, :at) RETURNING id",
            soci::use(c.family_name), soci::use(team.value, team.indicator),
            soci::use(worker.value, worker.indicator), soci::use(c.opened_on), soci::use(demo),
            soci::use(c.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

void mark_demo(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE cases SET is_demo = 1 WHERE id = :id", soci::use(key);
    });
}

void hold(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        if (sql.get_backend_name() != "postgresql") return;
        long long key = id, found = 0;
        soci::indicator ind;
        sql << "SELECT id FROM cases WHERE id = :id FOR UPDATE", soci::use(key),
            soci::into(found, ind);
    });
}

std::optional<CaseRecord> find(soci::session& sql, std::int64_t id) {
    CaseRecord c;
    long long key = id, case_id = 0, team = 0, worker = 0, stamp = 0, deadline_stamp = 0,
              page_stamp = 0;
    int demo = 0;
    soci::indicator team_ind, team_name_ind, worker_ind, worker_name_ind, closed_ind;
    std::optional<CaseRecord> found;
    for_each_row(
        sql,
        "SELECT c.id, c.family_name, c.team_id, t.name, c.worker_id, u.name, c.opened_on, "
        "c.closed_on, c.close_reason, c.is_demo, c.created_at, c.version, c.mapping_stamp, "
        "c.deadline_stamp, c.page_stamp FROM cases c "
        "LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN users u ON u.id = c.worker_id "
        "WHERE c.id = :id",
        [&](soci::statement& st) {
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(c.family_name));
            st.exchange(soci::into(team, team_ind));
            st.exchange(soci::into(c.team_name, team_name_ind));
            st.exchange(soci::into(worker, worker_ind));
            st.exchange(soci::into(c.worker_name, worker_name_ind));
            st.exchange(soci::into(c.opened_on));
            st.exchange(soci::into(c.closed_on, closed_ind));
            st.exchange(soci::into(c.close_reason));
            st.exchange(soci::into(demo));
            st.exchange(soci::into(c.created_at));
            st.exchange(soci::into(c.version));
            st.exchange(soci::into(stamp));
            st.exchange(soci::into(deadline_stamp));
            st.exchange(soci::into(page_stamp));
            st.exchange(soci::use(key));
        },
        [&] {
            c.id = case_id;
            c.team_id = id_or_none(team, team_ind);
            c.worker_id = id_or_none(worker, worker_ind);
            if (team_name_ind != soci::i_ok) c.team_name.clear();
            if (worker_name_ind != soci::i_ok) c.worker_name.clear();
            if (closed_ind != soci::i_ok) c.closed_on.clear();
            c.is_demo = flag(demo);
            c.mapping_stamp = stamp;
            c.deadline_stamp = deadline_stamp;
            c.page_stamp = page_stamp;
            found = c;
        });
    return found;
}

void add_child(soci::session& sql, std::int64_t case_id, std::int64_t child_id) {
    translate_errors([&] {
        long long c = case_id, k = child_id;
        sql << "INSERT INTO case_children (case_id, child_id) VALUES (:c, :k)", soci::use(c),
            soci::use(k);
    });
}

void record_closure(soci::session& sql, std::int64_t case_id, std::int64_t child_id,
                    const ChildClosure& closure) {
    translate_errors([&] {
        long long c = case_id, k = child_id;
        sql << "UPDATE case_children SET close_reason = :reason, close_note = :note WHERE "
               "case_id = :c AND child_id = :k",
            soci::use(closure.reason), soci::use(closure.note), soci::use(c), soci::use(k);
    });
}

std::map<std::int64_t, ChildClosure> closures(soci::session& sql, std::int64_t case_id) {
    long long key = case_id, child = 0;
    ChildClosure row;
    std::map<std::int64_t, ChildClosure> out;
    for_each_row(
        sql,
        "SELECT child_id, close_reason, close_note FROM case_children WHERE case_id = :c AND "
        "close_reason <> ''",
        [&](soci::statement& st) {
            st.exchange(soci::into(child));
            st.exchange(soci::into(row.reason));
            st.exchange(soci::into(row.note));
            st.exchange(soci::use(key));
        },
        [&] { out[child] = row; });
    return out;
}

std::vector<std::int64_t> child_ids(soci::session& sql, std::int64_t case_id) {
    return id_list(sql, "SELECT child_id FROM case_children WHERE case_id = :c ORDER BY child_id",
                   case_id);
}

std::vector<std::int64_t> ids_for_child(soci::session& sql, std::int64_t child_id) {
    return id_list(sql,
                   "SELECT case_id FROM case_children WHERE child_id = :k ORDER BY case_id DESC",
                   child_id);
}

bool allocate(soci::session& sql, std::int64_t case_id, std::optional<std::int64_t> team_id,
              std::optional<std::int64_t> worker_id, int expected_version) {
    return translate_errors([&] {
        long long key = case_id;
        auto team = nullable_id(team_id), worker = nullable_id(worker_id);
        soci::statement st =
            (sql.prepare << "UPDATE cases SET team_id = :team, worker_id = :worker, "
                            "version = version + 1 WHERE id = :id AND version = :v",
             soci::use(team.value, team.indicator), soci::use(worker.value, worker.indicator),
             soci::use(key), soci::use(expected_version));
        return changed_one_row(st);
    });
}

bool close(soci::session& sql, std::int64_t case_id, const std::string& on,
           const std::string& reason, int expected_version) {
    return translate_errors([&] {
        long long key = case_id;
        soci::statement st =
            (sql.prepare << "UPDATE cases SET closed_on = :on, close_reason = :reason, "
                            "version = version + 1 WHERE id = :id AND version = :v",
             soci::use(on), soci::use(reason), soci::use(key), soci::use(expected_version));
        return changed_one_row(st);
    });
}

std::vector<CaseListRow> list(soci::session& sql, const ListFilter& filter) {
    const std::string next_due =
        "(SELECT MIN(n.decision_due) FROM contacts n WHERE n.child_id = k.id AND n.decision IS "
        "NULL)";
    const std::string waiting =
        "(SELECT COUNT(*) FROM case_alerts a WHERE a.case_id = c.id AND a.seen_at IS NULL)";
    const std::string children_of_case =
        "FROM case_children cc JOIN children k ON k.id = cc.child_id LEFT JOIN level_periods p ON "
        "p.case_id = c.id AND p.child_id = k.id AND p.to_date IS NULL";
    // What a child's row must show to be listed, named apart for the two places it is used.
    auto child_match = [&](const std::string& prefix) {
        std::string match;
        if (!filter.levels.empty())
            match += " AND p.level IN (" + bind_names(prefix + "level", filter.levels.size()) + ")";
        if (!filter.due_by.empty()) match += " AND " + next_due + " <= :" + prefix + "due_by";
        return match;
    };
    // The cases are chosen first, in the order of the list and no more than it shows, so a
    // caseload of any size costs one walk of an index (migration 0033) and the columns below
    // are worked out only for the rows shown.
    std::string cases_shown = "SELECT c.id FROM cases c WHERE c.closed_on IS NULL";
    long long worker = filter.worker_id.value_or(0);
    std::vector<long long> teams(filter.team_ids.begin(), filter.team_ids.end());
    if (filter.worker_id) cases_shown += " AND c.worker_id = :worker";
    if (!teams.empty())
        cases_shown += " AND c.team_id IN (" + bind_names("team", teams.size()) + ")";
    if (filter.unallocated_only) cases_shown += " AND c.worker_id IS NULL";
    if (filter.alerts_only) cases_shown += " AND " + waiting + " > 0";
    if (filter.overdue_only)
        cases_shown += " AND " + plans::overdue_actions_sql("today_again") + " > 0";
    if (!filter.levels.empty() || !filter.due_by.empty())
        cases_shown += " AND EXISTS (SELECT 1 " + children_of_case + " WHERE cc.case_id = c.id" +
                       child_match("chosen_") + ")";
    cases_shown += " ORDER BY c.family_name, c.id LIMIT :case_limit";
    std::string query =
        "SELECT c.id, c.family_name, u.name, t.name, k.id, k.first_name, k.last_name, p.level, "
        "p.from_date, " +
        next_due + ", " + waiting + ", " + plans::overdue_actions_sql("today") +
        " FROM cases c JOIN case_children cc ON cc.case_id = c.id "
        "JOIN children k ON k.id = cc.child_id LEFT JOIN users u ON u.id = c.worker_id "
        "LEFT JOIN teams t ON t.id = c.team_id "
        "LEFT JOIN level_periods p ON p.case_id = c.id AND p.child_id = k.id AND p.to_date IS NULL "
        "WHERE c.id IN (" +
        cases_shown + ")" + child_match("") + " ORDER BY c.family_name, c.id, k.id LIMIT :limit";
    CaseListRow row;
    std::string first, last, worker_name, team_name, level, since, due;
    soci::indicator worker_ind, team_ind, level_ind, since_ind, due_ind;
    long long case_id = 0, child_id = 0, alerts = 0, overdue = 0;
    std::vector<CaseListRow> out;
    for_each_row(
        sql, query,
        [&](soci::statement& st) {
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(row.family_name));
            st.exchange(soci::into(worker_name, worker_ind));
            st.exchange(soci::into(team_name, team_ind));
            st.exchange(soci::into(child_id));
            st.exchange(soci::into(first));
            st.exchange(soci::into(last));
            st.exchange(soci::into(level, level_ind));
            st.exchange(soci::into(since, since_ind));
            st.exchange(soci::into(due, due_ind));
            st.exchange(soci::into(alerts));
            st.exchange(soci::into(overdue));
            // In the order the names stand in the query.
            st.exchange(soci::use(filter.today));
            if (filter.worker_id) st.exchange(soci::use(worker));
            for (const auto& team : teams) st.exchange(soci::use(team));
            if (filter.overdue_only) st.exchange(soci::use(filter.today));
            for (const auto& code : filter.levels) st.exchange(soci::use(code));
            if (!filter.due_by.empty()) st.exchange(soci::use(filter.due_by));
            st.exchange(soci::use(filter.limit));
            for (const auto& code : filter.levels) st.exchange(soci::use(code));
            if (!filter.due_by.empty()) st.exchange(soci::use(filter.due_by));
            st.exchange(soci::use(filter.limit));
        },
        [&] {
            row.case_id = case_id;
            row.child_id = child_id;
            row.child_name = first + " " + last;
            row.worker_name = worker_ind == soci::i_ok ? worker_name : "";
            row.team_name = team_ind == soci::i_ok ? team_name : "";
            row.level = level_ind == soci::i_ok ? level : "";
            row.level_since = since_ind == soci::i_ok ? since : "";
            row.next_due = due_ind == soci::i_ok ? due : "";
            row.alerts_waiting = static_cast<int>(alerts);
            row.overdue_actions = static_cast<int>(overdue);
            out.push_back(row);
        });
    return out;
}

void add_level_period(soci::session& sql, const LevelPeriodRecord& p) {
    translate_errors([&] {
        long long case_id = p.case_id, child_id = p.child_id;
        auto by = nullable_id(p.recorded_by);
        std::string category = p.category;
        soci::indicator category_ind = category.empty() ? soci::i_null : soci::i_ok;
        sql << "INSERT INTO level_periods (case_id, child_id, level, from_date, reason, category, "
               "legal_status, recorded_by, recorded_at) VALUES (:case, :child, :level, :from, "
               ":reason, :category, :legal, :by, :at)",
            soci::use(case_id), soci::use(child_id), soci::use(p.level), soci::use(p.from_date),
            soci::use(p.reason), soci::use(category, category_ind), soci::use(p.legal_status),
            soci::use(by.value, by.indicator), soci::use(p.recorded_at);
    });
}

void end_current_period(soci::session& sql, std::int64_t case_id, std::int64_t child_id,
                        const std::string& to_date) {
    translate_errors([&] {
        long long c = case_id, k = child_id;
        sql << "UPDATE level_periods SET to_date = :to WHERE case_id = :c AND child_id = :k "
               "AND to_date IS NULL",
            soci::use(to_date), soci::use(c), soci::use(k);
    });
}

std::map<std::int64_t, std::string> current_levels(soci::session& sql,
                                                   const std::vector<std::int64_t>& child_ids) {
    std::map<std::int64_t, std::string> out;
    if (child_ids.empty()) return out;
    std::vector<long long> keys(child_ids.begin(), child_ids.end());
    long long child = 0;
    std::string level;
    for_each_row(
        sql,
        "SELECT child_id, level FROM level_periods WHERE to_date IS NULL AND child_id IN (" +
            bind_names("k", keys.size()) + ") ORDER BY from_date, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(child));
            st.exchange(soci::into(level));
            for (const auto& key : keys) st.exchange(soci::use(key));
        },
        [&] { out[child] = level; });
    return out;
}

std::vector<LevelPeriodRecord> level_history(soci::session& sql, std::int64_t case_id,
                                             std::int64_t child_id) {
    LevelPeriodRecord p;
    long long id = 0, c = case_id, k = child_id, by = 0;
    soci::indicator to_ind, category_ind, by_ind;
    std::vector<LevelPeriodRecord> out;
    for_each_row(
        sql,
        "SELECT id, level, from_date, to_date, reason, category, legal_status, recorded_by, "
        "recorded_at FROM level_periods WHERE case_id = :c AND child_id = :k "
        "ORDER BY from_date, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(p.level));
            st.exchange(soci::into(p.from_date));
            st.exchange(soci::into(p.to_date, to_ind));
            st.exchange(soci::into(p.reason));
            st.exchange(soci::into(p.category, category_ind));
            st.exchange(soci::into(p.legal_status));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(p.recorded_at));
            st.exchange(soci::use(c));
            st.exchange(soci::use(k));
        },
        [&] {
            auto row = p;
            row.id = id;
            row.case_id = case_id;
            row.child_id = child_id;
            if (to_ind != soci::i_ok) row.to_date.clear();
            if (category_ind != soci::i_ok) row.category.clear();
            row.recorded_by = id_or_none(by, by_ind);
            out.push_back(row);
        });
    return out;
}

void grant_break_glass(soci::session& sql, std::int64_t user_id, std::int64_t case_id,
                       const std::string& reason, const std::string& at,
                       const std::string& expires_at) {
    translate_errors([&] {
        long long u = user_id, c = case_id;
        sql << "INSERT INTO break_glass_grants (user_id, case_id, reason, granted_at, expires_at) "
               "VALUES (:u, :c, :reason, :at, :expires)",
            soci::use(u), soci::use(c), soci::use(reason), soci::use(at), soci::use(expires_at);
    });
}

bool has_break_glass(soci::session& sql, std::int64_t user_id, std::int64_t case_id,
                     const std::string& now) {
    return translate_errors([&] {
        long long u = user_id, c = case_id;
        int count = 0;
        sql << "SELECT COUNT(*) FROM break_glass_grants WHERE user_id = :u AND case_id = :c "
               "AND expires_at > :now",
            soci::use(u), soci::use(c), soci::use(now), soci::into(count);
        return count > 0;
    });
}

std::vector<BreakGlassRecord> break_glass_for_case(soci::session& sql, std::int64_t case_id) {
    BreakGlassRecord r;
    long long user = 0, c = case_id;
    std::vector<BreakGlassRecord> out;
    for_each_row(
        sql,
        "SELECT g.user_id, u.name, g.reason, g.granted_at, g.expires_at FROM break_glass_grants g "
        "JOIN users u ON u.id = g.user_id WHERE g.case_id = :c ORDER BY g.granted_at DESC",
        [&](soci::statement& st) {
            st.exchange(soci::into(user));
            st.exchange(soci::into(r.user_name));
            st.exchange(soci::into(r.reason));
            st.exchange(soci::into(r.granted_at));
            st.exchange(soci::into(r.expires_at));
            st.exchange(soci::use(c));
        },
        [&] {
            auto row = r;
            row.user_id = user;
            out.push_back(row);
        });
    return out;
}

}  // namespace signs::store::cases
