#pragma once
/// Each child's latest Safety House on a case: who they put inside, on the path and outside,
/// and the house's rules. The plan page shows them beside the goals and the family's copy of
/// the plan keeps them, so both read them here.
#include <soci/soci.h>

#include <cstdint>
#include <vector>

#include "domain/documents/our_plan.hpp"

namespace signs::service {

struct LatestSafetyHouse {
    std::int64_t record_id = 0;  ///< the child's voice record it comes from
    domain::OurPlanSafetyHouse house;
    bool shared_with_family = false;  ///< whether the child agreed the family may read it
};

enum class HouseReaders { Professionals, Family };

/// One for each child of the case who has drawn a Safety House, from their newest. For the
/// family, a child's newest house is left out unless the child agreed to share it with them
/// (an older one is not shown instead: the child may have changed their mind).
std::vector<LatestSafetyHouse> latest_safety_houses(soci::session& sql, std::int64_t case_id,
                                                    HouseReaders readers);

}  // namespace signs::service
