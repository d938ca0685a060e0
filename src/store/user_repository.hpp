#pragma once
/// Staff accounts and teams.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/people/role.hpp"

namespace signs::store {

struct TeamRecord {
    std::int64_t id;
    std::string name;
};

struct UserRecord {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    domain::Role role = domain::Role::Practitioner;
    std::optional<std::int64_t> team_id;
    std::string team_name;  ///< empty when the user has no team
    /// Teams a manager leads besides their own, by name. Read only: `set_led_teams` writes.
    std::vector<TeamRecord> led_teams;
    std::string password_hash;
    bool active = true;
    bool is_demo = false;
    std::string created_at;
    int version = 1;

    /// Their own team first, then any they lead: the teams whose work is theirs to see.
    std::vector<std::int64_t> team_ids() const;
    bool works_in(std::optional<std::int64_t> team) const;
};

namespace users {

std::optional<UserRecord> find_by_email(soci::session& sql, const std::string& email);
std::optional<UserRecord> find_by_id(soci::session& sql, std::int64_t id);
std::vector<UserRecord> list(soci::session& sql);
int count(soci::session& sql);
/// Moves with every user added or changed (their version), for pages that list staff.
std::string stamp(soci::session& sql);

/// Inserts and returns the new id; a duplicate email throws StoreFault(Unique).
std::int64_t insert(soci::session& sql, const UserRecord& user);

/// Both return false when the row is not at `expected_version` (someone else changed it).
bool update_password(soci::session& sql, std::int64_t id, const std::string& password_hash,
                     int expected_version);
bool set_active(soci::session& sql, std::int64_t id, bool active, int expected_version);

/// Replaces the teams the user leads besides their own; false when the user is not at
/// `expected_version`. Moves the user's version, so pages keyed on it are drawn again.
bool set_led_teams(soci::session& sql, std::int64_t id, const std::vector<std::int64_t>& teams,
                   int expected_version);

std::int64_t find_or_create_team(soci::session& sql, const std::string& name, bool is_demo);
std::vector<TeamRecord> list_teams(soci::session& sql);

}  // namespace users
}  // namespace signs::store
