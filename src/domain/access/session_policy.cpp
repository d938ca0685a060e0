#include "domain/access/session_policy.hpp"

namespace signs::domain {

SessionState session_state(const SessionPolicy& policy, core::Instant created,
                           core::Instant last_seen, core::Instant now) {
    if (now - created >= policy.absolute_timeout) return SessionState::AbsoluteExpired;
    if (now - last_seen >= policy.idle_timeout) return SessionState::IdleExpired;
    return SessionState::Active;
}

bool needs_touch(const SessionPolicy& policy, core::Instant last_seen, core::Instant now) {
    return now - last_seen >= policy.touch_interval;
}

}  // namespace signs::domain
