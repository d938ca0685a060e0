#include "web/form.hpp"

#include <limits>

#include "core/utf8.hpp"

namespace signs::web {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::string> url_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string url_encode(std::string_view text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::optional<Form> Form::parse(std::string_view encoded) {
    Form form;
    while (!encoded.empty()) {
        auto end = encoded.find('&');
        auto pair = encoded.substr(0, end);
        encoded = end == std::string_view::npos ? std::string_view{} : encoded.substr(end + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        auto name = url_decode(pair.substr(0, eq));
        auto value =
            url_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!name || !value || !core::is_valid_utf8(*name) || !core::is_valid_utf8(*value)) {
            return std::nullopt;
        }
        form.values_.emplace(std::move(*name), std::move(*value));
    }
    return form;
}

const std::string& Form::get(std::string_view name) const {
    static const std::string kEmpty;
    auto it = values_.find(name);
    return it == values_.end() ? kEmpty : it->second;
}

bool Form::has(std::string_view name) const { return values_.find(name) != values_.end(); }

std::vector<std::pair<std::string, std::string>> Form::entries() const {
    return {values_.begin(), values_.end()};
}

std::vector<std::string> Form::get_all(std::string_view name) const {
    std::vector<std::string> out;
    auto [from, to] = values_.equal_range(name);
    for (auto it = from; it != to; ++it) out.push_back(it->second);
    return out;
}

std::optional<std::int64_t> Form::number(std::string_view name) const {
    return parse_number(get(name));
}

std::optional<int> Form::version() const {
    auto value = number("version");
    if (!value || *value > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(*value);
}

const FormFile* Form::file(std::string_view name) const {
    auto it = files_.find(name);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace signs::web
