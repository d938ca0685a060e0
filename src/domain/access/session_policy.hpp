#pragma once
/// When a signed-in session ends. Idle expiry protects an unattended laptop; the absolute
/// limit makes a stolen cookie useless by the next working day.
#include <chrono>

#include "core/clock.hpp"

namespace signs::domain {

struct SessionPolicy {
    std::chrono::seconds idle_timeout{std::chrono::hours{2}};
    std::chrono::seconds absolute_timeout{std::chrono::hours{12}};
    /// Last-seen times are written at most this often, to spare the database a write on
    /// every request.
    std::chrono::seconds touch_interval{std::chrono::minutes{1}};
};

enum class SessionState { Active, IdleExpired, AbsoluteExpired };

SessionState session_state(const SessionPolicy& policy, core::Instant created,
                           core::Instant last_seen, core::Instant now);
bool needs_touch(const SessionPolicy& policy, core::Instant last_seen, core::Instant now);

}  // namespace signs::domain
