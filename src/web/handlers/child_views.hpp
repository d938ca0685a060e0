#pragma once
/// The child's details as pages show and ask for them: the form's fields, the answers in
/// words for "check your answers" and for showing what someone else changed, and the small
/// text helpers the casework pages share.
#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/casework/child.hpp"
#include "store/child_repository.hpp"
#include "web/form.hpp"

namespace signs::web::handlers {

using Options = std::vector<std::pair<std::string, std::string>>;

Options code_options(std::span<const domain::CodeLabel> codes);
/// "2 March 2019" for an ISO date; empty when there is none.
std::string date_text(const std::string& iso);
/// The date of birth, or "Unborn, due ..." for an unborn child.
std::string born_text(const store::ChildRecord& child);

domain::ChildForm child_form(const Form& f);
/// The form as it would be filled in from the saved record, for editing.
domain::ChildForm child_form_from(const store::ChildRecord& child);
/// The models of every field of the child_fields partial.
nlohmann::json child_fields(const domain::ChildForm& form, const core::Error* error,
                            const domain::CensusCodes& codes);
/// Summary list rows ({key, value}) of the answers in words, in page order.
nlohmann::json child_answer_rows(const domain::ChildForm& form, const domain::CensusCodes& codes);

/// Where a page of search results starts: `after` or `before` a child's number, or neither;
/// nothing when either is not a number or both are given.
std::optional<store::children::IdCursor> search_cursor(const Form& query);

}  // namespace signs::web::handlers
