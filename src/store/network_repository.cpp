#include "store/network_repository.hpp"

#include <set>

#include "store/query.hpp"
#include "store/store_error.hpp"

namespace signs::store::network {

std::int64_t insert_person(soci::session& sql, const PersonRecord& p) {
    return translate_errors([&] {
        long long id = 0;
        auto by = nullable_id(p.created_by);
        sql << "INSERT INTO people (first_name, last_name, phone, email, address, created_at, "
               "created_by) VALUES (:first, :last, :phone, :email, :address, :at, :by) RETURNING "
               "id",
            soci::use(p.first_name), soci::use(p.last_name), soci::use(p.phone), soci::use(p.email),
            soci::use(p.address), soci::use(p.created_at), soci::use(by.value, by.indicator),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<PersonRecord> find_person(soci::session& sql, std::int64_t id) {
    return translate_errors([&]() -> std::optional<PersonRecord> {
        PersonRecord p;
        long long key = id;
        sql << "SELECT first_name, last_name, phone, email, address, created_at FROM people "
               "WHERE id = :id",
            soci::use(key), soci::into(p.first_name), soci::into(p.last_name), soci::into(p.phone),
            soci::into(p.email), soci::into(p.address), soci::into(p.created_at);
        if (!sql.got_data()) return std::nullopt;
        p.id = id;
        return p;
    });
}

void link(soci::session& sql, std::int64_t child_id, std::int64_t person_id,
          const NetworkRow& answers, const std::string& at) {
    translate_errors([&] {
        long long child = child_id, person = person_id;
        int pr = answers.parental_responsibility ? 1 : 0, lives = answers.lives_with_child ? 1 : 0,
            network = answers.safety_network ? 1 : 0;
        sql << "INSERT INTO child_people (child_id, person_id, relationship, "
               "parental_responsibility, lives_with_child, safety_network, created_at) VALUES "
               "(:child, :person, :relationship, :pr, :lives, :network, :at)",
            soci::use(child), soci::use(person), soci::use(answers.relationship), soci::use(pr),
            soci::use(lives), soci::use(network), soci::use(at);
    });
}

std::vector<NetworkRow> for_child(soci::session& sql, std::int64_t child_id) {
    NetworkRow row;
    long long id = 0, child = child_id;
    int pr = 0, lives = 0, network = 0;
    std::vector<NetworkRow> out;
    for_each_row(
        sql,
        "SELECT p.id, p.first_name, p.last_name, p.phone, p.email, p.address, p.created_at, "
        "l.relationship, l.parental_responsibility, l.lives_with_child, l.safety_network "
        "FROM child_people l JOIN people p ON p.id = l.person_id WHERE l.child_id = :child "
        "ORDER BY l.created_at, p.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(row.person.first_name));
            st.exchange(soci::into(row.person.last_name));
            st.exchange(soci::into(row.person.phone));
            st.exchange(soci::into(row.person.email));
            st.exchange(soci::into(row.person.address));
            st.exchange(soci::into(row.person.created_at));
            st.exchange(soci::into(row.relationship));
            st.exchange(soci::into(pr));
            st.exchange(soci::into(lives));
            st.exchange(soci::into(network));
            st.exchange(soci::use(child));
        },
        [&] {
            auto item = row;
            item.person.id = id;
            item.parental_responsibility = flag(pr);
            item.lives_with_child = flag(lives);
            item.safety_network = flag(network);
            out.push_back(item);
        });
    return out;
}

std::vector<PersonRecord> people_around(soci::session& sql,
                                        const std::vector<std::int64_t>& child_ids) {
    std::set<std::int64_t> seen;
    std::vector<PersonRecord> out;
    for (auto child_id : child_ids) {
        for (auto& row : for_child(sql, child_id)) {
            if (seen.insert(row.person.id).second) out.push_back(row.person);
        }
    }
    return out;
}

std::int64_t insert_professional(soci::session& sql, const ProfessionalRecord& p) {
    return translate_errors([&] {
        long long id = 0, child = p.child_id;
        sql << "INSERT INTO professionals (child_id, name, role, agency, phone, email, created_at) "
               "VALUES (:child, :name, :role, :agency, :phone, :email, :at) RETURNING id",
            soci::use(child), soci::use(p.name), soci::use(p.role), soci::use(p.agency),
            soci::use(p.phone), soci::use(p.email), soci::use(p.created_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ProfessionalRecord> professionals_for_child(soci::session& sql, std::int64_t child_id) {
    ProfessionalRecord p;
    long long id = 0, child = child_id;
    std::vector<ProfessionalRecord> out;
    for_each_row(
        sql,
        "SELECT id, name, role, agency, phone, email, created_at FROM professionals "
        "WHERE child_id = :child ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(p.name));
            st.exchange(soci::into(p.role));
            st.exchange(soci::into(p.agency));
            st.exchange(soci::into(p.phone));
            st.exchange(soci::into(p.email));
            st.exchange(soci::into(p.created_at));
            st.exchange(soci::use(child));
        },
        [&] {
            auto item = p;
            item.id = id;
            item.child_id = child_id;
            out.push_back(item);
        });
    return out;
}

void mark_demo_person(soci::session& sql, std::int64_t id) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE people SET is_demo = 1 WHERE id = :id", soci::use(key);
    });
}

}  // namespace signs::store::network
