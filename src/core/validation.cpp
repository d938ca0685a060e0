#include "core/validation.hpp"

#include <algorithm>
#include <charconv>

#include "core/utf8.hpp"

namespace signs::core {

std::optional<std::int64_t> parse_number(std::string_view text) {
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    return std::stoll(std::string{text});
}

std::string trimmed(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string{text};
}

std::string lower_ascii(std::string_view text) {
    std::string out{text};
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
    return out;
}

bool looks_like_email(std::string_view text) {
    if (text.size() < 3 || text.size() > 254) return false;
    auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 ||
        text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    auto domain = text.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
    return std::none_of(text.begin(), text.end(), [](unsigned char c) {
        return c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c >= 0x7F;
    });
}

FieldChecks& FieldChecks::add(std::string_view field, std::string message) {
    if (!has(field)) errors_.push_back({std::string{field}, std::move(message)});
    return *this;
}

bool FieldChecks::has(std::string_view field) const {
    return std::any_of(errors_.begin(), errors_.end(),
                       [&](const FieldError& e) { return e.field == field; });
}

FieldChecks& FieldChecks::text(std::string_view field, std::string_view value,
                               std::string_view missing, std::string_view label,
                               std::size_t max_chars) {
    if (trimmed(value).empty()) return add(field, std::string{missing});
    return optional_text(field, value, label, max_chars);
}

FieldChecks& FieldChecks::optional_text(std::string_view field, std::string_view value,
                                        std::string_view label, std::size_t max_chars) {
    if (!is_valid_utf8(value)) {
        return add(field, std::string{label} + " contains characters that cannot be read");
    }
    if (utf8_length(value) > max_chars) {
        return add(field, std::string{label} + " must be " + std::to_string(max_chars) +
                              " characters or fewer");
    }
    return *this;
}

FieldChecks& FieldChecks::email(std::string_view field, std::string_view value) {
    auto clean = trimmed(value);
    if (clean.empty()) return add(field, "Enter an email address");
    if (!is_valid_utf8(clean) || !looks_like_email(clean)) {
        return add(field, "Enter an email address in the correct format, like name@example.com");
    }
    return *this;
}

std::optional<int> whole_number_in(std::string_view text, int low, int high) {
    auto trimmed_text = trimmed(text);
    int value = 0;
    auto [end, ec] =
        std::from_chars(trimmed_text.data(), trimmed_text.data() + trimmed_text.size(), value);
    if (trimmed_text.empty() || ec != std::errc{} ||
        end != trimmed_text.data() + trimmed_text.size())
        return std::nullopt;
    if (value < low || value > high) return std::nullopt;
    return value;
}

std::optional<int> clock_minutes(std::string_view hour, std::string_view minute) {
    auto h = whole_number_in(hour, 0, 23), m = whole_number_in(minute, 0, 59);
    if (!h || !m) return std::nullopt;
    return *h * 60 + *m;
}

}  // namespace signs::core
