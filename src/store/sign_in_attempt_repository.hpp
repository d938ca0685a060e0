#pragma once
/// Every sign-in attempt, kept so repeated failures can be throttled on any app node.
#include <soci/soci.h>

#include <string>

#include "domain/access/sign_in_throttle.hpp"

namespace signs::store::sign_in_attempts {

void record(soci::session& sql, const std::string& email, const std::string& address,
            const std::string& at, bool succeeded);

/// Failures since `since` for the account and for the address. A success for the account
/// resets its count: only failures after the last success are counted.
domain::RecentFailures recent_failures(soci::session& sql, const std::string& email,
                                       const std::string& address, const std::string& since);

/// Removes attempts made before `cutoff`.
void remove_before(soci::session& sql, const std::string& cutoff);

}  // namespace signs::store::sign_in_attempts
