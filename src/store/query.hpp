#pragma once
/// A select with a variable set of bound values, run row by row. SOCI's one-expression form
/// needs every into/use spelled out at once; this lets a repository share its column list
/// between finders.
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/statement_cache.hpp"
#include "store/store_error.hpp"

namespace signs::store {

/// `bind` adds into() and use() elements to the statement; `on_row` runs once per row, after
/// the into() targets have been filled.
inline void for_each_row(soci::session& sql, const std::string& query,
                         const std::function<void(soci::statement&)>& bind,
                         const std::function<void()>& on_row) {
    translate_errors([&] {
        auto run = [&](soci::statement& st) {
            if (!st.execute(true)) return;
            do {
                on_row();
            } while (st.fetch());
        };
        if (auto* cache = StatementCache::of(sql)) return cache->with(sql, query, bind, run);
        auto st = StatementCache::prepared(sql, query, bind);
        run(st);
    });
}

inline bool flag(int value) { return value != 0; }

/// The first of `rows`, for a finder that looks one record up by its key.
template <class T>
std::optional<T> first_of(std::vector<T> rows) {
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

/// An id read from a nullable column.
inline std::optional<std::int64_t> id_or_none(long long value, soci::indicator indicator) {
    return indicator == soci::i_ok ? std::optional<std::int64_t>{value} : std::nullopt;
}

/// Runs a prepared UPDATE guarded by a version; true when it changed exactly one row.
inline bool changed_one_row(soci::statement& st) {
    st.execute(true);
    return st.get_affected_rows() == 1;
}

/// A value bound as NULL when it is absent: empty text, or an empty optional id.
template <class T>
struct Nullable {
    T value{};
    soci::indicator indicator = soci::i_null;
};

inline Nullable<std::string> nullable_text(const std::string& text) {
    return {text, text.empty() ? soci::i_null : soci::i_ok};
}

inline Nullable<long long> nullable_id(std::optional<std::int64_t> id) {
    return {id.value_or(0), id ? soci::i_ok : soci::i_null};
}

/// ":p0, :p1, ..." for an IN list of `count` values named with `prefix`.
inline std::string bind_names(const std::string& prefix, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? ", :" : ":") + prefix + std::to_string(i);
    return out;
}

/// The ids a one-column query returns; `bind` adds its use() elements.
inline std::vector<std::int64_t> select_ids(soci::session& sql, const std::string& query,
                                            const std::function<void(soci::statement&)>& bind) {
    long long id = 0;
    std::vector<std::int64_t> out;
    for_each_row(
        sql, query,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            bind(st);
        },
        [&] { out.push_back(id); });
    return out;
}

}  // namespace signs::store
