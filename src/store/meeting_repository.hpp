#pragma once
/// Meetings, the children each concerns, and the people invited.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct MeetingRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string type;
    std::string held_on;  ///< ISO date
    int start_minutes = 0;
    int end_minutes = 0;
    std::string venue;
    bool remote = false;
    std::string chair;
    std::string status = "arranged";  ///< "arranged", "held" or "cancelled"
    std::string cancel_reason;
    std::string uid;
    int sequence = 0;
    std::optional<std::int64_t> mapping_id;
    std::string decision;
    std::string plan_needed;
    std::string category;
    std::optional<int> plan_version;
    std::string next_on;
    std::optional<std::int64_t> created_by;
    std::string created_at;
    int version = 1;
    std::vector<std::int64_t> child_ids;
};

struct InviteeRecord {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string name;
    std::string kind;  ///< as a mapping's participant kinds
    std::string role;
    std::string email;
    std::string attendance = "invited";
    std::string reason;
    std::string dissent;
};

namespace meetings {

std::int64_t insert(soci::session& sql, const MeetingRecord& meeting);
std::optional<MeetingRecord> find(soci::session& sql, std::int64_t id);
/// Earliest first.
std::vector<MeetingRecord> for_case(soci::session& sql, std::int64_t case_id);
/// Moves the meeting (date, times, place, chair, children) and raises its sequence, if it is
/// still at `expected_version`.
bool reschedule(soci::session& sql, const MeetingRecord& meeting, int expected_version);
bool cancel(soci::session& sql, std::int64_t id, const std::string& reason, int expected_version);
/// Records the outcome and marks the meeting held.
bool record_outcome(soci::session& sql, const MeetingRecord& meeting, int expected_version);
/// False when the meeting already has its mapping.
bool link_mapping(soci::session& sql, std::int64_t id, std::int64_t mapping_id);

std::int64_t add_invitee(soci::session& sql, const InviteeRecord& invitee);
std::vector<InviteeRecord> invitees(soci::session& sql, std::int64_t meeting_id);
bool set_attendance(soci::session& sql, std::int64_t invitee_id, const std::string& attendance,
                    const std::string& reason);
bool set_dissent(soci::session& sql, std::int64_t invitee_id, const std::string& dissent);

}  // namespace meetings
}  // namespace signs::store
