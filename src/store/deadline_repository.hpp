#pragma once
/// Each open case's outstanding statutory deadlines, kept ready for the due lists, and the
/// lists themselves.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct KeptDeadline {
    std::string rule;
    std::string from_on;
    std::string due_on;
    std::string booked_on;  ///< empty when no meeting is arranged to meet it
};

struct DueRow {
    std::int64_t case_id = 0;
    std::string family_name;
    std::string worker_name;  ///< empty when unallocated
    std::string team_name;
    KeptDeadline deadline;
};

/// Whose list: a worker's, some teams' (any of them), or (neither) the whole service's. Cases
/// holding a restricted child appear only to the people named for it (`viewer`).
struct DueFilter {
    std::optional<std::int64_t> worker_id;
    std::vector<std::int64_t> team_ids;
    std::int64_t viewer = 0;
    std::string due_by;              ///< ISO date: only deadlines due on or before it
    std::vector<std::string> rules;  ///< rule codes (any of them); empty for all
    int limit = 100;
    int offset = 0;
};

namespace deadlines {

struct Stale {
    std::int64_t case_id = 0;
    std::int64_t stamp = 0;
};
/// Open cases whose kept deadlines are out of date on `today`: something changed since they
/// were worked out, or an arranged meeting's day has come. Meetings on or before `since` are
/// known to be taken into account already (empty: look at all). At most `limit`.
std::vector<Stale> stale(soci::session& sql, const std::string& today, const std::string& since,
                         int limit);
/// Makes working deadlines out take turns across nodes: the caller holds the lock until their
/// transaction ends.
void take_refresh_turn(soci::session& sql);
/// Keeps `rows` as the case's deadlines, worked out at `stamp` on `today`.
void replace(soci::session& sql, std::int64_t case_id, std::int64_t stamp, const std::string& today,
             const std::vector<KeptDeadline>& rows);

std::vector<DueRow> list(soci::session& sql, const DueFilter& filter);
/// Moves on with any change to what a due list shows (migration 0021).
std::int64_t stamp(soci::session& sql);
/// How many match, counting no further than `at_most`.
int count(soci::session& sql, const DueFilter& filter, int at_most);

/// Kept deadlines of open cases due from `from` to `to` (ISO dates, both included) not yet
/// told about with `kind`. Soonest first, at most `limit` after skipping `offset`; only the
/// case and the deadline are filled in.
std::vector<DueRow> wanting_notice(soci::session& sql, const std::string& kind,
                                   const std::string& from, const std::string& to, int limit,
                                   int offset);
/// Notes that the deadline has been told about; false when someone already had.
bool mark_noticed(soci::session& sql, std::int64_t case_id, const KeptDeadline& deadline,
                  const std::string& kind, const std::string& at);

struct Recipient {
    std::int64_t id = 0;
    std::string name;
    std::string email;
};
/// Who to tell about a case: its allocated worker, or (`managers`) the managers of its team,
/// whether their own or one they lead. Only active users, and none kept from the case by a
/// restriction.
std::vector<Recipient> people_to_tell(soci::session& sql, std::int64_t case_id, bool managers);

}  // namespace deadlines
}  // namespace signs::store
