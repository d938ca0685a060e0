#pragma once
/// The statutory returns and the data quality behind them, for performance officers and
/// administrators across the service, and for team managers over their own teams.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/calendar_service.hpp"
#include "service/cin_census.hpp"
#include "store/cin_repository.hpp"

namespace signs::service {

/// The census's findings for a year as data quality needs them, kept while the census stamp
/// stays where it was: every child checked with their name and whose work they are, and
/// what the rules found (a finding's child is a position in `children`).
struct CensusCheck {
    struct Child {
        std::int64_t id = 0;
        std::string name;
        store::cin::ChildOwner owner;
        std::vector<std::int64_t> episode_cases;  ///< each episode's case, 0 when none
    };
    std::int64_t stamp = 0;
    std::vector<Child> children;
    std::vector<domain::CensusFinding> findings;
};

/// One problem with one child (or with the return as a whole, child_id 0). The names are
/// views into the report's kept census, which the report holds.
struct DataQualityRow {
    std::int64_t child_id = 0;
    std::string_view child_name;
    std::string_view team;
    std::string_view worker;
    const domain::CensusRule* rule = nullptr;
    int episode = 0;           ///< 1 for the child's first episode in the year; 0 for the child
    std::int64_t case_id = 0;  ///< the case the episode's work was done in, when known
};

struct RuleCount {
    const domain::CensusRule* rule = nullptr;
    int count = 0;
};

struct DataQualityReport {
    domain::CensusYear year;
    std::size_t children_checked = 0;
    std::size_t errors = 0;
    std::size_t queries = 0;
    std::vector<DataQualityRow> rows;  ///< errors first, then by child
    std::vector<RuleCount> counts;     ///< by rule, most frequent first
    /// The teams and workers the filters offer: those of the children checked.
    std::vector<std::pair<std::int64_t, std::string>> teams;
    std::vector<std::pair<std::int64_t, std::string>> workers;
    bool whole_service = false;                ///< false when a manager sees only their teams
    bool own_children_only = false;            ///< a practitioner: the children allocated to them
    std::shared_ptr<const CensusCheck> check;  ///< what the rows' names point into
};

struct DataQualityFilter {
    std::optional<std::int64_t> team_id;
    std::optional<std::int64_t> worker_id;
};

class ReturnsService {
  public:
    /// `calendar` is England's working days alone, as the DfE counts them: the council's
    /// closure days do not move the census's dates.
    ReturnsService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                   domain::WorkingCalendar calendar, const domain::CensusCodes& codes)
        : db_(db), clock_(clock), audit_(audit), calendar_(std::move(calendar)), codes_(codes) {}

    /// Performance officers and administrators see every child; a team manager the children
    /// of their teams' cases; a practitioner the children whose cases are allocated to them.
    /// Audited as a view of the list.
    /// The report is shared, and kept for the same view of the same census until either
    /// changes, so a page of it costs the same at any size.
    core::Result<std::shared_ptr<const DataQualityReport>> data_quality(
        const Actor& actor, const domain::CensusYear& year, const DataQualityFilter& filter);
    /// For the case lists of practitioners and team managers: how many problems the census
    /// rules find in each of these children's own records this year (the rules about the
    /// return as a whole, which compare children, are left to the data quality page). Read
    /// for these children alone, so it costs the same at any size.
    core::Result<std::map<std::int64_t, std::size_t>> child_problems(
        const Actor& actor, const std::vector<std::int64_t>& child_ids);
    /// Performance officers and administrators.
    core::Result<store::cin::ReturnSettings> settings(const Actor& actor);
    core::Result<void> set_la_code(const Actor& actor, const std::string& la_code,
                                   int expected_version);
    /// The census as the DfE's XML, with the findings, audited as an export. Refused while
    /// the council's number is not set.
    core::Result<std::string> cin_census_xml(const Actor& actor, const domain::CensusYear& year);

  private:
    /// The checked census for `year` at `stamp`: the one kept, or one built now. One build
    /// runs at a time; whoever waits for it takes its result.
    std::shared_ptr<const CensusCheck> census_check(const domain::CensusYear& year,
                                                    std::int64_t stamp);

    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    domain::WorkingCalendar calendar_;
    const domain::CensusCodes& codes_;
    std::mutex kept_mutex_;
    std::map<std::string, std::shared_ptr<const CensusCheck>> kept_;  ///< by year
    /// Reports by what they were drawn from: the census's year and stamp, and the view.
    static constexpr std::size_t kKeptReports = 64;
    std::map<std::string, std::shared_ptr<const DataQualityReport>> reports_;
    std::int64_t reports_stamp_ = -1;
    std::mutex build_mutex_;
};

/// Whether the actor may see the returns (performance officers and administrators).
bool sees_returns(const Actor& actor);

}  // namespace signs::service
