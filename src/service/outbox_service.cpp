#include "service/outbox_service.hpp"

#include <curl/curl.h>

#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "domain/notifications/email.hpp"

namespace signs::service {
namespace {

struct Reader {
    const std::string* text;
    std::size_t at = 0;
};

std::size_t read_part(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* reader = static_cast<Reader*>(user);
    auto n = std::min(size * count, reader->text->size() - reader->at);
    std::memcpy(buffer, reader->text->data() + reader->at, n);
    reader->at += n;
    return n;
}

/// "Thu, 26 Nov 2026 09:30:00 +0000" for an instant.
std::string mail_date(core::Instant at) {
    auto seconds = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::seconds>(at));
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    return text;
}

}  // namespace

std::optional<std::string> send_by_smtp(const MailSettings& settings, const std::string& to,
                                        const std::string& message) {
    static std::once_flag started;
    std::call_once(started, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl{curl_easy_init(), curl_easy_cleanup};
    if (!curl) return "could not start the mail client";
    Reader reader{&message};
    auto from = "<" + settings.from + ">";
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + to + ">").c_str());
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl.get(), CURLOPT_URL, settings.smtp_url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_part);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
    auto result = curl_easy_perform(curl.get());
    curl_slist_free_all(recipients);
    if (result == CURLE_OK) return std::nullopt;
    return error[0] ? std::string{error} : std::string{curl_easy_strerror(result)};
}

void OutboxService::queue(soci::session& sql, const core::Clock& clock,
                          store::OutboxMessage message) {
    auto now = core::to_storage(clock.now());
    message.created_at = now;
    message.next_attempt_at = now;
    store::outbox::add(sql, message);
}

int OutboxService::deliver() {
    if (!configured()) return 0;
    std::lock_guard lock{delivering_};
    int sent = 0;
    for (;;) {
        std::vector<store::OutboxMessage> due;
        {
            auto lease = db_.lease();
            due = store::outbox::due(lease.sql(), core::to_storage(clock_.now()), 50);
        }
        if (due.empty()) return sent;
        for (const auto& m : due) {
            domain::EmailMessage email{
                settings_.from,
                m.to_name,
                m.to_address,
                m.subject,
                m.body,
                m.calendar,
                m.calendar_method.empty() ? "REQUEST" : m.calendar_method,
                mail_date(clock_.now()),
                "outbox-" + std::to_string(m.id) + "-" + core::random_token(8) + "@signs"};
            {
                // Another node may have read it too: only the one that takes it sends it.
                auto lease = db_.lease();
                auto until = core::to_storage(clock_.now() + std::chrono::minutes{5});
                if (!store::outbox::claim(lease.sql(), m.id, m.next_attempt_at, until)) continue;
            }
            // The database is not held while the mail server answers.
            auto failed = send_by_smtp(settings_, m.to_address, domain::email_text(email));
            auto lease = db_.lease();
            auto now = core::to_storage(clock_.now());
            if (!failed) {
                store::outbox::mark_sent(lease.sql(), m.id, now);
                ++sent;
                continue;
            }
            auto attempts = m.attempts + 1;
            auto next = core::to_storage(clock_.now() + domain::retry_delay(attempts));
            store::outbox::mark_failed_try(lease.sql(), m.id, failed->substr(0, 500), next,
                                           attempts >= domain::kMostDeliveryAttempts);
        }
    }
}

core::Result<std::vector<store::OutboxMessage>> OutboxService::recent(const Actor& actor) {
    if (auto refused = require_admin(actor, "Only system administrators see the outbox"); !refused)
        return std::unexpected(refused.error());
    auto lease = db_.lease();
    return store::outbox::recent(lease.sql(), 200);
}

}  // namespace signs::service
