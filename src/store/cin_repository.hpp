#pragma once
/// Children in need episodes and their assessments, and what the census reads for a year.
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/returns/census_facts.hpp"
#include "store/child_repository.hpp"

namespace signs::store {

struct EpisodeRecord {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::optional<std::int64_t> contact_id;
    std::string referral_date;
    std::string referral_source;
    std::string primary_need;
    bool no_further_action = false;
    std::string closed_on;  ///< empty while open
    std::string closure_reason;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_at;
    int version = 1;
};

struct AssessmentRecord {
    std::int64_t id = 0;
    std::int64_t episode_id = 0;
    std::string started_on;
    std::string authorised_on;  ///< empty until a manager authorises it
    std::optional<std::int64_t> authorised_by;
    std::string authorised_by_name;  ///< read only
    std::string factors;             ///< codes joined by commas
    std::optional<std::int64_t> recorded_by;
    std::string recorded_at;
    int version = 1;
};

namespace cin {

std::int64_t insert_episode(soci::session& sql, const EpisodeRecord& episode);
std::optional<EpisodeRecord> find_episode(soci::session& sql, std::int64_t id);
/// The child's open episode, read with the child's row held for the transaction
/// (PostgreSQL's FOR UPDATE; SQLite's writer already holds the database), or nothing.
std::optional<EpisodeRecord> open_episode_held(soci::session& sql, std::int64_t child_id);
/// Oldest referral first.
std::vector<EpisodeRecord> episodes_for_child(soci::session& sql, std::int64_t child_id);
/// Saves the source, need, no-further-action answer and reason for closing if the episode is
/// still at `expected_version`.
bool update_episode(soci::session& sql, const EpisodeRecord& episode, int expected_version);
void close_episode(soci::session& sql, std::int64_t id, const std::string& on,
                   const std::string& reason);

std::int64_t insert_assessment(soci::session& sql, const AssessmentRecord& assessment);
std::optional<AssessmentRecord> find_assessment(soci::session& sql, std::int64_t id);
std::vector<AssessmentRecord> assessments_for_child(soci::session& sql, std::int64_t child_id);
/// Records the authorisation if the assessment is still unauthorised at `expected_version`.
bool authorise_assessment(soci::session& sql, std::int64_t id, const std::string& on,
                          std::int64_t by, const std::string& factors, int expected_version);

/// A section 47 enquiry: a strategy discussion held about the child, the first initial
/// conference on or after it, and the day it was found no conference was needed, if it was.
struct EnquiryRecord {
    std::int64_t meeting_id = 0;
    std::string held_on;
    std::string conference_on;     ///< empty when none has been held since
    std::string no_conference_on;  ///< empty unless recorded
};
std::vector<EnquiryRecord> enquiries_for_child(soci::session& sql, std::int64_t child_id);
/// Throws a Unique store fault when the enquiry's outcome is already recorded.
void record_no_conference(soci::session& sql, std::int64_t meeting_id, const std::string& on,
                          std::int64_t by, const std::string& at);

/// Where the child's work is: the team and worker of their open case, or of their latest.
struct ChildOwner {
    std::optional<std::int64_t> team_id;
    std::string team_name;
    std::optional<std::int64_t> worker_id;
    std::string worker_name;
};
/// For every child with an episode between `start` and `reference`.
std::map<std::int64_t, ChildOwner> census_child_owners(soci::session& sql, const std::string& start,
                                                       const std::string& reference);

/// The census stamp (migration 0044): it moves with any change to what the census reads.
std::int64_t census_stamp(soci::session& sql);

struct ReturnSettings {
    std::string la_code;  ///< empty until set
    int version = 1;
};
ReturnSettings return_settings(soci::session& sql);
/// False when the settings are no longer at `expected_version`.
bool set_la_code(soci::session& sql, const std::string& la_code, std::int64_t by,
                 const std::string& at, int expected_version);

/// The census's reading for a year: every child with an episode open at any time from
/// `start` to `reference` (of `only`, when it names any), in order of child number, with all
/// their episodes, assessments, level periods, the meetings the census counts, each case's
/// first agreed plan and their pre-proceedings. Reads a few large queries rather than one per
/// child, and hands each child over as soon as their facts are complete.
void for_each_census_child(
    soci::session& sql, const std::string& start, const std::string& reference,
    const std::function<void(const ChildRecord&, const domain::CensusFacts&)>& visit,
    const std::vector<std::int64_t>& only = {});

}  // namespace cin
}  // namespace signs::store
