#include "store/api_token_repository.hpp"

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::api_tokens {

std::int64_t insert(soci::session& sql, std::int64_t user_id, const std::string& name,
                    const std::string& token_hash, const std::string& at) {
    return translate_errors([&] {
        long long id = 0, user = user_id;
        sql << "INSERT INTO api_tokens (user_id, name, token_hash, created_at) "
               "VALUES (:user, :name, :hash, :at) RETURNING id",
            soci::use(user), soci::use(name), soci::use(token_hash), soci::use(at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<ApiTokenRecord> find_live_by_hash(soci::session& sql, const std::string& token_hash) {
    return translate_errors([&]() -> std::optional<ApiTokenRecord> {
        ApiTokenRecord out;
        long long id = 0, user = 0;
        sql << "SELECT id, user_id, name, created_at FROM api_tokens "
               "WHERE token_hash = :hash AND revoked_at IS NULL",
            soci::use(token_hash), soci::into(id), soci::into(user), soci::into(out.name),
            soci::into(out.created_at);
        if (!sql.got_data()) return std::nullopt;
        out.id = id;
        out.user_id = user;
        return out;
    });
}

void mark_used(soci::session& sql, std::int64_t id, const std::string& at) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE api_tokens SET last_used_at = :at WHERE id = :id", soci::use(at),
            soci::use(key);
    });
}

std::vector<ApiTokenRecord> list_for_user(soci::session& sql, std::int64_t user_id) {
    long long id = 0, user = user_id;
    std::string name, created, used, revoked;
    soci::indicator used_ind = soci::i_null, revoked_ind = soci::i_null;
    std::vector<ApiTokenRecord> out;
    for_each_row(
        sql,
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens "
        "WHERE user_id = :user ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(name));
            st.exchange(soci::into(created));
            st.exchange(soci::into(used, used_ind));
            st.exchange(soci::into(revoked, revoked_ind));
            st.exchange(soci::use(user));
        },
        [&] {
            out.push_back({id, user_id, name, created, used_ind == soci::i_ok ? used : "",
                           revoked_ind == soci::i_ok});
        });
    return out;
}

bool revoke(soci::session& sql, std::int64_t id, std::int64_t user_id, const std::string& at) {
    return translate_errors([&] {
        long long key = id, user = user_id;
        soci::statement st =
            (sql.prepare << "UPDATE api_tokens SET revoked_at = :at WHERE id = :id "
                            "AND user_id = :user AND revoked_at IS NULL",
             soci::use(at), soci::use(key), soci::use(user));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

}  // namespace signs::store::api_tokens
