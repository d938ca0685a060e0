#include "store/chronology_repository.hpp"

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::chronology {

std::int64_t add(soci::session& sql, const ChronologyRecord& e) {
    return translate_errors([&] {
        long long child = e.child_id, by = e.recorded_by.value_or(0), id = 0;
        soci::indicator by_ind = e.recorded_by ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO chronology_events (child_id, occurred_on, kind, summary, source, "
               "recorded_by, recorded_at) VALUES (:child, :on, :kind, :summary, :source, :by, "
               ":at) RETURNING id",
            soci::use(child), soci::use(e.occurred_on), soci::use(e.kind), soci::use(e.summary),
            soci::use(e.source), soci::use(by, by_ind), soci::use(e.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ChronologyRecord> for_child(soci::session& sql, std::int64_t child_id, int limit) {
    return page_for_child(sql, child_id, std::nullopt, limit);
}

std::vector<ChronologyRecord> page_for_child(soci::session& sql, std::int64_t child_id,
                                             const std::optional<ChronologyCursor>& after,
                                             int limit) {
    ChronologyRecord e;
    long long id = 0, child = child_id, by = 0, after_id = after ? after->id : 0;
    std::string after_on = after ? after->occurred_on : "";
    soci::indicator by_ind, name_ind;
    std::vector<ChronologyRecord> out;
    std::string query =
        "SELECT e.id, e.occurred_on, e.kind, e.summary, e.source, e.recorded_by, u.name, "
        "e.recorded_at FROM chronology_events e LEFT JOIN users u ON u.id = e.recorded_by "
        "WHERE e.child_id = :child ";
    if (after)
        query += "AND (e.occurred_on < :on OR (e.occurred_on = :same_on AND e.id < :after_id)) ";
    query += "ORDER BY e.occurred_on DESC, e.id DESC LIMIT :limit";
    for_each_row(
        sql, query,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(e.occurred_on));
            st.exchange(soci::into(e.kind));
            st.exchange(soci::into(e.summary));
            st.exchange(soci::into(e.source));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(e.recorded_by_name, name_ind));
            st.exchange(soci::into(e.recorded_at));
            st.exchange(soci::use(child));
            if (after) {
                st.exchange(soci::use(after_on));
                st.exchange(soci::use(after_on));
                st.exchange(soci::use(after_id));
            }
            st.exchange(soci::use(limit));
        },
        [&] {
            auto row = e;
            row.id = id;
            row.child_id = child_id;
            row.recorded_by = id_or_none(by, by_ind);
            if (name_ind != soci::i_ok) row.recorded_by_name.clear();
            out.push_back(row);
        });
    return out;
}

}  // namespace signs::store::chronology
