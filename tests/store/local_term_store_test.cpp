// The council's own plain-language terms, on both engines.
#include "store/local_term_repository.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

namespace terms = store::local_terms;
using domain::Term;
using domain::TermMatch;

template <class Engine>
class LocalTermStore : public StoreTest<Engine> {};

TYPED_TEST_SUITE(LocalTermStore, Engines, EngineNames);

TYPED_TEST(LocalTermStore, TermsAreKeptInWordOrderOnceEachWhateverTheCase) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    EXPECT_TRUE(terms::all(sql).empty());
    auto taf = terms::add(
        sql, {"TAF", "the workers helping your family", "Initials", TermMatch::ExactCase},
        std::nullopt, "2026-11-27T10:00:00Z");
    terms::add(
        sql,
        {"core group", "the group of people working on the plan", "Explain it", TermMatch::Words},
        std::nullopt, "2026-11-27T10:00:00Z");
    auto all = terms::all(sql);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].term.phrase, "core group");
    EXPECT_EQ(all[0].term.match, TermMatch::Words);
    EXPECT_EQ(all[1].id, taf);
    EXPECT_EQ(all[1].term.match, TermMatch::ExactCase);
    EXPECT_EQ(all[1].added_at, "2026-11-27T10:00:00Z");
    // The same words in other capitals are the same term.
    try {
        terms::add(sql, {"Core Group", "x", "y", TermMatch::Words}, std::nullopt, "t");
        ADD_FAILURE() << "a second term with the same words was kept";
    } catch (const store::StoreFault& fault) {
        EXPECT_EQ(fault.store_kind(), store::StoreErrorKind::Unique);
    }
    EXPECT_EQ(terms::remove(sql, taf), std::optional<std::string>{"TAF"});
    EXPECT_EQ(terms::remove(sql, taf), std::nullopt);
    ASSERT_EQ(terms::all(sql).size(), 1u);
}

TYPED_TEST(LocalTermStore, QuotesAndSqlAreKeptAsWritten) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    Term odd{"o'brien's \"plan\"'; DROP TABLE local_terms; --", "名前 👪", "<script>x</script>",
             TermMatch::Words, "ليلى's meaning"};
    terms::add(sql, odd, std::nullopt, "t");
    auto all = terms::all(sql);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].term.phrase, odd.phrase);
    EXPECT_EQ(all[0].term.suggestion, odd.suggestion);
    EXPECT_EQ(all[0].term.reason, odd.reason);
    EXPECT_EQ(all[0].term.meaning, odd.meaning);
}

}  // namespace
}  // namespace signs::testing
