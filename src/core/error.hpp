#pragma once
/// The one vocabulary for things that go wrong. Expected outcomes travel as values
/// (Result<T>); faults such as a lost database throw Fault, carrying the same kind, and are
/// caught once at the web dispatcher or in main.
#include <expected>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace signs::core {

enum class ErrorKind {
    Invalid,          ///< input failed validation; fields say where
    Unauthenticated,  ///< nobody is signed in, or the credentials are wrong
    Forbidden,        ///< signed in, but not allowed
    NotFound,
    Conflict,   ///< clashes with existing data (duplicate email, ...)
    Stale,      ///< someone else changed the record since it was read
    Throttled,  ///< too many attempts; try later
    TooLarge,
    Unavailable,  ///< a dependency (the database) cannot be reached
    Internal,
};

/// One message tied to one form field, shown inline and in the GOV.UK error summary.
struct FieldError {
    std::string field;
    std::string message;
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
    std::vector<FieldError> fields;

    static Error invalid(std::vector<FieldError> fields) {
        return {ErrorKind::Invalid, "There is a problem", std::move(fields)};
    }
    static Error of(ErrorKind kind, std::string message) { return {kind, std::move(message), {}}; }

    /// The message for one field, or empty when that field has none.
    std::string message_for(std::string_view field) const {
        for (const auto& f : fields) {
            if (f.field == field) return f.message;
        }
        return "";
    }
};

template <class T>
using Result = std::expected<T, Error>;

/// Shorthand for returning an error from a function that returns Result<T>.
inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
    return std::unexpected(Error::of(kind, std::move(message)));
}

/// A real fault (storage unreachable, disk full): not a user's mistake.
class Fault : public std::runtime_error {
  public:
    Fault(ErrorKind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

  private:
    ErrorKind kind_;
};

}  // namespace signs::core
