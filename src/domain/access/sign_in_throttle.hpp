#pragma once
/// Slows password guessing. Failures are counted over a window for the account (someone
/// guessing one person's password) and for the address (someone trying many accounts).
/// While either count is at its limit, sign-in is refused without checking the password.
#include <chrono>

namespace signs::domain {

struct ThrottlePolicy {
    std::chrono::seconds window{std::chrono::minutes{15}};
    int max_failures_per_account = 5;
    int max_failures_per_address = 20;
};

struct RecentFailures {
    int for_account = 0;
    int for_address = 0;
};

bool sign_in_allowed(const ThrottlePolicy& policy, const RecentFailures& failures);

}  // namespace signs::domain
