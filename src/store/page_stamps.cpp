#include "store/page_stamps.hpp"

#include <string>

#include "store/query.hpp"

namespace signs::store::page_stamps {

std::int64_t child(soci::session& sql, std::int64_t child_id) {
    long long key = child_id, stamp = 0, found = 0;
    for_each_row(
        sql, "SELECT stamp FROM child_page_stamps WHERE child_id = :id",
        [&](soci::statement& st) {
            st.exchange(soci::into(found));
            st.exchange(soci::use(key));
        },
        [&] { stamp = found; });
    return stamp;
}

std::string family(soci::session& sql, std::int64_t child_id) {
    long long key = child_id, other = 0, stamp = 0;
    std::string stamps;
    for_each_row(
        sql,
        "SELECT DISTINCT s.child_id, s.stamp FROM case_children mine "
        "JOIN case_children theirs ON theirs.case_id = mine.case_id "
        "JOIN child_page_stamps s ON s.child_id = theirs.child_id "
        "WHERE mine.child_id = :id AND theirs.child_id <> mine.child_id ORDER BY s.child_id",
        [&](soci::statement& st) {
            st.exchange(soci::into(other));
            st.exchange(soci::into(stamp));
            st.exchange(soci::use(key));
        },
        [&] {
            if (!stamps.empty()) stamps += ',';
            stamps += std::to_string(other) + ':' + std::to_string(stamp);
        });
    return stamps;
}

std::int64_t child_audit(soci::session& sql, std::int64_t child_id) {
    std::string entity = std::to_string(child_id);
    long long newest = 0;
    soci::indicator none = soci::i_null;
    for_each_row(
        sql, "SELECT MAX(seq) FROM audit_events WHERE entity_type = 'child' AND entity_id = :id",
        [&](soci::statement& st) {
            st.exchange(soci::into(newest, none));
            st.exchange(soci::use(entity));
        },
        [] {});
    return none == soci::i_ok ? newest : 0;
}

}  // namespace signs::store::page_stamps
