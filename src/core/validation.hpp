#pragma once
/// Small checks shared by every form, each adding a GOV.UK-style message to a list so a form
/// reports all its problems at once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace signs::core {

/// A whole number written with digits only, at most 18 of them so it fits an int64; the
/// form fields and query values that carry record numbers and versions.
std::optional<std::int64_t> parse_number(std::string_view text);

class FieldChecks {
  public:
    /// Text must be present (after trimming), valid UTF-8 and at most max_chars characters.
    /// `label` is used in the messages: "Enter your full name".
    FieldChecks& text(std::string_view field, std::string_view value, std::string_view missing,
                      std::string_view label, std::size_t max_chars);
    /// Optional text: checked for UTF-8 and length only when present.
    FieldChecks& optional_text(std::string_view field, std::string_view value,
                               std::string_view label, std::size_t max_chars);
    FieldChecks& email(std::string_view field, std::string_view value);
    FieldChecks& add(std::string_view field, std::string message);

    bool ok() const { return errors_.empty(); }
    bool has(std::string_view field) const;
    Error error() const { return Error::invalid(errors_); }

  private:
    std::vector<FieldError> errors_;
};

std::string trimmed(std::string_view text);
std::string lower_ascii(std::string_view text);
/// A whole number from `low` to `high`, written with digits only (spaces around are fine).
std::optional<int> whole_number_in(std::string_view text, int low, int high);
/// Minutes after midnight for an hour (0 to 23) and a minute (0 to 59) typed in two boxes.
std::optional<int> clock_minutes(std::string_view hour, std::string_view minute);

/// A plausible email address: one @, something either side, a dot in the domain, no spaces.
bool looks_like_email(std::string_view text);

}  // namespace signs::core
