// The council's visit frequencies over signs' defaults, and the form that sets them.
#include "domain/timescales/visit_frequency.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

TEST(VisitFrequencies, EveryLevelHasADefaultTheCouncilCanReplace) {
    auto defaults = visit_frequencies_with({});
    ASSERT_EQ(defaults.size(), all_levels().size());
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        EXPECT_EQ(defaults[i].level, all_levels()[i]);
        EXPECT_GT(defaults[i].amount, 0);
    }
    std::vector<VisitFrequency> local = {
        {ServiceLevel::ChildInNeed, 15, DeadlineUnit::WorkingDays}};
    auto in_force = visit_frequencies_with(local);
    EXPECT_EQ(in_force[1], local[0]);
    EXPECT_EQ(in_force[0], defaults[0]);
    EXPECT_EQ(frequency_text(in_force[1]), "Every 15 working days");
    EXPECT_EQ(frequency_text({ServiceLevel::CaredFor, 1, DeadlineUnit::Months}), "Every 1 month");
    EXPECT_EQ(frequency_text({ServiceLevel::CaredFor, 0, DeadlineUnit::Months}), "Not counted");
}

TEST(VisitFrequencies, TheFormTakesAWholeNumberUpToAYearAndAKnownUnit) {
    auto ok = check_visit_frequency({"child-protection", " 5 ", "working-days"});
    ASSERT_TRUE(ok);
    EXPECT_EQ(*ok, (VisitFrequency{ServiceLevel::ChildProtection, 5, DeadlineUnit::WorkingDays}));
    EXPECT_TRUE(check_visit_frequency({"early-help", "0", "weeks"}));  // not counted
    EXPECT_TRUE(check_visit_frequency({"early-help", "365", "weeks"}));

    for (const char* amount : {"", "-1", "366", "abc", "1.5", "5 weeks", "<script>", "1e3",
                               "99999999999999999999", "\xff"}) {
        auto wrong = check_visit_frequency({"cared-for", amount, "weeks"});
        ASSERT_FALSE(wrong) << amount;
        EXPECT_EQ(wrong.error().kind, core::ErrorKind::Invalid);
        EXPECT_EQ(wrong.error().fields.at(0).field, "amount-cared-for") << amount;
    }
    auto unit = check_visit_frequency({"cared-for", "6", "fortnights"});
    ASSERT_FALSE(unit);
    EXPECT_EQ(unit.error().fields.at(0).field, "unit-cared-for");
    auto level = check_visit_frequency({"../etc", "6", "weeks"});
    ASSERT_FALSE(level);
    EXPECT_EQ(level.error().kind, core::ErrorKind::NotFound);
}

}  // namespace
}  // namespace signs::domain
