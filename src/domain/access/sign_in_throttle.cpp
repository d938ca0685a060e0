#include "domain/access/sign_in_throttle.hpp"

namespace signs::domain {

bool sign_in_allowed(const ThrottlePolicy& policy, const RecentFailures& failures) {
    return failures.for_account < policy.max_failures_per_account &&
           failures.for_address < policy.max_failures_per_address;
}

}  // namespace signs::domain
