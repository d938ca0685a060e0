// What children said through the child-focused tools, on both engines.
#include "store/child_voice_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace voice = store::child_voice;

template <class Engine>
class ChildVoiceStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(ChildVoiceStore, Engines, EngineNames);

TYPED_TEST(ChildVoiceStore, RecordsKeepEachPartInTheChildsWords) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto family = a_case_with_child(sql);
    voice::VoiceRecord r;
    r.case_id = family.case_id;
    r.child_id = family.child_id;
    r.tool = "three-houses";
    r.held_on = "2026-11-20";
    r.helped_by = "Sam";
    r.parts = {{"worries", "Dad shouts'; DROP TABLE children; --"}, {"dreams", "海 👪"}};
    r.created_at = "t";
    r.shared_with_family = true;
    auto first = voice::add(sql, r);
    r.shared_with_family = false;
    r.shared_with_network = true;
    r.tool = "safety-house";
    r.held_on = "2026-11-25";
    r.place = 0;
    r.drawing_sha256 = std::string(64, 'b');
    r.drawing_type = "image/png";
    r.drawing_name = "house.png";
    r.parts = {{"inside", "Mum"}};
    auto second = voice::add(sql, r);
    auto all = voice::for_case(sql, family.case_id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, second);
    EXPECT_EQ(all[0].place, 0);
    EXPECT_EQ(all[0].drawing_name, "house.png");
    EXPECT_EQ(all[0].parts.size(), 1u);
    EXPECT_FALSE(all[0].shared_with_family);
    EXPECT_TRUE(all[0].shared_with_network);
    EXPECT_TRUE(all[1].shared_with_family);
    EXPECT_FALSE(all[1].shared_with_network);
    auto found = voice::find(sql, first);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->place);
    EXPECT_EQ(found->parts.at("worries"), "Dad shouts'; DROP TABLE children; --");
    EXPECT_EQ(found->parts.at("dreams"), "海 👪");
    EXPECT_FALSE(voice::find(sql, second + 100));
    // The database refuses what the service never writes.
    r.place = 11;
    EXPECT_THROW(voice::add(sql, r), std::exception);
    r.place = 5;
    r.tool = "crystal-ball";
    EXPECT_THROW(voice::add(sql, r), std::exception);
}

}  // namespace
}  // namespace signs::testing
