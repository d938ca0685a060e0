#include "store/statement_cache.hpp"

#include <mutex>
#include <shared_mutex>

namespace signs::store {
namespace {

std::shared_mutex registry_mutex;
std::unordered_map<const soci::session*, StatementCache*>& registry() {
    static std::unordered_map<const soci::session*, StatementCache*> caches;
    return caches;
}

}  // namespace

StatementCache* StatementCache::of(const soci::session& sql) {
    std::shared_lock lock{registry_mutex};
    auto it = registry().find(&sql);
    return it == registry().end() ? nullptr : it->second;
}

void StatementCache::enroll(const soci::session& sql, StatementCache* cache) {
    std::unique_lock lock{registry_mutex};
    registry()[&sql] = cache;
}

void StatementCache::withdraw(const soci::session& sql) {
    std::unique_lock lock{registry_mutex};
    registry().erase(&sql);
}

soci::statement StatementCache::prepared(soci::session& sql, const std::string& query,
                                         const std::function<void(soci::statement&)>& bind) {
    soci::statement st(sql);
    bind(st);
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
    return st;
}

void StatementCache::with(soci::session& sql, const std::string& query,
                          const std::function<void(soci::statement&)>& bind,
                          const std::function<void(soci::statement&)>& run) {
    if (reading_) {  // nested inside another query's rows: leave the kept ones alone
        auto st = prepared(sql, query, bind);
        return run(st);
    }
    struct Reading {
        bool& flag;
        explicit Reading(bool& f) : flag(f) { flag = true; }
        ~Reading() { flag = false; }
    };
    auto it = statements_.find(query);
    if (it == statements_.end()) {
        auto st = prepared(sql, query, bind);
        {
            Reading reading{reading_};
            run(st);
        }
        // Kept only after a clean first run; a full cache just stops keeping new ones.
        if (statements_.size() < capacity_) statements_.emplace(query, std::move(st));
        return;
    }
    auto& st = it->second;
    try {
        // The values bound last time belonged to a caller that has returned.
        st.bind_clean_up();
        bind(st);
        st.define_and_bind();
        Reading reading{reading_};
        run(st);
    } catch (...) {
        statements_.erase(query);
        throw;
    }
}

}  // namespace signs::store
