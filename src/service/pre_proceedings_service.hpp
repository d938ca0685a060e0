#pragma once
/// Pre-proceedings on a case: begun, then brought up to date as letters go and decisions are
/// made, by anyone who works on the case. Each change is checked in the transaction that
/// writes it, with the case's row (and the record's) held, never overlaps the case's other
/// pre-proceedings, and lands in the children's chronologies.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/pre_proceedings.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "store/case_repository.hpp"
#include "store/database.hpp"
#include "store/meeting_repository.hpp"
#include "store/pre_proceedings_repository.hpp"

namespace signs::service {

struct PreProceedingsChild {
    std::int64_t id = 0;
    std::string name;
};

struct PreProceedingsEntry {
    store::PreProceedingsRecord record;
    std::vector<std::string> warnings;  ///< what the law still asks, while it goes on
    bool going_on = false;
};

struct CasePreProceedings {
    store::CaseRecord record;
    std::vector<PreProceedingsChild> children;  ///< the case's children, by number
    std::vector<PreProceedingsEntry> entries;   ///< newest first
    /// The case's pre-proceedings and family group decision-making meetings, by date.
    std::vector<store::MeetingRecord> meetings;
    bool can_change = false;  ///< the case is open
};

class PreProceedingsService {
  public:
    PreProceedingsService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                          const domain::CodeSet& outcomes)
        : db_(db), clock_(clock), audit_(audit), outcomes_(outcomes) {}

    /// For anyone who may open the case; audited as a view of it.
    core::Result<CasePreProceedings> for_case(const Actor& actor, std::int64_t case_id);
    /// Conflict when pre-proceedings are already going on in the case.
    core::Result<std::int64_t> start(const Actor& actor, std::int64_t case_id,
                                     const domain::PreProceedingsForm& form);
    /// Saves the record as typed if it is still at `expected_version`.
    core::Result<void> update(const Actor& actor, std::int64_t case_id, std::int64_t id,
                              const domain::PreProceedingsForm& form, int expected_version);

  private:
    /// Holds the case, checks it is open to the actor, and checks the form against it: the
    /// row to write, without its number or recorder.
    core::Result<store::PreProceedingsRecord> checked_row(soci::session& sql, const Actor& actor,
                                                          std::int64_t case_id,
                                                          const domain::PreProceedingsForm& form);

    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    const domain::CodeSet& outcomes_;
};

/// The record as the checks see it, for the warnings and for a form filled from it.
domain::PreProceedings as_checked(const store::PreProceedingsRecord& record);

}  // namespace signs::service
