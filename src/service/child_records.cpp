#include "service/child_records.hpp"

#include <set>

#include "domain/casework/name_match.hpp"

namespace signs::service {

store::ChildRecord record_from(const domain::ChildDetails& details) {
    store::ChildRecord child;
    child.first_name = details.first_name;
    child.last_name = details.last_name;
    child.preferred_name = details.preferred_name;
    if (details.date_of_birth) child.date_of_birth = details.date_of_birth->iso();
    if (details.expected_date) child.expected_date = details.expected_date->iso();
    child.gender = details.gender;
    child.ethnicity = details.ethnicity;
    child.disabilities = domain::join_codes(details.disabilities);
    child.first_language = details.first_language;
    child.interpreter_needed = details.interpreter_needed;
    child.nhs_number = details.nhs_number;
    child.upn = details.upn;
    child.school = details.school;
    child.what_matters = details.what_matters;
    return child;
}

domain::ChildDetails details_of(const store::ChildRecord& record) {
    domain::ChildDetails details;
    details.first_name = record.first_name;
    details.last_name = record.last_name;
    details.preferred_name = record.preferred_name;
    details.date_of_birth = core::CivilDate::parse_iso(record.date_of_birth);
    details.expected_date = core::CivilDate::parse_iso(record.expected_date);
    details.gender = record.gender;
    details.ethnicity = record.ethnicity;
    details.disabilities = domain::split_codes(record.disabilities);
    details.first_language = record.first_language;
    details.interpreter_needed = record.interpreter_needed;
    details.nhs_number = record.nhs_number;
    details.upn = record.upn;
    details.school = record.school;
    details.what_matters = record.what_matters;
    return details;
}

std::vector<std::string> index_keys_for(const store::ChildRecord& child) {
    auto keys = domain::name_index_keys(child.first_name + " " + child.last_name + " " +
                                        child.preferred_name);
    std::set<std::string> unique(keys.begin(), keys.end());
    return {unique.begin(), unique.end()};
}

}  // namespace signs::service
