#include "domain/code_label.hpp"

#include <algorithm>

namespace signs::domain {

bool is_code_in(std::span<const CodeLabel> codes, std::string_view code) {
    return std::any_of(codes.begin(), codes.end(),
                       [&](const CodeLabel& entry) { return entry.code == code; });
}

std::string_view label_for(std::span<const CodeLabel> codes, std::string_view code) {
    for (const auto& entry : codes) {
        if (entry.code == code) return entry.label;
    }
    return code;
}

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return out;
}

std::vector<std::string> split_codes(std::string_view joined) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < joined.size()) {
        auto end = joined.find(',', start);
        out.emplace_back(joined.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace signs::domain
