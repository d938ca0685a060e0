#pragma once
/// What makes a password acceptable. Length matters more than mixed symbols (NCSC advice);
/// a ceiling stops a huge password being used to make hashing slow.
#include <optional>
#include <string>
#include <string_view>

namespace signs::domain {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 200;

/// The problem with the password, in words for the person choosing it, or nothing.
std::optional<std::string> password_problem(std::string_view password, std::string_view email);

}  // namespace signs::domain
