#pragma once
/// Numbers other services give a child: the NHS number and the Department for Education's
/// Unique Pupil Number (UPN). Both carry a check character, so a mistyped number is caught
/// when it is entered rather than when a health visitor or school cannot find the child.
#include <optional>
#include <string>
#include <string_view>

namespace signs::domain {

/// Accepts ten digits, either run together or grouped 3-3-4 with a space or hyphen between
/// groups ("943 476 5919", "943-476-5919"), and returns the ten digits alone. Refuses a
/// wrong modulus-11 check digit, a number whose check digit would be 10, and ten identical
/// digits (never issued, but they pass the check).
std::optional<std::string> normalise_nhs_number(std::string_view text);

/// Ten digits shown the way the NHS prints them: "943 476 5919". Anything else is returned
/// unchanged, so a bad value stays visible rather than vanishing.
std::string format_nhs_number(std::string_view ten_digits);

/// Accepts 13 characters in either case and returns them upper-case: a check letter, eleven
/// digits, then a digit or (for a temporary UPN) a letter. The check letter must agree with
/// the others, weighted 2 to 13, modulo 23. Letters come from the UPN alphabet, which leaves
/// out I, O and S.
std::optional<std::string> normalise_upn(std::string_view text);

}  // namespace signs::domain
