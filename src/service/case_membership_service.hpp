#pragma once
/// Children joining and leaving a case: a baby born into a family already known, a brother
/// who moves in, and the end of each child's part when the work with them is done. The case
/// closes when the last of its children's parts does.
#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/service_level.hpp"
#include "service/actor.hpp"
#include "store/child_repository.hpp"
#include "store/database.hpp"

namespace signs::service {

class CaseMembershipService {
  public:
    CaseMembershipService(store::Database& db, const core::Clock& clock,
                          const domain::CensusCodes& codes)
        : db_(db), clock_(clock), codes_(codes) {}

    /// Children the actor could add to this open case: those they recorded who are in no
    /// case yet. Empty when the case is not the actor's own work or is closed.
    std::vector<store::ChildRecord> children_to_add(const Actor& actor, std::int64_t case_id);
    /// Adds a child the actor may open to their open case, at a first level.
    core::Result<void> add_child(const Actor& actor, std::int64_t case_id, std::int64_t child_id,
                                 const domain::LevelChange& start);
    /// Ends the child's part in the case; closes the case when no child's part is open.
    core::Result<void> close_child(const Actor& actor, std::int64_t case_id, std::int64_t child_id,
                                   const domain::Closure& closure);

  private:
    store::Database& db_;
    const core::Clock& clock_;
    const domain::CensusCodes& codes_;
};

}  // namespace signs::service
