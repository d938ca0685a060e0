#include "store/meeting_repository.hpp"

#include "store/query.hpp"

namespace signs::store::meetings {
namespace {

std::vector<MeetingRecord> select_meetings(soci::session& sql, const std::string& where,
                                           std::int64_t key) {
    MeetingRecord row;
    long long id = 0, case_id = 0, mapping = 0, by = 0, bound = key;
    int remote = 0, plan_version = 0;
    soci::indicator mapping_ind = soci::i_null, version_ind = soci::i_null, by_ind = soci::i_null;
    std::vector<MeetingRecord> out;
    for_each_row(
        sql,
        "SELECT id, case_id, type, held_on, start_minutes, end_minutes, venue, remote, chair, "
        "status, cancel_reason, uid, sequence, mapping_id, decision, plan_needed, category, "
        "plan_version, next_on, created_by, created_at, version FROM meetings " +
            where,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(row.type));
            st.exchange(soci::into(row.held_on));
            st.exchange(soci::into(row.start_minutes));
            st.exchange(soci::into(row.end_minutes));
            st.exchange(soci::into(row.venue));
            st.exchange(soci::into(remote));
            st.exchange(soci::into(row.chair));
            st.exchange(soci::into(row.status));
            st.exchange(soci::into(row.cancel_reason));
            st.exchange(soci::into(row.uid));
            st.exchange(soci::into(row.sequence));
            st.exchange(soci::into(mapping, mapping_ind));
            st.exchange(soci::into(row.decision));
            st.exchange(soci::into(row.plan_needed));
            st.exchange(soci::into(row.category));
            st.exchange(soci::into(plan_version, version_ind));
            st.exchange(soci::into(row.next_on));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(row.created_at));
            st.exchange(soci::into(row.version));
            st.exchange(soci::use(bound));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.case_id = case_id;
            copy.remote = flag(remote);
            copy.mapping_id = id_or_none(mapping, mapping_ind);
            copy.plan_version =
                version_ind == soci::i_ok ? std::optional<int>{plan_version} : std::nullopt;
            copy.created_by = id_or_none(by, by_ind);
            out.push_back(copy);
        });
    for (auto& meeting : out) {
        long long meeting_id = meeting.id;
        meeting.child_ids = select_ids(
            sql, "SELECT child_id FROM meeting_children WHERE meeting_id = :m ORDER BY child_id",
            [&](soci::statement& st) { st.exchange(soci::use(meeting_id)); });
    }
    return out;
}

void replace_children(soci::session& sql, std::int64_t meeting_id,
                      const std::vector<std::int64_t>& child_ids) {
    long long key = meeting_id;
    sql << "DELETE FROM meeting_children WHERE meeting_id = :m", soci::use(key);
    for (auto child : child_ids) {
        long long c = child;
        sql << "INSERT INTO meeting_children (meeting_id, child_id) VALUES (:m, :c)",
            soci::use(key), soci::use(c);
    }
}

}  // namespace

std::int64_t insert(soci::session& sql, const MeetingRecord& m) {
    return translate_errors([&] {
        long long id = 0, case_id = m.case_id;
        int remote = m.remote ? 1 : 0;
        auto by = nullable_id(m.created_by);
        sql << "INSERT INTO meetings (case_id, type, held_on, start_minutes, end_minutes, venue, "
               "remote, chair, uid, created_by, created_at) VALUES (:case_id, :type, :held_on, "
               ":start, :end, :venue, :remote, :chair, :uid, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(m.type), soci::use(m.held_on), soci::use(m.start_minutes),
            soci::use(m.end_minutes), soci::use(m.venue), soci::use(remote), soci::use(m.chair),
            soci::use(m.uid), soci::use(by.value, by.indicator), soci::use(m.created_at),
            soci::into(id);
        replace_children(sql, id, m.child_ids);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<MeetingRecord> find(soci::session& sql, std::int64_t id) {
    auto found = select_meetings(sql, "WHERE id = :id", id);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<MeetingRecord> for_case(soci::session& sql, std::int64_t case_id) {
    return select_meetings(sql, "WHERE case_id = :c ORDER BY held_on, start_minutes, id", case_id);
}

bool reschedule(soci::session& sql, const MeetingRecord& m, int expected_version) {
    return translate_errors([&] {
        long long key = m.id;
        int remote = m.remote ? 1 : 0;
        soci::statement st =
            (sql.prepare << "UPDATE meetings SET held_on = :on, start_minutes = :start, "
                            "end_minutes = :end, venue = :venue, remote = :remote, chair = "
                            ":chair, sequence = sequence + 1, version = version + 1 WHERE id = "
                            ":id AND version = :v AND status = 'arranged'",
             soci::use(m.held_on), soci::use(m.start_minutes), soci::use(m.end_minutes),
             soci::use(m.venue), soci::use(remote), soci::use(m.chair), soci::use(key),
             soci::use(expected_version));
        if (!changed_one_row(st)) return false;
        replace_children(sql, m.id, m.child_ids);
        return true;
    });
}

bool cancel(soci::session& sql, std::int64_t id, const std::string& reason, int expected_version) {
    return translate_errors([&] {
        long long key = id;
        soci::statement st =
            (sql.prepare << "UPDATE meetings SET status = 'cancelled', cancel_reason = :reason, "
                            "sequence = sequence + 1, version = version + 1 WHERE id = :id AND "
                            "version = :v AND status = 'arranged'",
             soci::use(reason), soci::use(key), soci::use(expected_version));
        return changed_one_row(st);
    });
}

bool record_outcome(soci::session& sql, const MeetingRecord& m, int expected_version) {
    return translate_errors([&] {
        long long key = m.id;
        int plan_version = m.plan_version.value_or(0);
        soci::indicator version_ind = m.plan_version ? soci::i_ok : soci::i_null;
        soci::statement st =
            (sql.prepare << "UPDATE meetings SET status = 'held', decision = :decision, "
                            "plan_needed = :needed, category = :category, plan_version = :pv, "
                            "next_on = :next, version = version + 1 WHERE id = :id AND version = "
                            ":v AND status <> 'cancelled'",
             soci::use(m.decision), soci::use(m.plan_needed), soci::use(m.category),
             soci::use(plan_version, version_ind), soci::use(m.next_on), soci::use(key),
             soci::use(expected_version));
        return changed_one_row(st);
    });
}

bool link_mapping(soci::session& sql, std::int64_t id, std::int64_t mapping_id) {
    return translate_errors([&] {
        long long key = id, mapping = mapping_id;
        soci::statement st =
            (sql.prepare << "UPDATE meetings SET mapping_id = :m, version = version + 1 WHERE id "
                            "= :id AND mapping_id IS NULL",
             soci::use(mapping), soci::use(key));
        return changed_one_row(st);
    });
}

std::int64_t add_invitee(soci::session& sql, const InviteeRecord& i) {
    return translate_errors([&] {
        long long id = 0, meeting = i.meeting_id;
        sql << "INSERT INTO meeting_invitees (meeting_id, name, kind, role, email) VALUES (:m, "
               ":name, :kind, :role, :email) RETURNING id",
            soci::use(meeting), soci::use(i.name), soci::use(i.kind), soci::use(i.role),
            soci::use(i.email), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<InviteeRecord> invitees(soci::session& sql, std::int64_t meeting_id) {
    InviteeRecord row;
    long long id = 0, key = meeting_id;
    std::vector<InviteeRecord> out;
    for_each_row(
        sql,
        "SELECT id, name, kind, role, email, attendance, reason, dissent FROM meeting_invitees "
        "WHERE "
        "meeting_id = :m ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(row.name));
            st.exchange(soci::into(row.kind));
            st.exchange(soci::into(row.role));
            st.exchange(soci::into(row.email));
            st.exchange(soci::into(row.attendance));
            st.exchange(soci::into(row.reason));
            st.exchange(soci::into(row.dissent));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.meeting_id = meeting_id;
            out.push_back(copy);
        });
    return out;
}

bool set_attendance(soci::session& sql, std::int64_t invitee_id, const std::string& attendance,
                    const std::string& reason) {
    return translate_errors([&] {
        long long key = invitee_id;
        soci::statement st = (sql.prepare << "UPDATE meeting_invitees SET attendance = :a, "
                                             "reason = :r WHERE id = :id",
                              soci::use(attendance), soci::use(reason), soci::use(key));
        return changed_one_row(st);
    });
}

bool set_dissent(soci::session& sql, std::int64_t invitee_id, const std::string& dissent) {
    return translate_errors([&] {
        long long key = invitee_id;
        soci::statement st =
            (sql.prepare << "UPDATE meeting_invitees SET dissent = :d WHERE id = :id",
             soci::use(dissent), soci::use(key));
        return changed_one_row(st);
    });
}

}  // namespace signs::store::meetings
