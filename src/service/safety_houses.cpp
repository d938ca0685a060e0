#include "service/safety_houses.hpp"

#include <algorithm>

#include "store/child_repository.hpp"
#include "store/child_voice_repository.hpp"

namespace signs::service {

std::vector<LatestSafetyHouse> latest_safety_houses(soci::session& sql, std::int64_t case_id,
                                                    HouseReaders readers) {
    std::vector<LatestSafetyHouse> out;
    std::vector<std::int64_t> seen;
    // Newest first, so the first house met for each child is their latest.
    for (const auto& r : store::child_voice::for_case(sql, case_id)) {
        if (r.tool != "safety-house" ||
            std::find(seen.begin(), seen.end(), r.child_id) != seen.end())
            continue;
        seen.push_back(r.child_id);
        if (readers == HouseReaders::Family && !r.shared_with_family) continue;
        auto child = store::children::find(sql, r.child_id);
        auto part = [&](const char* code) {
            auto found = r.parts.find(code);
            return found == r.parts.end() ? std::string{} : found->second;
        };
        out.push_back({r.id,
                       {child ? child->known_as() : "Your child", part("inside"), part("path"),
                        part("outside"), part("rules"), r.place},
                       r.shared_with_family});
    }
    return out;
}

}  // namespace signs::service
