#include "domain/mapping/over_time.hpp"

#include <set>

#include "core/validation.hpp"

namespace signs::domain {

std::map<std::int64_t, std::int64_t> entry_origins(const std::vector<MappedEntry>& all) {
    std::map<std::int64_t, std::optional<std::int64_t>> parent;
    for (const auto& e : all) parent[e.id] = e.carried_from;
    std::map<std::int64_t, std::int64_t> origins;
    for (const auto& e : all) {
        auto at = e.id;
        // A chain is as long as the reviews; the guard stops a loop that should never exist.
        for (std::size_t steps = 0; steps <= all.size(); ++steps) {
            auto it = parent.find(at);
            if (it == parent.end() || !it->second) break;
            at = *it->second;
        }
        origins[e.id] = at;
    }
    return origins;
}

std::vector<EntryDifference> compare_entries(const std::vector<MappedEntry>& earlier,
                                             const std::vector<MappedEntry>& later,
                                             const std::map<std::int64_t, std::int64_t>& origins) {
    auto origin = [&](std::int64_t id) {
        auto it = origins.find(id);
        return it == origins.end() ? id : it->second;
    };
    std::map<std::int64_t, const MappedEntry*> before;
    for (const auto& e : earlier) before[origin(e.id)] = &e;
    std::set<std::int64_t> seen;
    std::vector<EntryDifference> out;
    for (const auto& e : later) {
        auto root = origin(e.id);
        auto it = before.find(root);
        EntryDifference d{EntryChange::Added, e.category, e.text, ""};
        if (it != before.end()) {
            seen.insert(root);
            d.before = it->second->text;
            if (e.review_mark == "resolved")
                d.change = EntryChange::Resolved;
            else if (e.text != it->second->text || e.category != it->second->category)
                d.change = EntryChange::Changed;
            else
                d.change = EntryChange::Unchanged;
        }
        out.push_back(d);
    }
    for (const auto& e : earlier) {
        if (!seen.contains(origin(e.id)))
            out.push_back({EntryChange::Dropped, e.category, e.text, e.text});
    }
    return out;
}

std::vector<Series> voice_series(const std::vector<std::vector<Voice>>& mappings) {
    std::vector<Series> out;
    auto index_of = [&](const std::string& name) {
        auto key = core::lower_ascii(core::trimmed(name));
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (core::lower_ascii(core::trimmed(out[i].name)) == key) return i;
        }
        out.push_back({core::trimmed(name), std::vector<std::optional<int>>(mappings.size())});
        return out.size() - 1;
    };
    for (std::size_t m = 0; m < mappings.size(); ++m) {
        for (const auto& voice : mappings[m]) out[index_of(voice.name)].values[m] = voice.value;
    }
    return out;
}

}  // namespace signs::domain
