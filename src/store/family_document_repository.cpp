#include "store/family_document_repository.hpp"

#include "store/query.hpp"

namespace signs::store::family_documents {
namespace {

constexpr const char* kColumns =
    "SELECT g.id, g.case_id, g.child_id, g.kind, g.title, g.based_on, g.content, g.fingerprint, "
    "g.given_to, "
    "g.given_on, g.how, g.recorded_by, u.name, g.recorded_at FROM family_documents_given g LEFT "
    "JOIN users u ON u.id = g.recorded_by ";

std::vector<GivenRecord> select(soci::session& sql, const std::string& where, long long key) {
    GivenRecord row;
    long long id = 0, case_id = 0, child_id = 0, by = 0;
    soci::indicator child_ind = soci::i_null, by_ind = soci::i_null, name_ind = soci::i_null;
    std::vector<GivenRecord> out;
    for_each_row(
        sql, std::string{kColumns} + where,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(child_id, child_ind));
            st.exchange(soci::into(row.kind));
            st.exchange(soci::into(row.title));
            st.exchange(soci::into(row.based_on));
            st.exchange(soci::into(row.content));
            st.exchange(soci::into(row.fingerprint));
            st.exchange(soci::into(row.given_to));
            st.exchange(soci::into(row.given_on));
            st.exchange(soci::into(row.how));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(row.recorded_by_name, name_ind));
            st.exchange(soci::into(row.recorded_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.case_id = case_id;
            copy.child_id = id_or_none(child_id, child_ind);
            copy.recorded_by = id_or_none(by, by_ind);
            if (name_ind != soci::i_ok) copy.recorded_by_name.clear();
            out.push_back(std::move(copy));
        });
    return out;
}

}  // namespace

std::int64_t add(soci::session& sql, const GivenRecord& r) {
    return translate_errors([&] {
        auto by = nullable_id(r.recorded_by);
        auto child = nullable_id(r.child_id);
        long long case_id = r.case_id;
        long long id = 0;
        sql << "INSERT INTO family_documents_given (case_id, child_id, kind, title, based_on, "
               "content, "
               "fingerprint, given_to, given_on, how, recorded_by, recorded_at) VALUES (:c, "
               ":child, :k, "
               ":t, :b, :content, :f, :to, :on, :how, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(child.value, child.indicator), soci::use(r.kind),
            soci::use(r.title), soci::use(r.based_on), soci::use(r.content),
            soci::use(r.fingerprint), soci::use(r.given_to), soci::use(r.given_on),
            soci::use(r.how), soci::use(by.value, by.indicator), soci::use(r.recorded_at),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<GivenRecord> for_case(soci::session& sql, std::int64_t case_id) {
    return select(sql, "WHERE g.case_id = :c ORDER BY g.given_on DESC, g.id DESC", case_id);
}

std::optional<GivenRecord> find(soci::session& sql, std::int64_t id) {
    return first_of(select(sql, "WHERE g.id = :id", id));
}

std::string stamp_for_case(soci::session& sql, std::int64_t case_id) {
    return translate_errors([&] {
        long long key = case_id, given = 0, newest = 0;
        sql << "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM family_documents_given WHERE case_id = "
               ":c",
            soci::into(given), soci::into(newest), soci::use(key);
        return std::to_string(given) + "." + std::to_string(newest);
    });
}

}  // namespace signs::store::family_documents
