#include "store/child_repository.hpp"

#include <set>
#include <unordered_map>

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::children {
namespace {

const std::string kSelect =
    "SELECT id, first_name, last_name, preferred_name, date_of_birth, expected_date, gender, "
    "ethnicity, disabilities, first_language, interpreter_needed, nhs_number, upn, school, "
    "what_matters, restricted, is_demo, created_at, created_by, version FROM children";

}  // namespace

std::int64_t insert(soci::session& sql, const ChildRecord& c,
                    const std::vector<std::string>& name_keys) {
    return translate_errors([&] {
        long long id = 0;
        auto dob = nullable_text(c.date_of_birth), due = nullable_text(c.expected_date),
             nhs = nullable_text(c.nhs_number), upn = nullable_text(c.upn);
        int interpreter = c.interpreter_needed ? 1 : 0, restricted = c.restricted ? 1 : 0,
            demo = c.is_demo ? 1 : 0;
        long long created_by = c.created_by.value_or(0);
        soci::indicator created_by_ind = c.created_by ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO children (first_name, last_name, preferred_name, date_of_birth, "
               "expected_date, gender, ethnicity, disabilities, first_language, "
               "interpreter_needed, nhs_number, upn, school, what_matters, restricted, is_demo, "
               "created_at, created_by) VALUES (:first, :last, :preferred, :dob, :due, :gender, "
               ":ethnicity, :disabilities, :language, :interpreter, :nhs, :upn, :school, "
               ":matters, :restricted, :demo, :at, :by) RETURNING id",
            soci::use(c.first_name), soci::use(c.last_name), soci::use(c.preferred_name),
            soci::use(dob.value, dob.indicator), soci::use(due.value, due.indicator),
            soci::use(c.gender), soci::use(c.ethnicity), soci::use(c.disabilities),
            soci::use(c.first_language), soci::use(interpreter),
            soci::use(nhs.value, nhs.indicator), soci::use(upn.value, upn.indicator),
            soci::use(c.school), soci::use(c.what_matters), soci::use(restricted), soci::use(demo),
            soci::use(c.created_at), soci::use(created_by, created_by_ind), soci::into(id);
        for (const auto& key : name_keys) {
            sql << "INSERT INTO child_name_keys (name_key, child_id) VALUES (:key, :id)",
                soci::use(key), soci::use(id);
        }
        return static_cast<std::int64_t>(id);
    });
}

bool update(soci::session& sql, const ChildRecord& c, const std::vector<std::string>& name_keys) {
    return translate_errors([&] {
        long long key = c.id;
        auto dob = nullable_text(c.date_of_birth), due = nullable_text(c.expected_date),
             nhs = nullable_text(c.nhs_number), upn = nullable_text(c.upn);
        int interpreter = c.interpreter_needed ? 1 : 0, version = c.version;
        soci::statement st =
            (sql.prepare << "UPDATE children SET first_name = :first, last_name = :last, "
                            "preferred_name = :preferred, date_of_birth = :dob, expected_date = "
                            ":due, gender = :gender, ethnicity = :ethnicity, disabilities = "
                            ":disabilities, first_language = :language, interpreter_needed = "
                            ":interpreter, nhs_number = :nhs, upn = :upn, school = :school, "
                            "what_matters = :matters, version = version + 1 WHERE id = :id AND "
                            "version = :version",
             soci::use(c.first_name), soci::use(c.last_name), soci::use(c.preferred_name),
             soci::use(dob.value, dob.indicator), soci::use(due.value, due.indicator),
             soci::use(c.gender), soci::use(c.ethnicity), soci::use(c.disabilities),
             soci::use(c.first_language), soci::use(interpreter),
             soci::use(nhs.value, nhs.indicator), soci::use(upn.value, upn.indicator),
             soci::use(c.school), soci::use(c.what_matters), soci::use(key), soci::use(version));
        if (!changed_one_row(st)) return false;
        sql << "DELETE FROM child_name_keys WHERE child_id = :id", soci::use(key);
        for (const auto& name_key : name_keys) {
            sql << "INSERT INTO child_name_keys (name_key, child_id) VALUES (:key, :id)",
                soci::use(name_key), soci::use(key);
        }
        return true;
    });
}

void set_restriction(soci::session& sql, std::int64_t id,
                     const std::vector<std::int64_t>& user_ids) {
    translate_errors([&] {
        long long key = id;
        int restricted = user_ids.empty() ? 0 : 1;
        sql << "DELETE FROM child_restrictions WHERE child_id = :id", soci::use(key);
        for (auto user : user_ids) {
            long long u = user;
            sql << "INSERT INTO child_restrictions (child_id, user_id) VALUES (:c, :u)",
                soci::use(key), soci::use(u);
        }
        sql << "UPDATE children SET restricted = :r, version = version + 1 WHERE id = :id",
            soci::use(restricted), soci::use(key);
    });
}

std::vector<std::int64_t> restricted_to(soci::session& sql, std::int64_t id) {
    long long key = id;
    return select_ids(
        sql, "SELECT user_id FROM child_restrictions WHERE child_id = :id ORDER BY user_id",
        [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

std::vector<std::int64_t> restricted_in_case_against(soci::session& sql, std::int64_t case_id,
                                                     std::int64_t user_id) {
    long long key = case_id, user = user_id;
    return select_ids(sql,
                      "SELECT k.id FROM case_children cc JOIN children k ON k.id = cc.child_id "
                      "WHERE cc.case_id = :c AND k.restricted = 1 AND NOT EXISTS (SELECT 1 FROM "
                      "child_restrictions r WHERE r.child_id = k.id AND r.user_id = :u)",
                      [&](soci::statement& st) {
                          st.exchange(soci::use(key));
                          st.exchange(soci::use(user));
                      });
}

std::vector<std::int64_t> restricted_ids(soci::session& sql) {
    return select_ids(sql, "SELECT id FROM children WHERE restricted = 1 ORDER BY id",
                      [](soci::statement&) {});
}

void mark_demo(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE children SET is_demo = 1 WHERE id = :id", soci::use(key);
    });
}

namespace {

/// Reads children matching `where`, whose values `bind` adds.
std::vector<ChildRecord> select_children(soci::session& sql, const std::string& where,
                                         const std::function<void(soci::statement&)>& bind) {
    ChildRecord c;
    long long child_id = 0, created_by = 0;
    int interpreter = 0, restricted = 0, demo = 0;
    soci::indicator dob_ind, due_ind, nhs_ind, upn_ind, by_ind;
    std::vector<ChildRecord> found;
    for_each_row(
        sql, kSelect + " WHERE " + where,
        [&](soci::statement& st) {
            st.exchange(soci::into(child_id));
            st.exchange(soci::into(c.first_name));
            st.exchange(soci::into(c.last_name));
            st.exchange(soci::into(c.preferred_name));
            st.exchange(soci::into(c.date_of_birth, dob_ind));
            st.exchange(soci::into(c.expected_date, due_ind));
            st.exchange(soci::into(c.gender));
            st.exchange(soci::into(c.ethnicity));
            st.exchange(soci::into(c.disabilities));
            st.exchange(soci::into(c.first_language));
            st.exchange(soci::into(interpreter));
            st.exchange(soci::into(c.nhs_number, nhs_ind));
            st.exchange(soci::into(c.upn, upn_ind));
            st.exchange(soci::into(c.school));
            st.exchange(soci::into(c.what_matters));
            st.exchange(soci::into(restricted));
            st.exchange(soci::into(demo));
            st.exchange(soci::into(c.created_at));
            st.exchange(soci::into(created_by, by_ind));
            st.exchange(soci::into(c.version));
            bind(st);
        },
        [&] {
            auto row = c;
            row.id = child_id;
            if (dob_ind != soci::i_ok) row.date_of_birth.clear();
            if (due_ind != soci::i_ok) row.expected_date.clear();
            if (nhs_ind != soci::i_ok) row.nhs_number.clear();
            if (upn_ind != soci::i_ok) row.upn.clear();
            row.interpreter_needed = flag(interpreter);
            row.restricted = flag(restricted);
            row.is_demo = flag(demo);
            row.created_by = id_or_none(created_by, by_ind);
            found.push_back(row);
        });
    return found;
}

}  // namespace

std::optional<ChildRecord> find(soci::session& sql, std::int64_t id) {
    long long key = id;
    auto found =
        select_children(sql, "id = :id", [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<ChildRecord> find_many(soci::session& sql, const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    std::vector<long long> keys(ids.begin(), ids.end());
    auto found = select_children(sql, "id IN (" + bind_names("k", keys.size()) + ")",
                                 [&](soci::statement& st) {
                                     for (const auto& key : keys) st.exchange(soci::use(key));
                                 });
    // Back in the order asked for.
    std::unordered_map<std::int64_t, std::size_t> where;
    for (std::size_t i = 0; i < found.size(); ++i) where.emplace(found[i].id, i);
    std::vector<ChildRecord> ordered;
    for (auto id : ids) {
        if (auto it = where.find(id); it != where.end())
            ordered.push_back(std::move(found[it->second]));
    }
    return ordered;
}

// The case k is the user's own, one of their teams', or one they broke the glass on and
// whose grant is still running; `bind_open_through_case` binds what it names, in order. The
// service's case_access() says the same in C++ for one case at a time.
std::string open_through_case(const OpenableBy& by) {
    return "(k.worker_id = :user" +
           (by.team_ids.empty()
                ? std::string{}
                : " OR k.team_id IN (" + bind_names("team", by.team_ids.size()) + ")") +
           " OR EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.case_id = k.id AND g.user_id "
           "= :guser AND g.expires_at > :now))";
}

/// Binds `open_through_case`; `keys` holds the values while the statement runs.
void bind_open_through_case(soci::statement& st, const OpenableBy& by,
                            std::vector<long long>& keys) {
    keys.assign(1, by.user_id);
    keys.insert(keys.end(), by.team_ids.begin(), by.team_ids.end());
    keys.push_back(by.user_id);
    // Reserved in full first: the statement keeps pointers to each element.
    for (const auto& key : keys) st.exchange(soci::use(key));
    st.exchange(soci::use(by.now));
}

std::vector<std::int64_t> openable(soci::session& sql, const std::vector<std::int64_t>& ids,
                                   const OpenableBy& by) {
    if (ids.empty()) return {};
    std::vector<long long> keys(ids.begin(), ids.end()), access;
    long long user = by.user_id;
    auto list = bind_names("k", keys.size());
    auto bind = [&](soci::statement& st) {
        for (const auto& key : keys) st.exchange(soci::use(key));
        bind_open_through_case(st, by, access);
        for (const auto& key : keys) st.exchange(soci::use(key));
        st.exchange(soci::use(user));
    };
    return select_ids(
        sql,
        "SELECT DISTINCT cc.child_id FROM case_children cc JOIN cases k ON k.id = cc.case_id "
        "WHERE cc.child_id IN (" +
            list + ") AND " + open_through_case(by) +
            " UNION SELECT c.id FROM children c WHERE c.id IN (" + bind_names("m", keys.size()) +
            ") AND "
            "c.created_by = :creator AND NOT EXISTS (SELECT 1 FROM case_children x WHERE "
            "x.child_id = c.id)",
        bind);
}

namespace {

// Name-key matches, optionally only among children the user may open. With that filter the
// query has no ORDER BY, so the engine can stop at the limit instead of reading every
// "Smith" in the county first.
std::vector<std::int64_t> by_name_keys(
    soci::session& sql, const std::function<std::string(const std::string&)>& condition,
    const std::function<void(soci::statement&)>& bind_keys, int limit,
    const std::optional<OpenableBy>& by) {
    // SOCI binds by name, so the condition's second use needs names of its own.
    const auto key_condition = condition("a");
    if (!by) {
        return select_ids(sql,
                          "SELECT DISTINCT child_id FROM child_name_keys WHERE " + key_condition +
                              " ORDER BY child_id LIMIT :limit",
                          [&](soci::statement& st) {
                              bind_keys(st);
                              st.exchange(soci::use(limit));
                          });
    }
    long long user = by->user_id;
    std::vector<long long> access;
    // No DISTINCT and no UNION: either would make the engine read every match before the
    // first row. Repeats are removed here instead.
    auto through_cases = select_ids(
        sql,
        "SELECT n.child_id FROM child_name_keys n JOIN case_children cc ON cc.child_id = "
        "n.child_id JOIN cases k ON k.id = cc.case_id WHERE " +
            key_condition + " AND " + open_through_case(*by) + " LIMIT :limit",
        [&](soci::statement& st) {
            bind_keys(st);
            bind_open_through_case(st, *by, access);
            st.exchange(soci::use(limit));
        });
    // Driven from the worker's own records, which stay few however large the council.
    auto recorded_by_them = select_ids(
        sql,
        "SELECT c.id FROM children c WHERE c.created_by = :creator AND NOT EXISTS (SELECT 1 FROM "
        "case_children x WHERE x.child_id = c.id) AND EXISTS (SELECT 1 FROM child_name_keys n "
        "WHERE n.child_id = c.id AND " +
            key_condition + ") LIMIT :limit",
        [&](soci::statement& st) {
            st.exchange(soci::use(user));
            bind_keys(st);
            st.exchange(soci::use(limit));
        });
    std::set<std::int64_t> unique(through_cases.begin(), through_cases.end());
    unique.insert(recorded_by_them.begin(), recorded_by_them.end());
    return {unique.begin(), unique.end()};
}

}  // namespace

std::vector<std::int64_t> ids_with_name_keys(soci::session& sql,
                                             const std::vector<std::string>& keys, int limit,
                                             const std::optional<OpenableBy>& by) {
    if (keys.empty()) return {};
    return by_name_keys(
        sql,
        [&](const std::string& p) { return "name_key IN (" + bind_names(p, keys.size()) + ")"; },
        [&](soci::statement& st) {
            for (const auto& key : keys) st.exchange(soci::use(key));
        },
        limit, by);
}

std::vector<std::int64_t> ids_with_name_prefix(soci::session& sql, const std::string& prefix,
                                               int limit, const std::optional<OpenableBy>& by) {
    // A range on the key index rather than LIKE, which neither engine can always index.
    std::string upper = prefix + "\xF4\x8F\xBF\xBF";
    return by_name_keys(
        sql,
        [](const std::string& p) { return "name_key >= :low" + p + " AND name_key < :high" + p; },
        [&](soci::statement& st) {
            st.exchange(soci::use(prefix));
            st.exchange(soci::use(upper));
        },
        limit, by);
}

std::vector<std::int64_t> ids_recorded_without_case(soci::session& sql, std::int64_t user_id,
                                                    int limit) {
    long long user = user_id;
    return select_ids(sql,
                      "SELECT c.id FROM children c WHERE c.created_by = :creator AND NOT EXISTS "
                      "(SELECT 1 FROM case_children x WHERE x.child_id = c.id) ORDER BY c.id DESC "
                      "LIMIT :limit",
                      [&](soci::statement& st) {
                          st.exchange(soci::use(user));
                          st.exchange(soci::use(limit));
                      });
}

std::vector<std::int64_t> ids_born_on(soci::session& sql, const std::string& iso_date, int limit) {
    return select_ids(sql,
                      "SELECT id FROM children WHERE date_of_birth = :d ORDER BY id LIMIT :limit",
                      [&](soci::statement& st) {
                          st.exchange(soci::use(iso_date));
                          st.exchange(soci::use(limit));
                      });
}

std::vector<std::int64_t> ids_with_identifier(soci::session& sql, const std::string& nhs_number,
                                              const std::string& upn) {
    return select_ids(sql,
                      "SELECT id FROM children WHERE nhs_number = :nhs OR upn = :upn ORDER BY id",
                      [&](soci::statement& st) {
                          st.exchange(soci::use(nhs_number));
                          st.exchange(soci::use(upn));
                      });
}

}  // namespace signs::store::children
