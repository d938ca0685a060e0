// Courses, and which satisfy which.
#include "domain/training/course.hpp"

#include <gtest/gtest.h>

namespace signs::domain {
namespace {

CourseForm a_course() {
    return {"Signs of Safety: 2-day course",
            "Two days on the whole approach",
            "Mapping, scaling, safety planning, words and pictures",
            "Social workers and managers",
            "2 days",
            {}};
}

TEST(Courses, AreCheckedFieldByField) {
    auto ok = check_course(a_course(), 0, {});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->length, "2 days");
    auto empty = check_course({}, 0, {});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().fields.size(), 5u);
    auto long_title = a_course();
    long_title.title = std::string(121, 'x');
    EXPECT_FALSE(check_course(long_title, 0, {}));
    auto bad_bytes = a_course();
    bad_bytes.summary = "\xff";
    EXPECT_FALSE(check_course(bad_bytes, 0, {}));
}

TEST(Courses, SatisfyOnlyOtherKnownCourses) {
    auto form = a_course();
    form.satisfies = {"1", "1"};
    auto ok = check_course(form, 2, {1, 2});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->satisfies, std::vector<std::int64_t>{1});
    for (const char* wrong : {"2", "3", "0", "-1", "x", "1 OR 1=1", ""}) {
        form.satisfies = {wrong};
        auto refused = check_course(form, 2, {1, 2});
        ASSERT_FALSE(refused) << wrong;
        EXPECT_EQ(refused.error().fields.at(0).field, "satisfies");
    }
}

TEST(Courses, ACourseCoversWhatItSatisfiesAndWhatThoseDo) {
    SatisfiesMap map = {{3, {2}}, {2, {1}}};  // advanced > 2-day > half day
    EXPECT_EQ(satisfied_by(3, map), (std::set<std::int64_t>{1, 2}));
    EXPECT_EQ(satisfied_by(1, map), std::set<std::int64_t>{});
    EXPECT_EQ(already_covered(1, {2}, map), 2);  // trained by the 2-day: no half day needed
    EXPECT_EQ(already_covered(2, {2}, map), 2);  // already on it
    EXPECT_EQ(already_covered(2, {1}, map), std::nullopt);
    EXPECT_EQ(already_covered(1, {}, map), std::nullopt);
}

TEST(Courses, CannotSatisfyThemselvesThroughOthers) {
    SatisfiesMap map = {{2, {1}}};
    EXPECT_TRUE(makes_a_loop(1, {2}, map));
    EXPECT_TRUE(makes_a_loop(1, {1}, map));
    EXPECT_FALSE(makes_a_loop(3, {2}, map));
    EXPECT_FALSE(makes_a_loop(2, {1}, map));
}

}  // namespace
}  // namespace signs::domain
