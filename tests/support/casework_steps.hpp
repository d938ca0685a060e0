#pragma once
// Steps the casework HTTP tests share: filling in the forms a worker fills in.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "support/test_server.hpp"

namespace signs::testing {

using Fields = std::vector<std::pair<std::string, std::string>>;

/// A born child's form, with only what is required.
Fields child_fields(const std::string& first, const std::string& last,
                    const std::string& dob = "2019-03-02");
/// The number at the end of the redirect's location after `prefix` ("/children/"); 0 if none.
std::int64_t id_from(const HttpResult& response, const std::string& prefix);
/// Adds a child (expecting success) and returns their id.
std::int64_t add_child(Browser& browser, const Fields& fields);
Fields level_fields(const std::string& level, const std::string& date, const std::string& reason,
                    const std::string& category = "", const std::string& legal = "");
/// Opens a case for one child on 2 November 2026 and returns its id.
std::int64_t open_case(Browser& browser, std::int64_t child_id,
                       const std::string& level = "early-help");

/// A contact received at 9:30 on Thursday 26 November 2026 by phone from a class teacher.
Fields contact_fields();
/// Records a contact about the child (expecting success) and returns its id.
std::int64_t record_contact(Browser& browser, std::int64_t child, const Fields& fields);

/// A child in need case for `family` (opened 2 November 2026, so a visit is due on 30
/// November) with a strategy discussion held today, 26 November 2026: the initial conference
/// is due on 17 December.
std::int64_t case_with_strategy_discussion(Browser& worker, const std::string& family,
                                           const std::string& child_name = "Maya");

}  // namespace signs::testing
