#include "service/level_history.hpp"

#include "core/validation.hpp"

namespace signs::service {
namespace {

domain::LevelPeriod to_domain(const store::LevelPeriodRecord& p) {
    domain::LevelPeriod out{domain::parse_level(p.level).value_or(domain::ServiceLevel::EarlyHelp),
                            core::CivilDate::parse_iso(p.from_date).value(),
                            std::nullopt,
                            p.reason,
                            domain::parse_category(p.category),
                            p.legal_status};
    if (!p.to_date.empty()) out.to = core::CivilDate::parse_iso(p.to_date);
    return out;
}

}  // namespace

std::vector<domain::LevelPeriod> to_domain(const std::vector<store::LevelPeriodRecord>& history) {
    std::vector<domain::LevelPeriod> out;
    for (const auto& p : history) out.push_back(to_domain(p));
    return out;
}

std::string describe_level(const domain::LevelChange& change) {
    std::string text{domain::level_label(change.to)};
    if (change.category) text += " (" + std::string{domain::category_label(*change.category)} + ")";
    if (auto status = domain::parse_legal_status(change.legal_status)) {
        text += " (" + std::string{domain::legal_status_label(*status)} + ")";
    }
    return text;
}

store::LevelPeriodRecord period_from(std::int64_t case_id, std::int64_t child_id,
                                     const domain::LevelChange& change,
                                     std::optional<std::int64_t> recorded_by,
                                     const std::string& recorded_at) {
    return {0,
            case_id,
            child_id,
            std::string{domain::level_code(change.to)},
            change.on.iso(),
            "",
            core::trimmed(change.reason),
            change.category ? std::string{domain::category_code(*change.category)} : "",
            change.legal_status,
            recorded_by,
            recorded_at};
}

domain::PracticeVariant variant_of_child(soci::session& sql, std::int64_t case_id,
                                         std::int64_t child_id) {
    auto history = to_domain(store::cases::level_history(sql, case_id, child_id));
    auto level = domain::current_level(history);
    if (!level && !history.empty()) level = history.back().level;
    return domain::variant_for(level.value_or(domain::ServiceLevel::ChildInNeed));
}

}  // namespace signs::service
