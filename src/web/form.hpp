#pragma once
/// application/x-www-form-urlencoded bodies and query strings.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation.hpp"

namespace signs::web {

/// A file chosen in a multipart form.
struct FormFile {
    std::string name;  ///< as the browser sent it: for showing, never for a path
    std::string bytes;
};

class Form {
  public:
    /// Decodes `a=1&b=two+words`. Returns nothing when a percent escape is broken or a
    /// decoded value is not UTF-8, so the caller can answer 400 without guessing.
    static std::optional<Form> parse(std::string_view encoded);
    /// Decodes a multipart/form-data body (a form with a file input). Returns nothing when
    /// the body or `content_type` is malformed or a field or file name is not UTF-8. A file
    /// input left empty gives no file.
    static std::optional<Form> parse_multipart(std::string_view body,
                                               std::string_view content_type);

    /// The first value for `name`, or empty.
    const std::string& get(std::string_view name) const;
    /// Every value for `name` (ticked checkboxes), in the order sent.
    std::vector<std::string> get_all(std::string_view name) const;
    bool has(std::string_view name) const;
    /// The first value for `name` as a record number or version; nothing when absent or not
    /// a whole number (see parse_number).
    std::optional<std::int64_t> number(std::string_view name) const;
    /// The "version" field that guards an edit against someone else's save in between.
    std::optional<int> version() const;
    /// Every name and value, in name order.
    std::vector<std::pair<std::string, std::string>> entries() const;
    /// The file chosen for `name`, or nothing.
    const FormFile* file(std::string_view name) const;

  private:
    std::multimap<std::string, std::string, std::less<>> values_;
    std::map<std::string, FormFile, std::less<>> files_;
};

using core::parse_number;

/// Percent-decoding with '+' as space; nothing if an escape is broken.
std::optional<std::string> url_decode(std::string_view text);
std::string url_encode(std::string_view text);

}  // namespace signs::web
