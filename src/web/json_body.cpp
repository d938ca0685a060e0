#include "web/json_body.hpp"

#include "core/civil_date.hpp"

namespace signs::web {

core::Result<JsonBody> JsonBody::parse(std::string_view text) {
    auto body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return core::fail(core::ErrorKind::Invalid, "The body must be a JSON object");
    return JsonBody{std::move(body)};
}

bool JsonBody::has(const std::string& name) const {
    return body_.contains(name) && !body_[name].is_null();
}

void JsonBody::wrong(const std::string& name, const std::string& message) {
    for (const auto& w : wrong_) {
        if (w.field == name) return;
    }
    wrong_.push_back({name, message});
}

std::string JsonBody::text(const std::string& name) {
    if (!has(name)) return "";
    if (!body_[name].is_string()) {
        wrong(name, name + " must be a string");
        return "";
    }
    return body_[name].get<std::string>();
}

std::array<std::string, 3> JsonBody::date_parts(const std::string& name) {
    auto value = text(name);
    if (value.empty()) return {};
    auto date = core::CivilDate::parse_iso(value);
    if (!date) {
        wrong(name, name + " must be a real date written YYYY-MM-DD");
        return {};
    }
    auto parts = date->parts();
    return {parts.day, parts.month, parts.year};
}

std::array<std::string, 2> JsonBody::clock_parts(const std::string& name) {
    auto value = text(name);
    auto colon = value.find(':');
    if (colon == std::string::npos) return {value, ""};
    return {value.substr(0, colon), value.substr(colon + 1)};
}

std::string clock_json(int minutes) {
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return two(minutes / 60) + ":" + two(minutes % 60);
}

std::optional<std::int64_t> JsonBody::number(const std::string& name) {
    if (!has(name)) return std::nullopt;
    if (!body_[name].is_number_integer()) {
        wrong(name, name + " must be a whole number");
        return std::nullopt;
    }
    return body_[name].get<std::int64_t>();
}

bool JsonBody::flag(const std::string& name) {
    if (!has(name)) return false;
    if (!body_[name].is_boolean()) {
        wrong(name, name + " must be true or false");
        return false;
    }
    return body_[name].get<bool>();
}

std::vector<std::string> JsonBody::texts(const std::string& name) {
    std::vector<std::string> out;
    if (!has(name)) return out;
    if (!body_[name].is_array()) {
        wrong(name, name + " must be a list of strings");
        return out;
    }
    for (const auto& item : body_[name]) {
        if (!item.is_string()) {
            wrong(name, name + " must be a list of strings");
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<std::int64_t> JsonBody::numbers(const std::string& name) {
    std::vector<std::int64_t> out;
    if (!has(name)) return out;
    if (!body_[name].is_array()) {
        wrong(name, name + " must be a list of whole numbers");
        return out;
    }
    for (const auto& item : body_[name]) {
        if (!item.is_number_integer()) {
            wrong(name, name + " must be a list of whole numbers");
            return {};
        }
        out.push_back(item.get<std::int64_t>());
    }
    return out;
}

std::optional<core::Error> JsonBody::problems() const {
    if (wrong_.empty()) return std::nullopt;
    return core::Error::invalid(wrong_);
}

}  // namespace signs::web
