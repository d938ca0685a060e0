#include "store/audit_repository.hpp"

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::audit {
namespace {

const std::string kColumns =
    "SELECT seq, at, user_id, action, entity_type, entity_id, address, request_id, detail, "
    "previous_hash, hash FROM audit_events";

struct EventRow {
    long long seq = 0;
    long long user_id = 0;
    soci::indicator user_ind = soci::i_null;
    domain::AuditEvent event;

    void bind(soci::statement& st) {
        st.exchange(soci::into(seq));
        st.exchange(soci::into(event.at));
        st.exchange(soci::into(user_id, user_ind));
        st.exchange(soci::into(event.action));
        st.exchange(soci::into(event.entity_type));
        st.exchange(soci::into(event.entity_id));
        st.exchange(soci::into(event.address));
        st.exchange(soci::into(event.request_id));
        st.exchange(soci::into(event.detail));
        st.exchange(soci::into(event.previous_hash));
        st.exchange(soci::into(event.hash));
    }

    domain::AuditEvent take() {
        domain::AuditEvent out = event;
        out.seq = seq;
        out.user_id = id_or_none(user_id, user_ind);
        return out;
    }
};

}  // namespace

AuditHead head(soci::session& sql) {
    return translate_errors([&] {
        long long seq = 0;
        std::string hash;
        sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(hash);
        return AuditHead{seq, hash};
    });
}

domain::AuditEvent append(soci::session& sql, domain::AuditEvent event) {
    return translate_errors([&] {
        // Writing the head first takes its row lock (PostgreSQL) before the read, so two
        // nodes cannot both build on the same previous event.
        sql << "UPDATE audit_head SET seq = seq + 1 WHERE id = 1";
        auto [seq, previous] = head(sql);
        event.seq = seq;
        event.previous_hash = previous;
        event.hash = domain::audit_hash(event, previous);
        long long key = seq;
        long long user = event.user_id.value_or(0);
        soci::indicator user_ind = event.user_id ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, "
               "address, request_id, detail, previous_hash, hash) VALUES (:seq, :at, :user, "
               ":action, :etype, :eid, :address, :rid, :detail, :prev, :hash)",
            soci::use(key), soci::use(event.at), soci::use(user, user_ind), soci::use(event.action),
            soci::use(event.entity_type), soci::use(event.entity_id), soci::use(event.address),
            soci::use(event.request_id), soci::use(event.detail), soci::use(event.previous_hash),
            soci::use(event.hash);
        sql << "UPDATE audit_head SET hash = :hash WHERE id = 1", soci::use(event.hash);
        return event;
    });
}

std::vector<domain::AuditEvent> search(soci::session& sql, const AuditFilter& filter) {
    std::string where = " WHERE 1 = 1";
    long long user = filter.user_id.value_or(0);
    long long before = filter.before_seq;
    int limit = filter.limit;
    if (filter.user_id) where += " AND user_id = :user";
    if (!filter.action.empty()) where += " AND action = :action";
    if (!filter.entity_type.empty()) where += " AND entity_type = :etype";
    if (!filter.entity_id.empty()) where += " AND entity_id = :eid";
    if (!filter.from_at.empty()) where += " AND at >= :from_at";
    if (!filter.to_at.empty()) where += " AND at < :to_at";
    if (filter.before_seq > 0) where += " AND seq < :before";
    EventRow row;
    std::vector<domain::AuditEvent> out;
    for_each_row(
        sql, kColumns + where + " ORDER BY seq DESC LIMIT :limit",
        [&](soci::statement& st) {
            row.bind(st);
            if (filter.user_id) st.exchange(soci::use(user));
            if (!filter.action.empty()) st.exchange(soci::use(filter.action));
            if (!filter.entity_type.empty()) st.exchange(soci::use(filter.entity_type));
            if (!filter.entity_id.empty()) st.exchange(soci::use(filter.entity_id));
            if (!filter.from_at.empty()) st.exchange(soci::use(filter.from_at));
            if (!filter.to_at.empty()) st.exchange(soci::use(filter.to_at));
            if (filter.before_seq > 0) st.exchange(soci::use(before));
            st.exchange(soci::use(limit));
        },
        [&] { out.push_back(row.take()); });
    return out;
}

std::vector<domain::AuditEvent> range(soci::session& sql, std::int64_t from_seq, int count) {
    long long from = from_seq, to = from_seq + count;
    EventRow row;
    std::vector<domain::AuditEvent> out;
    for_each_row(
        sql, kColumns + " WHERE seq >= :from AND seq < :to ORDER BY seq",
        [&](soci::statement& st) {
            row.bind(st);
            st.exchange(soci::use(from));
            st.exchange(soci::use(to));
        },
        [&] { out.push_back(row.take()); });
    return out;
}

}  // namespace signs::store::audit
