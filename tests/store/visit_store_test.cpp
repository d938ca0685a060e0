// Visits and visit frequencies on both engines: each child's latest visit, the council's
// frequencies kept one per level, and the database marking cases whose next visit moves.
#include "store/case_repository.hpp"
#include "store/deadline_repository.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"
#include "store/visit_repository.hpp"

namespace signs::testing {
namespace {

namespace visits = store::visits;

template <class Engine>
class VisitStore : public StoreTest<Engine> {
  protected:
    std::size_t stale(soci::session& sql) {
        return store::deadlines::stale(sql, "2026-11-26", "", 100).size();
    }
    void settle(soci::session& sql) {
        for (const auto& s : store::deadlines::stale(sql, "2026-11-26", "", 100))
            store::deadlines::replace(sql, s.case_id, s.stamp, "2026-11-26", {});
    }
};

TYPED_TEST_SUITE(VisitStore, Engines, EngineNames);

TYPED_TEST(VisitStore, EachChildsLatestVisitAndTheCasesRecentOnes) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto carter = a_case_with_child(sql, "Carter");
    auto other = a_case_with_child(sql, "Hughes");
    store::cases::add_child(sql, carter.case_id, other.child_id);
    this->settle(sql);

    visits::add(
        sql, {0, carter.case_id, carter.child_id, "", "2026-11-10", false, std::nullopt, "", "t"});
    EXPECT_EQ(this->stale(sql), 1u);  // the case's next visit moves
    this->settle(sql);
    visits::add(
        sql, {0, carter.case_id, carter.child_id, "", "2026-11-20", true, std::nullopt, "", "t"});
    visits::add(
        sql, {0, carter.case_id, other.child_id, "", "2026-11-15", false, std::nullopt, "", "t"});
    visits::add(sql,
                {0, other.case_id, other.child_id, "", "2026-11-25", false, std::nullopt, "", "t"});

    auto latest = visits::latest_per_child(sql, carter.case_id);
    ASSERT_EQ(latest.size(), 2u);
    EXPECT_EQ(latest[0].child_id, carter.child_id);
    EXPECT_EQ(latest[0].visited_on, "2026-11-20");
    EXPECT_TRUE(latest[0].seen_alone);
    EXPECT_EQ(latest[0].child_name, "Maya Carter");
    EXPECT_EQ(latest[1].visited_on, "2026-11-15");  // the other case's visit is not this one's

    auto recent = visits::for_case(sql, carter.case_id, 2);
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_EQ(recent[0].visited_on, "2026-11-20");
    EXPECT_EQ(recent[1].visited_on, "2026-11-15");
    EXPECT_TRUE(visits::for_case(sql, 999999, 20).empty());
}

TYPED_TEST(VisitStore, OneFrequencyPerLevelAndEveryOpenCaseMovesWithIt) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    a_case_with_child(sql, "Carter");
    a_case_with_child(sql, "Hughes");
    this->settle(sql);
    EXPECT_TRUE(visits::frequencies(sql).empty());

    visits::set_frequency(sql, {"child-protection", 5, "working-days", "", "t1"}, std::nullopt);
    EXPECT_EQ(this->stale(sql), 2u);
    this->settle(sql);
    visits::set_frequency(sql, {"child-protection", 2, "weeks", "", "t2"}, std::nullopt);
    EXPECT_EQ(this->stale(sql), 2u);
    auto kept = visits::frequencies(sql);
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].amount, 2);
    EXPECT_EQ(kept[0].unit, "weeks");
    EXPECT_EQ(kept[0].changed_at, "t2");

    // The database refuses what the form would never send.
    EXPECT_THROW(visits::set_frequency(sql, {"cared-for", -1, "weeks", "", "t"}, std::nullopt),
                 store::StoreFault);
}

TYPED_TEST(VisitStore, ABadUnitIsRefusedByTheDatabase) {
    auto lease = this->db().lease();
    EXPECT_THROW(
        visits::set_frequency(lease.sql(), {"cared-for", 3, "fortnights", "", "t"}, std::nullopt),
        store::StoreFault);
}

}  // namespace
}  // namespace signs::testing
