#pragma once
/// Keeping each child's children in need episodes in step with the work, inside the
/// transaction that records it. An episode opens at a referral (a contact's decision to
/// assess or hold a strategy discussion) or, when none is open, the day the child reaches
/// child in need or a higher level; it closes when the child's part in the case closes, or
/// when they step down to early help.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_date.hpp"

namespace signs::service {

/// The referral source a step up from early help gets: the council's early help service.
inline constexpr const char* kFromEarlyHelp = "5D";

/// Opens an episode for a referral, unless one is going on.
void open_episode_for_referral(soci::session& sql, std::int64_t child_id,
                               std::optional<std::int64_t> contact_id,
                               const std::string& referral_date, const std::string& source,
                               std::optional<std::int64_t> by, const std::string& now);

/// Follows a child's move to `level` (a level code) on `on`, from `from_level` (empty for a
/// child's first level in a case).
void follow_level(soci::session& sql, std::int64_t child_id, const std::string& from_level,
                  const std::string& level, const std::string& on, std::optional<std::int64_t> by,
                  const std::string& now);

/// Closes the child's episode, if one is going on and they are at no social care level in
/// another case, on the day and for the reason their part in a case closed.
void close_episode_with_case(soci::session& sql, std::int64_t child_id, const std::string& on,
                             const std::string& reason);

}  // namespace signs::service
