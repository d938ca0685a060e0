#include "store/contact_repository.hpp"

#include "store/query.hpp"

namespace signs::store::contacts {
namespace {

const std::string kSelect =
    "SELECT c.id, c.child_id, k.first_name, k.last_name, c.team_id, c.received_at, "
    "c.received_on, c.channel, c.referrer_name, c.referrer_role, c.referrer_agency, "
    "c.referrer_contact, c.worried, c.working_well, c.needs_to_happen, c.scale, "
    "c.scale_question, c.decision_due, c.decision, c.decision_reason, c.decided_by, d.name, "
    "c.decided_at, c.recorded_by, r.name, c.recorded_at, c.version FROM contacts c "
    "JOIN children k ON k.id = c.child_id LEFT JOIN users d ON d.id = c.decided_by "
    "LEFT JOIN users r ON r.id = c.recorded_by";

std::vector<ContactRecord> select_contacts(soci::session& sql, const std::string& rest,
                                           const std::function<void(soci::statement&)>& bind) {
    ContactRecord c;
    long long id = 0, child = 0, team = 0, decided_by = 0, recorded_by = 0;
    int scale = 0;
    std::string first, last;
    soci::indicator team_ind, scale_ind, decision_ind, decided_by_ind, decided_name_ind,
        decided_at_ind, recorded_by_ind, recorded_name_ind;
    std::vector<ContactRecord> found;
    for_each_row(
        sql, kSelect + " " + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(child));
            st.exchange(soci::into(first));
            st.exchange(soci::into(last));
            st.exchange(soci::into(team, team_ind));
            st.exchange(soci::into(c.received_at));
            st.exchange(soci::into(c.received_on));
            st.exchange(soci::into(c.channel));
            st.exchange(soci::into(c.referrer_name));
            st.exchange(soci::into(c.referrer_role));
            st.exchange(soci::into(c.referrer_agency));
            st.exchange(soci::into(c.referrer_contact));
            st.exchange(soci::into(c.worried));
            st.exchange(soci::into(c.working_well));
            st.exchange(soci::into(c.needs_to_happen));
            st.exchange(soci::into(scale, scale_ind));
            st.exchange(soci::into(c.scale_question));
            st.exchange(soci::into(c.decision_due));
            st.exchange(soci::into(c.decision, decision_ind));
            st.exchange(soci::into(c.decision_reason));
            st.exchange(soci::into(decided_by, decided_by_ind));
            st.exchange(soci::into(c.decided_by_name, decided_name_ind));
            st.exchange(soci::into(c.decided_at, decided_at_ind));
            st.exchange(soci::into(recorded_by, recorded_by_ind));
            st.exchange(soci::into(c.recorded_by_name, recorded_name_ind));
            st.exchange(soci::into(c.recorded_at));
            st.exchange(soci::into(c.version));
            bind(st);
        },
        [&] {
            auto row = c;
            row.id = id;
            row.child_id = child;
            row.child_name = first + " " + last;
            row.team_id = id_or_none(team, team_ind);
            row.scale = scale_ind == soci::i_ok ? std::optional<int>{scale} : std::nullopt;
            if (decision_ind != soci::i_ok) row.decision.clear();
            row.decided_by = id_or_none(decided_by, decided_by_ind);
            if (decided_name_ind != soci::i_ok) row.decided_by_name.clear();
            if (decided_at_ind != soci::i_ok) row.decided_at.clear();
            row.recorded_by = id_or_none(recorded_by, recorded_by_ind);
            if (recorded_name_ind != soci::i_ok) row.recorded_by_name.clear();
            found.push_back(std::move(row));
        });
    return found;
}

}  // namespace

std::int64_t insert(soci::session& sql, const ContactRecord& c) {
    return translate_errors([&] {
        long long id = 0, child = c.child_id;
        auto team = nullable_id(c.team_id), by = nullable_id(c.recorded_by);
        int scale = c.scale.value_or(0);
        soci::indicator scale_ind = c.scale ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO contacts (child_id, team_id, received_at, received_on, channel, "
               "referrer_name, referrer_role, referrer_agency, referrer_contact, worried, "
               "working_well, needs_to_happen, scale, scale_question, decision_due, recorded_by, "
               "recorded_at) VALUES (:child, :team, :received_at, :received_on, :channel, "
               ":name, :role, :agency, :contact, :worried, :well, :needs, :scale, :question, "
               ":due, :by, :at) RETURNING id",
            soci::use(child), soci::use(team.value, team.indicator), soci::use(c.received_at),
            soci::use(c.received_on), soci::use(c.channel), soci::use(c.referrer_name),
            soci::use(c.referrer_role), soci::use(c.referrer_agency), soci::use(c.referrer_contact),
            soci::use(c.worried), soci::use(c.working_well), soci::use(c.needs_to_happen),
            soci::use(scale, scale_ind), soci::use(c.scale_question), soci::use(c.decision_due),
            soci::use(by.value, by.indicator), soci::use(c.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<ContactRecord> find(soci::session& sql, std::int64_t id) {
    long long key = id;
    auto found = select_contacts(sql, "WHERE c.id = :id",
                                 [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<ContactRecord> for_child(soci::session& sql, std::int64_t child_id) {
    long long key = child_id;
    return select_contacts(sql, "WHERE c.child_id = :id ORDER BY c.received_at DESC, c.id DESC",
                           [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

std::vector<ContactRecord> awaiting_decision(soci::session& sql,
                                             const std::vector<std::int64_t>& team_ids, int limit) {
    if (team_ids.empty()) return {};
    std::vector<long long> teams(team_ids.begin(), team_ids.end());
    return select_contacts(
        sql,
        "WHERE c.team_id IN (" + bind_names("team", teams.size()) +
            ") AND c.decision IS NULL ORDER BY c.decision_due, c.received_at, c.id LIMIT :limit",
        [&](soci::statement& st) {
            for (const auto& team : teams) st.exchange(soci::use(team));
            st.exchange(soci::use(limit));
        });
}

bool decide(soci::session& sql, std::int64_t id, const std::string& decision,
            const std::string& reason, std::int64_t decided_by, const std::string& decided_at,
            int expected_version) {
    return translate_errors([&] {
        long long key = id, by = decided_by;
        soci::statement st =
            (sql.prepare << "UPDATE contacts SET decision = :decision, decision_reason = :reason, "
                            "decided_by = :by, decided_at = :at, version = version + 1 WHERE id "
                            "= :id AND version = :v AND decision IS NULL",
             soci::use(decision), soci::use(reason), soci::use(by), soci::use(decided_at),
             soci::use(key), soci::use(expected_version));
        return changed_one_row(st);
    });
}

void mark_demo(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE contacts SET is_demo = 1 WHERE id = :id", soci::use(key);
    });
}

}  // namespace signs::store::contacts
