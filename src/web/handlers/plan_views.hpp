#pragma once
/// What the plan pages share: a plan's goals and actions as the templates draw them.
#include <nlohmann/json.hpp>

#include <string>

#include "service/plan_service.hpp"
#include "web/form.hpp"

namespace signs::web::handlers {

/// "Not started", with the GOV.UK tag colour that goes with it.
nlohmann::json status_tag(const std::string& status);
/// "A parent or carer: Dana Carter", or "Not yet agreed" while unknown.
std::string owner_text(const domain::PlanAction& action);
/// An action for the templates: its words, who, by when, how known, and its progress.
nlohmann::json action_model(const service::PlanView& view, const domain::PlanAction& action,
                            core::CivilDate today);
domain::ActionForm action_form(const Form& f);
domain::ActionForm action_form_from(const domain::PlanAction& action);

}  // namespace signs::web::handlers
