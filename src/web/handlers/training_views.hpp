#pragma once
// Words for training sessions shared by the training pages and the public list.
#include <nlohmann/json.hpp>

#include <string>

#include "service/training_service.hpp"
#include "store/training_repository.hpp"

namespace signs::web::handlers {

/// A row of a list of sessions: course, when, where, places.
nlohmann::json session_row(const store::TrainingSessionRecord& s, const std::string& status);

}  // namespace signs::web::handlers
