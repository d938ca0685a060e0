#pragma once
#include <vector>

#include "web/router.hpp"

namespace signs::web {

/// THE route table: every URL signs answers, with its handler and who may call it.
std::vector<Route> route_table();

}  // namespace signs::web
