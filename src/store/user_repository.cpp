#include "store/user_repository.hpp"

#include <algorithm>
#include <map>

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store {

std::vector<std::int64_t> UserRecord::team_ids() const {
    std::vector<std::int64_t> out;
    if (team_id) out.push_back(*team_id);
    for (const auto& led : led_teams) {
        if (led.id != team_id) out.push_back(led.id);
    }
    return out;
}

bool UserRecord::works_in(std::optional<std::int64_t> team) const {
    if (!team) return false;
    if (team == team_id) return true;
    return std::any_of(led_teams.begin(), led_teams.end(),
                       [&](const TeamRecord& led) { return led.id == *team; });
}

}  // namespace signs::store

namespace signs::store::users {
namespace {

/// The teams each user leads besides their own, for one user or (no id) everyone.
std::map<std::int64_t, std::vector<TeamRecord>> led_teams(soci::session& sql,
                                                          std::optional<std::int64_t> user) {
    long long user_id = 0, key = user.value_or(0), team_id = 0;
    std::string name;
    std::map<std::int64_t, std::vector<TeamRecord>> out;
    for_each_row(
        sql,
        std::string{"SELECT l.user_id, t.id, t.name FROM team_leads l JOIN teams t ON t.id = "
                    "l.team_id"} +
            (user ? " WHERE l.user_id = :user" : "") + " ORDER BY t.name, t.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(user_id));
            st.exchange(soci::into(team_id));
            st.exchange(soci::into(name));
            if (user) st.exchange(soci::use(key));
        },
        [&] {
            out[user_id].push_back({team_id, name});
        });
    return out;
}

const std::string kSelect =
    "SELECT u.id, u.email, u.name, u.role, u.team_id, t.name, u.password_hash, u.active, "
    "u.is_demo, u.created_at, u.version FROM users u LEFT JOIN teams t ON t.id = u.team_id";

struct UserRow {
    long long id = 0;
    std::string email, name, role;
    long long team_id = 0;
    soci::indicator team_id_ind = soci::i_null;
    std::string team_name;
    soci::indicator team_name_ind = soci::i_null;
    std::string password_hash;
    int active = 0, is_demo = 0;
    std::string created_at;
    int version = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(email));
        st.exchange(soci::into(name));
        st.exchange(soci::into(role));
        st.exchange(soci::into(team_id, team_id_ind));
        st.exchange(soci::into(team_name, team_name_ind));
        st.exchange(soci::into(password_hash));
        st.exchange(soci::into(active));
        st.exchange(soci::into(is_demo));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(version));
    }

    UserRecord record() const {
        UserRecord out;
        out.id = id;
        out.email = email;
        out.name = name;
        out.role = domain::parse_role(role).value_or(domain::Role::Practitioner);
        if (team_id_ind == soci::i_ok) out.team_id = team_id;
        if (team_name_ind == soci::i_ok) out.team_name = team_name;
        out.password_hash = password_hash;
        out.active = flag(active);
        out.is_demo = flag(is_demo);
        out.created_at = created_at;
        out.version = version;
        return out;
    }
};

template <class Value>
std::optional<UserRecord> find_one(soci::session& sql, const std::string& where,
                                   const Value& value) {
    UserRow row;
    std::optional<UserRecord> found;
    for_each_row(
        sql, kSelect + " WHERE " + where,
        [&](soci::statement& st) {
            row.bind(st);
            st.exchange(soci::use(value));
        },
        [&] { found = row.record(); });
    if (found) found->led_teams = std::move(led_teams(sql, found->id)[found->id]);
    return found;
}

}  // namespace

std::optional<UserRecord> find_by_email(soci::session& sql, const std::string& email) {
    return find_one(sql, "u.email = :email", email);
}

std::optional<UserRecord> find_by_id(soci::session& sql, std::int64_t id) {
    long long key = id;
    return find_one(sql, "u.id = :id", key);
}

std::vector<UserRecord> list(soci::session& sql) {
    UserRow row;
    std::vector<UserRecord> out;
    for_each_row(
        sql, kSelect + " ORDER BY u.name, u.id", [&](soci::statement& st) { row.bind(st); },
        [&] { out.push_back(row.record()); });
    auto led = led_teams(sql, std::nullopt);
    for (auto& user : out) {
        if (auto it = led.find(user.id); it != led.end()) user.led_teams = std::move(it->second);
    }
    return out;
}

int count(soci::session& sql) {
    return translate_errors([&] {
        int n = 0;
        sql << "SELECT COUNT(*) FROM users", soci::into(n);
        return n;
    });
}

std::int64_t insert(soci::session& sql, const UserRecord& user) {
    return translate_errors([&] {
        long long id = 0;
        long long team_id = user.team_id.value_or(0);
        soci::indicator team_ind = user.team_id ? soci::i_ok : soci::i_null;
        std::string role{domain::role_code(user.role)};
        int active = user.active ? 1 : 0;
        int is_demo = user.is_demo ? 1 : 0;
        sql << "INSERT INTO users (email, name, role, team_id, password_hash, active, is_demo, "
               "created_at) VALUES (:email, :name, :role, :team, :hash, :active, :demo, :at) "
               "RETURNING id",
            soci::use(user.email), soci::use(user.name), soci::use(role),
            soci::use(team_id, team_ind), soci::use(user.password_hash), soci::use(active),
            soci::use(is_demo), soci::use(user.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

namespace {

/// Sets one column of a user, only if the row is still at the version the caller read.
template <class Value>
bool update_if_version(soci::session& sql, const std::string& column, const Value& value,
                       std::int64_t id, int expected_version) {
    return translate_errors([&] {
        long long key = id;
        soci::statement st = (sql.prepare << "UPDATE users SET " + column +
                                                 " = :value, version = version + 1 "
                                                 "WHERE id = :id AND version = :v",
                              soci::use(value), soci::use(key), soci::use(expected_version));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

}  // namespace

bool update_password(soci::session& sql, std::int64_t id, const std::string& password_hash,
                     int expected_version) {
    return update_if_version(sql, "password_hash", password_hash, id, expected_version);
}

bool set_active(soci::session& sql, std::int64_t id, bool active, int expected_version) {
    return update_if_version(sql, "active", active ? 1 : 0, id, expected_version);
}

bool set_led_teams(soci::session& sql, std::int64_t id, const std::vector<std::int64_t>& teams,
                   int expected_version) {
    return translate_errors([&] {
        long long key = id;
        soci::statement st = (sql.prepare << "UPDATE users SET version = version + 1 WHERE id = "
                                             ":id AND version = :v",
                              soci::use(key), soci::use(expected_version));
        st.execute(true);
        if (st.get_affected_rows() != 1) return false;
        sql << "DELETE FROM team_leads WHERE user_id = :user", soci::use(key);
        for (auto team : teams) {
            long long team_key = team;
            sql << "INSERT INTO team_leads (user_id, team_id) VALUES (:user, :team)",
                soci::use(key), soci::use(team_key);
        }
        return true;
    });
}

std::string stamp(soci::session& sql) {
    return translate_errors([&] {
        long long users = 0, changes = 0, teams = 0;
        sql << "SELECT (SELECT COUNT(*) FROM users), (SELECT COALESCE(SUM(version), 0) FROM "
               "users), (SELECT COUNT(*) FROM teams)",
            soci::into(users), soci::into(changes), soci::into(teams);
        return std::to_string(users) + "." + std::to_string(changes) + "." + std::to_string(teams);
    });
}

std::int64_t find_or_create_team(soci::session& sql, const std::string& name, bool is_demo) {
    return translate_errors([&] {
        long long id = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT id FROM teams WHERE name = :name", soci::use(name), soci::into(id, ind);
        if (sql.got_data() && ind == soci::i_ok) return static_cast<std::int64_t>(id);
        int demo = is_demo ? 1 : 0;
        sql << "INSERT INTO teams (name, is_demo) VALUES (:name, :demo) RETURNING id",
            soci::use(name), soci::use(demo), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<TeamRecord> list_teams(soci::session& sql) {
    long long id = 0;
    std::string name;
    std::vector<TeamRecord> out;
    for_each_row(
        sql, "SELECT id, name FROM teams ORDER BY name",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(name));
        },
        [&] {
            out.push_back({id, name});
        });
    return out;
}

}  // namespace signs::store::users
