#include "store/child_repository.hpp"
#include "store/restricted_children.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::children {
namespace {

void write_name_keys(soci::session& sql, long long child, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
        sql << "INSERT INTO child_name_keys (name_key, child_id) VALUES (:key, :id)",
            soci::use(key), soci::use(child);
    }
}

}  // namespace

void replace_name_keys(soci::session& sql, std::int64_t child_id,
                       const std::vector<std::string>& name_keys) {
    translate_errors([&] {
        long long key = child_id;
        sql << "DELETE FROM child_name_keys WHERE child_id = :id", soci::use(key);
        write_name_keys(sql, key, name_keys);
    });
}

int held_name_key_scheme(soci::session& sql, Dialect dialect) {
    return translate_errors([&] {
        int scheme = 0;
        // SQLite's transaction already holds the write lock; PostgreSQL holds the row, so a
        // second node starting at once waits and then finds the work done.
        sql << std::string{"SELECT scheme FROM name_key_scheme"} +
                   (dialect == Dialect::Postgresql ? " FOR UPDATE" : ""),
            soci::into(scheme);
        return scheme;
    });
}

void set_name_key_scheme(soci::session& sql, int scheme) {
    translate_errors([&] { sql << "UPDATE name_key_scheme SET scheme = :s", soci::use(scheme); });
}

std::vector<std::int64_t> ids_after(soci::session& sql, std::int64_t after, int limit) {
    long long key = after;
    return select_ids(sql, "SELECT id FROM children WHERE id > :a ORDER BY id LIMIT :limit",
                      [&](soci::statement& st) {
                          st.exchange(soci::use(key));
                          st.exchange(soci::use(limit));
                      });
}

namespace {

const std::string kSelect =
    "SELECT id, first_name, last_name, preferred_name, date_of_birth, expected_date, sex, "
    "ethnicity, disabilities, first_language, interpreter_needed, nhs_number, upn, former_upn, "
    "upn_unknown, date_of_death, school, what_matters, restricted, is_demo, created_at, "
    "created_by, version FROM children";

}  // namespace

std::int64_t insert(soci::session& sql, const ChildRecord& c,
                    const std::vector<std::string>& name_keys) {
    return translate_errors([&] {
        long long id = 0;
        auto dob = nullable_text(c.date_of_birth), due = nullable_text(c.expected_date),
             nhs = nullable_text(c.nhs_number), upn = nullable_text(c.upn),
             died = nullable_text(c.date_of_death);
        int interpreter = c.interpreter_needed ? 1 : 0, restricted = c.restricted ? 1 : 0,
            demo = c.is_demo ? 1 : 0;
        long long created_by = c.created_by.value_or(0);
        soci::indicator created_by_ind = c.created_by ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO children (first_name, last_name, preferred_name, date_of_birth, "
               "expected_date, sex, ethnicity, disabilities, first_language, "
               "interpreter_needed, nhs_number, upn, former_upn, upn_unknown, date_of_death, "
               "school, what_matters, restricted, is_demo, created_at, created_by) VALUES "
               "(:first, :last, :preferred, :dob, :due, :sex, :ethnicity, :disabilities, "
               ":language, :interpreter, :nhs, :upn, :former, :unknown, :died, :school, "
               ":matters, :restricted, :demo, :at, :by) RETURNING id",
            soci::use(c.first_name), soci::use(c.last_name), soci::use(c.preferred_name),
            soci::use(dob.value, dob.indicator), soci::use(due.value, due.indicator),
            soci::use(c.sex), soci::use(c.ethnicity), soci::use(c.disabilities),
            soci::use(c.first_language), soci::use(interpreter),
            soci::use(nhs.value, nhs.indicator), soci::use(upn.value, upn.indicator),
            soci::use(c.former_upn), soci::use(c.upn_unknown),
            soci::use(died.value, died.indicator), soci::use(c.school), soci::use(c.what_matters),
            soci::use(restricted), soci::use(demo), soci::use(c.created_at),
            soci::use(created_by, created_by_ind), soci::into(id);
        write_name_keys(sql, id, name_keys);
        return static_cast<std::int64_t>(id);
    });
}

bool update(soci::session& sql, const ChildRecord& c, const std::vector<std::string>& name_keys) {
    return translate_errors([&] {
        long long key = c.id;
        auto dob = nullable_text(c.date_of_birth), due = nullable_text(c.expected_date),
             nhs = nullable_text(c.nhs_number), upn = nullable_text(c.upn),
             died = nullable_text(c.date_of_death);
        int interpreter = c.interpreter_needed ? 1 : 0, version = c.version;
        soci::statement st =
            (sql.prepare << "UPDATE children SET first_name = :first, last_name = :last, "
                            "preferred_name = :preferred, date_of_birth = :dob, expected_date = "
                            ":due, sex = :sex, ethnicity = :ethnicity, disabilities = "
                            ":disabilities, first_language = :language, interpreter_needed = "
                            ":interpreter, nhs_number = :nhs, upn = :upn, former_upn = :former, "
                            "upn_unknown = :unknown, date_of_death = :died, school = :school, "
                            "what_matters = :matters, version = version + 1 WHERE id = :id AND "
                            "version = :version",
             soci::use(c.first_name), soci::use(c.last_name), soci::use(c.preferred_name),
             soci::use(dob.value, dob.indicator), soci::use(due.value, due.indicator),
             soci::use(c.sex), soci::use(c.ethnicity), soci::use(c.disabilities),
             soci::use(c.first_language), soci::use(interpreter),
             soci::use(nhs.value, nhs.indicator), soci::use(upn.value, upn.indicator),
             soci::use(c.former_upn), soci::use(c.upn_unknown),
             soci::use(died.value, died.indicator), soci::use(c.school), soci::use(c.what_matters),
             soci::use(key), soci::use(version));
        if (!changed_one_row(st)) return false;
        replace_name_keys(sql, c.id, name_keys);
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

std::vector<std::int64_t> hidden_from(soci::session& sql, std::int64_t user_id) {
    long long user = user_id;
    return select_ids(sql,
                      "SELECT c.id FROM children c WHERE c.restricted = 1 AND NOT EXISTS "
                      "(SELECT 1 FROM child_restrictions r WHERE r.child_id = c.id AND "
                      "r.user_id = :u) ORDER BY c.id",
                      [&](soci::statement& st) { st.exchange(soci::use(user)); });
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

/// Reads children matching `where`, whose values `bind` adds.
std::vector<ChildRecord> where(soci::session& sql, const std::string& condition,
                               const std::function<void(soci::statement&)>& bind) {
    ChildRecord c;
    long long child_id = 0, created_by = 0;
    int interpreter = 0, restricted = 0, demo = 0;
    soci::indicator dob_ind, due_ind, nhs_ind, upn_ind, died_ind, by_ind;
    std::vector<ChildRecord> found;
    for_each_row(
        sql, kSelect + " WHERE " + condition,
        [&](soci::statement& st) {
            st.exchange(soci::into(child_id));
            st.exchange(soci::into(c.first_name));
            st.exchange(soci::into(c.last_name));
            st.exchange(soci::into(c.preferred_name));
            st.exchange(soci::into(c.date_of_birth, dob_ind));
            st.exchange(soci::into(c.expected_date, due_ind));
            st.exchange(soci::into(c.sex));
            st.exchange(soci::into(c.ethnicity));
            st.exchange(soci::into(c.disabilities));
            st.exchange(soci::into(c.first_language));
            st.exchange(soci::into(interpreter));
            st.exchange(soci::into(c.nhs_number, nhs_ind));
            st.exchange(soci::into(c.upn, upn_ind));
            st.exchange(soci::into(c.former_upn));
            st.exchange(soci::into(c.upn_unknown));
            st.exchange(soci::into(c.date_of_death, died_ind));
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
            if (died_ind != soci::i_ok) row.date_of_death.clear();
            row.interpreter_needed = flag(interpreter);
            row.restricted = flag(restricted);
            row.is_demo = flag(demo);
            row.created_by = id_or_none(created_by, by_ind);
            found.push_back(row);
        });
    return found;
}

std::optional<ChildRecord> find(soci::session& sql, std::int64_t id) {
    long long key = id;
    auto found = where(sql, "id = :id", [&](soci::statement& st) { st.exchange(soci::use(key)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<ChildRecord> find_many(soci::session& sql, const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    std::vector<long long> keys(ids.begin(), ids.end());
    auto found =
        where(sql, "id IN (" + bind_names("k", keys.size()) + ")", [&](soci::statement& st) {
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

/// The condition and order that read `column` from the cursor, named apart by `name`; bind
/// with `bind_cursor` where the condition stands.
std::string from_cursor(const std::string& column, const IdCursor& from, const std::string& name) {
    if (from.downwards()) return " AND " + column + " < :" + name;
    return from.after ? " AND " + column + " > :" + name : std::string{};
}

std::string in_cursor_order(const std::string& column, const IdCursor& from) {
    return " ORDER BY " + column + (from.downwards() ? " DESC" : "");
}

void bind_cursor(soci::statement& st, const IdCursor& from, long long& value) {
    if (!from.after && !from.before) return;
    value = from.downwards() ? *from.before : *from.after;
    st.exchange(soci::use(value));
}

/// Rows read in the cursor's order, `limit` at most: all there are, or up to the last one
/// read, from which the next batch goes on.
IdBatch batch_of(std::vector<std::int64_t> rows, int limit) {
    IdBatch out;
    if (static_cast<int>(rows.size()) >= limit && !rows.empty()) out.read_on_from = rows.back();
    std::vector<std::int64_t> unique;
    for (auto id : rows) {
        if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
    }
    out.ids = std::move(unique);
    return out;
}

/// Batches read from one cursor as one: only as far as every one of them has read, so
/// nothing between is skipped when the next batch starts there.
IdBatch merged(const std::vector<IdBatch>& batches, const IdCursor& from) {
    bool down = from.downwards();
    auto before = [down](std::int64_t x, std::int64_t y) { return down ? x > y : x < y; };
    std::optional<std::int64_t> stop;
    for (const auto& batch : batches) {
        if (batch.read_on_from && (!stop || before(*batch.read_on_from, *stop)))
            stop = batch.read_on_from;
    }
    IdBatch out;
    out.read_on_from = stop;
    std::set<std::int64_t> seen;
    for (const auto& batch : batches) {
        for (auto id : batch.ids) {
            if (stop && before(*stop, id)) continue;
            if (seen.insert(id).second) out.ids.push_back(id);
        }
    }
    std::sort(out.ids.begin(), out.ids.end(), before);
    return out;
}

/// The children whose keys meet `condition` (on `n`), only those the user may open with
/// `by`, in the cursor's order, at most `limit`. With one key the engine walks that key's part
/// of the index in order of ids and stops at the limit, so a page costs the same however
/// common the name and however far on it is.
IdBatch matches_batch(soci::session& sql, const std::string& condition,
                      const std::function<void(soci::statement&)>& bind_condition, int limit,
                      const std::optional<OpenableBy>& by, const IdCursor& from) {
    long long cursor = 0;
    std::vector<long long> access;
    // No DISTINCT with `by`: a child in two cases comes twice, and is counted once by
    // batch_of.
    auto query = by ? "SELECT n.child_id FROM child_name_keys n JOIN case_children cc ON "
                      "cc.child_id = n.child_id JOIN cases k ON k.id = cc.case_id WHERE " +
                          condition + " AND " + open_through_case(*by)
                    : "SELECT DISTINCT n.child_id FROM child_name_keys n WHERE " + condition;
    return batch_of(select_ids(sql,
                               query + from_cursor("n.child_id", from, "c") +
                                   in_cursor_order("n.child_id", from) + " LIMIT :limit",
                               [&](soci::statement& st) {
                                   bind_condition(st);
                                   if (by) bind_open_through_case(st, *by, access);
                                   bind_cursor(st, from, cursor);
                                   st.exchange(soci::use(limit));
                               }),
                    limit);
}

/// Children the user recorded and put in no case yet whose keys meet `condition`: driven
/// from the worker's own records, which stay few however large the council.
IdBatch own_records_batch(soci::session& sql, const std::string& condition,
                          const std::function<void(soci::statement&)>& bind_keys, int limit,
                          const OpenableBy& by, const IdCursor& from) {
    long long user = by.user_id, cursor = 0;
    return batch_of(
        select_ids(sql,
                   "SELECT c.id FROM children c WHERE c.created_by = :creator AND NOT EXISTS "
                   "(SELECT 1 FROM case_children x WHERE x.child_id = c.id) AND EXISTS (SELECT 1 "
                   "FROM child_name_keys n WHERE n.child_id = c.id AND " +
                       condition + ")" + from_cursor("c.id", from, "d") +
                       in_cursor_order("c.id", from) + " LIMIT :limit",
                   [&](soci::statement& st) {
                       st.exchange(soci::use(user));
                       bind_keys(st);
                       bind_cursor(st, from, cursor);
                       st.exchange(soci::use(limit));
                   }),
        limit);
}

/// The distinct keys from `low` up to (not including) `high`, found by jumping from one to
/// the next through the index, `most` at most.
std::vector<std::string> keys_between(soci::session& sql, const std::string& low,
                                      const std::string& high, std::size_t most) {
    std::vector<std::string> out;
    std::string at = low, key;
    soci::indicator ind = soci::i_null;
    while (out.size() < most) {
        translate_errors([&] {
            sql << "SELECT MIN(name_key) FROM child_name_keys WHERE name_key >= :low AND "
                   "name_key < :high",
                soci::use(at), soci::use(high), soci::into(key, ind);
        });
        if (ind != soci::i_ok) break;
        out.push_back(key);
        at = key + '\x01';
    }
    return out;
}

/// More keys than this under a prefix (a search for "Jo") are read as one range instead.
constexpr std::size_t kMostPrefixKeys = 16;

}  // namespace

IdBatch ids_with_name_keys(soci::session& sql, const std::vector<std::string>& keys, int limit,
                           const std::optional<OpenableBy>& by, const IdCursor& from) {
    std::vector<IdBatch> batches;
    for (const auto& key : std::set<std::string>(keys.begin(), keys.end())) {
        batches.push_back(matches_batch(
            sql, "n.name_key = :k", [&](soci::statement& st) { st.exchange(soci::use(key)); },
            limit, by, from));
    }
    if (by && !keys.empty()) {
        batches.push_back(own_records_batch(
            sql, "n.name_key IN (" + bind_names("a", keys.size()) + ")",
            [&](soci::statement& st) {
                for (const auto& key : keys) st.exchange(soci::use(key));
            },
            limit, *by, from));
    }
    return merged(batches, from);
}

IdBatch ids_with_name_prefix(soci::session& sql, const std::string& prefix, int limit,
                             const std::optional<OpenableBy>& by, const IdCursor& from) {
    // A range on the key index rather than LIKE, which neither engine can always index.
    std::string upper = prefix + "\xF4\x8F\xBF\xBF";
    auto keys = keys_between(sql, prefix, upper, kMostPrefixKeys + 1);
    if (keys.size() <= kMostPrefixKeys) return ids_with_name_keys(sql, keys, limit, by, from);
    // A short prefix under which many names start: the engine reads the whole range and
    // sorts it, which only so broad a search costs.
    auto bind_range = [&](soci::statement& st) {
        st.exchange(soci::use(prefix));
        st.exchange(soci::use(upper));
    };
    const std::string range = "n.name_key >= :low AND n.name_key < :high";
    std::vector<IdBatch> batches{matches_batch(sql, range, bind_range, limit, by, from)};
    if (by) batches.push_back(own_records_batch(sql, range, bind_range, limit, *by, from));
    return merged(batches, from);
}

IdBatch ids_named(soci::session& sql, const std::vector<std::string>& keys,
                  const std::string& prefix, int limit, const OpenableBy& by,
                  const IdCursor& from) {
    return merged({ids_with_name_keys(sql, keys, limit, by, from),
                   ids_with_name_prefix(sql, prefix, limit, by, from)},
                  from);
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

IdBatch ids_born_on(soci::session& sql, const std::string& iso_date, int limit,
                    const IdCursor& from) {
    long long cursor = 0;
    return batch_of(
        select_ids(sql,
                   "SELECT id FROM children WHERE date_of_birth = :d" +
                       from_cursor("id", from, "c") + in_cursor_order("id", from) + " LIMIT :limit",
                   [&](soci::statement& st) {
                       st.exchange(soci::use(iso_date));
                       bind_cursor(st, from, cursor);
                       st.exchange(soci::use(limit));
                   }),
        limit);
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
