// What a worker records for the census: the referral's answers, an assessment's start, a
// manager's authorisation and an enquiry that needed no conference.
#include "domain/returns/census_recording.hpp"

#include <gtest/gtest.h>

#include "service/data_files.hpp"

namespace signs::domain {
namespace {

core::CivilDate day(std::string_view iso) { return *core::CivilDate::parse_iso(iso); }

const CensusCodes& codes() {
    static const auto loaded = service::load_census_codes(SIGNS_RESOURCES_DIR);
    return loaded;
}

const core::CivilDate today = day("2026-11-26");
const EpisodeSpan open_span{day("2026-11-02"), std::nullopt};

TEST(CensusRecording, EpisodeAnswersAreCodesFromTheLists) {
    auto ok = check_episode_answers({" 2A ", "N4", "no"}, codes(), false);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->referral_source, "2A");
    EXPECT_EQ(ok->primary_need, "N4");
    EXPECT_FALSE(ok->no_further_action);
    EXPECT_TRUE(check_episode_answers({"10", "", "yes"}, codes(), false));  // need not yet known
    auto bad = check_episode_answers({"", "N10", "perhaps"}, codes(), false);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_for("referral_source"), "Select who made the referral");
    EXPECT_EQ(bad.error().message_for("primary_need"),
              "Select the child's main need from the list");
    EXPECT_EQ(bad.error().message_for("no_further_action"),
              "Select whether the referral led to no further action");
}

TEST(CensusRecording, AnAssessedReferralDidNotEndWithNoFurtherAction) {
    auto assessed = check_episode_answers({"2A", "N1", "yes"}, codes(), true);
    ASSERT_FALSE(assessed);
    EXPECT_EQ(assessed.error().message_for("no_further_action"),
              "The referral led to an assessment, so it did not end with no further action");
    EXPECT_TRUE(check_episode_answers({"2A", "N1", "no"}, codes(), true));
}

TEST(CensusRecording, AnAssessmentStartsWithinTheEpisodeAndOneAtATime) {
    EXPECT_EQ(check_assessment_start({"2", "11", "2026"}, open_span, today, false),
              day("2026-11-02"));
    EXPECT_EQ(check_assessment_start({"26", "11", "2026"}, open_span, today, false), today);
    auto message = [&](DateForm form, EpisodeSpan span, bool open) {
        auto r = check_assessment_start(form, span, today, open);
        return r ? std::string{} : r.error().message_for("started-day");
    };
    EXPECT_EQ(message({"1", "11", "2026"}, open_span, false),
              "The date must be on or after 2 November 2026, the day of the referral");
    EXPECT_EQ(message({"27", "11", "2026"}, open_span, false),
              "The date must be today or in the past");
    EXPECT_EQ(message({"10", "11", "2026"}, {day("2026-11-02"), day("2026-11-09")}, false),
              "The date must be on or before 9 November 2026, when the episode closed");
    EXPECT_EQ(message({"31", "11", "2026"}, open_span, false),
              "The date the assessment started must be a real date, like 4 5 2026");
    EXPECT_EQ(message({"", "", ""}, open_span, false), "Enter the date the assessment started");
    EXPECT_EQ(message({"20", "11", "2026"}, open_span, true),
              "An assessment is already under way: it must be authorised before another starts");
}

TEST(CensusRecording, AnAuthorisationNamesItsFactorsAnd21StandsAlone) {
    auto started = day("2026-11-10");
    auto ok = check_authorisation({"26", "11", "2026", {"4B", "3A", " "}}, started, open_span,
                                  today, codes());
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->on, today);
    EXPECT_EQ(ok->factors, (std::vector<std::string>{"3A", "4B"}));  // the list's order
    EXPECT_TRUE(
        check_authorisation({"10", "11", "2026", {"21"}}, started, open_span, today, codes()));
    auto message = [&](AuthorisationForm form) {
        auto r = check_authorisation(form, started, open_span, today, codes());
        return r ? std::string{} : r.error().message_for("factors");
    };
    EXPECT_EQ(message({"26", "11", "2026", {}}),
              "Select the factors the assessment found, or 'No factors found'");
    EXPECT_EQ(message({"26", "11", "2026", {"21", "3A"}}),
              "Select either 'No factors found' or the factors found");
    EXPECT_EQ(message({"26", "11", "2026", {"8A"}}), "Select the factors from the list");
    EXPECT_EQ(message({"26", "11", "2026", {"18A"}}),
              "Say whether abuse was by another child or by an adult");
    auto early =
        check_authorisation({"9", "11", "2026", {"3A"}}, started, open_span, today, codes());
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message_for("authorised-day"),
              "The date must be on or after 10 November 2026, the day the assessment started");
}

TEST(CensusRecording, NoConferenceIsDecidedAfterTheDiscussion) {
    auto held = day("2026-11-20");
    EXPECT_EQ(check_no_conference({"20", "11", "2026"}, held, today), held);
    auto early = check_no_conference({"19", "11", "2026"}, held, today);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().message_for("decided-day"),
              "The date must be on or after 20 November 2026, the day of the strategy discussion");
    EXPECT_FALSE(check_no_conference({"27", "11", "2026"}, held, today));
    EXPECT_FALSE(check_no_conference({"29", "2", "2026"}, held, today));  // not a leap year
}

}  // namespace
}  // namespace signs::domain

namespace signs::domain {
namespace {

TEST(CensusRecording, AClosedEpisodesReasonIsFromTheList) {
    auto ok = check_episode_answers({"2A", "N1", "no", "RC7"}, codes(), true, true);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->closure_reason, "RC7");
    auto bad = check_episode_answers({"2A", "N1", "no", ""}, codes(), true, true);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_for("closure_reason"), "Select the reason the episode closed");
    // An episode still going on has no reason to give, whatever the form sends.
    EXPECT_EQ(
        check_episode_answers({"2A", "N1", "no", "RC7"}, codes(), true, false)->closure_reason, "");
}

}  // namespace
}  // namespace signs::domain
