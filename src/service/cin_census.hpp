#pragma once
/// The Children in Need census for a year, built from the database and checked against the
/// DfE's rules; and written as the DfE's XML.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "domain/returns/cin_rules.hpp"
#include "store/database.hpp"

namespace signs::service {

struct CensusReturn {
    domain::CensusYear year;
    std::vector<domain::CensusChild> children;  ///< in order of child number
    std::vector<std::string> names;             ///< each child's name, for people; not sent
    std::vector<domain::CensusFinding> findings;
    std::size_t errors = 0;  ///< findings that are errors rather than queries
};

/// Called every so many children read: how many so far.
using CensusProgress = std::function<void(std::size_t children)>;

/// Reads every child with an episode in the year (of `only`, when it names any), in one read
/// transaction, and checks them.
CensusReturn build_cin_census(store::Database& db, const domain::CensusYear& year,
                              const domain::CensusCodes& codes,
                              const domain::WorkingCalendar& calendar,
                              const CensusProgress& progress = {},
                              const std::vector<std::int64_t>& only = {});

/// What the XML's header says about where it came from.
struct CensusSource {
    std::string la_code;  ///< the council's three-digit DfE number
    std::string release;  ///< signs' version
    std::string serial_no = "001";
    std::string date_time;  ///< when it was written, London time, "2027-05-04T10:15:00"
};

/// A council's DfE number: three digits.
bool valid_la_code(std::string_view code);

/// Writes the return as the DfE's XML (elements in the specification's order, dates ISO,
/// yes/no items as 1 or 0, empty items left out) with libxml2's writer.
void write_cin_census_xml(const CensusReturn& census, const CensusSource& source,
                          std::ostream& out);

}  // namespace signs::service
