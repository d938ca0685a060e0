// Every census rule with a child that passes it and a change that makes it fail.
#include "domain/returns/cin_rules.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "service/data_files.hpp"

namespace signs::domain {
namespace {

core::CivilDate day(std::string_view iso) { return *core::CivilDate::parse_iso(iso); }

const CensusCodes& codes() {
    static const auto loaded = service::load_census_codes(SIGNS_RESOURCES_DIR);
    return loaded;
}

const WorkingCalendar& calendar() {
    static const auto loaded = service::load_working_calendar(SIGNS_RESOURCES_DIR);
    return loaded;
}

CensusContext context(std::string_view year = "2026-27") {
    return {*CensusYear::parse(year), codes(), calendar()};
}

/// A child whose return is clean: a closed episode with every kind of work in it, and an
/// open one with an assessment under way.
CensusChild clean_child() {
    CensusChild c;
    c.record_id = 7;
    c.la_child_id = "7";
    c.upn = "B801200005001";
    c.birth = day("2015-05-10");
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.disabilities = {"COMM", "LD"};

    CensusEpisode closed;
    closed.referral = day("2026-04-20");
    closed.referral_source = "2A";
    closed.primary_need = "N1";
    closed.assessments = {{day("2026-04-21"), day("2026-05-20"), {"3A", "4B"}}};
    closed.cin_plans = {{day("2026-05-21"), day("2026-07-01")}};
    closed.enquiries = {{day("2026-06-10"), day("2026-07-01"), day("2026-07-01"), false}};
    closed.protection_plans = {
        {day("2026-07-01"), day("2026-12-15"), "NEG", "EMO", 0, {day("2026-09-30")}}};
    CensusPreProceedings pre;
    pre.start = day("2026-08-01");
    pre.letter_sent = day("2026-08-05");
    pre.family_meeting_offered = true;
    pre.family_meeting_held = true;
    pre.initial_meeting = day("2026-08-14");
    pre.review_meetings = 1;
    pre.decided = day("2026-11-20");
    pre.outcome = "B";
    closed.pre_proceedings = {pre};
    closed.closure = day("2027-01-10");
    closed.closure_reason = "RC7";

    CensusEpisode open;
    open.referral = day("2027-02-01");
    open.referral_source = "6";
    open.primary_need = "N4";
    open.assessments = {{day("2027-03-20"), std::nullopt, {}}};
    c.episodes = {closed, open};
    return c;
}

/// The findings of one rule for one child, as "child" or "episode N".
std::set<std::string> found_by(const std::string& number, const CensusChild& child,
                               const CensusContext& x = context()) {
    std::set<std::string> out;
    std::vector<CensusChild> children{child};
    for (const auto& f : check_census(children, x)) {
        if (f.rule->number != number) continue;
        out.insert(f.episode < 0 ? "child" : "episode " + std::to_string(f.episode));
    }
    return out;
}

struct Breach {
    std::string rule;
    std::function<void(CensusChild&)> change;
    std::string where;  ///< "child" or "episode N"
};

CensusEpisode& first(CensusChild& c) { return c.episodes[0]; }
CensusEpisode& second(CensusChild& c) { return c.episodes[1]; }
CensusPreProceedings& pre(CensusChild& c) { return c.episodes[0].pre_proceedings[0]; }

const std::vector<Breach>& breaches() {
    static const std::vector<Breach> all{
        {"1510", [](CensusChild& c) { c.upn = "C801200005001"; }, "child"},
        {"1530", [](CensusChild& c) { c.upn = "Z999200005001"; }, "child"},
        {"1540", [](CensusChild& c) { c.upn = "B8012000X5001"; }, "child"},
        {"1550", [](CensusChild& c) { c.upn = "B80120000500I"; }, "child"},
        {"1560Q", [](CensusChild& c) { c.former_upn = "1801200005001"; }, "child"},
        {"1570", [](CensusChild& c) { c.la_child_id = std::string(21, '1'); }, "child"},
        {"1580", [](CensusChild& c) { c.la_child_id = "7-1"; }, "child"},
        {"4180", [](CensusChild& c) { c.sex = "2"; }, "child"},
        {"4220", [](CensusChild& c) { c.ethnicity = ""; }, "child"},
        {"8500", [](CensusChild& c) { c.la_child_id = ""; }, "child"},
        {"8520", [](CensusChild& c) { c.birth = day("2027-04-01"); }, "child"},
        {"8525Q", [](CensusChild& c) { c.expected_birth = day("2027-05-01"); }, "child"},
        {"8530Q",
         [](CensusChild& c) {
             c.birth.reset();
             c.sex = "U";
             c.expected_birth = day("2027-02-28");
         },
         "child"},
        {"8535Q", [](CensusChild& c) { c.death = day("2015-05-09"); }, "child"},
        {"8540", [](CensusChild& c) { c.disabilities.clear(); }, "child"},
        {"8545Q", [](CensusChild& c) { c.death = day("2027-04-01"); }, "child"},
        {"8590", [](CensusChild& c) { c.episodes.clear(); }, "child"},
        {"8750",
         [](CensusChild& c) {
             c.birth.reset();
             c.expected_birth = day("2027-06-01");
         },
         "child"},
        {"8770Q",
         [](CensusChild& c) {
             c.upn.clear();
             c.upn_unknown = "UN1";
         },
         "child"},
        {"8772",
         [](CensusChild& c) {
             c.upn.clear();
             c.upn_unknown = "UN7";
         },
         "child"},
        {"8775Q", [](CensusChild& c) { c.birth = day("2001-03-30"); }, "child"},
        {"8790",
         [](CensusChild& c) {
             c.disabilities = {"NONE", "LD"};
         },
         "child"},
        {"8794",
         [](CensusChild& c) {
             c.disabilities = {"LD", "LD"};
         },
         "child"},

        {"2990", [](CensusChild& c) { first(c).closure_reason = "RC8"; }, "episode 0"},
        {"2991Q", [](CensusChild& c) { first(c).assessments.clear(); }, "episode 0"},
        {"4000",
         [](CensusChild& c) {
             second(c).no_further_action = true;
             second(c).assessments.clear();
             second(c).cin_plans = {{day("2027-02-02"), std::nullopt}};
         },
         "episode 1"},
        {"8555Q", [](CensusChild& c) { c.death = day("2027-01-31"); }, "episode 1"},
        {"8565", [](CensusChild& c) { first(c).closure = day("2026-12-14"); }, "episode 0"},
        {"8569Q",
         [](CensusChild& c) {
             second(c).referral = day("2026-03-30");
             second(c).no_further_action = true;
             second(c).assessments.clear();
         },
         "episode 1"},
        {"8585Q", [](CensusChild& c) { first(c).closure_reason = "RC2"; }, "episode 0"},
        {"8600", [](CensusChild& c) { second(c).referral = day("2027-04-01"); }, "episode 1"},
        {"8606", [](CensusChild& c) { c.birth = day("2027-01-27"); }, "episode 0"},
        {"8610", [](CensusChild& c) { second(c).primary_need.clear(); }, "episode 1"},
        {"8620", [](CensusChild& c) { first(c).closure = day("2027-04-01"); }, "episode 0"},
        {"8630",
         [](CensusChild& c) {
             second(c).closure = day("2027-01-31");
             second(c).closure_reason = "RC7";
         },
         "episode 1"},
        {"8640", [](CensusChild& c) { first(c).closure_reason = "RC10"; }, "episode 0"},
        {"8650", [](CensusChild& c) { first(c).primary_need = "N10"; }, "episode 0"},
        {"8805", [](CensusChild& c) { first(c).closure_reason.clear(); }, "episode 0"},
        {"8810", [](CensusChild& c) { second(c).closure_reason = "RC7"; }, "episode 1"},
        {"8815", [](CensusChild& c) { first(c).closure.reset(), first(c).closure_reason.clear(); },
         "episode 0"},
        {"8816", [](CensusChild& c) { first(c).closure.reset(), first(c).closure_reason.clear(); },
         "episode 0"},
        {"8820", [](CensusChild& c) { second(c).referral = day("2027-01-09"); }, "episode 1"},
        {"8825Q",
         [](CensusChild& c) {
             second(c).assessments.clear();
             second(c).closure = day("2027-02-10");
             second(c).closure_reason = "RC9";
         },
         "episode 1"},
        {"8831", [](CensusChild& c) { second(c).no_further_action = true; }, "episode 1"},
        {"8832",
         [](CensusChild& c) {
             second(c).no_further_action = true;
             second(c).assessments.clear();
             second(c).protection_plans = {{day("2027-02-03"), std::nullopt, "NEG", "NEG", 1, {}}};
         },
         "episode 1"},
        {"8866", [](CensusChild& c) { first(c).referral_source = "11"; }, "episode 0"},
        {"8867",
         [](CensusChild& c) {
             first(c).assessments.front().authorised.reset(),
                 first(c).assessments.front().factors.clear();
         },
         "episode 0"},
        {"8868", [](CensusChild& c) { first(c).enquiries.front().conference.reset(); },
         "episode 0"},

        {"1103", [](CensusChild& c) { first(c).assessments.front().start = day("2026-04-19"); },
         "episode 0"},
        {"8608",
         [](CensusChild& c) { first(c).assessments.front().authorised = day("2026-04-20"); },
         "episode 0"},
        {"8614", [](CensusChild& c) { second(c).assessments.front().factors = {"1A"}; },
         "episode 1"},
        {"8670Q", [](CensusChild& c) { second(c).assessments.front().start = day("2027-01-22"); },
         "episode 1"},
        {"8696",
         [](CensusChild& c) { first(c).assessments.front().authorised = day("2027-04-01"); },
         "episode 0"},
        {"8736",
         [](CensusChild& c) {
             second(c).referral = day("2026-03-02");
             second(c).assessments.front().start = day("2026-03-03");
         },
         "episode 1"},
        {"8863Q",
         [](CensusChild& c) {
             first(c).assessments.push_back({day("2026-05-01"), day("2026-05-25"), {"20"}});
         },
         "episode 0"},
        {"8869",
         [](CensusChild& c) {
             first(c).assessments.front().factors = {"21", "3A"};
         },
         "episode 0"},
        {"8873Q",
         [](CensusChild& c) {
             second(c).assessments.front().authorised = day("2027-03-25");
             second(c).assessments.front().factors = {"21"};
         },
         "episode 1"},
        {"8896",
         [](CensusChild& c) {
             second(c).assessments.push_back({day("2027-03-22"), std::nullopt, {}});
         },
         "episode 1"},
        {"8897Q", [](CensusChild& c) { first(c).assessments.front().factors.clear(); },
         "episode 0"},
        {"8898",
         [](CensusChild& c) {
             first(c).assessments.front().factors = {"3A", "3A"};
         },
         "episode 0"},
        {"8945Q", [](CensusChild& c) { first(c).assessments.front().factors = {"18A"}; },
         "episode 0"},
        {"8950Q", [](CensusChild& c) { first(c).assessments.front().factors = {"19A"}; },
         "episode 0"},

        {"4001",
         [](CensusChild& c) {
             second(c).cin_plans = {{day("2027-02-10"), std::nullopt}};
             second(c).protection_plans = {{day("2027-02-05"), std::nullopt, "NEG", "NEG", 1, {}}};
         },
         "episode 1"},
        {"4003",
         [](CensusChild& c) { first(c).protection_plans.front().reviews = {day("2026-06-30")}; },
         "episode 0"},
        {"4004",
         [](CensusChild& c) {
             second(c).cin_plans = {{day("2027-02-10"), std::nullopt},
                                    {day("2027-03-01"), std::nullopt}};
         },
         "child"},
        {"4008", [](CensusChild& c) { c.death = day("2026-05-20"); }, "episode 0"},
        {"4009Q", [](CensusChild& c) { c.death = day("2026-06-30"); }, "episode 0"},
        {"4010", [](CensusChild& c) { first(c).cin_plans.front().start.reset(); }, "episode 0"},
        {"4011", [](CensusChild& c) { first(c).cin_plans.front().end = day("2026-05-20"); },
         "episode 0"},
        {"4012Q", [](CensusChild& c) { first(c).cin_plans.front().end = day("2026-05-21"); },
         "episode 0"},
        {"4013",
         [](CensusChild& c) {
             first(c).cin_plans.front().start = day("2026-03-01"),
             first(c).cin_plans.front().end = day("2026-03-20");
         },
         "episode 0"},
        {"4014",
         [](CensusChild& c) {
             first(c).cin_plans.push_back({day("2026-06-01"), day("2026-06-20")});
         },
         "episode 0"},
        {"4015", [](CensusChild& c) { first(c).cin_plans.front().start = day("2026-04-19"); },
         "episode 0"},
        {"4016",
         [](CensusChild& c) {
             first(c).cin_plans.push_back({day("2026-08-01"), day("2026-08-20")});
         },
         "episode 0"},
        {"4017", [](CensusChild& c) { first(c).cin_plans.front().end = day("2026-07-02"); },
         "episode 0"},

        {"1104", [](CensusChild& c) { first(c).enquiries.front().conference = day("2026-04-17"); },
         "episode 0"},
        {"2884", [](CensusChild& c) { first(c).initial_conference = day("2026-07-01"); },
         "episode 0"},
        {"2885",
         [](CensusChild& c) { first(c).protection_plans.front().start = day("2026-07-02"); },
         "episode 0"},
        {"2889", [](CensusChild& c) { first(c).enquiries.front().start = day("2026-04-19"); },
         "episode 0"},
        {"8615", [](CensusChild& c) { first(c).enquiries.front().start = day("2026-07-02"); },
         "episode 0"},
        {"8675Q",
         [](CensusChild& c) {
             second(c).enquiries = {{day("2027-03-05"), std::nullopt, std::nullopt, false}};
         },
         "episode 1"},
        {"8715", [](CensusChild& c) { first(c).enquiries.front().conference = day("2027-04-01"); },
         "episode 0"},
        {"8740",
         [](CensusChild& c) {
             second(c).referral = day("2026-03-02");
             second(c).assessments.front().start = day("2026-04-02");
             second(c).enquiries = {{day("2026-03-20"), std::nullopt, std::nullopt, false}};
         },
         "episode 1"},
        {"8839",
         [](CensusChild& c) {
             second(c).enquiries = {{day("2027-03-22"), std::nullopt, std::nullopt, false},
                                    {day("2027-03-23"), std::nullopt, std::nullopt, false}};
         },
         "episode 1"},
        {"8870Q",
         [](CensusChild& c) { first(c).enquiries.front().conference_target = day("2026-07-04"); },
         "episode 0"},
        {"8875",
         [](CensusChild& c) {
             first(c).enquiries.front().conference = day("2026-07-04");
             first(c).protection_plans.front().start = day("2026-07-04");
             first(c).cin_plans.front().end = day("2026-07-04");
         },
         "episode 0"},
        {"8890",
         [](CensusChild& c) {
             first(c).enquiries.push_back(
                 {day("2026-06-20"), std::nullopt, day("2026-07-01"), false});
         },
         "episode 0"},

        {"1105", [](CensusChild& c) { first(c).referral = day("2026-07-02"); }, "episode 0"},
        {"8720", [](CensusChild& c) { first(c).protection_plans.front().start.reset(); },
         "episode 0"},
        {"8730", [](CensusChild& c) { first(c).protection_plans.front().previous_plans = -1; },
         "episode 0"},
        {"8840", [](CensusChild& c) { first(c).protection_plans.front().end = day("2026-07-01"); },
         "episode 0"},
        {"8841",
         [](CensusChild& c) { first(c).protection_plans.front().reviews = {day("2026-07-01")}; },
         "episode 0"},
        {"8905", [](CensusChild& c) { first(c).protection_plans.front().initial_category = "ABC"; },
         "episode 0"},
        {"8910", [](CensusChild& c) { first(c).protection_plans.front().latest_category.clear(); },
         "episode 0"},
        {"8915", [](CensusChild& c) { c.death = day("2026-06-30"); }, "episode 0"},
        {"8920", [](CensusChild& c) { c.death = day("2026-12-14"); }, "episode 0"},
        {"8925", [](CensusChild& c) { first(c).protection_plans.front().end = day("2026-06-30"); },
         "episode 0"},
        {"8930",
         [](CensusChild& c) {
             first(c).protection_plans.front().end = day("2027-04-02");
             first(c).closure = day("2027-04-02");
         },
         "episode 0"},
        {"8935",
         [](CensusChild& c) {
             first(c).protection_plans.front().end.reset();
             second(c).protection_plans = {{day("2027-02-03"), std::nullopt, "NEG", "NEG", 1, {}}};
         },
         "child"},
        {"9000Q", [](CensusChild& c) { pre(c).start.reset(); }, "episode 0"},
        {"9005", [](CensusChild& c) { pre(c).start = day("2026-03-31"); }, "episode 0"},
        {"9006", [](CensusChild& c) { pre(c).letter_sent = day("2026-07-31"); }, "episode 0"},
        {"9007", [](CensusChild& c) { pre(c).family_meeting_offered.reset(); }, "episode 0"},
        {"9008", [](CensusChild& c) { pre(c).initial_meeting = day("2027-04-01"); }, "episode 0"},
        {"9009", [](CensusChild& c) { pre(c).decided = day("2026-07-31"); }, "episode 0"},
        {"9010Q", [](CensusChild& c) { pre(c).family_meeting_held.reset(); }, "episode 0"},
        {"9011", [](CensusChild& c) { pre(c).outcome = "D"; }, "episode 0"},
        {"9012",
         [](CensusChild& c) {
             pre(c).outcome = "A";
             pre(c).court_application = day("2026-11-19");
         },
         "episode 0"},
        {"9013",
         [](CensusChild& c) {
             pre(c).outcome = "A";
             pre(c).court_application = day("2026-11-25");
             pre(c).letter_initiating = day("2026-11-24");
         },
         "episode 0"},
        {"9015Q", [](CensusChild& c) { pre(c).review_meetings.reset(); }, "episode 0"},
        {"8940",
         [](CensusChild& c) {
             second(c).protection_plans = {{day("2026-12-01"), std::nullopt, "NEG", "NEG", 1, {}}};
         },
         "child"},
    };
    return all;
}

TEST(CensusRules, TheCleanChildPassesEveryChildRule) {
    std::vector<CensusChild> children{clean_child()};
    for (const auto& f : check_census(children, context())) {
        EXPECT_TRUE(f.rule->check_return)
            << f.rule->number << " found a problem in the clean child";
    }
}

TEST(CensusRules, EachRuleFindsItsBreach) {
    for (const auto& breach : breaches()) {
        ASSERT_TRUE(find_census_rule(breach.rule)) << breach.rule;
        auto child = clean_child();
        breach.change(child);
        auto found = found_by(breach.rule, child);
        EXPECT_TRUE(found.count(breach.where)) << breach.rule << " should find " << breach.where;
    }
}

TEST(CensusRules, EveryChildRuleHasABreachInThisFile) {
    std::set<std::string> tested;
    for (const auto& b : breaches()) tested.insert(b.rule);
    for (const auto& rule : census_rules()) {
        if (rule.check_child) {
            EXPECT_TRUE(tested.count(std::string{rule.number})) << rule.number;
        }
    }
}

TEST(CensusRules, EveryRuleSaysWhatIsWrongInBothVoices) {
    std::set<std::string_view> numbers;
    for (const auto& rule : census_rules()) {
        EXPECT_TRUE(numbers.insert(rule.number).second) << rule.number << " is listed twice";
        EXPECT_FALSE(rule.message.empty()) << rule.number;
        EXPECT_FALSE(rule.plain.empty()) << rule.number;
        EXPECT_FALSE(rule.items.empty()) << rule.number;
        EXPECT_NE(rule.check_child == nullptr, rule.check_return == nullptr) << rule.number;
        EXPECT_EQ(rule.number.back() == 'Q', rule.severity == RuleSeverity::Query) << rule.number;
    }
    EXPECT_TRUE(std::is_sorted(
        census_rules().begin(), census_rules().end(), [](const auto& a, const auto& b) {
            return std::stoi(std::string{a.number}) < std::stoi(std::string{b.number});
        }));
}

TEST(CensusRules, TheUpnCheckLetterTakesATemporaryUpnsLastLetter) {
    EXPECT_EQ(upn_check_letter("B801200005001"), 'B');
    EXPECT_EQ(upn_check_letter("X00180001701A"), 'X');
    EXPECT_EQ(upn_check_letter("X00180001701a"), 'X');
    EXPECT_EQ(upn_check_letter("X0018000170AA"), 0);
    EXPECT_EQ(upn_check_letter("B80120000500"), 0);
}

TEST(CensusYear, ReadsTheYearAndItsDates) {
    auto year = CensusYear::parse("2026-27");
    ASSERT_TRUE(year);
    EXPECT_EQ(year->start, day("2026-04-01"));
    EXPECT_EQ(year->reference, day("2027-03-31"));
    EXPECT_EQ(year->end_year(), 2027);
    EXPECT_EQ(year->name(), "2026-27");
    EXPECT_EQ(CensusYear::parse("2026-2027")->reference, day("2027-03-31"));
    EXPECT_EQ(CensusYear::parse("2099-00")->reference, day("2100-03-31"));
    for (auto bad : {"2026-28", "2026", "26-27", "2026-27 ", "2026/27", "abcd-ef", "2026-2028", ""})
        EXPECT_FALSE(CensusYear::parse(bad)) << bad;
    EXPECT_EQ(CensusYear::holding(day("2027-03-31")).name(), "2026-27");
    EXPECT_EQ(CensusYear::holding(day("2027-04-01")).name(), "2027-28");
    EXPECT_TRUE(year->contains(day("2026-04-01")));
    EXPECT_TRUE(year->contains(day("2027-03-31")));
    EXPECT_FALSE(year->contains(day("2026-03-31")));
    EXPECT_FALSE(year->contains(day("2027-04-01")));
}

TEST(CensusRules, WorkingDaysBackFromTheYearEndSkipEaster) {
    // Good Friday and Easter Monday 2027 are 26 and 29 March.
    EXPECT_EQ(working_days_before(calendar(), day("2027-03-31"), 15), day("2027-03-08"));
    EXPECT_EQ(working_days_before(calendar(), day("2027-03-31"), 45), day("2027-01-25"));
    EXPECT_EQ(working_days_before(calendar(), day("2026-04-01"), 1), day("2026-03-31"));
    // An enquiry begun on the cut-off day itself is within its 15 days.
    auto child = clean_child();
    second(child).enquiries = {{day("2027-03-08"), std::nullopt, std::nullopt, false}};
    EXPECT_TRUE(found_by("8675Q", child).empty());
    second(child).assessments.front().start = day("2027-01-25");
    EXPECT_TRUE(found_by("8670Q", child).empty());
}

TEST(CensusRules, ANoFurtherActionReferralOnTheDayBeforeTheYearIsAllowed) {
    auto child = clean_child();
    second(child).referral = day("2026-03-31");
    second(child).no_further_action = true;
    second(child).assessments.clear();
    EXPECT_TRUE(found_by("8569Q", child).empty());
}

TEST(CensusRules, TheYearEndsAreInsideTheYear) {
    auto child = clean_child();
    first(child).closure = day("2027-03-31");
    EXPECT_TRUE(found_by("8620", child).empty());
    child.death = day("2027-03-31");
    EXPECT_TRUE(found_by("8545Q", child).empty());
    child.death = day("2026-04-01");
    EXPECT_EQ(found_by("8545Q", child).size(), 0u);
}

TEST(CensusRules, ALeapDayIsARealDayOfTheYear) {
    auto child = clean_child();
    for (auto& e : child.episodes) e = {};
    child.episodes.resize(1);
    child.episodes[0].referral = day("2028-02-29");
    child.episodes[0].referral_source = "1A";
    child.episodes[0].primary_need = "N2";
    child.death = day("2028-02-29");
    auto leap_year = context("2027-28");
    EXPECT_TRUE(found_by("8545Q", child, leap_year).empty());
    EXPECT_TRUE(found_by("8555Q", child, leap_year).empty());
    // Born on a leap day: 25 years on is 28 February.
    child.birth = day("2004-02-29");
    child.death.reset();
    child.episodes[0].closure = day("2029-02-28");
    child.episodes[0].closure_reason = "RC7";
    EXPECT_TRUE(found_by("8775Q", child, context("2028-29")).empty());
    child.episodes[0].closure = day("2029-03-01");
    EXPECT_FALSE(found_by("8775Q", child, context("2028-29")).empty());
}

TEST(CensusRules, EpisodesMayMeetButNotOverlap) {
    auto child = clean_child();
    second(child).referral = day("2027-01-10");  // the day the first closed
    EXPECT_TRUE(found_by("8820", child).empty());
    second(child).referral = day("2027-01-09");
    EXPECT_EQ(found_by("8820", child), (std::set<std::string>{"episode 1"}));
}

TEST(CensusRules, ReturnRulesLookAcrossChildren) {
    auto x = context();
    auto a = clean_child();
    auto b = clean_child();
    b.record_id = 8;
    std::vector<CensusChild> children{a, b};
    auto numbers = [&] {
        std::multiset<std::string> out;
        for (const auto& f : check_census(children, x)) out.insert(std::string{f.rule->number});
        return out;
    };
    // The same LA child ID and UPN twice: both children are named.
    EXPECT_EQ(numbers().count("8510"), 2u);
    EXPECT_EQ(numbers().count("1520"), 2u);
    children[1].la_child_id = "8";
    children[1].upn.clear();
    children[1].upn_unknown = "UN2";
    EXPECT_EQ(numbers().count("8510"), 0u);
    EXPECT_EQ(numbers().count("1520"), 0u);
    // Few disability codes, and several only on one child.
    EXPECT_EQ(numbers().count("2887Q"), 1u);
    EXPECT_EQ(numbers().count("2888Q"), 0u);
    for (auto& c : children) c.disabilities = {"LD"};
    EXPECT_EQ(numbers().count("2888Q"), 1u);
    children[0].disabilities = {"MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"};
    EXPECT_EQ(numbers().count("2887Q"), 0u);
    // Sex not known for one child born in two is more than 2 in 100.
    EXPECT_EQ(numbers().count("2886Q"), 0u);
    children[1].sex = "U";
    EXPECT_EQ(numbers().count("2886Q"), 1u);
    // A plan that starts without its conference.
    EXPECT_EQ(numbers().count("2883"), 0u);
    children[1].episodes[0].enquiries.front().conference.reset();
    children[1].episodes[0].enquiries.front().conference_not_required = true;
    EXPECT_EQ(numbers().count("2883"), 1u);
    // No pre-proceedings anywhere in the return is a query about the return.
    EXPECT_EQ(numbers().count("8995Q"), 0u);
    for (auto& c : children) c.episodes[0].pre_proceedings.clear();
    EXPECT_EQ(numbers().count("8995Q"), 1u);
    // Before 2026 to 2027 the return had no such module to ask about.
    auto earlier = context("2025-26");
    auto asked = 0;
    for (const auto& f : check_census(children, earlier)) asked += f.rule->number == "8995Q";
    EXPECT_EQ(asked, 0);
}

TEST(CensusRules, PreProceedingsDatesMayFallOnTheSameDay) {
    auto child = clean_child();
    pre(child).outcome = "A";
    pre(child).letter_sent = pre(child).start;
    pre(child).decided = pre(child).start;
    pre(child).court_application = pre(child).decided;
    pre(child).letter_initiating = pre(child).court_application;
    for (auto rule : {"9006", "9009", "9012", "9013"}) {
        EXPECT_TRUE(found_by(rule, child).empty()) << rule;
    }
    // The year's last day is inside it; the next is not.
    pre(child).letter_initiating = day("2027-03-31");
    EXPECT_TRUE(found_by("9013", child).empty());
    pre(child).letter_initiating = day("2027-04-01");
    EXPECT_EQ(found_by("9013", child), (std::set<std::string>{"episode 0"}));
}

}  // namespace
}  // namespace signs::domain
