#pragma once
/// A council's own wording for each practice variant, and its escalation bands.
#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace signs::store::practice_settings {

/// The council's own words for one variant, by field key.
std::map<std::string, std::string> wording(soci::session& sql, const std::string& variant);
/// Puts `words` in place of whatever the variant had, so a field left out goes back to the
/// built-in words.
void replace_wording(soci::session& sql, const std::string& variant,
                     const std::map<std::string, std::string>& words,
                     std::optional<std::int64_t> by, const std::string& at);

struct BandRecord {
    std::int64_t id = 0;
    std::string purpose;
    int low = 0;
    int high = 0;
    std::string why;
};
/// In the order they were added.
std::vector<BandRecord> bands(soci::session& sql);
std::int64_t add_band(soci::session& sql, const BandRecord& band, std::optional<std::int64_t> by,
                      const std::string& at);
/// False when there was no such band.
bool remove_band(soci::session& sql, std::int64_t id);

}  // namespace signs::store::practice_settings
