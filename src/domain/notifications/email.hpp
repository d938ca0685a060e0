#pragma once
/// Emails signs sends (meeting invitations and their changes): the message as it goes over
/// SMTP, and how long to wait before trying again when the mail server cannot be reached.
#include <chrono>
#include <string>

namespace signs::domain {

struct EmailMessage {
    std::string from;
    std::string to_name;
    std::string to;
    std::string subject;
    std::string body;      ///< plain text
    std::string calendar;  ///< an iCalendar attachment, or empty
    std::string calendar_method = "REQUEST";
    std::string date;        ///< RFC 5322 date, "Thu, 26 Nov 2026 09:30:00 +0000"
    std::string message_id;  ///< without the angle brackets
};

/// The whole message, headers and MIME parts, lines ended with CRLF. Bodies are base64 so
/// that any text travels intact; a subject or name outside ASCII is encoded (RFC 2047).
std::string email_text(const EmailMessage& message);

/// After `attempts` failed tries: 1 minute, doubling each time, at most an hour.
std::chrono::seconds retry_delay(int attempts);
/// A message still not delivered after this many tries is marked failed for an administrator.
inline constexpr int kMostDeliveryAttempts = 12;

}  // namespace signs::domain
