#pragma once
/// Reading the members of a JSON request body the way forms are read: missing or null members
/// are empty, and a member of the wrong type is noted as a field error, so one response can
/// list every problem.
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace signs::web {

class JsonBody {
  public:
    /// Nothing but a JSON object is accepted.
    static core::Result<JsonBody> parse(std::string_view text);

    bool has(const std::string& name) const;
    std::string text(const std::string& name);
    /// A date written YYYY-MM-DD, as the day, month and year boxes of a date input.
    std::array<std::string, 3> date_parts(const std::string& name);
    /// A time written HH:MM on the 24-hour clock, as the hour and minute boxes of a time
    /// input; the form's own check says what is wrong with it.
    std::array<std::string, 2> clock_parts(const std::string& name);
    /// A whole number (a record number or a version).
    std::optional<std::int64_t> number(const std::string& name);
    bool flag(const std::string& name);
    std::vector<std::string> texts(const std::string& name);
    std::vector<std::int64_t> numbers(const std::string& name);

    /// Every wrong-typed member so far, as one Invalid error; nothing when all were fine.
    std::optional<core::Error> problems() const;

  private:
    explicit JsonBody(nlohmann::json body) : body_(std::move(body)) {}
    void wrong(const std::string& name, const std::string& message);

    nlohmann::json body_;
    std::vector<core::FieldError> wrong_;
};

/// Minutes after midnight as the API writes a time: "09:30".
std::string clock_json(int minutes);

}  // namespace signs::web
