// The council's closure days, on both engines.
#include "store/closure_day_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace closures = store::closure_days;

template <class Engine>
class ClosureDayStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(ClosureDayStore, Engines, EngineNames);

TYPED_TEST(ClosureDayStore, DaysAreKeptInDateOrderOnceEach) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    EXPECT_TRUE(closures::all(sql).empty());
    closures::add(sql, "2026-12-31", "Council closed", std::nullopt, "2026-11-26T10:00:00Z");
    closures::add(sql, "2026-12-24", "Christmas Eve", std::nullopt, "2026-11-26T10:00:00Z");
    auto days = closures::all(sql);
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].day, "2026-12-24");
    EXPECT_EQ(days[1].reason, "Council closed");
    EXPECT_THROW(closures::add(sql, "2026-12-24", "Again", std::nullopt, "t"), std::exception);
    EXPECT_TRUE(closures::remove(sql, "2026-12-24"));
    EXPECT_FALSE(closures::remove(sql, "2026-12-24"));
    EXPECT_EQ(closures::all(sql).size(), 1u);
}

}  // namespace
}  // namespace signs::testing
