#include "store/outbox_repository.hpp"

#include "store/query.hpp"

namespace signs::store::outbox {
namespace {

std::vector<OutboxMessage> select_messages(soci::session& sql, const std::string& tail,
                                           const std::vector<std::string>& values, int limit) {
    OutboxMessage row;
    long long id = 0;
    std::string sent;
    soci::indicator sent_ind = soci::i_null;
    std::vector<OutboxMessage> out;
    for_each_row(
        sql,
        "SELECT id, kind, to_name, to_address, subject, body, calendar, calendar_method, status, "
        "attempts, next_attempt_at, last_error, sent_at, created_at FROM outbox " +
            tail,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(row.kind));
            st.exchange(soci::into(row.to_name));
            st.exchange(soci::into(row.to_address));
            st.exchange(soci::into(row.subject));
            st.exchange(soci::into(row.body));
            st.exchange(soci::into(row.calendar));
            st.exchange(soci::into(row.calendar_method));
            st.exchange(soci::into(row.status));
            st.exchange(soci::into(row.attempts));
            st.exchange(soci::into(row.next_attempt_at));
            st.exchange(soci::into(row.last_error));
            st.exchange(soci::into(sent, sent_ind));
            st.exchange(soci::into(row.created_at));
            for (const auto& v : values) st.exchange(soci::use(v));
            st.exchange(soci::use(limit));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.sent_at = sent_ind == soci::i_ok ? sent : "";
            out.push_back(copy);
        });
    return out;
}

}  // namespace

std::int64_t add(soci::session& sql, const OutboxMessage& m) {
    return translate_errors([&] {
        long long id = 0;
        sql << "INSERT INTO outbox (kind, to_name, to_address, subject, body, calendar, "
               "calendar_method, next_attempt_at, created_at) VALUES (:kind, :name, :address, "
               ":subject, :body, :calendar, :method, :next, :at) RETURNING id",
            soci::use(m.kind), soci::use(m.to_name), soci::use(m.to_address), soci::use(m.subject),
            soci::use(m.body), soci::use(m.calendar), soci::use(m.calendar_method),
            soci::use(m.next_attempt_at), soci::use(m.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<OutboxMessage> due(soci::session& sql, const std::string& now, int limit) {
    return select_messages(
        sql, "WHERE status = 'waiting' AND next_attempt_at <= :now ORDER BY id LIMIT :limit", {now},
        limit);
}

bool claim(soci::session& sql, std::int64_t id, const std::string& seen, const std::string& until) {
    return translate_errors([&] {
        long long key = id;
        soci::statement st =
            (sql.prepare << "UPDATE outbox SET next_attempt_at = :until WHERE id = :id AND status "
                            "= 'waiting' AND next_attempt_at = :seen",
             soci::use(until), soci::use(key), soci::use(seen));
        return changed_one_row(st);
    });
}

void mark_sent(soci::session& sql, std::int64_t id, const std::string& at) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE outbox SET status = 'sent', sent_at = :at, attempts = attempts + 1, "
               "last_error = '' WHERE id = :id",
            soci::use(at), soci::use(key);
    });
}

void mark_failed_try(soci::session& sql, std::int64_t id, const std::string& error,
                     const std::string& next_at, bool give_up) {
    translate_errors([&] {
        long long key = id;
        std::string status = give_up ? "failed" : "waiting";
        sql << "UPDATE outbox SET status = :status, attempts = attempts + 1, last_error = :error, "
               "next_attempt_at = :next WHERE id = :id",
            soci::use(status), soci::use(error), soci::use(next_at), soci::use(key);
    });
}

std::vector<OutboxMessage> recent(soci::session& sql, int limit) {
    return select_messages(sql, "ORDER BY id DESC LIMIT :limit", {}, limit);
}

}  // namespace signs::store::outbox
