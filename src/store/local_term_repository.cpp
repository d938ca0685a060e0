#include "store/local_term_repository.hpp"

#include "store/query.hpp"

namespace signs::store::local_terms {

std::vector<LocalTermRecord> all(soci::session& sql) {
    LocalTermRecord row;
    int exact = 0;
    long long id = 0;
    soci::indicator name_ind = soci::i_null;
    std::vector<LocalTermRecord> out;
    for_each_row(
        sql,
        "SELECT t.id, t.phrase, t.suggestion, t.reason, t.exact_case, t.meaning, u.name, "
        "t.added_at "
        "FROM "
        "local_terms t LEFT JOIN users u ON u.id = t.added_by ORDER BY LOWER(t.phrase)",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(row.term.phrase));
            st.exchange(soci::into(row.term.suggestion));
            st.exchange(soci::into(row.term.reason));
            st.exchange(soci::into(exact));
            st.exchange(soci::into(row.term.meaning));
            st.exchange(soci::into(row.added_by_name, name_ind));
            st.exchange(soci::into(row.added_at));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.term.match = flag(exact) ? domain::TermMatch::ExactCase : domain::TermMatch::Words;
            if (name_ind != soci::i_ok) copy.added_by_name.clear();
            out.push_back(std::move(copy));
        });
    return out;
}

std::int64_t add(soci::session& sql, const domain::Term& term, std::optional<std::int64_t> by,
                 const std::string& at) {
    return translate_errors([&] {
        auto who = nullable_id(by);
        int exact = term.match == domain::TermMatch::ExactCase ? 1 : 0;
        long long id = 0;
        sql << "INSERT INTO local_terms (phrase, suggestion, reason, exact_case, meaning, "
               "added_by, added_at) VALUES (:phrase, :suggestion, :reason, :exact, :meaning, :by, "
               ":at) RETURNING id",
            soci::use(term.phrase), soci::use(term.suggestion), soci::use(term.reason),
            soci::use(exact), soci::use(term.meaning), soci::use(who.value, who.indicator),
            soci::use(at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<std::string> remove(soci::session& sql, std::int64_t id) {
    return translate_errors([&]() -> std::optional<std::string> {
        long long key = id;
        std::string phrase;
        soci::indicator found = soci::i_null;
        sql << "SELECT phrase FROM local_terms WHERE id = :id", soci::use(key),
            soci::into(phrase, found);
        if (!sql.got_data() || found != soci::i_ok) return std::nullopt;
        sql << "DELETE FROM local_terms WHERE id = :id", soci::use(key);
        return phrase;
    });
}

std::string stamp(soci::session& sql) {
    return translate_errors([&] {
        long long terms = 0, newest = 0;
        sql << "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM local_terms", soci::into(terms),
            soci::into(newest);
        return std::to_string(terms) + "." + std::to_string(newest);
    });
}

}  // namespace signs::store::local_terms
