#include "domain/casework/identifiers.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// I, O and S are left out because they are too easily read as 1, 0 and 5.
constexpr std::string_view kUpnAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

std::optional<int> upn_letter_value(char c) {
    auto at = kUpnAlphabet.find(c);
    if (at == std::string_view::npos) return std::nullopt;
    return static_cast<int>(at);
}

}  // namespace

std::optional<std::string> normalise_nhs_number(std::string_view text) {
    auto clean = core::trimmed(text);
    std::string digits;
    std::size_t i = 0;
    // Separators are allowed only where the printed number has its gaps.
    for (std::size_t group : {3u, 3u, 4u}) {
        if (!digits.empty() && i < clean.size() && (clean[i] == ' ' || clean[i] == '-')) ++i;
        for (std::size_t n = 0; n < group; ++n, ++i) {
            if (i >= clean.size() || !is_digit(clean[i])) return std::nullopt;
            digits += clean[i];
        }
    }
    if (i != clean.size()) return std::nullopt;
    if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; })) {
        return std::nullopt;
    }

    int sum = 0;
    for (int k = 0; k < 9; ++k) sum += (digits[k] - '0') * (10 - k);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10 || check != digits[9] - '0') return std::nullopt;
    return digits;
}

std::string format_nhs_number(std::string_view ten_digits) {
    if (ten_digits.size() != 10 || !std::all_of(ten_digits.begin(), ten_digits.end(), is_digit)) {
        return std::string{ten_digits};
    }
    return std::string{ten_digits.substr(0, 3)} + " " + std::string{ten_digits.substr(3, 3)} + " " +
           std::string{ten_digits.substr(6)};
}

std::optional<std::string> normalise_upn(std::string_view text) {
    auto upn = core::trimmed(text);
    if (upn.size() != 13) return std::nullopt;
    std::transform(upn.begin(), upn.end(), upn.begin(),
                   [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; });

    auto check = upn_letter_value(upn[0]);
    if (!check) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 1; i < 13; ++i) {
        int value = 0;
        if (is_digit(upn[i])) {
            value = upn[i] - '0';
        } else if (auto letter = upn_letter_value(upn[i]); letter && i == 12) {
            value = *letter;
        } else {
            return std::nullopt;
        }
        sum += value * static_cast<int>(i + 1);
    }
    if (sum % 23 != *check) return std::nullopt;
    return upn;
}

}  // namespace signs::domain
