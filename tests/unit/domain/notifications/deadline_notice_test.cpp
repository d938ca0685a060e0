// What reminders and overdue alerts say.
#include "domain/notifications/deadline_notice.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }

TEST(DeadlineNotices, OneDeadlineIsNamedInTheSubject) {
    auto mail = notice_mail(
        NoticeKind::Reminder, "Sam Okafor",
        {{12, "Initial child protection conference", day("2026-12-17"), day("2026-12-15")}});
    EXPECT_EQ(mail.subject, "Due soon: Initial child protection conference, case 12");
    EXPECT_EQ(mail.body,
              "Dear Sam Okafor,\n\nThis deadline falls due within 5 working days:\n\n"
              "- Case 12: Initial child protection conference, due 17 December 2026 (a meeting "
              "is arranged for 15 December 2026)\n\nOpen signs and choose Due to see every "
              "deadline.\n");
}

TEST(DeadlineNotices, SeveralAreListedSoonestFirst) {
    auto mail = notice_mail(NoticeKind::Overdue, "Jo",
                            {{7, "Visit to the child", day("2026-11-30"), std::nullopt},
                             {3, "Assessment completed", day("2026-11-20"), std::nullopt}});
    EXPECT_EQ(mail.subject, "Overdue: 2 deadlines in your team");
    auto first = mail.body.find("- Case 3: Assessment completed, was due 20 November 2026");
    auto second = mail.body.find("- Case 7: Visit to the child, was due 30 November 2026");
    ASSERT_NE(first, std::string::npos);
    ASSERT_NE(second, std::string::npos);
    EXPECT_LT(first, second);
    EXPECT_NE(mail.body.find("These deadlines have passed without being met:"), std::string::npos);
    EXPECT_EQ(notice_mail(NoticeKind::Reminder, "Jo",
                          {{1, "A", day("2026-12-01"), std::nullopt},
                           {2, "B", day("2026-12-02"), std::nullopt}})
                  .subject,
              "Due soon: 2 deadlines in the next 5 working days");
    EXPECT_EQ(notice_kind_code(NoticeKind::Reminder), "reminder");
    EXPECT_EQ(notice_kind_code(NoticeKind::Overdue), "overdue");
}

}  // namespace
}  // namespace signs::domain
