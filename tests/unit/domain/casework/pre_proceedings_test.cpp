// The checks on pre-proceedings as recorded on a case.
#include "domain/casework/pre_proceedings.hpp"

#include <gtest/gtest.h>

#include "service/data_files.hpp"

namespace signs::domain {
namespace {

core::CivilDate day(std::string_view iso) { return *core::CivilDate::parse_iso(iso); }

const CodeSet& outcomes() {
    static const auto loaded = service::load_census_codes(SIGNS_RESOURCES_DIR);
    return loaded.pre_proceedings_outcome;
}

DateForm typed(std::string_view iso) {
    auto p = day(iso).parts();
    return {p.day, p.month, p.year};
}

PreProceedingsContext context() {
    return {{11, 12}, day("2026-05-01"), day("2026-12-01"), outcomes()};
}

PreProceedingsForm begun() {
    PreProceedingsForm f;
    f.child_ids = {"12", "11"};
    f.started = typed("2026-09-01");
    return f;
}

/// The form with every step recorded, up to the letter after the application to court.
PreProceedingsForm to_court() {
    auto f = begun();
    f.letter_sent = typed("2026-09-03");
    f.family_meeting_offered = "yes";
    f.family_meeting_accepted = "yes";
    f.outcome = "A";
    f.decided = typed("2026-11-10");
    f.court_application = typed("2026-11-12");
    f.letter_initiating = typed("2026-11-12");
    return f;
}

std::string message(const PreProceedingsForm& form, const std::string& field) {
    auto checked = check_pre_proceedings(form, context());
    if (checked) return "";
    for (const auto& e : checked.error().fields) {
        if (e.field == field) return e.message;
    }
    return "";
}

TEST(PreProceedings, BeginsWithTheChildrenAndTheDay) {
    auto checked = check_pre_proceedings(begun(), context());
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->children, (std::vector<std::int64_t>{11, 12}));
    EXPECT_EQ(checked->started, day("2026-09-01"));
    EXPECT_FALSE(checked->letter_sent);
    EXPECT_TRUE(checked->outcome.empty());
}

TEST(PreProceedings, EveryStepToCourtIsKept) {
    auto checked = check_pre_proceedings(to_court(), context());
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(checked->court_application, day("2026-11-12"));
    EXPECT_EQ(checked->letter_initiating, day("2026-11-12"));
    EXPECT_EQ(checked->family_meeting_accepted, "yes");
}

TEST(PreProceedings, NeedsChildrenOfThisCase) {
    auto f = begun();
    f.child_ids.clear();
    EXPECT_NE(message(f, "children"), "");
    f.child_ids = {"13"};
    EXPECT_EQ(message(f, "children"), "Select children from this case");
    f.child_ids = {"11'; DROP TABLE children; --"};
    EXPECT_EQ(message(f, "children"), "Select children from this case");
}

TEST(PreProceedings, DatesAreRealInOrderAndNotInTheFuture) {
    auto f = begun();
    f.started = {};
    EXPECT_EQ(message(f, "started-day"), "Enter the date pre-proceedings began");
    f.started = {"31", "2", "2026"};
    EXPECT_NE(message(f, "started-day").find("real date"), std::string::npos);
    f.started = typed("2026-04-30");  // before the case opened
    EXPECT_NE(message(f, "started-day").find("when the case opened"), std::string::npos);
    f.started = typed("2026-12-02");
    EXPECT_EQ(message(f, "started-day"), "The date must be today or in the past");

    auto g = to_court();
    g.letter_sent = typed("2026-08-31");
    EXPECT_NE(message(g, "letter-sent-day").find("when pre-proceedings began"), std::string::npos);
    g = to_court();
    g.decided = typed("2026-08-31");
    EXPECT_NE(message(g, "decided-day"), "");
    g = to_court();
    g.court_application = typed("2026-11-09");
    EXPECT_NE(message(g, "court-application-day").find("the day of the decision"),
              std::string::npos);
    g = to_court();
    g.letter_initiating = typed("2026-11-11");
    EXPECT_NE(message(g, "letter-initiating-day"), "");
}

TEST(PreProceedings, TheLetterSaysWhetherAFamilyMeetingIsOffered) {
    auto f = begun();
    f.letter_sent = typed("2026-09-03");
    EXPECT_NE(message(f, "family-meeting-offered").find("select whether it offered"),
              std::string::npos);
    f.family_meeting_offered = "maybe";
    EXPECT_NE(message(f, "family-meeting-offered"), "");
    // Not offering one needs the child's best-interests reason, within its length.
    f.family_meeting_offered = "no";
    EXPECT_NE(message(f, "not-offered-reason"), "");
    f.not_offered_reason = std::string(kMaxNotOfferedReason, 'x');
    EXPECT_TRUE(check_pre_proceedings(f, context()));
    f.not_offered_reason = std::string(kMaxNotOfferedReason + 1, 'x');
    EXPECT_NE(message(f, "not-offered-reason"), "");
    // Counted in characters, not bytes: 2,000 letters of a script with wider letters fit.
    std::string wide;
    for (std::size_t i = 0; i < kMaxNotOfferedReason; ++i) wide += "\u0628";
    f.not_offered_reason = wide;
    EXPECT_TRUE(check_pre_proceedings(f, context()));
    f.not_offered_reason = "\xff\xfe";
    EXPECT_NE(message(f, "not-offered-reason"), "");
}

TEST(PreProceedings, AnOfferNeedsItsLetterAndAnAnswerNeedsAnOffer) {
    auto f = begun();
    f.family_meeting_offered = "yes";
    EXPECT_NE(message(f, "letter-sent-day").find("the offer is made in it"), std::string::npos);
    f = begun();
    f.letter_sent = typed("2026-09-03");
    f.family_meeting_offered = "no";
    f.not_offered_reason = "The risk to the child from a meeting with the wider family";
    f.family_meeting_accepted = "yes";
    EXPECT_NE(message(f, "family-meeting-accepted").find("only accept a meeting"),
              std::string::npos);
}

TEST(PreProceedings, AnOutcomeComesWithItsDateFromTheList) {
    auto f = begun();
    f.outcome = "B";
    EXPECT_EQ(message(f, "decided-day"), "Enter the date of the decision");
    f.outcome = "";
    f.decided = typed("2026-10-01");
    EXPECT_EQ(message(f, "outcome"), "Select the outcome decided");
    f.outcome = "<script>alert(1)</script>";
    EXPECT_EQ(message(f, "outcome"), "Select the outcome from the list");
}

TEST(PreProceedings, ACourtApplicationFollowsADecisionToApply) {
    auto f = to_court();
    f.outcome = "B";
    EXPECT_NE(message(f, "court-application-day").find("decision to apply"), std::string::npos);
    f = to_court();
    f.court_application = {};
    EXPECT_NE(message(f, "letter-initiating-day").find("application to court first"),
              std::string::npos);
}

TEST(PreProceedings, WarnsWhatTheLawStillAsks) {
    auto record = *check_pre_proceedings(begun(), context());
    auto warnings = pre_proceedings_warnings(record, false);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("must offer"), std::string::npos);

    record = *check_pre_proceedings(to_court(), context());
    warnings = pre_proceedings_warnings(record, false);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("before any application to court"), std::string::npos);
    EXPECT_TRUE(pre_proceedings_warnings(record, true).empty());
}

}  // namespace
}  // namespace signs::domain
