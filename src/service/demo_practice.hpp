#pragma once
/// The Carter family's work beyond the mapping, so that a newcomer following links from the
/// demo practitioner's home reaches a plan, meetings and what Maya said: the plan built from
/// the agreed mapping, agreed, with one action done, one going and one overdue; Maya's Three
/// Houses, which she agreed her family and network may read; a child in need review held last
/// week, with attendance and a parent's dissent, and the next one arranged; and Maya's Words
/// and Pictures story, with the copy given to Dana.
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/language/glossary.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "store/database.hpp"

namespace signs::service {

/// What a service answered while loading the demo data; anything refused is a fault in the
/// demo data itself, so it stops the load with what was refused and why.
template <class T>
T demo_ok(core::Result<T> result, const char* what) {
    if (!result) {
        auto why = result.error().message;
        for (const auto& f : result.error().fields) why += "; " + f.field + ": " + f.message;
        throw core::Fault(core::ErrorKind::Internal,
                          std::string{"demo "} + what + " rejected: " + why);
    }
    if constexpr (!std::is_void_v<T>) return *result;
}

/// A mapping started for the Brightwater family in which the health visitor's number is 0,
/// so an alert waits for the team manager.
void add_demo_alert(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                    const Actor& actor, std::int64_t case_id, std::int64_t child_id);

void add_demo_practice(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                       const Actor& actor, std::int64_t case_id, std::int64_t child_id,
                       std::int64_t agreed_mapping, std::vector<domain::Term> plain_words);

}  // namespace signs::service
