#include "store/plan_repository.hpp"

#include "store/query.hpp"

namespace signs::store::plans {
namespace {

std::vector<PlanRecord> select_plans(soci::session& sql, const std::string& where,
                                     std::int64_t key) {
    PlanRecord row;
    long long id = 0, case_id = 0, mapping = 0, by = 0, bound = key;
    int in_force = 0;
    soci::indicator mapping_ind = soci::i_null, force_ind = soci::i_null, by_ind = soci::i_null;
    std::vector<PlanRecord> out;
    for_each_row(
        sql,
        "SELECT id, case_id, mapping_id, started_on, latest_version, in_force, created_by, "
        "created_at FROM plans " +
            where,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(mapping, mapping_ind));
            st.exchange(soci::into(row.started_on));
            st.exchange(soci::into(row.latest_version));
            st.exchange(soci::into(in_force, force_ind));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(row.created_at));
            st.exchange(soci::use(bound));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.case_id = case_id;
            copy.mapping_id = id_or_none(mapping, mapping_ind);
            copy.in_force = force_ind == soci::i_ok ? std::optional<int>{in_force} : std::nullopt;
            copy.created_by = id_or_none(by, by_ind);
            out.push_back(copy);
        });
    return out;
}

/// Takes the plan's next goal or action ref and moves the counter on.
int take_ref(soci::session& sql, std::int64_t plan_id, const std::string& counter) {
    long long key = plan_id;
    int ref = 0;
    sql << "UPDATE plans SET " + counter + " = " + counter + " + 1 WHERE id = :id RETURNING " +
               counter + " - 1",
        soci::use(key), soci::into(ref);
    return ref;
}

void insert_goal(soci::session& sql, std::int64_t plan_id, int version, int ref,
                 const std::string& text) {
    long long key = plan_id;
    sql << "INSERT INTO plan_goals (plan_id, version, ref, text) VALUES (:p, :v, :r, :t)",
        soci::use(key), soci::use(version), soci::use(ref), soci::use(text);
}

void insert_action(soci::session& sql, std::int64_t plan_id, int version,
                   const domain::PlanAction& a) {
    long long key = plan_id;
    sql << "INSERT INTO plan_actions (plan_id, version, ref, goal_ref, what, owner_kind, "
           "owner_name, due_on, how_known) VALUES (:p, :v, :r, :g, :what, :kind, :name, :due, "
           ":how)",
        soci::use(key), soci::use(version), soci::use(a.ref), soci::use(a.goal_ref),
        soci::use(a.what), soci::use(a.owner_kind), soci::use(a.owner_name), soci::use(a.due_on),
        soci::use(a.how_known);
}

}  // namespace

std::int64_t insert(soci::session& sql, const PlanRecord& plan, const std::string& variant,
                    const domain::PlanContent& first) {
    return translate_errors([&] {
        long long id = 0, case_id = plan.case_id;
        auto mapping = nullable_id(plan.mapping_id);
        auto by = nullable_id(plan.created_by);
        sql << "INSERT INTO plans (case_id, mapping_id, started_on, created_by, created_at) "
               "VALUES (:case_id, :mapping, :started, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(mapping.value, mapping.indicator),
            soci::use(plan.started_on), soci::use(by.value, by.indicator),
            soci::use(plan.created_at), soci::into(id);
        sql << "INSERT INTO plan_versions (plan_id, number, variant, created_by, created_at) "
               "VALUES (:p, 1, :variant, :by, :at)",
            soci::use(id), soci::use(variant), soci::use(by.value, by.indicator),
            soci::use(plan.created_at);
        std::map<int, int> goal_refs;
        for (const auto& g : first.goals) {
            auto ref = take_ref(sql, id, "next_goal_ref");
            goal_refs[g.ref] = ref;
            insert_goal(sql, id, 1, ref, g.text);
        }
        for (auto a : first.actions) {
            a.goal_ref = goal_refs.contains(a.goal_ref) ? goal_refs[a.goal_ref] : 0;
            a.ref = take_ref(sql, id, "next_action_ref");
            insert_action(sql, id, 1, a);
        }
        return static_cast<std::int64_t>(id);
    });
}

std::optional<PlanRecord> find(soci::session& sql, std::int64_t id) {
    auto found = select_plans(sql, "WHERE id = :id", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<PlanRecord> for_case(soci::session& sql, std::int64_t case_id) {
    auto found = select_plans(sql, "WHERE case_id = :id", case_id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<PlanVersionRecord> versions(soci::session& sql, std::int64_t plan_id) {
    PlanVersionRecord row;
    long long key = plan_id;
    std::string agreed_on, agreed_by, created_by;
    soci::indicator on_ind = soci::i_null, agreed_ind = soci::i_null, created_ind = soci::i_null;
    std::vector<PlanVersionRecord> out;
    for_each_row(
        sql,
        "SELECT v.number, v.variant, v.status, v.agreed_on, v.agreed_where, a.name, c.name, "
        "v.created_at FROM plan_versions v LEFT JOIN users a ON a.id = v.agreed_by LEFT JOIN "
        "users c ON c.id = v.created_by WHERE v.plan_id = :p ORDER BY v.number",
        [&](soci::statement& st) {
            st.exchange(soci::into(row.number));
            st.exchange(soci::into(row.variant));
            st.exchange(soci::into(row.status));
            st.exchange(soci::into(agreed_on, on_ind));
            st.exchange(soci::into(row.agreed_where));
            st.exchange(soci::into(agreed_by, agreed_ind));
            st.exchange(soci::into(created_by, created_ind));
            st.exchange(soci::into(row.created_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = row;
            copy.agreed_on = on_ind == soci::i_ok ? agreed_on : "";
            copy.agreed_by_name = agreed_ind == soci::i_ok ? agreed_by : "";
            copy.created_by_name = created_ind == soci::i_ok ? created_by : "";
            out.push_back(copy);
        });
    return out;
}

domain::PlanContent content(soci::session& sql, std::int64_t plan_id, int version) {
    domain::PlanContent out;
    long long key = plan_id;
    domain::PlanGoal goal;
    for_each_row(
        sql, "SELECT ref, text FROM plan_goals WHERE plan_id = :p AND version = :v ORDER BY ref",
        [&](soci::statement& st) {
            st.exchange(soci::into(goal.ref));
            st.exchange(soci::into(goal.text));
            st.exchange(soci::use(key));
            st.exchange(soci::use(version));
        },
        [&] { out.goals.push_back(goal); });
    domain::PlanAction action;
    for_each_row(
        sql,
        "SELECT ref, goal_ref, what, owner_kind, owner_name, due_on, how_known FROM plan_actions "
        "WHERE plan_id = :p AND version = :v ORDER BY ref",
        [&](soci::statement& st) {
            st.exchange(soci::into(action.ref));
            st.exchange(soci::into(action.goal_ref));
            st.exchange(soci::into(action.what));
            st.exchange(soci::into(action.owner_kind));
            st.exchange(soci::into(action.owner_name));
            st.exchange(soci::into(action.due_on));
            st.exchange(soci::into(action.how_known));
            st.exchange(soci::use(key));
            st.exchange(soci::use(version));
        },
        [&] { out.actions.push_back(action); });
    return out;
}

bool hold_draft(soci::session& sql, std::int64_t plan_id, int version) {
    return translate_errors([&] {
        long long key = plan_id;
        // A write that changes nothing still takes the row's lock (PostgreSQL) or the write
        // lock (SQLite), and sees an agreement that committed first.
        soci::statement st = (sql.prepare << "UPDATE plan_versions SET status = status WHERE "
                                             "plan_id = :p AND number = :v AND status = 'draft'",
                              soci::use(key), soci::use(version));
        return changed_one_row(st);
    });
}

int add_goal(soci::session& sql, std::int64_t plan_id, int version, const std::string& text) {
    return translate_errors([&] {
        auto ref = take_ref(sql, plan_id, "next_goal_ref");
        insert_goal(sql, plan_id, version, ref, text);
        return ref;
    });
}

bool update_goal(soci::session& sql, std::int64_t plan_id, int version, int ref,
                 const std::string& text) {
    return translate_errors([&] {
        long long key = plan_id;
        soci::statement st =
            (sql.prepare << "UPDATE plan_goals SET text = :t WHERE plan_id = :p AND version = :v "
                            "AND ref = :r",
             soci::use(text), soci::use(key), soci::use(version), soci::use(ref));
        return changed_one_row(st);
    });
}

bool remove_goal(soci::session& sql, std::int64_t plan_id, int version, int ref) {
    return translate_errors([&] {
        long long key = plan_id;
        sql << "UPDATE plan_actions SET goal_ref = 0 WHERE plan_id = :p AND version = :v AND "
               "goal_ref = :r",
            soci::use(key), soci::use(version), soci::use(ref);
        soci::statement st = (sql.prepare << "DELETE FROM plan_goals WHERE plan_id = :p AND "
                                             "version = :v AND ref = :r",
                              soci::use(key), soci::use(version), soci::use(ref));
        return changed_one_row(st);
    });
}

int add_action(soci::session& sql, std::int64_t plan_id, int version,
               const domain::PlanAction& action) {
    return translate_errors([&] {
        auto a = action;
        a.ref = take_ref(sql, plan_id, "next_action_ref");
        insert_action(sql, plan_id, version, a);
        return a.ref;
    });
}

bool update_action(soci::session& sql, std::int64_t plan_id, int version,
                   const domain::PlanAction& a) {
    return translate_errors([&] {
        long long key = plan_id;
        soci::statement st =
            (sql.prepare << "UPDATE plan_actions SET goal_ref = :g, what = :what, owner_kind = "
                            ":kind, owner_name = :name, due_on = :due, how_known = :how WHERE "
                            "plan_id = :p AND version = :v AND ref = :r",
             soci::use(a.goal_ref), soci::use(a.what), soci::use(a.owner_kind),
             soci::use(a.owner_name), soci::use(a.due_on), soci::use(a.how_known), soci::use(key),
             soci::use(version), soci::use(a.ref));
        return changed_one_row(st);
    });
}

bool remove_action(soci::session& sql, std::int64_t plan_id, int version, int ref) {
    return translate_errors([&] {
        long long key = plan_id;
        soci::statement st = (sql.prepare << "DELETE FROM plan_actions WHERE plan_id = :p AND "
                                             "version = :v AND ref = :r",
                              soci::use(key), soci::use(version), soci::use(ref));
        return changed_one_row(st);
    });
}

bool agree(soci::session& sql, std::int64_t plan_id, int version, const std::string& on,
           const std::string& where, std::optional<std::int64_t> by, const std::string& at) {
    return translate_errors([&] {
        long long key = plan_id;
        auto who = nullable_id(by);
        soci::statement st =
            (sql.prepare << "UPDATE plan_versions SET status = 'agreed', agreed_on = :on, "
                            "agreed_where = :where, agreed_by = :by, agreed_at = :at WHERE "
                            "plan_id = :p AND number = :v AND status = 'draft'",
             soci::use(on), soci::use(where), soci::use(who.value, who.indicator), soci::use(at),
             soci::use(key), soci::use(version));
        if (!changed_one_row(st)) return false;
        sql << "UPDATE plans SET in_force = :v WHERE id = :p", soci::use(version), soci::use(key);
        return true;
    });
}

int new_version(soci::session& sql, std::int64_t plan_id, int latest, const std::string& variant,
                std::optional<std::int64_t> by, const std::string& at) {
    return translate_errors([&] {
        long long key = plan_id;
        int next = latest + 1;
        auto who = nullable_id(by);
        sql << "INSERT INTO plan_versions (plan_id, number, variant, created_by, created_at) "
               "VALUES (:p, :n, :variant, :by, :at)",
            soci::use(key), soci::use(next), soci::use(variant),
            soci::use(who.value, who.indicator), soci::use(at);
        sql << "INSERT INTO plan_goals (plan_id, version, ref, text) SELECT plan_id, :n, ref, "
               "text FROM plan_goals WHERE plan_id = :p AND version = :latest",
            soci::use(next), soci::use(key), soci::use(latest);
        sql << "INSERT INTO plan_actions (plan_id, version, ref, goal_ref, what, owner_kind, "
               "owner_name, due_on, how_known) SELECT plan_id, :n, ref, goal_ref, what, "
               "owner_kind, owner_name, due_on, how_known FROM plan_actions WHERE plan_id = :p "
               "AND version = :latest",
            soci::use(next), soci::use(key), soci::use(latest);
        sql << "UPDATE plans SET latest_version = :n WHERE id = :p", soci::use(next),
            soci::use(key);
        return next;
    });
}

void add_update(soci::session& sql, std::int64_t plan_id, int action_ref,
                const domain::UpdateForm& update, const std::string& on,
                std::optional<std::int64_t> by, const std::string& at) {
    translate_errors([&] {
        long long key = plan_id;
        auto who = nullable_id(by);
        sql << "INSERT INTO plan_updates (plan_id, action_ref, status, note, on_date, "
               "recorded_by, recorded_at) VALUES (:p, :r, :status, :note, :on, :by, :at)",
            soci::use(key), soci::use(action_ref), soci::use(update.status), soci::use(update.note),
            soci::use(on), soci::use(who.value, who.indicator), soci::use(at);
        sql << "INSERT INTO plan_action_states (plan_id, action_ref, status, on_date) VALUES "
               "(:p, :r, :status, :on) ON CONFLICT (plan_id, action_ref) DO UPDATE SET status = "
               "excluded.status, on_date = excluded.on_date WHERE excluded.on_date >= "
               "plan_action_states.on_date",
            soci::use(key), soci::use(action_ref), soci::use(update.status), soci::use(on);
    });
}

std::vector<PlanUpdateRecord> updates(soci::session& sql, std::int64_t plan_id) {
    PlanUpdateRecord row;
    long long id = 0, key = plan_id;
    std::string name;
    soci::indicator name_ind = soci::i_null;
    std::vector<PlanUpdateRecord> out;
    for_each_row(
        sql,
        "SELECT p.id, p.action_ref, p.status, p.note, p.on_date, u.name, p.recorded_at FROM "
        "plan_updates p LEFT JOIN users u ON u.id = p.recorded_by WHERE p.plan_id = :p ORDER BY "
        "p.on_date DESC, p.id DESC",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(row.action_ref));
            st.exchange(soci::into(row.status));
            st.exchange(soci::into(row.note));
            st.exchange(soci::into(row.on_date));
            st.exchange(soci::into(name, name_ind));
            st.exchange(soci::into(row.recorded_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.recorded_by_name = name_ind == soci::i_ok ? name : "";
            out.push_back(copy);
        });
    return out;
}

std::map<int, ActionState> states(soci::session& sql, std::int64_t plan_id) {
    int ref = 0;
    ActionState state;
    long long key = plan_id;
    std::map<int, ActionState> out;
    for_each_row(
        sql, "SELECT action_ref, status, on_date FROM plan_action_states WHERE plan_id = :p",
        [&](soci::statement& st) {
            st.exchange(soci::into(ref));
            st.exchange(soci::into(state.status));
            st.exchange(soci::into(state.on_date));
            st.exchange(soci::use(key));
        },
        [&] { out[ref] = state; });
    return out;
}

std::string overdue_actions_sql(const std::string& today_name) {
    return "(SELECT COUNT(*) FROM plans pl JOIN plan_actions pa ON pa.plan_id = pl.id AND "
           "pa.version = pl.in_force LEFT JOIN plan_action_states ps ON ps.plan_id = pl.id AND "
           "ps.action_ref = pa.ref WHERE pl.case_id = c.id AND pa.due_on <> '' AND pa.due_on < :" +
           today_name + " AND (ps.status IS NULL OR ps.status <> 'done'))";
}

int overdue_actions(soci::session& sql, std::int64_t case_id, const std::string& today) {
    return translate_errors([&] {
        long long key = case_id, count = 0;
        sql << "SELECT " + overdue_actions_sql("today") + " FROM cases c WHERE c.id = :c",
            soci::use(today), soci::use(key), soci::into(count);
        return static_cast<int>(count);
    });
}

}  // namespace signs::store::plans
