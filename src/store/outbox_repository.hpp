#pragma once
/// The outbox: messages waiting for the mail server, and what became of them.
#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

namespace signs::store {

struct OutboxMessage {
    std::int64_t id = 0;
    std::string kind;  ///< "invitation", "update" or "cancellation"
    std::string to_name;
    std::string to_address;
    std::string subject;
    std::string body;
    std::string calendar;
    std::string calendar_method;
    std::string status = "waiting";
    int attempts = 0;
    std::string next_attempt_at;
    std::string last_error;
    std::string sent_at;
    std::string created_at;
};

namespace outbox {

std::int64_t add(soci::session& sql, const OutboxMessage& message);
/// Waiting messages whose time has come, oldest first.
std::vector<OutboxMessage> due(soci::session& sql, const std::string& now, int limit);
/// Takes the message for one delivery attempt: moves its next attempt to `until`, if nobody
/// else took it since it was read (its next attempt is still `seen`).
bool claim(soci::session& sql, std::int64_t id, const std::string& seen, const std::string& until);
void mark_sent(soci::session& sql, std::int64_t id, const std::string& at);
/// Another failed try: waits until `next_at`, or is marked failed when `give_up`.
void mark_failed_try(soci::session& sql, std::int64_t id, const std::string& error,
                     const std::string& next_at, bool give_up);
/// Newest first.
std::vector<OutboxMessage> recent(soci::session& sql, int limit);

}  // namespace outbox
}  // namespace signs::store
