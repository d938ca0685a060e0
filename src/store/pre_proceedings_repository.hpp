#pragma once
/// Pre-proceedings recorded on a case (migration 0042): one going on per case at a time.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

/// Dates are ISO days, empty when not (yet) recorded; answers "yes", "no" or empty.
struct PreProceedingsRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::vector<std::int64_t> children;  ///< smallest number first
    std::string started_on;
    std::string letter_sent_on;
    std::string family_meeting_offered;
    std::string not_offered_reason;
    std::string family_meeting_accepted;
    std::string decided_on;
    std::string outcome;
    std::string court_application_on;
    std::string letter_initiating_on;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_at;
    int version = 1;
};

namespace pre_proceedings {

/// Throws a Unique store fault when the case already has pre-proceedings going on.
std::int64_t insert(soci::session& sql, const PreProceedingsRecord& record);
std::optional<PreProceedingsRecord> find(soci::session& sql, std::int64_t id);
/// The record read with its row held for the transaction (PostgreSQL's FOR UPDATE; SQLite's
/// writer already holds the database), so what is checked against it stays true to the write.
std::optional<PreProceedingsRecord> find_held(soci::session& sql, std::int64_t id);
/// Newest first.
std::vector<PreProceedingsRecord> for_case(soci::session& sql, std::int64_t case_id);
/// Saves everything but the case and the recorder if the record is still at
/// `expected_version`; the children are replaced. Throws a Unique store fault when reopening
/// it would make two going on in the case.
bool update(soci::session& sql, const PreProceedingsRecord& record, int expected_version);

/// For the census: each child's pre-proceedings that began from `start` to `reference`.
struct ChildPreProceedings {
    std::int64_t child_id = 0;
    PreProceedingsRecord record;
};
std::vector<ChildPreProceedings> begun_between(soci::session& sql, const std::string& start,
                                               const std::string& reference);

}  // namespace pre_proceedings
}  // namespace signs::store
