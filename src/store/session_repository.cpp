#include "store/session_repository.hpp"

#include "store/store_error.hpp"

namespace signs::store::sessions {

void insert(soci::session& sql, const SessionRecord& s) {
    translate_errors([&] {
        long long user = s.user_id;
        sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
               "address) VALUES (:hash, :user, :csrf, :created, :seen, :address)",
            soci::use(s.token_hash), soci::use(user), soci::use(s.csrf_token),
            soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.address);
    });
}

std::optional<SessionRecord> find_by_token_hash(soci::session& sql, const std::string& token_hash) {
    return translate_errors([&]() -> std::optional<SessionRecord> {
        SessionRecord s;
        long long id = 0, user = 0;
        sql << "SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, address "
               "FROM sessions WHERE token_hash = :hash",
            soci::use(token_hash), soci::into(id), soci::into(s.token_hash), soci::into(user),
            soci::into(s.csrf_token), soci::into(s.created_at), soci::into(s.last_seen_at),
            soci::into(s.address);
        if (!sql.got_data()) return std::nullopt;
        s.id = id;
        s.user_id = user;
        return s;
    });
}

void touch(soci::session& sql, std::int64_t id, const std::string& at) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE sessions SET last_seen_at = :at WHERE id = :id", soci::use(at),
            soci::use(key);
    });
}

void remove(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        long long key = id;
        sql << "DELETE FROM sessions WHERE id = :id", soci::use(key);
    });
}

void remove_for_user(soci::session& sql, std::int64_t user_id) {
    translate_errors([&] {
        long long key = user_id;
        sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(key);
    });
}

int remove_expired(soci::session& sql, const std::string& cutoff,
                   const std::string& absolute_cutoff) {
    return translate_errors([&] {
        soci::statement st = (sql.prepare << "DELETE FROM sessions WHERE last_seen_at < :cutoff "
                                             "OR created_at < :absolute",
                              soci::use(cutoff), soci::use(absolute_cutoff));
        st.execute(true);
        return static_cast<int>(st.get_affected_rows());
    });
}

}  // namespace signs::store::sessions
