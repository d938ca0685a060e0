#pragma once
/// Statements prepared once per pooled connection and run again with new values. On SQLite,
/// preparing (parsing and planning) a statement costs more than running it for the small
/// lookups every page makes (the case, its restrictions), so keeping them prepared roughly
/// halves the cost of a page that is otherwise served ready-made.
///
/// Only sessions the Database registers get a cache; a statement that fails is dropped, so
/// the next use prepares it afresh. A query's text must always be bound the same way (the
/// same values in the same order), which holds when the text and its bindings are built
/// together, as every repository does. A query run while another is being read on the same
/// connection is prepared for that once, not kept.
#include <soci/soci.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace signs::store {

class StatementCache {
  public:
    explicit StatementCache(std::size_t capacity = 256) : capacity_(capacity) {}

    /// The cache registered for this session, or null.
    static StatementCache* of(const soci::session& sql);
    static void enroll(const soci::session& sql, StatementCache* cache);
    static void withdraw(const soci::session& sql);

    /// A new statement for `query`, bound by `bind` and prepared.
    static soci::statement prepared(soci::session& sql, const std::string& query,
                                    const std::function<void(soci::statement&)>& bind);
    /// The statement prepared for `query`, bound afresh by `bind`; prepared now if it is new.
    /// `run` uses it; if `run` throws, the statement is forgotten.
    void with(soci::session& sql, const std::string& query,
              const std::function<void(soci::statement&)>& bind,
              const std::function<void(soci::statement&)>& run);
    std::size_t size() const { return statements_.size(); }

  private:
    std::size_t capacity_;
    std::unordered_map<std::string, soci::statement> statements_;
    bool reading_ = false;  ///< a kept statement's rows are being read
};

}  // namespace signs::store
