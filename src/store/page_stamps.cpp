#include "store/page_stamps.hpp"

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

}  // namespace signs::store::page_stamps
