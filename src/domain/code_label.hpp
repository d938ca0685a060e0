#pragma once
/// A code stored and sent in returns, with the words shown for it; and the few things every
/// list of them needs.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace signs::domain {

struct CodeLabel {
    std::string_view code;
    std::string_view label;
};

bool is_code_in(std::span<const CodeLabel> codes, std::string_view code);
/// The label for a code, or the code itself when the list does not have it, so an unexpected
/// stored value is shown rather than hidden.
std::string_view label_for(std::span<const CodeLabel> codes, std::string_view code);

/// A list of codes as stored in one column ("HEAR,HAND"), and back.
std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view joined);

}  // namespace signs::domain
