#pragma once
/// "My cases" and "Team cases", as the pages and the API ask for them.
#include <string>
#include <vector>

#include "store/case_repository.hpp"
#include "web/app.hpp"
#include "web/form.hpp"

namespace signs::web::handlers {

/// How far ahead "due soon" looks on the case lists, in working days.
inline constexpr int kDueSoonWorkingDays = 5;

/// The case list's filters, as chosen in the query string: view=team, level (any number),
/// unallocated=yes (team view only), due=soon and alerts=waiting. Unknown values are ignored.
struct CaseListChoice {
    bool team = false;
    std::vector<std::string> levels;
    bool unallocated = false;
    bool due_soon = false;
    bool overdue = false;  ///< only cases with an overdue plan action
    bool alerts = false;   ///< alerts=waiting: cases with an alert no manager has seen

    static CaseListChoice from(const Form& query);
    /// The address of the case list page with these choices.
    std::string href() const;
};

/// The rows the choice selects for the signed-in user.
core::Result<std::vector<store::CaseListRow>> case_list(App& app, Exchange& ex,
                                                        const CaseListChoice& choice);

}  // namespace signs::web::handlers
