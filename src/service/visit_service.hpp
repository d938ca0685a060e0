#pragma once
/// Visits to the children of a case, and the council's visit frequencies. A visit moves the
/// case's next-visit deadline on (the database marks the case, migration 0024); a change of
/// frequency moves every open case's.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/visit.hpp"
#include "domain/timescales/visit_frequency.hpp"
#include "service/actor.hpp"
#include "store/case_repository.hpp"
#include "store/database.hpp"
#include "store/visit_repository.hpp"

namespace signs::service {

/// The frequencies in force on the caller's connection: the council's over the defaults.
std::vector<domain::VisitFrequency> visit_frequencies_in_force(soci::session& sql);

struct FrequencySetting {
    domain::VisitFrequency in_force;
    bool local = false;  ///< set by the council rather than signs' default
    std::string changed_by_name;
    std::string changed_at;
};

struct VisitChild {
    std::int64_t id = 0;
    std::string name;
};

struct CaseVisits {
    std::string family_name;
    std::vector<VisitChild> children;        ///< the children who may be seen
    std::vector<store::VisitRecord> latest;  ///< each child's latest visit
    std::vector<store::VisitRecord> recent;  ///< newest first
    bool can_record = false;                 ///< the case is open
    static constexpr int kRecentShown = 20;
};

/// The case's children, their latest visits and the recent ones; read after an access check.
CaseVisits case_visits(soci::session& sql, const store::CaseRecord& record);

class VisitService {
  public:
    VisitService(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

    core::Result<CaseVisits> for_case(const Actor& actor, std::int64_t case_id);
    /// Records one visit: a row per child seen, each noted in the child's chronology.
    core::Result<void> record(const Actor& actor, std::int64_t case_id,
                              const domain::VisitForm& form);

    /// Every level's frequency, for system administrators.
    core::Result<std::vector<FrequencySetting>> frequencies(const Actor& actor);
    /// Saves every level's frequency at once, or none when any is wrong.
    core::Result<void> set_frequencies(const Actor& actor,
                                       const std::vector<domain::VisitFrequencyForm>& forms);

  private:
    store::Database& db_;
    const core::Clock& clock_;
};

}  // namespace signs::service
