#include "store/address_repository.hpp"

#include "store/query.hpp"

namespace signs::store::addresses {

std::int64_t move(soci::session& sql, const AddressRecord& a) {
    return translate_errors([&] {
        long long child = a.child_id, id = 0;
        auto by = nullable_id(a.recorded_by);
        sql << "UPDATE child_addresses SET moved_out = :on WHERE child_id = :child AND "
               "moved_out IS NULL",
            soci::use(a.moved_in), soci::use(child);
        sql << "INSERT INTO child_addresses (child_id, lines, postcode, moved_in, recorded_by, "
               "recorded_at) VALUES (:child, :lines, :postcode, :moved_in, :by, :at) RETURNING id",
            soci::use(child), soci::use(a.lines), soci::use(a.postcode), soci::use(a.moved_in),
            soci::use(by.value, by.indicator), soci::use(a.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<AddressRecord> for_child(soci::session& sql, std::int64_t child_id) {
    AddressRecord a;
    long long id = 0, child = child_id, by = 0;
    soci::indicator out_ind, by_ind;
    std::vector<AddressRecord> found;
    for_each_row(
        sql,
        "SELECT id, lines, postcode, moved_in, moved_out, recorded_by, recorded_at FROM "
        "child_addresses WHERE child_id = :child ORDER BY moved_in, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(a.lines));
            st.exchange(soci::into(a.postcode));
            st.exchange(soci::into(a.moved_in));
            st.exchange(soci::into(a.moved_out, out_ind));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(a.recorded_at));
            st.exchange(soci::use(child));
        },
        [&] {
            auto row = a;
            row.id = id;
            row.child_id = child_id;
            if (out_ind != soci::i_ok) row.moved_out.clear();
            row.recorded_by = id_or_none(by, by_ind);
            found.push_back(row);
        });
    return found;
}

}  // namespace signs::store::addresses
