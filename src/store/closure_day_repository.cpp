#include "store/closure_day_repository.hpp"

#include "store/query.hpp"

namespace signs::store::closure_days {

std::vector<ClosureRecord> all(soci::session& sql) {
    ClosureRecord row;
    soci::indicator name_ind = soci::i_null;
    std::vector<ClosureRecord> out;
    for_each_row(
        sql,
        "SELECT d.day, d.reason, u.name, d.added_at FROM closure_days d LEFT JOIN users u ON "
        "u.id = d.added_by ORDER BY d.day",
        [&](soci::statement& st) {
            st.exchange(soci::into(row.day));
            st.exchange(soci::into(row.reason));
            st.exchange(soci::into(row.added_by_name, name_ind));
            st.exchange(soci::into(row.added_at));
        },
        [&] {
            auto copy = row;
            if (name_ind != soci::i_ok) copy.added_by_name.clear();
            out.push_back(copy);
        });
    return out;
}

void add(soci::session& sql, const std::string& day, const std::string& reason,
         std::optional<std::int64_t> by, const std::string& at) {
    translate_errors([&] {
        auto who = nullable_id(by);
        sql << "INSERT INTO closure_days (day, reason, added_by, added_at) VALUES (:day, :reason, "
               ":by, :at)",
            soci::use(day), soci::use(reason), soci::use(who.value, who.indicator), soci::use(at);
    });
}

bool remove(soci::session& sql, const std::string& day) {
    return translate_errors([&] {
        soci::statement st =
            (sql.prepare << "DELETE FROM closure_days WHERE day = :day", soci::use(day));
        return changed_one_row(st);
    });
}

}  // namespace signs::store::closure_days
