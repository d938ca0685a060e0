#pragma once
/// Building a mapping with a family: who took part, what each of them said in each column,
/// and everyone's number from 0 to 10. Anyone who may open the case may work on its
/// mappings; once agreed, a mapping no longer changes.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/mapping/mapping.hpp"
#include "domain/mapping/over_time.hpp"
#include "domain/mapping/wording.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/database.hpp"
#include "store/mapping_repository.hpp"
#include "store/network_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

struct MappingView {
    store::MappingRecord record;
    store::CaseRecord case_record;
    std::vector<store::ChildRecord> children;
    std::vector<store::ParticipantRecord> participants;
    std::vector<store::EntryRecord> entries;
    std::vector<store::ScoreRecord> scores;
    domain::MappingWording wording;
    std::vector<std::string> agreement_problems;  ///< empty when it may be agreed
    bool many_statements = false;                 ///< more than three: warn
    bool revealed = true;                     ///< false while blind scaling still hides the numbers
    std::optional<std::int64_t> review_id;    ///< the review started from this mapping
    std::vector<store::PersonRecord> family;  ///< on the records of the mapping's children
    std::vector<store::UserRecord> professionals;  ///< staff who may be named as taking part
};

enum class Move { Up, Down };

/// What a drawn page of a case's mappings depends on: while the key is the same, the page
/// would be drawn the same, so it can be served again.
struct PageStamp {
    std::int64_t case_id = 0;
    std::string key;
};

/// A case's mappings over time: everyone's overall numbers across all of them, and what
/// changed between two.
struct OverTime {
    std::vector<store::MappingRecord> mappings;  ///< oldest first
    std::vector<domain::Series> series;
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::vector<domain::EntryDifference> differences;
    std::vector<std::pair<std::string, std::pair<std::optional<int>, std::optional<int>>>>
        scaling;  ///< each voice's overall number in `from` and in `to`
};

class MappingService {
  public:
    MappingService(store::Database& db, const core::Clock& clock, AuditWriter& audit)
        : db_(db), clock_(clock), audit_(audit) {}

    core::Result<std::int64_t> start(const Actor& actor, std::int64_t case_id,
                                     const domain::MappingForm& form);
    core::Result<std::vector<store::MappingRecord>> for_case(const Actor& actor,
                                                             std::int64_t case_id);
    core::Result<MappingView> view(const Actor& actor, std::int64_t mapping_id);

    core::Result<std::int64_t> add_participant(const Actor& actor, std::int64_t mapping_id,
                                               const domain::ParticipantForm& form);
    core::Result<std::int64_t> add_entry(const Actor& actor, std::int64_t mapping_id,
                                         const domain::EntryForm& form);
    /// Changes the entry's words, category, speaker or goal link if it is still at
    /// `expected_version`; the earlier wording stays in its history.
    core::Result<void> update_entry(const Actor& actor, std::int64_t entry_id,
                                    const domain::EntryForm& form, int expected_version);
    core::Result<void> move_entry(const Actor& actor, std::int64_t entry_id, Move move,
                                  int expected_version);
    core::Result<void> remove_entry(const Actor& actor, std::int64_t entry_id,
                                    int expected_version);
    core::Result<std::vector<store::EntryChange>> entry_history(const Actor& actor,
                                                                std::int64_t entry_id);
    core::Result<void> put_score(const Actor& actor, std::int64_t mapping_id,
                                 const domain::ScoreForm& form);
    /// Starts a review from an agreed mapping: the same children, the people who took part,
    /// and every entry carried forward to be marked still true, changed or no longer a
    /// concern. One review per mapping; numbers are asked afresh. A meeting starts one with
    /// purpose "meeting", dated the day it is held.
    core::Result<std::int64_t> start_review(const Actor& actor, std::int64_t mapping_id,
                                            std::string_view purpose = "review",
                                            std::optional<core::CivilDate> held_on = {});
    /// Draft, shared or agreed; agreeing needs every danger statement answered and scaled.
    core::Result<void> set_status(const Actor& actor, std::int64_t mapping_id,
                                  const std::string& status, int expected_version);
    /// `from` and `to` default to the two latest mappings; both must be the case's.
    core::Result<OverTime> over_time(const Actor& actor, std::int64_t case_id,
                                     std::optional<std::int64_t> from,
                                     std::optional<std::int64_t> to);
    /// The stamp of a mapping's page, checked and audited exactly as view() is.
    core::Result<PageStamp> view_stamp(const Actor& actor, std::int64_t mapping_id);
    /// The stamp of a case's mappings over time, checked and audited as over_time() is.
    core::Result<PageStamp> over_time_stamp(const Actor& actor, std::int64_t case_id);
    /// A team manager records that they have seen an alert; returns its case.
    core::Result<std::int64_t> mark_alert_seen(const Actor& actor, std::int64_t alert_id);
    /// Records, by name, that a participant does not agree with the mapping.
    core::Result<void> set_disagreement(const Actor& actor, std::int64_t participant_id,
                                        bool disagrees);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    AuditWriter& audit_;
};

}  // namespace signs::service
