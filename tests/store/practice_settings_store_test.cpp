// A council's own wording and escalation bands, on both engines.
#include "store/practice_settings_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace settings = store::practice_settings;

template <class Engine>
class PracticeSettingsStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(PracticeSettingsStore, Engines, EngineNames);

TYPED_TEST(PracticeSettingsStore, WordingIsReplacedWholeForOneVariant) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    EXPECT_TRUE(settings::wording(sql, "stability").empty());
    settings::replace_wording(sql, "stability",
                              {{"name", "Signs of Success"}, {"goal", "Success goal"}},
                              std::nullopt, "2026-11-26T10:00:00Z");
    settings::replace_wording(sql, "wellbeing", {{"name", "Early help"}}, std::nullopt,
                              "2026-11-26T10:00:00Z");
    auto stability = settings::wording(sql, "stability");
    EXPECT_EQ(stability.size(), 2u);
    EXPECT_EQ(stability.at("name"), "Signs of Success");
    // A field left out next time goes back to the built-in words.
    settings::replace_wording(sql, "stability", {{"goal", "Stability aim 'quoted'"}}, std::nullopt,
                              "2026-11-26T11:00:00Z");
    stability = settings::wording(sql, "stability");
    EXPECT_EQ(stability.size(), 1u);
    EXPECT_EQ(stability.at("goal"), "Stability aim 'quoted'");
    EXPECT_EQ(settings::wording(sql, "wellbeing").at("name"), "Early help");
}

TYPED_TEST(PracticeSettingsStore, BandsStartWithTheDefaultsAndCanBeChanged) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto bands = settings::bands(sql);
    ASSERT_EQ(bands.size(), 2u);  // seeded by the migration
    EXPECT_EQ(bands[0].purpose, "any");
    EXPECT_EQ(bands[1].purpose, "meeting");
    EXPECT_EQ(bands[1].high, 1);
    auto id = settings::add_band(sql, {0, "review", 2, 3, "Low at a review"}, std::nullopt,
                                 "2026-11-26T10:00:00Z");
    EXPECT_EQ(settings::bands(sql).back().id, id);
    EXPECT_TRUE(settings::remove_band(sql, bands[0].id));
    EXPECT_FALSE(settings::remove_band(sql, bands[0].id));
    EXPECT_EQ(settings::bands(sql).size(), 2u);
    // The database refuses a band that is upside down or off the scale.
    EXPECT_THROW(settings::add_band(sql, {0, "any", 5, 2, "Upside down"}, std::nullopt, "t"),
                 std::exception);
    EXPECT_THROW(settings::add_band(sql, {0, "any", 0, 11, "Off the scale"}, std::nullopt, "t"),
                 std::exception);
}

}  // namespace
}  // namespace signs::testing
