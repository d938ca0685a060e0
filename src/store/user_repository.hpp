#pragma once
/// Staff accounts and teams.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/people/role.hpp"

namespace signs::store {

struct UserRecord {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    domain::Role role = domain::Role::Practitioner;
    std::optional<std::int64_t> team_id;
    std::string team_name;  ///< empty when the user has no team
    std::string password_hash;
    bool active = true;
    bool is_demo = false;
    std::string created_at;
    int version = 1;
};

struct TeamRecord {
    std::int64_t id;
    std::string name;
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

std::int64_t find_or_create_team(soci::session& sql, const std::string& name, bool is_demo);
std::vector<TeamRecord> list_teams(soci::session& sql);

}  // namespace users
}  // namespace signs::store
