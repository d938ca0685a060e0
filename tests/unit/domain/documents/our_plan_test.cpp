#include "domain/documents/our_plan.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

Glossary glossary() {
    return Glossary{{
        {"contact", "time with your family", "A clinical word", TermMatch::Words,
         "the time a child spends with family they do not live with"},
        {"core group", "the group of people who check the plan is working", "Says who meets",
         TermMatch::Words, "the people who meet to check the plan is working"},
        {"LAC", "cared for", "Initials label a child", TermMatch::ExactCase},
    }};
}

OurPlanInput input(PracticeVariant variant) {
    OurPlanInput in;
    in.variant = variant;
    in.wording = default_wording(variant);
    in.children = {"Zoë", "Leo"};
    in.mapped_on = "2026-11-20";
    in.worries = {"Zoë could be left alone at night"};
    in.working_well = {"Gran 👵 visits every day; 名前 is on the door"};
    in.bottom_lines = {"Nobody drinks while looking after the children"};
    in.goals = {
        {"An adult is with the children every night",
         {{"Gran Pat stays over on Tuesdays", "Gran Pat", "2026-12-01", "Zoë tells her teacher"},
          {"Find a childminder", "", "", ""}}},
        {"The core group meets every month", {}}};
    in.plan_agreed = true;
    in.plan_agreed_on = "2026-11-26";
    in.scores = {{"Dana", 6, "Gran is close by", "A childminder"}, {"Zoë", 8, "", ""}};
    in.next_meeting = OurPlanMeeting{"Review child protection conference", "2027-02-18", "10am"};
    return in;
}

const DocumentSection* section(const FamilyDocument& doc, std::string_view heading) {
    for (const auto& s : doc.sections)
        if (s.heading == heading) return &s;
    return nullptr;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

TEST(OurPlan, EachVariantHasItsOwnTitleAndWords) {
    struct Case {
        PracticeVariant variant;
        std::string title, goals;
    };
    for (const auto& c :
         {Case{PracticeVariant::Safety, "Our safety plan", "Our safety goals"},
          Case{PracticeVariant::Wellbeing, "Our wellbeing plan", "Our wellbeing goals"},
          Case{PracticeVariant::Stability, "Our stability plan", "Our stability goals"}}) {
        auto doc = our_plan(input(c.variant), glossary());
        EXPECT_EQ(doc.title, c.title);
        EXPECT_NE(section(doc, c.goals), nullptr) << c.title;
        auto wording = default_wording(c.variant);
        auto worried = wording.worried_column.substr(0, wording.worried_column.find('?'));
        EXPECT_NE(section(doc, worried), nullptr) << worried;
        // The scaling question is the variant's own.
        EXPECT_TRUE(has(doc.plain_text(), wording.scale.question)) << c.title;
    }
}

TEST(OurPlan, SaysWhoDoesWhatByWhenInWords) {
    auto doc = our_plan(input(PracticeVariant::Safety), glossary());
    EXPECT_EQ(doc.for_whom, "Zoë and Leo");
    EXPECT_EQ(doc.dated, "2026-11-26");  // the day the plan was agreed
    const auto* who = section(doc, "Who will do what, and by when");
    ASSERT_NE(who, nullptr);
    ASSERT_EQ(who->blocks.size(), 6u);
    EXPECT_EQ(who->blocks[0].kind, DocumentBlock::Kind::Subheading);
    EXPECT_EQ(who->blocks[0].text, "An adult is with the children every night");
    EXPECT_EQ(who->blocks[1].text, "Gran Pat stays over on Tuesdays");
    EXPECT_EQ(who->blocks[2].label, "Who");
    EXPECT_EQ(who->blocks[3].label, "By");
    EXPECT_EQ(who->blocks[3].text, "1 December 2026");
    EXPECT_EQ(who->blocks[4].label, "How we will all know");
    // An action without a name or date says nothing rather than something empty.
    EXPECT_EQ(who->blocks[5].text, "Find a childminder");
    auto text = doc.plain_text();
    EXPECT_TRUE(has(text, "Everyone agreed the plan on 26 November 2026."));
    EXPECT_TRUE(has(text, "Dana: 6"));
    EXPECT_TRUE(has(text, "Why not lower: Gran is close by"));
    EXPECT_TRUE(has(text, "Zoë: 8"));
    EXPECT_TRUE(has(text,
                    "The next meeting is the review child protection conference on 18 "
                    "February 2027 at 10am."));
    EXPECT_TRUE(has(text, "Nobody drinks while looking after the children"));
    // Other scripts and emoji come through as written.
    EXPECT_TRUE(has(text, "Gran 👵 visits every day; 名前 is on the door"));
}

TEST(OurPlan, JargonItUsesIsExplainedOnceInTheOrderMet) {
    auto in = input(PracticeVariant::Safety);
    in.worries.push_back("Contact with dad stopped; the LAC review is due; more contact soon");
    auto doc = our_plan(in, glossary());
    const auto* words = section(doc, kWordsWeUse);
    ASSERT_NE(words, nullptr);
    ASSERT_EQ(doc.sections.back().heading, kWordsWeUse);
    // An opening line, then only the terms with a meaning: "LAC" has none, so it is left to
    // the checker to have rewritten, not explained.
    ASSERT_EQ(words->blocks.size(), 3u);
    EXPECT_EQ(words->blocks[1].label, "contact");
    EXPECT_EQ(words->blocks[1].text, "the time a child spends with family they do not live with");
    EXPECT_EQ(words->blocks[2].label, "core group");
    // No jargon, no section.
    auto plain = input(PracticeVariant::Wellbeing);
    plain.goals.pop_back();
    EXPECT_EQ(section(our_plan(plain, glossary()), kWordsWeUse), nullptr);
}

TEST(OurPlan, ThePlainTextReadsAsThePageDoes) {
    auto text = our_plan(input(PracticeVariant::Safety), glossary()).plain_text();
    EXPECT_TRUE(text.starts_with("Our safety plan\nFor Zoë and Leo · 26 November 2026\n"));
    EXPECT_TRUE(has(text, "\nWords we use\nWorkers sometimes use these words."));
    EXPECT_TRUE(has(text, "\ncore group: the people"));
}

TEST(OurPlan, BeforeAPlanIsAgreedItSaysSoAndEmptyPartsAreNamed) {
    OurPlanInput in;
    in.variant = PracticeVariant::Wellbeing;
    in.wording = default_wording(in.variant);
    in.children = {"Sam"};
    in.mapped_on = "2026-11-20";
    in.goals = {{"Sam gets to school every day", {}}};
    auto doc = our_plan(in, glossary());
    EXPECT_EQ(doc.dated, "2026-11-20");
    auto text = doc.plain_text();
    EXPECT_TRUE(has(text, "The plan has not been agreed yet."));
    EXPECT_TRUE(has(text, "No worries were written down at the meeting."));
    EXPECT_TRUE(has(text, "The steps will be added when the plan is agreed."));
    EXPECT_TRUE(has(text, "Nobody gave a number at this meeting."));
    EXPECT_TRUE(has(text, "The date of the next meeting has not been set yet."));
    EXPECT_EQ(section(doc, "What must happen"), nullptr);
}

TEST(OurPlan, EachChildsSafetyHouseIsInThePlanInTheirWords) {
    auto in = input(PracticeVariant::Safety);
    in.safety_houses = {{"Zoë", "Mum, Gran 👵", "", "Uncle Ray", "Nobody drinks at home", 7}};
    auto doc = our_plan(in, glossary());
    const auto* house = section(doc, "Zoë's safety house");
    ASSERT_NE(house, nullptr);
    auto text = doc.plain_text();
    EXPECT_TRUE(has(text, "Inside the house: Mum, Gran 👵"));
    EXPECT_TRUE(has(text, "Outside: Uncle Ray"));
    EXPECT_TRUE(has(text, "The rules: Nobody drinks at home"));
    EXPECT_TRUE(has(text, "Zoë put themself at 7 out of 10."));
    EXPECT_FALSE(has(text, "On the path, if they keep the rules"));  // nothing said there
    // It comes before the steps, so the steps can be read against the child's rules.
    EXPECT_LT(text.find("Zoë's safety house"), text.find("Who will do what"));
}

TEST(FamilyDocument, NamesAreJoinedAsPeopleSayThem) {
    EXPECT_EQ(names_joined({}), "");
    EXPECT_EQ(names_joined({"Maya"}), "Maya");
    EXPECT_EQ(names_joined({"Maya", "Leo"}), "Maya and Leo");
    EXPECT_EQ(names_joined({"Maya", "Leo", "Sam"}), "Maya, Leo and Sam");
}

TEST(FamilyDocument, AGivenCopyNeedsWhoWhenAndHow) {
    auto plan_date = *core::CivilDate::parse_iso("2026-11-20");
    auto today = *core::CivilDate::parse_iso("2026-11-27");
    auto ok = check_given({"  Dana Carter  ", "27", "11", "2026", "post"}, plan_date, today);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->given_to, "Dana Carter");
    EXPECT_EQ(ok->on.iso(), "2026-11-27");
    auto fields_of = [&](const GivenForm& form) {
        std::vector<std::string> out;
        auto checked = check_given(form, plan_date, today);
        if (!checked)
            for (const auto& f : checked.error().fields) out.push_back(f.field);
        return out;
    };
    using Fields = std::vector<std::string>;
    EXPECT_EQ(fields_of({"", "", "", "", ""}), (Fields{"given_to", "given-day", "how"}));
    EXPECT_EQ(fields_of({"Dana", "28", "11", "2026", "post"}), Fields{"given-day"});
    EXPECT_EQ(fields_of({"Dana", "19", "11", "2026", "post"}), Fields{"given-day"});
    EXPECT_EQ(fields_of({"Dana", "31", "11", "2026", "post"}), Fields{"given-day"});
    EXPECT_EQ(fields_of({"Dana", "20", "11", "2026", "carrier pigeon"}), Fields{"how"});
    EXPECT_EQ(fields_of({std::string(201, 'a'), "20", "11", "2026", "email"}), Fields{"given_to"});
    EXPECT_TRUE(check_given({"名前 👪", "20", "11", "2026", "at-meeting"}, plan_date, today));
}

}  // namespace
}  // namespace signs::domain
