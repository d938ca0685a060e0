// Importing children and their networks from CSV, on both engines: all rows or none.
#include "core/csv.hpp"
#include "core/london_time.hpp"
#include "service/child_import.hpp"
#include "service/data_files.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/network_repository.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class ImportStore : public StoreTest<Engine> {
  protected:
    core::ManualClock clock{*core::from_storage("2026-11-26T10:00:00.000000Z")};
    service::Actor actor = service::Actor::system("test-import");
    domain::CensusCodes codes = service::load_census_codes(SIGNS_RESOURCES_DIR);

    int count(const std::string& table) {
        auto lease = this->db().lease();
        int n = 0;
        lease.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
        return n;
    }
};

TYPED_TEST_SUITE(ImportStore, Engines, EngineNames);

const char* const kChildren =
    "ref,first_name,last_name,date_of_birth,expected_date,sex,family,team,level,level_from,"
    "category\n"
    "A,Maya,Carter,2019-03-02,,F,Carter family,Riverside,child-protection,2026-10-01,NEG\n"
    "B,Baby,Carter,,2027-03-01,U,Carter family,Riverside,child-protection,2026-10-01,NEG\n"
    "C,Sam,Jones,2018-05-01,,M,,,,,\n";
const char* const kNetwork =
    "child_ref,person_ref,first_name,last_name,relationship,parental_responsibility,"
    "lives_with_child,safety_network\n"
    "A,mum,Dana,Carter,mother,yes,yes,yes\n"
    "B,mum,Dana,Carter,mother,yes,no,yes\n";

TYPED_TEST(ImportStore, ChildrenCasesAndPeopleArriveTogether) {
    {
        auto lease = this->db().lease();
        store::users::find_or_create_team(lease.sql(), "Riverside", false);
    }
    auto children = core::parse_csv(kChildren).value();
    auto network = core::parse_csv(kNetwork).value();
    std::vector<std::size_t> progress;
    auto report = service::import_children(
        this->db(), this->clock, this->actor, this->codes, children, &network, false,
        [&](std::string_view, std::size_t done, std::size_t) { progress.push_back(done); });
    ASSERT_TRUE(report.problems.empty()) << report.problems.front();
    EXPECT_TRUE(report.saved);
    EXPECT_EQ(report.children, 3u);
    EXPECT_EQ(report.people, 1u);
    EXPECT_EQ(report.cases, 1u);
    EXPECT_EQ(progress.back(), 5u);
    EXPECT_EQ(this->count("children"), 3);
    EXPECT_EQ(this->count("people"), 1);
    EXPECT_EQ(this->count("child_people"), 2);
    EXPECT_EQ(this->count("cases"), 1);
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto maya = store::children::ids_with_name_keys(sql, {"maya"}, 5).ids;
    ASSERT_EQ(maya.size(), 1u);
    auto case_ids = store::cases::ids_for_child(sql, maya[0]);
    ASSERT_EQ(case_ids.size(), 1u);
    auto history = store::cases::level_history(sql, case_ids[0], maya[0]);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].level, "child-protection");
    EXPECT_EQ(history[0].category, "NEG");
    EXPECT_EQ(history[0].reason, "Imported from the previous system");
    EXPECT_EQ(store::network::for_child(sql, maya[0]).size(), 1u);
}

TYPED_TEST(ImportStore, OneBadRowMeansNothingIsSavedAndEveryProblemIsListed) {
    auto children =
        core::parse_csv(std::string{kChildren} +
                        "D,<script>,Smith,2030-01-01,,2,,,,,\n"
                        "E,Ann,Lee,2019-01-01,,2,Lee family,Nowhere,early-help,2026-01-01,\n")
            .value();
    auto network =
        core::parse_csv(std::string{kNetwork} + "Z,,Jo,Bloggs,mother,maybe,yes,yes\n").value();
    auto report = service::import_children(this->db(), this->clock, this->actor, this->codes,
                                           children, &network, false);
    EXPECT_FALSE(report.saved);
    std::string all;
    for (const auto& p : report.problems) all += p + "\n";
    // No team called Riverside exists in this database either.
    EXPECT_NE(all.find("Line 2 (ref A): team: there is no team called \"Riverside\""),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Line 5 (ref D): date_of_birth:"), std::string::npos) << all;
    EXPECT_NE(all.find("Line 6 (ref E): team: there is no team called \"Nowhere\""),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Line 4 (ref Z): child_ref: no child in children.csv has this ref"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("parental_responsibility"), std::string::npos) << all;
    EXPECT_EQ(this->count("children"), 0);
    EXPECT_EQ(this->count("people"), 0);
}

TYPED_TEST(ImportStore, ADryRunCountsButSavesNothing) {
    auto children = core::parse_csv(
                        "ref,first_name,last_name,date_of_birth,sex\nA,Maya,Carter,"
                        "2019-03-02,F\n")
                        .value();
    auto report = service::import_children(this->db(), this->clock, this->actor, this->codes,
                                           children, nullptr, true);
    EXPECT_TRUE(report.problems.empty());
    EXPECT_FALSE(report.saved);
    EXPECT_EQ(report.children, 1u);
    EXPECT_EQ(this->count("children"), 0);
    auto missing = core::parse_csv("first_name,surname\nMaya,Carter\n").value();
    auto refused = service::import_children(this->db(), this->clock, this->actor, this->codes,
                                            missing, nullptr, false);
    ASSERT_FALSE(refused.problems.empty());
    EXPECT_EQ(refused.problems[0], "children.csv: the column \"ref\" is missing");
}

}  // namespace
}  // namespace signs::testing
