#pragma once
/// Mappings, their participants, entries (with each entry's earlier versions) and scores.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct MappingRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string held_on;  ///< ISO date
    std::string purpose;
    std::string status = "draft";
    std::string variant;  ///< the practice variant's code when the mapping was started
    bool blind = false;   ///< numbers hidden until everyone has given theirs
    std::optional<std::int64_t> previous_id;  ///< the mapping a review started from
    std::optional<std::int64_t> agreed_by;
    std::string agreed_by_name;  ///< read only
    std::string agreed_at;       ///< empty until agreed
    std::optional<std::int64_t> created_by;
    std::string created_at;
    int version = 1;
    std::vector<std::int64_t> child_ids;
};

struct ParticipantRecord {
    std::int64_t id = 0;
    std::int64_t mapping_id = 0;
    /// As written when they were added; read back, the name their linked record has now.
    std::string name;
    std::string kind;
    std::string took_part;
    bool disagrees = false;
    std::optional<std::int64_t> person_id{};  ///< when they are on the family's records
    std::optional<std::int64_t> user_id{};    ///< when they are a member of staff on signs
    std::string recorded_name{};              ///< read only: the name written when added

    /// True when the linked record's name has changed since they were added.
    bool renamed() const { return !recorded_name.empty() && recorded_name != name; }
};

struct EntryRecord {
    std::int64_t id = 0;
    std::int64_t mapping_id = 0;
    std::string category;
    std::string text;
    std::optional<std::int64_t> said_by;       ///< a participant; empty for the agency
    std::optional<std::int64_t> answers;       ///< a safety goal's danger statement
    std::optional<std::int64_t> carried_from;  ///< in a review, the earlier entry
    std::string review_mark;                   ///< "", "still-true", "changed" or "resolved"
    int position = 0;
    std::optional<std::int64_t> created_by;
    std::string created_at;
    int version = 1;
};

/// An entry as it stood before one change.
struct EntryChange {
    std::string category;
    std::string text;
    std::optional<std::int64_t> said_by;
    int position = 0;
    std::string changed_by_name;
    std::string changed_at;
};

struct ScoreRecord {
    std::int64_t id = 0;
    std::int64_t mapping_id = 0;
    std::int64_t participant_id = 0;
    std::optional<std::int64_t> statement_id;  ///< empty for the overall scale
    int value = 0;
    std::string why_not_lower;
    std::string one_point_higher;
    std::string question;
    std::string anchor_zero;
    std::string anchor_ten;
    std::string direction;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_at;
};

namespace mappings {

std::int64_t insert(soci::session& sql, const MappingRecord& mapping);
std::optional<MappingRecord> find(soci::session& sql, std::int64_t id);
/// Newest first.
std::vector<MappingRecord> for_case(soci::session& sql, std::int64_t case_id);
/// False when the mapping is no longer at `expected_version`. Agreeing records who and when.
bool set_status(soci::session& sql, std::int64_t id, const std::string& status,
                int expected_version, std::optional<std::int64_t> by, const std::string& at);
/// The case a mapping belongs to.
std::optional<std::int64_t> case_of(soci::session& sql, std::int64_t mapping_id);
/// The review started from this mapping, if there is one.
std::optional<std::int64_t> review_of(soci::session& sql, std::int64_t id);

std::int64_t add_participant(soci::session& sql, const ParticipantRecord& participant);
std::vector<ParticipantRecord> participants(soci::session& sql, std::int64_t mapping_id);
/// The mapping a participant belongs to.
std::optional<std::int64_t> mapping_of_participant(soci::session& sql, std::int64_t participant_id);
void set_disagrees(soci::session& sql, std::int64_t participant_id, bool disagrees);

/// Adds the entry at the end of its category.
std::int64_t add_entry(soci::session& sql, EntryRecord entry);
/// The entries still on the mapping, by category then position.
std::vector<EntryRecord> entries(soci::session& sql, std::int64_t mapping_id);
std::optional<EntryRecord> find_entry(soci::session& sql, std::int64_t id);
/// Saves the entry's category, text, speaker, goal link, review mark and position if it is still at
/// `entry.version`, keeping what it said before in its history. `removed` takes it off the
/// mapping (its history stays).
bool update_entry(soci::session& sql, const EntryRecord& entry, bool removed,
                  std::optional<std::int64_t> changed_by, const std::string& changed_at);
/// Oldest first.
std::vector<EntryChange> entry_history(soci::session& sql, std::int64_t entry_id);

/// Records a score, replacing the participant's earlier one on the same question.
std::int64_t put_score(soci::session& sql, const ScoreRecord& score);
std::vector<ScoreRecord> scores(soci::session& sql, std::int64_t mapping_id);

struct AlertRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::optional<std::int64_t> mapping_id;
    std::string reason;
    std::optional<std::int64_t> raised_by;
    std::string raised_at;
    std::string seen_by_name{};  ///< read only; empty until a manager has seen it
    std::string seen_at{};
};
void raise_alert(soci::session& sql, const AlertRecord& alert);
/// Newest first.
std::vector<AlertRecord> alerts(soci::session& sql, std::int64_t case_id);
/// The case an alert was raised on.
std::optional<std::int64_t> case_of_alert(soci::session& sql, std::int64_t alert_id);
/// False when it had already been seen.
bool mark_alert_seen(soci::session& sql, std::int64_t alert_id, std::int64_t by,
                     const std::string& at);

}  // namespace mappings
}  // namespace signs::store
