#pragma once
/// Contacts and referrals, and the decisions made on them.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct ContactRecord {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::string child_name;  ///< read only
    std::optional<std::int64_t> team_id;
    std::string received_at;  ///< stored UTC time
    std::string received_on;  ///< ISO London date
    std::string channel;
    std::string referrer_name;
    std::string referrer_role;
    std::string referrer_agency;
    std::string referrer_contact;
    std::string worried;
    std::string working_well;
    std::string needs_to_happen;
    std::optional<int> scale;
    std::string scale_question;
    std::string decision_due;  ///< ISO date
    std::string decision;      ///< empty while awaiting a decision
    std::string decision_reason;
    std::optional<std::int64_t> decided_by;
    std::string decided_by_name;  ///< read only
    std::string decided_at;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_by_name;  ///< read only
    std::string recorded_at;
    int version = 1;
};

namespace contacts {

std::int64_t insert(soci::session& sql, const ContactRecord& contact);
std::optional<ContactRecord> find(soci::session& sql, std::int64_t id);
/// Newest first.
std::vector<ContactRecord> for_child(soci::session& sql, std::int64_t child_id);
/// Contacts recorded by these teams still waiting for a decision, the earliest due first.
std::vector<ContactRecord> awaiting_decision(soci::session& sql,
                                             const std::vector<std::int64_t>& team_ids,
                                             int limit = 200);
/// Records the decision if the contact is still at `expected_version` and undecided.
bool decide(soci::session& sql, std::int64_t id, const std::string& decision,
            const std::string& reason, std::int64_t decided_by, const std::string& decided_at,
            int expected_version);

/// Marks a contact as part of the fictional demo data.
void mark_demo(soci::session& sql, std::int64_t id);

}  // namespace contacts
}  // namespace signs::store
