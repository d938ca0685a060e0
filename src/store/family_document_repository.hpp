#pragma once
/// Records of family documents given to people.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store::family_documents {

struct GivenRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::optional<std::int64_t> child_id;  ///< the child a story is for; none for Our plan
    std::string kind;                      ///< "our-plan" or "words-and-pictures"
    std::string title;
    std::string based_on;     ///< what it was made from, in words
    std::string content;      ///< the words given
    std::string fingerprint;  ///< SHA-256 of `content`
    std::string given_to;
    std::string given_on;  ///< ISO date
    std::string how;
    std::optional<std::int64_t> recorded_by;
    std::string recorded_by_name;  ///< read only
    std::string recorded_at;
};

std::int64_t add(soci::session& sql, const GivenRecord& record);
/// A case's records, newest first.
std::vector<GivenRecord> for_case(soci::session& sql, std::int64_t case_id);
std::optional<GivenRecord> find(soci::session& sql, std::int64_t id);
/// Moves with every record added for the case.
std::string stamp_for_case(soci::session& sql, std::int64_t case_id);

}  // namespace signs::store::family_documents
