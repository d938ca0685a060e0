// Meetings: which kinds fit which levels, and the rules for arranging one, inviting people,
// their attendance and the record.
#include "domain/meetings/meeting.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

const core::CivilDate kToday = *core::CivilDate::parse_iso("2026-11-26");
const core::CivilDate kOpened = *core::CivilDate::parse_iso("2026-11-02");

MeetingForm a_meeting() {
    return {"core-group", "3",  "12",        "2026", "10",         "00",
            "11",         "30", "Town Hall", "",     "Sam Okafor", {"7"}};
}

std::vector<std::string> codes(const std::vector<const MeetingType*>& types) {
    std::vector<std::string> out;
    for (const auto* t : types) out.emplace_back(t->code);
    return out;
}

TEST(MeetingTypes, EachBelongsToItsLevels) {
    EXPECT_GE(meeting_types().size(), 9u);
    auto in_need = codes(meeting_types_for({ServiceLevel::ChildInNeed}));
    EXPECT_EQ(in_need, (std::vector<std::string>{"strategy-discussion", "initial-conference",
                                                 "child-in-need-review", "family-network",
                                                 "family-group-decision", "pre-proceedings"}));
    auto protection = codes(meeting_types_for({ServiceLevel::ChildProtection}));
    EXPECT_NE(std::find(protection.begin(), protection.end(), "core-group"), protection.end());
    EXPECT_NE(std::find(protection.begin(), protection.end(), "review-conference"),
              protection.end());
    EXPECT_EQ(codes(meeting_types_for({ServiceLevel::CareLeaver})),
              (std::vector<std::string>{"family-network", "family-group-decision",
                                        "pathway-plan-review"}));
    // A family group decision-making meeting can be held at any level; pre-proceedings only
    // for children in need or on a plan.
    EXPECT_EQ(codes(meeting_types_for({ServiceLevel::EarlyHelp})),
              (std::vector<std::string>{"family-network", "family-group-decision",
                                        "team-around-family"}));
    EXPECT_EQ(
        codes(meeting_types_for({ServiceLevel::CaredFor})),
        (std::vector<std::string>{"family-network", "family-group-decision", "cared-for-review"}));
    EXPECT_TRUE(meeting_types_for({}).empty());
    EXPECT_TRUE(find_meeting_type("initial-conference")->conference);
    EXPECT_FALSE(find_meeting_type("core-group")->conference);
    EXPECT_EQ(find_meeting_type("tea-party"), nullptr);
}

TEST(ArrangingAMeeting, AGoodMeetingGivesItsTimes) {
    auto times = check_meeting(a_meeting(), {"core-group"}, {"7"}, kOpened, kToday);
    ASSERT_TRUE(times);
    EXPECT_EQ(times->on.iso(), "2026-12-03");
    EXPECT_EQ(times->start_minutes, 600);
    EXPECT_EQ(times->end_minutes, 690);
    EXPECT_EQ(clock_text(times->start_minutes), "10:00");
    EXPECT_EQ(clock_text(545), "09:05");
}

TEST(ArrangingAMeeting, RefusesWhatCannotBeRight) {
    auto check = [](MeetingForm form) {
        return check_meeting(form, {"core-group"}, {"7"}, kOpened, kToday);
    };
    auto form = a_meeting();
    form.type = "strategy-discussion";  // not a kind allowed here
    EXPECT_EQ(check(form).error().message_for("type"),
              "Select a kind of meeting held for these children");
    form = a_meeting();
    form.day = "1";
    form.month = "11";
    EXPECT_EQ(check(form).error().message_for("date-day"),
              "The meeting cannot be before the case was opened on 2 November 2026");
    form = a_meeting();
    form.end_hour = "10";
    form.end_minute = "00";
    EXPECT_EQ(check(form).error().message_for("end-hour"), "The meeting must end after it starts");
    form = a_meeting();
    form.start_hour = "";
    EXPECT_FALSE(check(form));
    form = a_meeting();
    form.start_minute = "60";
    EXPECT_FALSE(check(form));
    form = a_meeting();
    form.start_hour = "-1";
    EXPECT_FALSE(check(form));
    form = a_meeting();
    form.venue = "";
    EXPECT_FALSE(check(form));
    form.remote = "yes";
    EXPECT_TRUE(check(form));
    form = a_meeting();
    form.chair = std::string(kMaxMeetingName + 1, 'x');
    EXPECT_FALSE(check(form));
    form = a_meeting();
    form.child_ids = {"8"};
    EXPECT_EQ(check(form).error().message_for("children"), "Select children from this case");
    form.child_ids = {};
    EXPECT_FALSE(check(form));
    form = a_meeting();
    form.year = "2029";
    EXPECT_FALSE(check(form));
}

TEST(Invitees, NeedANameAKindAndAnEmailThatLooksRight) {
    auto checked = check_invitee({" Dana Carter ", "parent", "Mother", " dana@example.org "}, 0);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->name, "Dana Carter");
    EXPECT_EQ(checked->email, "dana@example.org");
    EXPECT_TRUE(check_invitee({"Ravi", "professional", "", ""}, 3));
    EXPECT_FALSE(check_invitee({"", "parent", "", ""}, 0));
    EXPECT_FALSE(check_invitee({"Dana", "cousin", "", ""}, 0));
    EXPECT_FALSE(check_invitee({"Dana", "parent", "", "dana@"}, 0));
    EXPECT_FALSE(check_invitee({"Dana", "parent", "", "da na@example.org"}, 0));
    EXPECT_EQ(check_invitee({"Dana", "parent", "", ""}, kMaxInvitees).error().message_for("name"),
              "A meeting can have at most 100 people invited");
}

TEST(Attendance, ApologiesNeedAReason) {
    EXPECT_TRUE(check_attendance("attended", ""));
    EXPECT_TRUE(check_attendance("apologies", "In court"));
    EXPECT_EQ(check_attendance("apologies", " ").error().message_for("reason"),
              "Enter the reason they gave");
    EXPECT_FALSE(check_attendance("maybe", ""));
}

TEST(Outcome, AConferenceDecidesAboutAPlan) {
    const auto& conference = *find_meeting_type("initial-conference");
    const auto& core_group = *find_meeting_type("core-group");
    auto held = *core::CivilDate::parse_iso("2026-11-26");
    OutcomeForm form{"A plan is needed", "yes", "NEG", "", "", "", ""};
    EXPECT_TRUE(check_outcome(form, conference, held, {}));
    form.category = "";
    EXPECT_FALSE(check_outcome(form, conference, held, {}));
    form.plan_needed = "no";
    EXPECT_TRUE(check_outcome(form, conference, held, {}));
    form.plan_needed = "";
    EXPECT_FALSE(check_outcome(form, conference, held, {}));
    EXPECT_TRUE(check_outcome(form, core_group, held, {}));  // not asked of a core group
    form.decision = "";
    EXPECT_FALSE(check_outcome(form, core_group, held, {}));
    form = {"Carry on", "", "", "2", "", "", ""};
    EXPECT_FALSE(check_outcome(form, core_group, held, {"1"}));
    EXPECT_TRUE(check_outcome(form, core_group, held, {"1", "2"}));
    form = {"Carry on", "", "", "", "26", "11", "2026"};
    EXPECT_EQ(check_outcome(form, core_group, held, {}).error().message_for("next-day"),
              "The next meeting must be after this one");
    form.next_day = "27";
    EXPECT_TRUE(check_outcome(form, core_group, held, {}));
}

}  // namespace
}  // namespace signs::domain
