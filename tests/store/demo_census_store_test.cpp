// The demo data's Children in Need census, byte for byte, on both engines: the demo holds every
// part of the return, the DfE's rules find no error in it, and SQLite and PostgreSQL write the
// same file. Set SIGNS_UPDATE_GOLDEN=1 to write the file afresh after a deliberate change, and
// read the difference before committing it.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/london_time.hpp"
#include "service/calendar_service.hpp"
#include "service/cin_census.hpp"
#include "service/data_files.hpp"
#include "service/demo_data.hpp"
#include "store/store_fixture.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class DemoCensus : public StoreTest<Engine> {};

TYPED_TEST_SUITE(DemoCensus, Engines, EngineNames);

const std::filesystem::path kGolden =
    std::filesystem::path{SIGNS_TEST_DATA_DIR} / "golden" / "cin-census-2026-27.xml";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TYPED_TEST(DemoCensus, TheDemosReturnIsTheGoldenFile) {
    // Loaded as on Friday 19 March 2027, late in the census year.
    core::ManualClock clock{*core::from_storage("2027-03-19T10:00:00.000000Z")};
    service::CalendarService calendars{this->db(), clock,
                                       service::load_bank_holidays(SIGNS_RESOURCES_DIR)};
    auto loaded = service::load_demo_data(this->db(), clock, calendars, SIGNS_RESOURCES_DIR);
    ASSERT_TRUE(loaded) << loaded.error().message;
    auto codes = service::load_census_codes(SIGNS_RESOURCES_DIR);
    auto census = service::build_cin_census(this->db(), *domain::CensusYear::parse("2026-27"),
                                            codes, *calendars.current());

    std::string errors, queries;
    for (const auto& f : census.findings) {
        auto where =
            std::string{f.rule->number} + " (child " +
            (f.child < 0 ? std::string{"-"} : std::to_string(census.children[f.child].record_id)) +
            ")\n";
        (f.rule->severity == domain::RuleSeverity::Error ? errors : queries) += where;
    }
    EXPECT_EQ(errors, "");
    // A small council's return: too few kinds of disability for the DfE's liking.
    EXPECT_EQ(queries, "2887Q (child -)\n");

    std::ostringstream out;
    service::write_cin_census_xml(census, {"895", "2026.12", "001", "2027-03-19T10:00:00"}, out);
    auto xml = out.str();
    for (const auto* part :
         {"<ReferralNFA>1</ReferralNFA>", "<AssessmentFactors>", "<CINPlanStartDate>",
          "<ICPCnotRequired>1</ICPCnotRequired>", "<DateOfInitialCPC>",
          "<ICPCnotRequired>0</ICPCnotRequired>", "<CPPreviewDate>",
          "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>",
          "<LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>",
          "<ReasonForClosure>RC9</ReasonForClosure>", "<FGDMMeetingFac>1</FGDMMeetingFac>",
          "<PPOutcome>B</PPOutcome>", "<ExpectedPersonBirthDate>"}) {
        EXPECT_NE(xml.find(part), std::string::npos) << "the return has no " << part;
    }
    if (std::getenv("SIGNS_UPDATE_GOLDEN")) {
        std::ofstream{kGolden, std::ios::binary} << xml;
        GTEST_SKIP() << "wrote " << kGolden;
    }
    auto golden = read_file(kGolden);
    EXPECT_EQ(xml, golden) << "the demo's return has changed from " << kGolden;
}

}  // namespace
}  // namespace signs::testing
