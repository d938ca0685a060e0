#include "domain/mapping/mapping.hpp"

#include <gtest/gtest.h>

#include "domain/mapping/wording.hpp"

namespace signs::domain {
namespace {

const core::CivilDate kToday = *core::CivilDate::parse_iso("2026-11-26");

TEST(Mapping, EveryCategoryHasAColumn) {
    EXPECT_EQ(column_of("harm"), "worried");
    EXPECT_EQ(column_of("danger-statement"), "worried");
    EXPECT_EQ(column_of("existing-safety"), "working");
    EXPECT_EQ(column_of("safety-goal"), "needs");
    EXPECT_EQ(column_of("bottom-line"), "needs");
    EXPECT_EQ(column_of("grey-area"), "grey");
    for (const auto& c : entry_categories()) EXPECT_FALSE(column_of(c.code).empty());
}

TEST(Mapping, AMappingNeedsADatePurposeAndChildrenFromTheCase) {
    EXPECT_TRUE(
        check_mapping({"26", "11", "2026", "first-assessment", {"4"}, ""}, {"4", "5"}, kToday));
    auto bad = check_mapping({"27", "11", "2026", "party", {"9"}, ""}, {"4", "5"}, kToday);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_for("date-day"),
              "The date of the mapping must be today or in the past");
    EXPECT_EQ(bad.error().message_for("purpose"), "Select what the mapping is for");
    EXPECT_EQ(bad.error().message_for("children"), "Select children from this case");
    auto none = check_mapping({"31", "2", "2026", "review", {}, ""}, {"4"}, kToday);
    EXPECT_EQ(none.error().message_for("children"), "Select the children the mapping is about");
    EXPECT_NE(none.error().message_for("date-day"), "");
}

TEST(Mapping, EntriesKeepWhoSaidThemAndGoalsNameTheirStatement) {
    auto entry =
        check_entry({"strength", "  Dana reads to Maya every night ", "7", "", ""}, {"7"}, {});
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->text, "Dana reads to Maya every night");
    EXPECT_TRUE(check_entry({"harm", "Bruise seen on 3 March", "agency", "", ""}, {"7"}, {}));
    auto goal =
        check_entry({"safety-goal", "Maya is collected on time", "agency", "", ""}, {}, {"12"});
    ASSERT_FALSE(goal);
    EXPECT_EQ(goal.error().message_for("answers"), "Select the danger statement this goal answers");
    EXPECT_TRUE(
        check_entry({"safety-goal", "Maya is collected on time", "agency", "12", ""}, {}, {"12"}));
    auto bad = check_entry({"gossip", std::string(4001, 'x'), "99", "", ""}, {"7"}, {});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message_for("category"), "Select where this goes");
    EXPECT_EQ(bad.error().message_for("text"), "The entry must be 4000 characters or fewer");
    EXPECT_EQ(bad.error().message_for("said_by"), "Select who said it");
    EXPECT_EQ(check_entry({"harm", "   ", "agency", "", ""}, {}, {}).error().message_for("text"),
              "Write what was said");
}

TEST(Mapping, OnlyEntriesCarriedIntoAReviewTakeAMark) {
    EXPECT_EQ(check_entry({"harm", "x", "agency", "", "resolved"}, {}, {}, true)->mark, "resolved");
    EXPECT_EQ(check_entry({"harm", "x", "agency", "", "resolved"}, {}, {}, false)
                  .error()
                  .message_for("mark"),
              "Select whether this is still true, has changed, or is no longer a concern");
    EXPECT_FALSE(check_entry({"harm", "x", "agency", "", "maybe"}, {}, {}, true));
    EXPECT_EQ(review_marks().size(), 3u);
}

TEST(Mapping, TheBuildersAssembleAPlainStatement) {
    EXPECT_EQ(danger_statement({"Social workers and Maya's grandmother",
                                "Dana may leave Maya alone at night when she has been drinking",
                                "Maya could be hurt or very frightened"}),
              "Social workers and Maya's grandmother are worried that Dana may leave Maya alone "
              "at night when she has been drinking, and Maya could be hurt or very frightened.");
    EXPECT_EQ(danger_statement({"The school", "Toby is hit at home", ""}),
              "The school is worried that Toby is hit at home.");
    EXPECT_EQ(danger_statement({"", "", ""}), "");
    EXPECT_EQ(safety_goal({"Dana and Nan will make sure an adult who is sober is always at home "
                           "with Maya at night",
                           "Maya will feel safe going to sleep"}),
              "Dana and Nan will make sure an adult who is sober is always at home with Maya at "
              "night, so that Maya will feel safe going to sleep.");
    EXPECT_EQ(safety_goal({"", "maya will sleep in her own bed."}),
              "Maya will sleep in her own bed.");
}

TEST(Mapping, ScoresAreWholeNumbersFrom0To10FromAParticipant) {
    EXPECT_EQ(check_score({"7", "4", "Mum has asked for help", "", ""}, {"7"}, {}), 4);
    EXPECT_EQ(check_score({"7", "0", "", "", "12"}, {"7"}, {"12"}), 0);
    EXPECT_EQ(check_score({"7", "10", "", "", ""}, {"7"}, {}), 10);
    for (const char* bad : {"11", "-1", "4.5", "four", "", "100"}) {
        auto result = check_score({"7", bad, "", "", ""}, {"7"}, {});
        ASSERT_FALSE(result) << bad;
        EXPECT_EQ(result.error().message_for("value"), "Enter a whole number from 0 to 10");
    }
    auto who = check_score({"8", "3", "", "", "99"}, {"7"}, {"12"});
    EXPECT_EQ(who.error().message_for("participant"), "Select whose number this is");
    EXPECT_EQ(who.error().message_for("about"),
              "Select the whole mapping or one of its danger statements");
}

TEST(Mapping, AgreementNeedsEveryStatementAnsweredAndScaled) {
    EXPECT_EQ(agreement_problems({}, "Danger statement", "Safety goal"),
              std::vector<std::string>{"Write at least one danger statement"});
    EXPECT_TRUE(agreement_problems({{"Dana may leave Maya alone", true, true}}, "Danger statement",
                                   "Safety goal")
                    .empty());
    auto problems = agreement_problems({{"Dana may leave Maya alone", false, false}},
                                       "Worry statement", "Wellbeing goal");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "\"Dana may leave Maya alone\" has no wellbeing goal yet");
    EXPECT_EQ(problems[1], "\"Dana may leave Maya alone\" has not been scaled yet");
}

TEST(Mapping, BlindScalingShowsNumbersOnlyOnceEveryoneHasGivenOne) {
    EXPECT_TRUE(scores_revealed(false, {1, 2}, {}));
    EXPECT_FALSE(scores_revealed(true, {1, 2}, {1}));
    EXPECT_TRUE(scores_revealed(true, {1, 2}, {2, 1}));
    EXPECT_FALSE(scores_revealed(true, {}, {}));
}

TEST(Mapping, LowNumbersAreEscalatedByBand) {
    std::vector<EscalationBand> bands{{"any", 0, 0, "A 0"}, {"meeting", 0, 1, "A 0 or 1"}};
    EXPECT_TRUE(escalation_for(bands, "first-assessment", 0));
    EXPECT_FALSE(escalation_for(bands, "first-assessment", 1));
    EXPECT_TRUE(escalation_for(bands, "meeting", 1));
    EXPECT_FALSE(escalation_for(bands, "meeting", 2));
    std::vector<EscalationBand> local{{"review", 2, 3, "Local rule"}};
    EXPECT_EQ(escalation_for(local, "review", 3), "Local rule");
    EXPECT_FALSE(escalation_for(local, "meeting", 0));
}

TEST(Mapping, EscalationBandsAreCheckedAsTyped) {
    auto band = check_band({"meeting", " 0", "1 ", "  Tell the manager today "});
    ASSERT_TRUE(band);
    EXPECT_EQ(band->purpose, "meeting");
    EXPECT_EQ(band->low, 0);
    EXPECT_EQ(band->high, 1);
    EXPECT_EQ(band->why, "Tell the manager today");
    EXPECT_TRUE(check_band({"any", "10", "10", "Check it"}));

    auto bad = check_band({"party", "3", "2", ""});
    ASSERT_FALSE(bad);
    std::vector<std::string> fields;
    for (const auto& f : bad.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"purpose", "high", "why"}));
    for (const auto& typed : {"", "-1", "11", "1.5", "one", "007", "<b>"})
        EXPECT_FALSE(check_band({"any", typed, "10", "Why"})) << typed;
    EXPECT_FALSE(check_band({"any", "0", "0", std::string(201, 'x')}));
}

TEST(Mapping, ACouncilsOwnWordsReplaceTheBuiltInOnes) {
    auto built_in = default_wording(PracticeVariant::Stability);
    EXPECT_EQ(built_in.name, "Signs of Stability");
    auto own = apply_wording(built_in, {{"name", "Signs of Success"}, {"goal", "Success goal"}});
    EXPECT_EQ(own.name, "Signs of Success");
    EXPECT_EQ(own.goal, "Success goal");
    EXPECT_EQ(own.statement, built_in.statement);  // untouched words stay built in
    EXPECT_EQ(own.scale.question, built_in.scale.question);
    auto scale = apply_wording(built_in, {{"scale_zero", "Nothing is settled"}});
    EXPECT_EQ(scale.scale.zero, "Nothing is settled");
    EXPECT_EQ(scale.scale.direction, "10-is-best");

    auto checked = check_wording({{"name", "  Signs of Success  "}});
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->at("name"), "Signs of Success");
    EXPECT_FALSE(check_wording({{"name", ""}}));
    EXPECT_FALSE(check_wording({{"name", std::string(61, 'a')}}));
    EXPECT_TRUE(check_wording({{"name", std::string(60, 'a')}}));
    EXPECT_FALSE(check_wording({{"goal", "Two\nlines"}}));
    EXPECT_FALSE(check_wording({{"colour", "blue"}}));
    EXPECT_FALSE(check_wording({{"goal", "bad \xff byte"}}));
    // Every field can be set and read back, so none is silently ignored.
    for (const auto& field : wording_fields()) {
        auto w = apply_wording(built_in, {{std::string{field.key}, "Own words"}});
        EXPECT_EQ(field.text(w), "Own words") << field.key;
    }
}

TEST(Mapping, WordingFollowsTheVariant) {
    EXPECT_EQ(default_wording(PracticeVariant::Safety).goal, "Safety goal");
    EXPECT_EQ(default_wording(PracticeVariant::Wellbeing).statement, "Worry statement");
    EXPECT_EQ(default_wording(PracticeVariant::Stability).goal, "Stability goal");
    for (auto v :
         {PracticeVariant::Safety, PracticeVariant::Wellbeing, PracticeVariant::Stability}) {
        auto w = default_wording(v);
        EXPECT_FALSE(w.scale.zero.empty());
        EXPECT_FALSE(w.scale.ten.empty());
        EXPECT_EQ(w.scale.direction, "10-is-best");
    }
}

}  // namespace
}  // namespace signs::domain

namespace signs::domain {
namespace {

TEST(Mapping, AParticipantOnTheRecordsTakesTheirNameFromThem) {
    std::vector<KnownPerson> family{{"7", "Pat Carter"}, {"9", "Dana Carter"}};
    auto chosen = check_participant({"", "network", "in-person", "7"}, family);
    ASSERT_TRUE(chosen);
    EXPECT_EQ(chosen->name, "Pat Carter");
    EXPECT_EQ(chosen->person, "7");
    // The records win over whatever was typed, so the two cannot disagree.
    EXPECT_EQ(check_participant({"Someone else", "network", "in-person", "9"}, family)->name,
              "Dana Carter");
    auto typed = check_participant({"  Ms Rowe ", "professional", "written", ""}, family);
    ASSERT_TRUE(typed);
    EXPECT_EQ(typed->name, "Ms Rowe");
    EXPECT_TRUE(typed->person.empty());

    auto stranger = check_participant({"", "network", "in-person", "8"}, family);
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().fields.front().field, "person");
    auto nobody = check_participant({"", "parent", "in-person", ""}, family);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(nobody.error().fields.front().field, "name");
    EXPECT_FALSE(check_participant({std::string(201, 'a'), "parent", "in-person", ""}, {}));
    EXPECT_FALSE(check_participant({"Dana", "cousin", "in-person", ""}, {}));
}

TEST(Mapping, AProfessionalChosenFromTheStaffTakesTheirNameAndIsAProfessional) {
    std::vector<KnownPerson> family{{"7", "Pat Carter"}};
    std::vector<KnownPerson> staff{{"3", "Jordan Pemberton"}, {"4", "Robin Ashdown"}};
    auto chosen = check_participant({"typed", "", "in-person", "", "4"}, family, staff);
    ASSERT_TRUE(chosen);
    EXPECT_EQ(chosen->name, "Robin Ashdown");
    EXPECT_EQ(chosen->kind, "professional") << "left empty, the kind follows from the choice";
    EXPECT_EQ(chosen->professional, "4");
    EXPECT_TRUE(chosen->person.empty());
    EXPECT_EQ(check_participant({"", "network", "remote", "", "3"}, family, staff)->kind, "network")
        << "a kind chosen is kept";

    auto both = check_participant({"", "network", "in-person", "7", "3"}, family, staff);
    ASSERT_FALSE(both);
    EXPECT_EQ(both.error().fields.front().field, "professional");
    auto unknown = check_participant({"", "", "in-person", "", "7"}, family, staff);
    ASSERT_FALSE(unknown) << "a family member's number is not a member of staff";
    EXPECT_EQ(unknown.error().fields.front().field, "professional");
    EXPECT_FALSE(check_participant({"", "", "in-person", "", "3 OR 1=1"}, family, staff));
}

}  // namespace
}  // namespace signs::domain
