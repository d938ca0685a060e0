#include "domain/people/password_policy.hpp"

#include <array>

#include "core/utf8.hpp"
#include "core/validation.hpp"

namespace signs::domain {
namespace {

// A few of the most used passwords that pass the length rule, refused outright.
constexpr std::array<std::string_view, 8> kCommon = {
    "password1234", "123456789012", "qwertyuiopas", "passwordpassword",
    "iloveyou1234", "letmein12345", "welcome12345", "changeme1234"};

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view email) {
    if (password.empty()) return "Enter a password";
    if (!core::is_valid_utf8(password)) return "Password contains characters that cannot be read";
    auto length = core::utf8_length(password);
    if (length < kMinPasswordLength) {
        return "Password must be " + std::to_string(kMinPasswordLength) + " characters or more";
    }
    if (length > kMaxPasswordLength) {
        return "Password must be " + std::to_string(kMaxPasswordLength) + " characters or fewer";
    }
    auto lower = core::lower_ascii(password);
    for (auto common : kCommon) {
        if (lower == common) return "Password is too easy to guess; choose a longer phrase";
    }
    if (!email.empty() && lower == core::lower_ascii(email)) {
        return "Password must not be the same as the email address";
    }
    return std::nullopt;
}

}  // namespace signs::domain
