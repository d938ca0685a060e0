// How a census child is made from what signs records.
#include "domain/returns/census_facts.hpp"

#include <gtest/gtest.h>

#include "service/data_files.hpp"

namespace signs::domain {
namespace {

core::CivilDate day(std::string_view iso) { return *core::CivilDate::parse_iso(iso); }

const WorkingCalendar& calendar() {
    static const auto loaded = service::load_working_calendar(SIGNS_RESOURCES_DIR);
    return loaded;
}

const CensusYear year = *CensusYear::parse("2026-27");

EpisodeFacts episode(std::string_view referral, MaybeDate closed = std::nullopt) {
    EpisodeFacts e;
    e.id = 1;
    e.referral = day(referral);
    e.referral_source = "2A";
    e.primary_need = "N1";
    e.closed = closed;
    if (closed) e.closure_reason = "RC7";
    return e;
}

TEST(CensusFacts, OnlyEpisodesOpenInTheYearAreSent) {
    CensusFacts facts;
    facts.episodes = {episode("2025-05-01", day("2026-03-31")),  // closed the day before
                      episode("2025-06-01", day("2026-04-01")),  // closed on the first day
                      episode("2027-03-31"),                     // referred on the last day
                      episode("2027-04-01")};                    // after the year
    auto child = census_child({}, facts, year, calendar());
    ASSERT_EQ(child.episodes.size(), 2u);
    EXPECT_EQ(child.episodes[0].referral, day("2025-06-01"));
    EXPECT_EQ(child.episodes[1].referral, day("2027-03-31"));
    EXPECT_EQ(child.episodes[0].referral_source, "2A");
    EXPECT_EQ(child.episodes[0].closure_reason, "RC7");
}

TEST(CensusFacts, AProtectionPlanRunsAcrossACategoryChangeAndCountsEarlierPlans) {
    CensusFacts facts;
    facts.episodes = {episode("2024-01-10", day("2024-12-01")), episode("2026-05-01")};
    facts.levels = {
        {3, "child-protection", day("2024-02-01"), day("2024-11-01"), "PHY"},
        {3, "child-in-need", day("2024-11-01"), day("2024-12-01"), ""},
        {9, "child-in-need", day("2026-05-10"), day("2026-06-10"), ""},
        {9, "child-protection", day("2026-06-10"), day("2026-10-01"), "NEG"},
        {9, "child-protection", day("2026-10-01"), day("2027-01-15"), "EMO"},
        {9, "child-in-need", day("2027-01-15"), std::nullopt, ""},
    };
    facts.meetings = {{9, "strategy-discussion", day("2026-05-20")},
                      {9, "initial-conference", day("2026-06-10")},
                      {9, "review-conference", day("2026-09-09")},
                      {9, "review-conference", day("2026-12-09")},
                      {3, "review-conference", day("2026-12-10")}};  // another case's
    facts.plan_agreed = {{9, day("2026-05-20")}};
    auto child = census_child({}, facts, year, calendar());
    ASSERT_EQ(child.episodes.size(), 1u);
    const auto& e = child.episodes[0];
    EXPECT_EQ(e.case_id, 9);
    ASSERT_EQ(e.protection_plans.size(), 1u);
    const auto& plan = e.protection_plans[0];
    EXPECT_EQ(plan.start, day("2026-06-10"));
    EXPECT_EQ(plan.end, day("2027-01-15"));
    EXPECT_EQ(plan.initial_category, "NEG");
    EXPECT_EQ(plan.latest_category, "EMO");
    EXPECT_EQ(plan.previous_plans, 1);
    EXPECT_EQ(plan.reviews, (std::vector<core::CivilDate>{day("2026-09-09"), day("2026-12-09")}));

    // A child in need plan from the plan's agreement until the step up, and again after.
    ASSERT_EQ(e.cin_plans.size(), 2u);
    EXPECT_EQ(e.cin_plans[0].start, day("2026-05-20"));
    EXPECT_EQ(e.cin_plans[0].end, day("2026-06-10"));
    EXPECT_EQ(e.cin_plans[1].start, day("2027-01-15"));
    EXPECT_FALSE(e.cin_plans[1].end);

    ASSERT_EQ(e.enquiries.size(), 1u);
    EXPECT_EQ(e.enquiries[0].start, day("2026-05-20"));
    EXPECT_EQ(e.enquiries[0].conference, day("2026-06-10"));
    // 15 working days after Wednesday 20 May 2026, past the late May bank holiday.
    EXPECT_EQ(e.enquiries[0].conference_target, day("2026-06-11"));
    EXPECT_FALSE(e.initial_conference);

    // Nothing from the episode of 2024 is sent, but its plan is counted as an earlier one.
    EXPECT_TRUE(std::all_of(e.protection_plans.begin(), e.protection_plans.end(),
                            [](const auto& p) { return *p.start >= day("2026-05-01"); }));
}

TEST(CensusFacts, NoChildInNeedPlanBeforeTheCasePlanIsAgreed) {
    CensusFacts facts;
    facts.episodes = {episode("2026-05-01")};
    facts.levels = {{4, "child-in-need", day("2026-05-01"), day("2026-06-01"), ""}};
    EXPECT_TRUE(census_child({}, facts, year, calendar()).episodes[0].cin_plans.empty());
    facts.plan_agreed = {{4, day("2026-06-02")}};  // agreed after the child stepped away
    EXPECT_TRUE(census_child({}, facts, year, calendar()).episodes[0].cin_plans.empty());
}

TEST(CensusFacts, AConferenceWithoutADiscussionIsTheEpisodes) {
    CensusFacts facts;
    facts.episodes = {episode("2026-05-01")};
    facts.meetings = {{4, "initial-conference", day("2026-05-20")}};
    auto child = census_child({}, facts, year, calendar());
    EXPECT_TRUE(child.episodes[0].enquiries.empty());
    EXPECT_EQ(child.episodes[0].initial_conference, day("2026-05-20"));
}

TEST(CensusFacts, EachDiscussionTakesTheConferenceBeforeTheNext) {
    CensusFacts facts;
    facts.episodes = {episode("2026-05-01")};
    facts.meetings = {{4, "strategy-discussion", day("2026-05-04")},
                      {4, "strategy-discussion", day("2026-07-01")},
                      {4, "initial-conference", day("2026-07-15")}};
    auto e = census_child({}, facts, year, calendar()).episodes[0];
    ASSERT_EQ(e.enquiries.size(), 2u);
    EXPECT_FALSE(e.enquiries[0].conference);
    EXPECT_EQ(e.enquiries[1].conference, day("2026-07-15"));
}

}  // namespace
}  // namespace signs::domain

namespace signs::domain {
namespace {

TEST(CensusFacts, TheReturnSaysWhatWasSoAtTheYearsEnd) {
    CensusFacts facts;
    facts.episodes = {episode("2025-09-01", day("2027-05-01"))};  // closed after the year
    facts.episodes[0].assessments = {{day("2025-09-02"), day("2025-10-01"), {"4B"}},   // before
                                     {day("2027-03-01"), day("2027-04-20"), {"21"}}};  // after
    facts.levels = {
        {5, "child-protection", day("2025-10-05"), day("2026-02-01"), "NEG"},  // ended before
        {5, "child-in-need", day("2026-02-01"), day("2026-09-01"), ""},
        {5, "child-protection", day("2026-09-01"), day("2027-04-10"), "PHY"},  // ends after
    };
    facts.plan_agreed = {{5, day("2025-10-05")}};
    facts.meetings = {{5, "review-conference", day("2026-12-01")},
                      {5, "review-conference", day("2027-04-01")}};
    auto e = census_child({}, facts, year, calendar()).episodes.at(0);
    EXPECT_FALSE(e.closure);
    EXPECT_TRUE(e.closure_reason.empty());
    ASSERT_EQ(e.assessments.size(), 1u);
    EXPECT_FALSE(e.assessments[0].authorised);
    EXPECT_TRUE(e.assessments[0].factors.empty());
    ASSERT_EQ(e.protection_plans.size(), 1u);
    EXPECT_EQ(e.protection_plans[0].start, day("2026-09-01"));
    EXPECT_FALSE(e.protection_plans[0].end);
    EXPECT_EQ(e.protection_plans[0].previous_plans, 1);
    EXPECT_EQ(e.protection_plans[0].reviews, (std::vector<core::CivilDate>{day("2026-12-01")}));
    ASSERT_EQ(e.cin_plans.size(), 1u);
    EXPECT_EQ(e.cin_plans[0].end, day("2026-09-01"));
}

}  // namespace
}  // namespace signs::domain

namespace signs::domain {
namespace {

TEST(CensusFacts, ABirthOrDeathAfterTheYearIsNotYetKnown) {
    CensusChild identity;
    identity.birth = day("2027-04-10");
    identity.sex = "F";
    identity.death = day("2027-04-20");
    CensusFacts facts;
    facts.episodes = {episode("2027-01-05")};
    auto child = census_child(identity, facts, year, calendar());
    EXPECT_FALSE(child.birth);
    EXPECT_EQ(child.expected_birth, day("2027-04-10"));
    EXPECT_EQ(child.sex, "U");
    EXPECT_FALSE(child.death);
}

TEST(CensusFacts, AReferralThatLedToNothingBelongsToItsOwnYear) {
    CensusFacts facts;
    facts.episodes = {episode("2026-02-10"), episode("2026-06-10")};
    facts.episodes[0].no_further_action = true;
    facts.episodes[1].no_further_action = true;
    auto child = census_child({}, facts, year, calendar());
    ASSERT_EQ(child.episodes.size(), 1u);
    EXPECT_EQ(child.episodes[0].referral, day("2026-06-10"));
}

TEST(CensusFacts, AnEnquiryWithoutAConferenceEndsWhenThatWasDecided) {
    CensusFacts facts;
    facts.episodes = {episode("2026-01-05")};
    facts.meetings = {{4, "strategy-discussion", day("2026-01-10"), day("2026-01-20")},
                      {4, "strategy-discussion", day("2027-03-01"), day("2027-04-02")}};
    auto e = census_child({}, facts, year, calendar()).episodes.at(0);
    // The first ended before the year; the second's decision came after it.
    ASSERT_EQ(e.enquiries.size(), 1u);
    EXPECT_EQ(e.enquiries[0].start, day("2027-03-01"));
    EXPECT_FALSE(e.enquiries[0].conference_not_required);
    facts.meetings[1].no_conference_on = day("2027-03-10");
    e = census_child({}, facts, year, calendar()).episodes.at(0);
    EXPECT_TRUE(e.enquiries.at(0).conference_not_required);
}

}  // namespace
}  // namespace signs::domain

namespace signs::domain {
namespace {

PreProceedingsFacts pre_proceedings(std::string_view started) {
    PreProceedingsFacts p;
    p.case_id = 4;
    p.started = day(started);
    return p;
}

TEST(CensusFacts, PreProceedingsBelongToTheEpisodeGoingOnWhenTheyBegan) {
    CensusFacts facts;
    facts.episodes = {episode("2026-04-10", day("2026-06-30")), episode("2026-09-01")};
    auto p = pre_proceedings("2026-10-01");
    p.letter_sent = day("2026-10-05");
    p.family_meeting_offered = "yes";
    facts.pre_proceedings = {p};
    // The case's meetings: one before the start, the initial one, two reviews, and a family
    // group decision-making meeting; another case's meeting does not count.
    facts.meetings = {
        {4, "pre-proceedings", day("2026-09-20")},       {4, "pre-proceedings", day("2026-10-15")},
        {4, "family-group-decision", day("2026-10-20")}, {4, "pre-proceedings", day("2026-11-15")},
        {9, "pre-proceedings", day("2026-11-20")},       {4, "pre-proceedings", day("2026-12-15")}};
    auto child = census_child({}, facts, year, calendar());
    EXPECT_TRUE(child.episodes[0].pre_proceedings.empty());
    ASSERT_EQ(child.episodes[1].pre_proceedings.size(), 1u);
    const auto& block = child.episodes[1].pre_proceedings[0];
    EXPECT_EQ(block.start, day("2026-10-01"));
    EXPECT_EQ(block.letter_sent, day("2026-10-05"));
    EXPECT_EQ(block.family_meeting_offered, true);
    EXPECT_EQ(block.family_meeting_held, true);
    EXPECT_EQ(block.initial_meeting, day("2026-10-15"));
    EXPECT_EQ(block.review_meetings, 2);
    EXPECT_FALSE(block.decided);
    EXPECT_EQ(child.episodes[1].case_id, 4);
}

TEST(CensusFacts, PreProceedingsSayWhatWasSoOnTheThirtyFirstOfMarch) {
    CensusFacts facts;
    facts.episodes = {episode("2026-04-10")};
    auto p = pre_proceedings("2027-03-01");
    p.letter_sent = day("2027-03-31");
    p.family_meeting_offered = "no";
    p.decided = day("2027-04-20");
    p.outcome = "A";
    p.court_application = day("2027-04-25");
    facts.pre_proceedings = {p};
    facts.meetings = {{4, "pre-proceedings", day("2027-04-02")}};
    auto block = census_child({}, facts, year, calendar()).episodes[0].pre_proceedings.at(0);
    EXPECT_EQ(block.letter_sent, day("2027-03-31"));
    EXPECT_EQ(block.family_meeting_offered, false);
    EXPECT_FALSE(block.family_meeting_held);  // sent only for an offer made
    EXPECT_FALSE(block.initial_meeting);
    EXPECT_FALSE(block.review_meetings);
    EXPECT_FALSE(block.decided);
    EXPECT_TRUE(block.outcome.empty());
    EXPECT_FALSE(block.court_application);
}

TEST(CensusFacts, OnlyPreProceedingsBegunInTheYearAreSent) {
    CensusFacts facts;
    facts.episodes = {episode("2026-01-10")};
    auto before = pre_proceedings("2026-03-31");
    before.letter_sent = day("2026-04-02");
    before.family_meeting_offered = "yes";
    facts.pre_proceedings = {before, pre_proceedings("2027-04-01")};
    auto e = census_child({}, facts, year, calendar()).episodes.at(0);
    EXPECT_TRUE(e.pre_proceedings.empty());
}

TEST(CensusFacts, YearsBeforeTwentyTwentySixToTwentySevenHaveNoPreProceedings) {
    CensusFacts facts;
    facts.episodes = {episode("2025-05-01")};
    facts.pre_proceedings = {pre_proceedings("2025-06-01")};
    auto earlier = *CensusYear::parse("2025-26");
    EXPECT_FALSE(earlier.asks_pre_proceedings());
    EXPECT_TRUE(year.asks_pre_proceedings());
    EXPECT_TRUE(
        census_child({}, facts, earlier, calendar()).episodes.at(0).pre_proceedings.empty());
}

TEST(CensusFacts, AnOfferWithNoFamilyMeetingBeforeTheDecisionSaysNoneWasHeld) {
    CensusFacts facts;
    facts.episodes = {episode("2026-04-10")};
    auto p = pre_proceedings("2026-06-01");
    p.letter_sent = day("2026-06-03");
    p.family_meeting_offered = "yes";
    p.decided = day("2026-09-01");
    p.outcome = "B";
    facts.pre_proceedings = {p};
    facts.meetings = {{4, "family-group-decision", day("2026-09-02")}};
    auto block = census_child({}, facts, year, calendar()).episodes[0].pre_proceedings.at(0);
    EXPECT_EQ(block.family_meeting_held, false);
    EXPECT_EQ(block.decided, day("2026-09-01"));
    EXPECT_EQ(block.outcome, "B");
}

}  // namespace
}  // namespace signs::domain
