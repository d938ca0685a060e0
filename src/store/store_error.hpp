#pragma once
/// Storage errors normalised across engines: SQLite result codes and PostgreSQL SQLSTATEs
/// map to one set of kinds, so code above the store never looks at an engine's codes.
#include <soci/soci.h>

#include <string>

#include "core/error.hpp"

namespace signs::store {

enum class StoreErrorKind {
    Unique,
    ForeignKey,
    NotNull,
    Check,
    Serialization,  ///< the engine gave up on a transaction because of a concurrent one
    Busy,           ///< the database is locked by another writer for too long
    LostConnection,
    Other,
};

StoreErrorKind classify(const soci::soci_error& error);

/// A storage failure as a Fault; `store_kind` keeps the detail for the few callers that
/// expect one (a unique clash becomes "already exists").
class StoreFault : public core::Fault {
  public:
    StoreFault(StoreErrorKind store_kind, const std::string& what);
    StoreErrorKind store_kind() const noexcept { return store_kind_; }

  private:
    StoreErrorKind store_kind_;
};

/// Runs `action`, turning any SOCI error into a StoreFault.
template <class Action>
auto translate_errors(Action&& action) -> decltype(action()) {
    try {
        return action();
    } catch (const soci::soci_error& error) {
        throw StoreFault(classify(error), error.what());
    }
}

}  // namespace signs::store
