#pragma once
/// The outbox: messages are queued in the same transaction as the change they tell people
/// about, so none is lost or sent for a change that did not happen, and delivered afterwards
/// by SMTP when a mail server is configured (otherwise they wait, for an administrator to
/// see). A message the server does not take is tried again later.
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"
#include "store/outbox_repository.hpp"

namespace signs::service {

struct MailSettings {
    std::string smtp_url;  ///< "smtp://host:port"; empty: keep messages waiting
    std::string from = "signs@localhost";
};

/// Sends one message over SMTP; the error in words when the server did not take it.
std::optional<std::string> send_by_smtp(const MailSettings& settings, const std::string& to,
                                        const std::string& message);

class OutboxService {
  public:
    OutboxService(store::Database& db, const core::Clock& clock, MailSettings settings)
        : db_(db), clock_(clock), settings_(std::move(settings)) {}

    /// Queues `message` on the caller's connection, inside their transaction.
    static void queue(soci::session& sql, const core::Clock& clock, store::OutboxMessage message);
    /// Sends the messages whose time has come; returns how many the server took.
    int deliver();
    bool configured() const { return !settings_.smtp_url.empty(); }
    /// The latest messages, for system administrators.
    core::Result<std::vector<store::OutboxMessage>> recent(const Actor& actor);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    MailSettings settings_;
    std::mutex delivering_;  ///< one delivery run at a time on this node
};

}  // namespace signs::service
