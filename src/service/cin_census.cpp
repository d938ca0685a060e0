#include "service/cin_census.hpp"

#include <algorithm>

#include "domain/code_label.hpp"
#include "domain/returns/census_facts.hpp"
#include "store/cin_repository.hpp"
#include "store/read_transaction.hpp"

namespace signs::service {
namespace {

constexpr std::size_t kProgressEvery = 5000;

/// The child as the census identifies them. signs' own child number is the LA child ID: it
/// is unique, never reused and never changes.
domain::CensusChild identity(const store::ChildRecord& c) {
    domain::CensusChild child;
    child.record_id = c.id;
    child.la_child_id = std::to_string(c.id);
    child.upn = c.upn;
    child.former_upn = c.former_upn;
    child.upn_unknown = c.upn.empty() ? c.upn_unknown : "";
    child.birth = core::CivilDate::parse_iso(c.date_of_birth);
    child.expected_birth = core::CivilDate::parse_iso(c.expected_date);
    child.sex = c.sex;
    child.death = core::CivilDate::parse_iso(c.date_of_death);
    child.ethnicity = c.ethnicity;
    child.disabilities = domain::split_codes(c.disabilities);
    return child;
}

}  // namespace

CensusReturn build_cin_census(store::Database& db, const domain::CensusYear& year,
                              const domain::CensusCodes& codes,
                              const domain::WorkingCalendar& calendar,
                              const CensusProgress& progress,
                              const std::vector<std::int64_t>& only) {
    CensusReturn census;
    census.year = year;
    {
        auto lease = db.lease();
        store::ReadTransaction read{lease};
        store::cin::for_each_census_child(
            lease.sql(), year.start.iso(), year.reference.iso(),
            [&](const store::ChildRecord& record, const domain::CensusFacts& facts) {
                census.children.push_back(
                    domain::census_child(identity(record), facts, year, calendar));
                census.names.push_back(record.first_name + " " + record.last_name);
                if (progress && census.children.size() % kProgressEvery == 0)
                    progress(census.children.size());
            },
            only);
    }
    census.findings = domain::check_census(census.children, {year, codes, calendar});
    for (const auto& f : census.findings)
        census.errors += f.rule->severity == domain::RuleSeverity::Error ? 1 : 0;
    return census;
}

bool valid_la_code(std::string_view code) {
    return code.size() == 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace signs::service
