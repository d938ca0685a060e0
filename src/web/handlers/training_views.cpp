#include "web/handlers/training_views.hpp"

#include <algorithm>

namespace signs::web::handlers {

nlohmann::json session_row(const store::TrainingSessionRecord& s, const std::string& status) {
    auto left = std::max(0, s.capacity - s.holding);
    std::string places = status == "Open" ? std::to_string(left) + " of " +
                                                std::to_string(s.capacity) + " places left"
                         : status == "Full" ? "Full: " + std::to_string(s.waiting) + " waiting"
                                            : status;
    return {{"id", std::to_string(s.id)},
            {"course", s.course_title},
            {"when", service::session_when(s)},
            {"where", s.venue.name + ", " + s.venue.postcode},
            {"places", places},
            {"open", status == "Open"}};
}

}  // namespace signs::web::handlers
