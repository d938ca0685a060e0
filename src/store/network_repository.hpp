#pragma once
/// The people linked to children, and the professionals involved with each child.
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signs::store {

struct PersonRecord {
    std::int64_t id = 0;
    std::string first_name, last_name, phone, email, address;
    std::string created_at;
    std::optional<std::int64_t> created_by;
};

/// A person as linked to one child.
struct NetworkRow {
    PersonRecord person;
    std::string relationship;
    bool parental_responsibility = false;
    bool lives_with_child = false;
    bool safety_network = false;
};

struct ProfessionalRecord {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::string name, role, agency, phone, email;
    std::string created_at;
};

namespace network {

std::int64_t insert_person(soci::session& sql, const PersonRecord& person);
std::optional<PersonRecord> find_person(soci::session& sql, std::int64_t id);
/// Links a person to a child; linking the same pair twice throws StoreFault(Unique).
void link(soci::session& sql, std::int64_t child_id, std::int64_t person_id,
          const NetworkRow& answers, const std::string& at);
std::vector<NetworkRow> for_child(soci::session& sql, std::int64_t child_id);
/// People linked to any of these children (the family around a case), each once.
std::vector<PersonRecord> people_around(soci::session& sql,
                                        const std::vector<std::int64_t>& child_ids);

std::int64_t insert_professional(soci::session& sql, const ProfessionalRecord& professional);
std::vector<ProfessionalRecord> professionals_for_child(soci::session& sql, std::int64_t child_id);

/// Marks a person as part of the fictional demo data.
void mark_demo_person(soci::session& sql, std::int64_t id);

}  // namespace network
}  // namespace signs::store
