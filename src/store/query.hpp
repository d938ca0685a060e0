#pragma once
/// A select with a variable set of bound values, run row by row. SOCI's one-expression form
/// needs every into/use spelled out at once; this lets a repository share its column list
/// between finders.
#include <soci/soci.h>

#include <functional>
#include <string>

#include "store/store_error.hpp"

namespace signs::store {

/// `bind` adds into() and use() elements to the statement; `on_row` runs once per row, after
/// the into() targets have been filled.
inline void for_each_row(soci::session& sql, const std::string& query,
                         const std::function<void(soci::statement&)>& bind,
                         const std::function<void()>& on_row) {
    translate_errors([&] {
        soci::statement st(sql);
        bind(st);
        st.alloc();
        st.prepare(query);
        st.define_and_bind();
        if (!st.execute(true)) return;
        do {
            on_row();
        } while (st.fetch());
    });
}

inline bool flag(int value) { return value != 0; }

}  // namespace signs::store
