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
