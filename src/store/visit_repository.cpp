#include "store/visit_repository.hpp"

#include "store/query.hpp"

namespace signs::store::visits {
namespace {

constexpr const char* kColumns =
    "SELECT v.id, v.case_id, v.child_id, c.first_name || ' ' || c.last_name, v.visited_on, "
    "v.seen_alone, v.recorded_by, u.name, v.recorded_at FROM visits v JOIN children c ON c.id = "
    "v.child_id LEFT JOIN users u ON u.id = v.recorded_by ";

std::vector<VisitRecord> select(soci::session& sql, const std::string& rest, std::int64_t case_id) {
    VisitRecord v;
    long long id = 0, case_key = case_id, case_read = 0, child = 0, by = 0;
    int alone = 0;
    soci::indicator by_ind = soci::i_null, name_ind = soci::i_null;
    std::vector<VisitRecord> out;
    for_each_row(
        sql, kColumns + rest,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_read));
            st.exchange(soci::into(child));
            st.exchange(soci::into(v.child_name));
            st.exchange(soci::into(v.visited_on));
            st.exchange(soci::into(alone));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(v.recorded_by_name, name_ind));
            st.exchange(soci::into(v.recorded_at));
            st.exchange(soci::use(case_key));
        },
        [&] {
            auto copy = v;
            copy.id = id;
            copy.case_id = case_read;
            copy.child_id = child;
            copy.seen_alone = flag(alone);
            copy.recorded_by = id_or_none(by, by_ind);
            if (name_ind != soci::i_ok) copy.recorded_by_name.clear();
            out.push_back(copy);
        });
    return out;
}

}  // namespace

std::int64_t add(soci::session& sql, const VisitRecord& v) {
    return translate_errors([&] {
        long long case_id = v.case_id, child = v.child_id, id = 0;
        int alone = v.seen_alone ? 1 : 0;
        auto by = nullable_id(v.recorded_by);
        sql << "INSERT INTO visits (case_id, child_id, visited_on, seen_alone, recorded_by, "
               "recorded_at) VALUES (:case_id, :child, :on, :alone, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(child), soci::use(v.visited_on), soci::use(alone),
            soci::use(by.value, by.indicator), soci::use(v.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<VisitRecord> for_case(soci::session& sql, std::int64_t case_id, int limit) {
    return select(sql,
                  "WHERE v.case_id = :case_id ORDER BY v.visited_on DESC, v.id DESC LIMIT " +
                      std::to_string(limit),
                  case_id);
}

std::vector<VisitRecord> latest_per_child(soci::session& sql, std::int64_t case_id) {
    return select(sql,
                  "WHERE v.case_id = :case_id AND NOT EXISTS (SELECT 1 FROM visits w WHERE "
                  "w.case_id = v.case_id AND w.child_id = v.child_id AND (w.visited_on > "
                  "v.visited_on OR (w.visited_on = v.visited_on AND w.id > v.id))) ORDER BY "
                  "v.child_id",
                  case_id);
}

std::vector<FrequencyRecord> frequencies(soci::session& sql) {
    FrequencyRecord f;
    soci::indicator name_ind = soci::i_null;
    std::vector<FrequencyRecord> out;
    for_each_row(
        sql,
        "SELECT f.level, f.amount, f.unit, u.name, f.changed_at FROM visit_frequencies f LEFT "
        "JOIN users u ON u.id = f.changed_by ORDER BY f.level",
        [&](soci::statement& st) {
            st.exchange(soci::into(f.level));
            st.exchange(soci::into(f.amount));
            st.exchange(soci::into(f.unit));
            st.exchange(soci::into(f.changed_by_name, name_ind));
            st.exchange(soci::into(f.changed_at));
        },
        [&] {
            auto copy = f;
            if (name_ind != soci::i_ok) copy.changed_by_name.clear();
            out.push_back(copy);
        });
    return out;
}

void set_frequency(soci::session& sql, const FrequencyRecord& f, std::optional<std::int64_t> by) {
    translate_errors([&] {
        auto who = nullable_id(by);
        sql << "INSERT INTO visit_frequencies (level, amount, unit, changed_by, changed_at) VALUES "
               "(:level, :amount, :unit, :by, :at) ON CONFLICT (level) DO UPDATE SET amount = "
               "excluded.amount, unit = excluded.unit, changed_by = excluded.changed_by, "
               "changed_at = excluded.changed_at",
            soci::use(f.level), soci::use(f.amount), soci::use(f.unit),
            soci::use(who.value, who.indicator), soci::use(f.changed_at);
    });
}

}  // namespace signs::store::visits
