#pragma once
/// How a case's mappings change over time: what changed between two of them, and each
/// voice's number across all of them. Entries are followed from mapping to mapping through
/// the review that carried them forward; people are followed by name.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace signs::domain {

struct MappedEntry {
    std::int64_t id = 0;
    std::optional<std::int64_t> carried_from;
    std::string category;
    std::string text;
    std::string review_mark;
};

enum class EntryChange { Added, Changed, Resolved, Unchanged, Dropped };

struct EntryDifference {
    EntryChange change = EntryChange::Added;
    std::string category;
    std::string text;    ///< as it is in the later mapping (or was, for dropped entries)
    std::string before;  ///< as it was in the earlier mapping, when it was there
};

/// The first entry each entry descends from, following carried_from through every mapping
/// of the case (`all` holds them all).
std::map<std::int64_t, std::int64_t> entry_origins(const std::vector<MappedEntry>& all);

/// What is new, changed, no longer a concern, the same, or dropped in `later` compared with
/// `earlier`. Unchanged entries are included so the whole picture reads in one place.
std::vector<EntryDifference> compare_entries(const std::vector<MappedEntry>& earlier,
                                             const std::vector<MappedEntry>& later,
                                             const std::map<std::int64_t, std::int64_t>& origins);

/// One person's overall number in one mapping.
struct Voice {
    std::string name;
    int value = 0;
};

/// Every person's overall numbers across the mappings (oldest first), by name as written
/// (matched without regard to case). A person missing from a mapping has no number there.
struct Series {
    std::string name;
    std::vector<std::optional<int>> values;  ///< one per mapping
};
std::vector<Series> voice_series(const std::vector<std::vector<Voice>>& mappings);

}  // namespace signs::domain
