#pragma once
/// Records of what children said through the child-focused tools.
#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace signs::store::child_voice {

struct VoiceRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::int64_t child_id = 0;
    std::string tool;
    std::string held_on;  ///< ISO date
    std::string helped_by;
    std::optional<int> place;
    std::string drawing_sha256;  ///< empty when there is no drawing
    std::string drawing_type;
    std::string drawing_name;
    std::map<std::string, std::string> parts;  ///< part code to the child's words
    bool shared_with_family = false;           ///< the child agreed their family may read the words
    bool shared_with_network = false;          ///< and their network

    /// A mapping is read with the family and the network, so the words go into one only
    /// when the child agreed to both.
    bool may_go_into_mapping() const { return shared_with_family && shared_with_network; }
    std::optional<std::int64_t> created_by;
    std::string created_by_name;  ///< read only
    std::string created_at;
};

std::int64_t add(soci::session& sql, const VoiceRecord& record);
std::optional<VoiceRecord> find(soci::session& sql, std::int64_t id);
/// A case's records, newest first, with their parts.
std::vector<VoiceRecord> for_case(soci::session& sql, std::int64_t case_id);

}  // namespace signs::store::child_voice
