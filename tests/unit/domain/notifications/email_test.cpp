// The email as it goes over SMTP, and the waits between tries.
#include "domain/notifications/email.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

EmailMessage a_message() {
    return {"meetings@council.example.org",
            "Dana Carter",
            "dana@example.org",
            "Invitation: Core group meeting",
            "Dear Dana,\n\nYou are invited.",
            "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            "REQUEST",
            "Thu, 26 Nov 2026 09:30:00 +0000",
            "outbox-1-abc@signs"};
}

TEST(Email, HeadersAndPartsAsMailReadersExpect) {
    auto text = email_text(a_message());
    EXPECT_TRUE(text.starts_with("From: meetings@council.example.org\r\n"));
    EXPECT_TRUE(has(text, "\r\nTo: \"Dana Carter\" <dana@example.org>\r\n"));
    EXPECT_TRUE(has(text, "\r\nSubject: Invitation: Core group meeting\r\n"));
    EXPECT_TRUE(has(text, "\r\nMessage-ID: <outbox-1-abc@signs>\r\n"));
    EXPECT_TRUE(has(text, "Content-Type: text/calendar; charset=utf-8; method=REQUEST"));
    EXPECT_TRUE(has(text, "RGVhciBEYW5hLAoKWW91IGFyZSBpbnZpdGVkLg=="));  // the body, base64
    EXPECT_TRUE(text.ends_with("--\r\n"));
    auto plain = a_message();
    plain.calendar.clear();
    EXPECT_FALSE(has(email_text(plain), "text/calendar"));
}

TEST(Email, NoHeaderCanBeAddedAndOtherScriptsAreEncoded) {
    auto m = a_message();
    m.subject = "Hello\r\nBcc: someone@example.org";
    m.to_name = "Zoë Ødegaard";
    auto text = email_text(m);
    EXPECT_FALSE(has(text, "\r\nBcc:"));
    EXPECT_TRUE(has(text, "Subject: HelloBcc: someone@example.org\r\n"));
    EXPECT_TRUE(has(text, "To: =?UTF-8?B?"));  // an encoded word stands outside quotes
    m = a_message();
    m.to_name = "Dana \"Dee\" Carter\\";
    EXPECT_TRUE(has(email_text(m), "To: \"Dana \\\"Dee\\\" Carter\\\\\" <dana@example.org>"));
    m = a_message();
    m.to = "dana@example.org>\r\nBcc: x@example.org";
    EXPECT_FALSE(has(email_text(m), "\r\nBcc:"));
}

TEST(Email, TriesAgainAfterLongerWaits) {
    using std::chrono::minutes;
    EXPECT_EQ(retry_delay(1), minutes{1});
    EXPECT_EQ(retry_delay(2), minutes{2});
    EXPECT_EQ(retry_delay(4), minutes{8});
    EXPECT_EQ(retry_delay(7), minutes{60});
    EXPECT_EQ(retry_delay(30), minutes{60});
    EXPECT_EQ(retry_delay(0), minutes{1});
}

}  // namespace
}  // namespace signs::domain
