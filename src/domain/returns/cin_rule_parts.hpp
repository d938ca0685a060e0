#pragma once
/// What the census rule tables share: the shape of a rule's check and the small questions
/// most of them ask of an episode's dates. For the rule files only.
#include <algorithm>

#include "domain/returns/cin_rules.hpp"

namespace signs::domain::rule_parts {

using Child = const CensusChild&;
using Context = const CensusContext&;
using Episode = const CensusEpisode&;

/// Adds each episode for which `fails` is true.
template <class Fails>
void each_episode(Child c, RuleHits& hits, Fails fails) {
    for (std::size_t i = 0; i < c.episodes.size(); ++i) {
        if (fails(c.episodes[i])) hits.push_back(static_cast<int>(i));
    }
}

/// Whether any item of `items` makes `fails` true.
template <class Items, class Fails>
bool any(const Items& items, Fails fails) {
    return std::any_of(items.begin(), items.end(), fails);
}

/// Both dates known, and the first before (or after) the second.
inline bool before(const MaybeDate& day, const MaybeDate& limit) {
    return day && limit && *day < *limit;
}
inline bool after(const MaybeDate& day, const MaybeDate& limit) {
    return day && limit && *day > *limit;
}

}  // namespace signs::domain::rule_parts
