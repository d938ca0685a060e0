#include "domain/casework/contact.hpp"

#include <gtest/gtest.h>

#include "core/london_time.hpp"
#include "service/data_files.hpp"

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }

// Thursday 26 November 2026, 3pm in London.
const core::Instant kNow = core::from_london(day("2026-11-26"), 15, 0);

ContactForm a_contact() {
    ContactForm form;
    form.day = "26";
    form.month = "11";
    form.year = "2026";
    form.hour = "9";
    form.minute = "30";
    form.channel = "phone";
    form.referrer_name = "  Ms Amara Okafor ";
    form.referrer_role = "Class teacher";
    form.referrer_agency = "Brook Lane Primary";
    form.worried = "Maya has come to school hungry three days this week.";
    form.working_well = "Her mum always collects her and they are close.";
    form.scale = "4";
    return form;
}

TEST(Contact, AcceptsTheReferrersOwnAnswers) {
    auto contact = check_contact(a_contact(), kNow);
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->received_on.iso(), "2026-11-26");
    EXPECT_EQ(core::to_storage(contact->received_at), "2026-11-26T09:30:00.000000Z");
    EXPECT_EQ(contact->referrer_name, "Ms Amara Okafor");
    EXPECT_EQ(contact->scale, 4);
    EXPECT_EQ(contact->needs_to_happen, "");
}

TEST(Contact, TheScaleIsOptionalButAWholeNumberFrom0To10WhenGiven) {
    auto form = a_contact();
    form.scale = "";
    EXPECT_FALSE(check_contact(form, kNow)->scale);
    for (const char* good : {"0", "10", " 7 "}) {
        form.scale = good;
        EXPECT_TRUE(check_contact(form, kNow)) << good;
    }
    for (const char* bad : {"11", "-1", "5.5", "five", "100"}) {
        form.scale = bad;
        auto result = check_contact(form, kNow);
        ASSERT_FALSE(result) << bad;
        EXPECT_EQ(result.error().message_for("scale"),
                  "Enter a whole number from 0 to 10, or leave it blank");
    }
}

TEST(Contact, NamesEveryProblem) {
    ContactForm empty;
    auto result = check_contact(empty, kNow);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message_for("received-day"),
              "Enter the date it was received as a real date, like 27 3 2026");
    EXPECT_EQ(result.error().message_for("channel"), "Select how it reached us");
    EXPECT_EQ(result.error().message_for("referrer_name"),
              "Enter the name of the person who got in touch");
    EXPECT_EQ(result.error().message_for("referrer_role"),
              "Say who they are to the child, or their job");
    EXPECT_EQ(result.error().message_for("worried"), "Say what they are worried about");

    auto form = a_contact();
    form.hour = "25";
    EXPECT_EQ(check_contact(form, kNow).error().message_for("received-hour"),
              "Enter the time it was received, like 14 05");
    form = a_contact();
    form.hour = "15";
    form.minute = "01";
    EXPECT_EQ(check_contact(form, kNow).error().message_for("received-day"),
              "The time it was received must be now or in the past");
    form = a_contact();
    form.year = "2025";
    form.month = "11";
    form.day = "1";
    EXPECT_EQ(check_contact(form, kNow).error().message_for("received-day"),
              "The time it was received must be within the last year");
    form = a_contact();
    form.worried = std::string(4001, 'x');
    form.referrer_name = "\xc3\x28";
    auto long_one = check_contact(form, kNow);
    EXPECT_EQ(long_one.error().message_for("worried"),
              "What they are worried about must be 4000 characters or fewer");
    EXPECT_EQ(long_one.error().message_for("referrer_name"),
              "Name contains characters that cannot be read");
}

const CodeSet& sources() {
    static const auto codes = service::load_census_codes(SIGNS_RESOURCES_DIR);
    return codes.referral_source;
}

TEST(Contact, ADecisionNeedsAKnownOutcomeAndItsReason) {
    auto good =
        check_decision({"assessment", "Repeated hunger and no food at home", "2A"}, sources());
    ASSERT_TRUE(good);
    EXPECT_EQ(good->referral_source, "2A");
    auto bad = check_decision({"maybe", "  "}, sources());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_for("decision"), "Select what happens next");
    EXPECT_EQ(bad.error().message_for("reason"), "Say why: what the decision is based on");
}

TEST(Contact, AReferralSaysWhoMadeItAndOnlyAReferral) {
    EXPECT_TRUE(opens_referral("assessment"));
    EXPECT_TRUE(opens_referral("strategy"));
    for (auto other : {"advice", "early-help", "nfa", ""}) EXPECT_FALSE(opens_referral(other));
    for (auto source : {"", "11", "2a", "<script>", "1A; DROP TABLE contacts"}) {
        auto bad = check_decision({"strategy", "Bruising seen at school", source}, sources());
        ASSERT_FALSE(bad) << source;
        EXPECT_EQ(bad.error().message_for("referral_source"), "Select who made the referral");
    }
    // Any other decision drops a source it was given: it is not a referral.
    auto advice =
        check_decision({"advice", "Parent wanted to know about support", "2A"}, sources());
    ASSERT_TRUE(advice);
    EXPECT_EQ(advice->referral_source, "");
}

TEST(Contact, TheDecisionIsDueOnTheNextWorkingDay) {
    WorkingCalendar calendar(
        {{day("2026-12-25"), "Christmas Day"}, {day("2026-12-28"), "Boxing Day (substitute day)"}});
    EXPECT_EQ(decision_due(day("2026-11-26"), calendar).iso(), "2026-11-27");
    EXPECT_EQ(decision_due(day("2026-11-27"), calendar).iso(), "2026-11-30");  // Friday
    EXPECT_EQ(decision_due(day("2026-11-29"), calendar).iso(), "2026-11-30");  // Sunday
    EXPECT_EQ(decision_due(day("2026-12-24"), calendar).iso(), "2026-12-29");
}

TEST(Contact, DueStatesCountWorkingDays) {
    WorkingCalendar calendar({});
    auto today = day("2026-11-26");
    EXPECT_EQ(due_state(day("2026-11-25"), today, calendar), DueState::Overdue);
    EXPECT_EQ(due_state(today, today, calendar), DueState::DueToday);
    EXPECT_EQ(due_state(day("2026-11-30"), today, calendar), DueState::DueSoon);
    EXPECT_EQ(due_state(day("2026-12-01"), today, calendar), DueState::Later);
    EXPECT_EQ(due_label(DueState::Overdue), "Overdue");
    EXPECT_EQ(due_label(DueState::Later), "");
}

}  // namespace
}  // namespace signs::domain
