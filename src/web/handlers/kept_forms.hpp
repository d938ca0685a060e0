#pragma once
/// Forms are drawn afresh only when what they show has changed.
///
/// Forms about one case (start a mapping, record a visit, change a level...) are drawn from
/// the case as its page is, so they are kept under the case page's key: its version and the
/// stamps the database moves with every change (see service::CasePages::case_page_key), the
/// day (their dates start at today), and what the viewer alone sees. Access is checked and
/// the view audited on every request; a form refused on drawing (a closed case, say) is an
/// error and never kept.
#include <cstdint>
#include <functional>
#include <string>

#include "store/child_repository.hpp"
#include "web/app.hpp"

namespace signs::web::handlers {

/// `variant` names anything else the form is drawn from, such as a tool chosen in the
/// address; only values the handler has checked belong in it.
Response kept_case_form(App& app, Exchange& ex, std::int64_t case_id, const std::string& variant,
                        const std::function<Response()>& draw);

/// Forms about one child, kept in the same way under service::CasePages::child_form_key;
/// `purpose` is the audit's detail, `family` says the form shows the people of the child's
/// brothers and sisters. `draw` is given the child's record as saved now.
Response kept_child_form(App& app, Exchange& ex, std::int64_t child_id, const std::string& variant,
                         bool family, const std::string& purpose,
                         const std::function<Response(const store::ChildRecord&)>& draw);

}  // namespace signs::web::handlers
