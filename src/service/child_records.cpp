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
    child.sex = details.sex;
    child.ethnicity = details.ethnicity;
    child.disabilities = domain::join_codes(details.disabilities);
    child.first_language = details.first_language;
    child.interpreter_needed = details.interpreter_needed;
    child.nhs_number = details.nhs_number;
    child.upn = details.upn;
    child.former_upn = details.former_upn;
    child.upn_unknown = details.upn_unknown;
    if (details.date_of_death) child.date_of_death = details.date_of_death->iso();
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
    details.sex = record.sex;
    details.ethnicity = record.ethnicity;
    details.disabilities = domain::split_codes(record.disabilities);
    details.first_language = record.first_language;
    details.interpreter_needed = record.interpreter_needed;
    details.nhs_number = record.nhs_number;
    details.upn = record.upn;
    details.former_upn = record.former_upn;
    details.upn_unknown = record.upn_unknown;
    details.date_of_death = core::CivilDate::parse_iso(record.date_of_death);
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

std::int64_t renew_name_keys(store::Database& db) {
    auto lease = db.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    if (store::children::held_name_key_scheme(sql, db.dialect()) >= domain::kNameKeyScheme)
        return 0;
    std::int64_t renewed = 0, after = 0;
    for (;;) {
        auto ids = store::children::ids_after(sql, after, 500);
        if (ids.empty()) break;
        for (const auto& child : store::children::find_many(sql, ids))
            store::children::replace_name_keys(sql, child.id, index_keys_for(child));
        renewed += static_cast<std::int64_t>(ids.size());
        after = ids.back();
    }
    store::children::set_name_key_scheme(sql, domain::kNameKeyScheme);
    tx.commit();
    return renewed;
}

}  // namespace signs::service
