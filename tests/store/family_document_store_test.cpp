// Records of family documents given, on both engines.
#include "store/family_document_repository.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace given = store::family_documents;

template <class Engine>
class FamilyDocumentStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(FamilyDocumentStore, Engines, EngineNames);

TYPED_TEST(FamilyDocumentStore, CopiesGivenAreKeptWithTheirWordsNewestFirst) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto case_id = a_case_with_child(sql).case_id;
    given::GivenRecord r;
    r.case_id = case_id;
    r.kind = "our-plan";
    r.title = "Our safety plan";
    r.based_on = "the mapping of 20 November 2026";
    r.content = "Our safety plan\nGran 👵 и 名前\n'; DROP TABLE cases; --";
    r.fingerprint = std::string(64, 'a');
    r.given_to = "Dana <mum>";
    r.given_on = "2026-11-24";
    r.how = "post";
    r.recorded_at = "2026-11-27T10:00:00Z";
    auto first = given::add(sql, r);
    r.given_on = "2026-11-26";
    r.how = "in-person";
    auto second = given::add(sql, r);
    auto all = given::for_case(sql, case_id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, second);
    EXPECT_EQ(all[1].id, first);
    EXPECT_EQ(all[1].content, r.content);
    EXPECT_EQ(all[1].given_to, "Dana <mum>");
    EXPECT_FALSE(all[1].recorded_by);
    EXPECT_EQ(given::find(sql, first)->how, "post");
    EXPECT_FALSE(given::find(sql, second + 100));
    EXPECT_TRUE(given::for_case(sql, case_id + 100).empty());
    // The database refuses what the service would never write.
    r.how = "pigeon";
    EXPECT_THROW(given::add(sql, r), std::exception);
    r.how = "post";
    r.given_to = "";
    EXPECT_THROW(given::add(sql, r), std::exception);
}

}  // namespace
}  // namespace signs::testing
