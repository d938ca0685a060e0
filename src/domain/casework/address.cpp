#include "domain/casework/address.hpp"

#include <cctype>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The outward code (before the space): a letter, then a letter or digit, then up to two
/// more of either; "SK11", "M1", "EC1A", "W1A".
bool valid_outward(std::string_view out) {
    if (out.size() < 2 || out.size() > 4 || !is_letter(out[0])) return false;
    bool seen_digit = false;
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (is_digit(out[i])) {
            seen_digit = true;
        } else if (!is_letter(out[i])) {
            return false;
        }
    }
    return seen_digit;
}

}  // namespace

std::optional<std::string> normalise_postcode(std::string_view text) {
    std::string compact;
    for (char c : text) {
        if (c == ' ') continue;
        compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
    auto outward = std::string_view{compact}.substr(0, compact.size() - 3);
    auto inward = std::string_view{compact}.substr(compact.size() - 3);
    if (!valid_outward(outward) || !is_digit(inward[0]) || !is_letter(inward[1]) ||
        !is_letter(inward[2])) {
        return std::nullopt;
    }
    return std::string{outward} + " " + std::string{inward};
}

core::Result<Address> check_address(const AddressForm& form,
                                    std::optional<core::CivilDate> latest_move,
                                    core::CivilDate today) {
    core::FieldChecks checks;
    checks.text("lines", form.lines, "Enter the address", "Address", kMaxAddressLength);
    std::string postcode;
    if (!core::trimmed(form.postcode).empty()) {
        auto normal = normalise_postcode(form.postcode);
        if (normal) {
            postcode = *normal;
        } else {
            checks.add("postcode", "Enter a real postcode, like SK11 8RH, or leave it blank");
        }
    }
    auto moved = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!moved) {
        checks.add("moved-day", "Enter the date they moved in as a real date, like 27 3 2026");
    } else if (*moved > today) {
        checks.add("moved-day", "The date they moved in must be today or in the past");
    } else if (latest_move && *moved < *latest_move) {
        checks.add("moved-day", "The date they moved in must be on or after " +
                                    latest_move->long_text() +
                                    ", when they moved to the address now recorded");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return Address{core::trimmed(form.lines), postcode, *moved};
}

}  // namespace signs::domain
