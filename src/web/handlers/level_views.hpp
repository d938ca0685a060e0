#pragma once
/// The service level fields (level, category, legal status, date, reason) that opening a
/// case, changing level and adding a child to a case all ask for.
#include <nlohmann/json.hpp>

#include <string>

#include "core/error.hpp"
#include "domain/casework/service_level.hpp"
#include "web/app.hpp"
#include "web/form.hpp"

namespace signs::web::handlers {

struct LevelForm {
    std::string level, category, legal_status, day, month, year, reason;
};

LevelForm level_form(const Form& f);
/// A level form dated today, which is when most changes are recorded.
LevelForm today_form(App& app);
/// Reads the level fields into a domain change, or the field errors they have.
core::Result<domain::LevelChange> parse_level_change(const LevelForm& form);
/// The domain names a date "date"; the page's first date box is "date-day".
core::Error for_page(core::Error error);
/// The models of the level_fields partial.
nlohmann::json level_fields(App& app, const LevelForm& form, const core::Error* error);
/// "Child in need", or "Closed" for no level.
std::string level_text(const std::string& code);

}  // namespace signs::web::handlers
