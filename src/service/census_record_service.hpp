#pragma once
/// Recording what the Children in Need census needs on the child's census page: who made
/// each referral, the main need and no further action; assessments started by anyone who
/// works with the child and authorised by a team manager.
#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/returns/census_recording.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "store/cin_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

struct ChildCensusView {
    store::ChildRecord child;
    std::vector<store::EpisodeRecord> episodes;        ///< oldest first
    std::vector<store::AssessmentRecord> assessments;  ///< oldest first, of every episode
    std::vector<store::cin::EnquiryRecord> enquiries;  ///< oldest first
};

class CensusRecordService {
  public:
    CensusRecordService(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                        const domain::CensusCodes& codes)
        : db_(db), clock_(clock), audit_(audit), codes_(codes) {}

    /// For anyone who may open the child; audited as a view of the child.
    core::Result<ChildCensusView> view(const Actor& actor, std::int64_t child_id);
    /// Saves the episode's answers if it is still at `expected_version`.
    core::Result<void> update_episode(const Actor& actor, std::int64_t child_id,
                                      std::int64_t episode_id,
                                      const domain::EpisodeAnswersForm& form, int expected_version);
    core::Result<std::int64_t> start_assessment(const Actor& actor, std::int64_t child_id,
                                                std::int64_t episode_id,
                                                const domain::DateForm& form);
    /// Records that the enquiry a strategy discussion began ended without an initial
    /// conference. Refused once a conference has been held after the discussion.
    core::Result<void> record_no_conference(const Actor& actor, std::int64_t child_id,
                                            std::int64_t meeting_id, const domain::DateForm& form);
    /// Team managers only: the authorisation is theirs, recorded with their name.
    core::Result<void> authorise_assessment(const Actor& actor, std::int64_t child_id,
                                            std::int64_t assessment_id,
                                            const domain::AuthorisationForm& form,
                                            int expected_version);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
    const domain::CensusCodes& codes_;
};

}  // namespace signs::service
