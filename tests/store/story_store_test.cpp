// "Words and pictures" stories, on both engines: each save is the next version for the child.
#include "store/store_fixture.hpp"
#include "store/story_repository.hpp"

namespace signs::testing {
namespace {

namespace stories = store::stories;

template <class Engine>
class StoryStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(StoryStore, Engines, EngineNames);

TYPED_TEST(StoryStore, EachSaveIsTheNextVersionForTheChild) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto family = a_case_with_child(sql);
    stories::StoryRecord r;
    r.case_id = family.case_id;
    r.child_id = family.child_id;
    r.title = "Maya's story";
    r.written_with = "Mum";
    r.words = {{"family", "Maya and Mum 👪"}, {"worries", "'; DROP TABLE stories; --"}};
    r.pictures = {{"family", "family"}};
    r.created_at = "2026-11-26T10:00:00Z";
    auto first = stories::add(sql, r);
    EXPECT_EQ(r.version, 1);
    r.created_at = "2026-11-27T10:00:00Z";
    auto second = stories::add(sql, r);
    EXPECT_EQ(r.version, 2);
    auto all = stories::for_case(sql, family.case_id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, second);
    EXPECT_EQ(all[1].id, first);
    auto found = stories::find(sql, first);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->words.at("family"), "Maya and Mum 👪");
    EXPECT_EQ(found->words.at("worries"), "'; DROP TABLE stories; --");
    EXPECT_EQ(found->pictures.at("family"), "family");
    EXPECT_EQ(found->pictures.at("worries"), "");
    EXPECT_FALSE(stories::find(sql, second + 100));
    r.title = "";
    EXPECT_THROW(stories::add(sql, r), std::exception);
}

}  // namespace
}  // namespace signs::testing
