// A visit: when, and which children were seen (alone or not).
#include "domain/casework/visit.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

core::CivilDate day(const char* iso) { return *core::CivilDate::parse_iso(iso); }

core::Result<CheckedVisit> check(VisitForm form) {
    return check_visit(form, day("2026-10-01"), day("2026-11-26"), {11, 12});
}

std::string first_field(const core::Result<CheckedVisit>& result) {
    return result ? "" : result.error().fields.at(0).field;
}

TEST(Visits, RecordWhoWasSeenAndWhoWasSeenAlone) {
    auto visit = check({"25", "11", "2026", {{11, "alone"}, {12, "yes"}}});
    ASSERT_TRUE(visit);
    EXPECT_EQ(visit->on, day("2026-11-25"));
    ASSERT_EQ(visit->children.size(), 2u);
    EXPECT_TRUE(visit->children[0].alone);
    EXPECT_FALSE(visit->children[1].alone);
    auto one = check({"1", "10", "2026", {{11, "no"}, {12, "yes"}}});  // the day it opened
    ASSERT_TRUE(one);
    ASSERT_EQ(one->children.size(), 1u);
    EXPECT_EQ(one->children[0].child, 12);
}

TEST(Visits, TheDateIsRealAndNotInTheFutureOrBeforeTheCase) {
    EXPECT_EQ(first_field(check({"", "", "", {{11, "yes"}}})), "date-day");
    EXPECT_EQ(first_field(check({"31", "2", "2026", {{11, "yes"}}})), "date-day");
    EXPECT_EQ(first_field(check({"27", "11", "2026", {{11, "yes"}}})), "date-day");
    EXPECT_EQ(first_field(check({"30", "9", "2026", {{11, "yes"}}})), "date-day");
}

TEST(Visits, SomeoneOfTheCaseMustBeSeen) {
    EXPECT_EQ(first_field(check({"25", "11", "2026", {}})), "seen");
    EXPECT_EQ(first_field(check({"25", "11", "2026", {{11, "no"}, {12, "no"}}})), "seen");
    // A child of another case, or an answer that is not one of ours, is refused.
    EXPECT_EQ(first_field(check({"25", "11", "2026", {{99, "yes"}}})), "seen");
    EXPECT_EQ(first_field(check({"25", "11", "2026", {{11, "<script>"}}})), "seen");
    EXPECT_EQ(first_field(check({"25", "11", "2026", {{0, "yes"}, {11, "yes"}}})), "seen");
}

}  // namespace
}  // namespace signs::domain
