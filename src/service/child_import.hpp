#pragma once
/// Moving children and the people around them from another system, from two CSV files.
/// Every row is checked with the same rules as the forms before anything is saved; one
/// problem anywhere means nothing is imported, and the report lists every problem by line.
///
/// children.csv: ref, first_name, last_name, sex (M, F or U, or their words) and
/// date_of_birth or expected_date are required; preferred_name, ethnicity, disabilities
/// (codes separated by ';'), first_language, interpreter (yes/no), nhs_number, upn,
/// former_upn, upn_unknown (UN1 to UN7), school and what_matters are optional. Children sharing a
/// `family` name (with `team`, an existing team, and optionally `worker_email`) are put in one case
/// at their `level` from `level_from`, with an optional `level_reason`.
///
/// network.csv: child_ref (a ref from children.csv), first_name, last_name, relationship,
/// parental_responsibility, lives_with_child, safety_network (yes/no), and optional phone,
/// email, address and person_ref (rows with the same person_ref are one person linked to
/// several children).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/csv.hpp"
#include "domain/returns/census_codes.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"

namespace signs::service {

struct ImportReport {
    std::vector<std::string> problems;  ///< empty when the files are fit to import
    std::size_t children = 0;
    std::size_t people = 0;
    std::size_t links = 0;
    std::size_t cases = 0;
    bool saved = false;
};

/// Called as the rows are checked and saved: the stage ("Checking" or "Saving"), rows done
/// and rows in all.
using ImportProgress =
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

/// With `dry_run` the files are checked and counted but nothing is saved.
ImportReport import_children(store::Database& db, const core::Clock& clock, const Actor& actor,
                             const domain::CensusCodes& codes, const core::CsvTable& children,
                             const core::CsvTable* network, bool dry_run,
                             const ImportProgress& progress = {});

}  // namespace signs::service
