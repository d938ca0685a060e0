#pragma once
/// Keeping a child's record right after it is created: correcting or updating their details
/// and recording where they live. Edits are guarded by the record's version, so two workers
/// editing at once cannot silently overwrite each other.
#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/address.hpp"
#include "domain/casework/child.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "store/address_repository.hpp"
#include "store/child_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

class ChildRecordService {
  public:
    ChildRecordService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                       const domain::CensusCodes& codes)
        : db_(db), clock_(clock), audit_(audit), codes_(codes) {}

    /// The record as saved now, for an edit form; for anyone who may open the child.
    core::Result<store::ChildRecord> child_for_edit(const Actor& actor, std::int64_t child_id);
    /// As `child_for_edit` without auditing, for a form whose view was audited as its kept
    /// copy was looked up (see CasePages::child_form_key).
    core::Result<store::ChildRecord> read_child(const Actor& actor, std::int64_t child_id);
    /// Saves the checked form if the record is still at `expected_version`. A Stale error
    /// means someone saved in between; nothing is changed and the form can be shown again
    /// with what they changed. The chronology notes which parts changed.
    core::Result<void> update_child(const Actor& actor, std::int64_t child_id,
                                    const domain::ChildForm& form, int expected_version);

    /// Records a move to a new address; the current one ends on the day of the move.
    core::Result<void> add_address(const Actor& actor, std::int64_t child_id,
                                   const domain::AddressForm& form);
    core::Result<std::vector<store::AddressRecord>> addresses(const Actor& actor,
                                                              std::int64_t child_id);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    const domain::CensusCodes& codes_;
};

}  // namespace signs::service
