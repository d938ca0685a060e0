#pragma once
/// A child's levels in a case, between the stored periods and the domain's rules.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/casework/service_level.hpp"
#include "store/case_repository.hpp"

namespace signs::service {

std::vector<domain::LevelPeriod> to_domain(const std::vector<store::LevelPeriodRecord>& history);
/// The practice variant a child's work in a case follows: that of their current level, or of
/// their last one once their part has closed (child in need before any level is recorded).
domain::PracticeVariant variant_of_child(soci::session& sql, std::int64_t case_id,
                                         std::int64_t child_id);
/// "Child protection (Neglect)": the level with its category or legal status, for the
/// chronology.
std::string describe_level(const domain::LevelChange& change);
/// The period a change starts, ready to store.
store::LevelPeriodRecord period_from(std::int64_t case_id, std::int64_t child_id,
                                     const domain::LevelChange& change,
                                     std::optional<std::int64_t> recorded_by,
                                     const std::string& recorded_at);

}  // namespace signs::service
