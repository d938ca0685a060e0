#pragma once
/// Where a child has lived. Workers need the history, not just the latest address: a move
/// often explains a gap in school attendance, a change of GP or a new set of neighbours.
/// Each address starts on the day the child moved in and ends when the next one starts.
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/error.hpp"

namespace signs::domain {

struct AddressForm {
    std::string lines;  ///< house, street and town, one per line
    std::string postcode;
    std::string day, month, year;  ///< the date the child moved in
};

struct Address {
    std::string lines;
    std::string postcode;  ///< "SK11 8RH", or empty when not known
    core::CivilDate moved_in;
};

inline constexpr std::size_t kMaxAddressLength = 500;

/// A UK postcode in its usual form (upper case, one space before the last three
/// characters), or nothing when the text cannot be one. Spaces and case are forgiven.
std::optional<std::string> normalise_postcode(std::string_view text);

/// Checks a new address. The move must be a real date, not in the future, and not before
/// `latest_move` (the start of the address now on record), because history is added in
/// order. Field errors use "lines", "postcode" and "moved-day".
core::Result<Address> check_address(const AddressForm& form,
                                    std::optional<core::CivilDate> latest_move,
                                    core::CivilDate today);

}  // namespace signs::domain
