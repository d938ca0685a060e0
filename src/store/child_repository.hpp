#pragma once
/// Children's records and the name keys that make searching them fast and forgiving.
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/database_url.hpp"

namespace signs::store {

struct ChildRecord {
    std::int64_t id = 0;
    std::string first_name;
    std::string last_name;
    std::string preferred_name;
    std::string date_of_birth;  ///< ISO date, or empty for an unborn child
    std::string expected_date;  ///< ISO date, or empty
    std::string sex;            ///< "M", "F" or "U"
    std::string ethnicity;
    std::string disabilities;  ///< codes joined by commas
    std::string first_language;
    bool interpreter_needed = false;
    std::string nhs_number;  ///< empty when not known
    std::string upn;
    std::string former_upn;     ///< empty when none
    std::string upn_unknown;    ///< why there is no UPN, or empty
    std::string date_of_death;  ///< ISO date, or empty
    std::string school;
    std::string what_matters;
    bool restricted = false;
    bool is_demo = false;
    std::string created_at;
    std::optional<std::int64_t> created_by;
    int version = 1;

    /// The name the child goes by: their preferred name, else their first name.
    const std::string& known_as() const {
        return preferred_name.empty() ? first_name : preferred_name;
    }
};

namespace children {

/// Replaces the child's name keys.
void replace_name_keys(soci::session& sql, std::int64_t child_id,
                       const std::vector<std::string>& name_keys);
/// The scheme the stored name keys were made under (migration 0037), with the row held
/// until the transaction ends.
int held_name_key_scheme(soci::session& sql, Dialect dialect);
void set_name_key_scheme(soci::session& sql, int scheme);
/// Up to `limit` children's ids after `after`, in order: for work over every record.
std::vector<std::int64_t> ids_after(soci::session& sql, std::int64_t after, int limit);

/// Inserts the child and its name keys; returns the new id.
std::int64_t insert(soci::session& sql, const ChildRecord& child,
                    const std::vector<std::string>& name_keys);
std::optional<ChildRecord> find(soci::session& sql, std::int64_t id);
/// Saves the editable details of `child` (names, dates, codes, identifiers, school, what
/// matters) and replaces its name keys, if its version is still `child.version`. False when
/// someone else saved first; the version then goes up by one.
bool update(soci::session& sql, const ChildRecord& child,
            const std::vector<std::string>& name_keys);
/// Restricts the child to exactly these users (replacing any earlier list); an empty list
/// lifts the restriction.
void set_restriction(soci::session& sql, std::int64_t id,
                     const std::vector<std::int64_t>& user_ids);
/// The users a restricted child is open to.
std::vector<std::int64_t> restricted_to(soci::session& sql, std::int64_t id);
/// The restricted children of a case that are not open to this user: none means the case's
/// restrictions let them in.
std::vector<std::int64_t> restricted_in_case_against(soci::session& sql, std::int64_t case_id,
                                                     std::int64_t user_id);
/// Every restricted child, by id.
std::vector<std::int64_t> restricted_ids(soci::session& sql);
/// Marks a child as part of the fictional demo data.
void mark_demo(soci::session& sql, std::int64_t id);
/// The children with these ids, in the order given (missing ones left out).
std::vector<ChildRecord> find_many(soci::session& sql, const std::vector<std::int64_t>& ids);
/// Children matching a condition (and any ORDER BY after it); `bind` adds its values.
std::vector<ChildRecord> where(soci::session& sql, const std::string& condition,
                               const std::function<void(soci::statement&)>& bind);
/// Who is asking, for the questions below that keep to the children they may open.
struct OpenableBy {
    std::int64_t user_id;
    std::vector<std::int64_t> team_ids;  ///< their own team and any they lead
    std::string now;                     ///< for break-glass grants still running
};
/// Which of these children the user may open through a case (their own, their teams', or
/// one they broke the glass on before `now`), or recorded themselves before any case.
/// Restrictions are not applied here.
std::vector<std::int64_t> openable(soci::session& sql, const std::vector<std::int64_t>& ids,
                                   const OpenableBy& by);
/// Where a search reads on from: after one child (upwards) or before one (downwards); with
/// neither, up from the first. Candidates always come in that order of ids, so a page of
/// results can end anywhere and the next one start exactly there (keyset paging).
struct IdCursor {
    std::optional<std::int64_t> after;
    std::optional<std::int64_t> before;
    bool downwards() const { return before && !after; }
};
/// Candidates in the cursor's order, and where to read on from when more may follow.
struct IdBatch {
    std::vector<std::int64_t> ids;
    std::optional<std::int64_t> read_on_from;
};
/// Children any of whose name keys is in `keys`, at most `limit` of them.
IdBatch ids_with_name_keys(soci::session& sql, const std::vector<std::string>& keys, int limit,
                           const std::optional<OpenableBy>& by = std::nullopt,
                           const IdCursor& from = {});
/// Children with a name key in `keys` or a name word starting with `prefix`: the two read
/// together, only as far as both have read, so the next batch skips nothing.
IdBatch ids_named(soci::session& sql, const std::vector<std::string>& keys,
                  const std::string& prefix, int limit, const OpenableBy& by, const IdCursor& from);
/// Children with a name word starting with `prefix` (already normalised).
IdBatch ids_with_name_prefix(soci::session& sql, const std::string& prefix, int limit,
                             const std::optional<OpenableBy>& by = std::nullopt,
                             const IdCursor& from = {});
/// Children the user recorded who are in no case yet, newest first.
std::vector<std::int64_t> ids_recorded_without_case(soci::session& sql, std::int64_t user_id,
                                                    int limit);
IdBatch ids_born_on(soci::session& sql, const std::string& iso_date, int limit,
                    const IdCursor& from = {});
std::vector<std::int64_t> ids_with_identifier(soci::session& sql, const std::string& nhs_number,
                                              const std::string& upn);

}  // namespace children
}  // namespace signs::store
