#include "store/child_voice_repository.hpp"

#include "store/query.hpp"

namespace signs::store::child_voice {
namespace {

std::vector<VoiceRecord> select(soci::session& sql, const std::string& where, long long key) {
    VoiceRecord row;
    long long id = 0, case_id = 0, child_id = 0, by = 0;
    int place = 0, family = 0, network = 0;
    soci::indicator place_ind = soci::i_null, by_ind = soci::i_null, name_ind = soci::i_null;
    std::vector<VoiceRecord> out;
    for_each_row(
        sql,
        "SELECT r.id, r.case_id, r.child_id, r.tool, r.held_on, r.helped_by, r.place, "
        "r.drawing_sha256, r.drawing_type, r.drawing_name, r.shared_with_family, "
        "r.shared_with_network, r.created_by, u.name, r.created_at "
        "FROM child_voice_records r LEFT JOIN users u ON u.id = r.created_by " +
            where,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(case_id));
            st.exchange(soci::into(child_id));
            st.exchange(soci::into(row.tool));
            st.exchange(soci::into(row.held_on));
            st.exchange(soci::into(row.helped_by));
            st.exchange(soci::into(place, place_ind));
            st.exchange(soci::into(row.drawing_sha256));
            st.exchange(soci::into(row.drawing_type));
            st.exchange(soci::into(row.drawing_name));
            st.exchange(soci::into(family));
            st.exchange(soci::into(network));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(row.created_by_name, name_ind));
            st.exchange(soci::into(row.created_at));
            st.exchange(soci::use(key));
        },
        [&] {
            auto copy = row;
            copy.id = id;
            copy.case_id = case_id;
            copy.child_id = child_id;
            copy.place = place_ind == soci::i_ok ? std::optional<int>{place} : std::nullopt;
            copy.created_by = id_or_none(by, by_ind);
            copy.shared_with_family = family != 0;
            copy.shared_with_network = network != 0;
            if (name_ind != soci::i_ok) copy.created_by_name.clear();
            out.push_back(std::move(copy));
        });
    for (auto& record : out) {
        std::string part, words;
        long long record_id = record.id;
        for_each_row(
            sql, "SELECT part, words FROM child_voice_parts WHERE record_id = :id",
            [&](soci::statement& st) {
                st.exchange(soci::into(part));
                st.exchange(soci::into(words));
                st.exchange(soci::use(record_id));
            },
            [&] { record.parts[part] = words; });
    }
    return out;
}

}  // namespace

std::int64_t add(soci::session& sql, const VoiceRecord& r) {
    return translate_errors([&] {
        auto by = nullable_id(r.created_by);
        long long case_id = r.case_id, child_id = r.child_id, id = 0;
        int place = r.place.value_or(0);
        soci::indicator place_ind = r.place ? soci::i_ok : soci::i_null;
        int family = r.shared_with_family ? 1 : 0, network = r.shared_with_network ? 1 : 0;
        sql << "INSERT INTO child_voice_records (case_id, child_id, tool, held_on, helped_by, "
               "place, drawing_sha256, drawing_type, drawing_name, shared_with_family, "
               "shared_with_network, created_by, created_at) VALUES (:c, :child, :tool, :on, "
               ":helped, :place, :sha, :type, :name, :family, :network, :by, :at) RETURNING id",
            soci::use(case_id), soci::use(child_id), soci::use(r.tool), soci::use(r.held_on),
            soci::use(r.helped_by), soci::use(place, place_ind), soci::use(r.drawing_sha256),
            soci::use(r.drawing_type), soci::use(r.drawing_name), soci::use(family),
            soci::use(network), soci::use(by.value, by.indicator), soci::use(r.created_at),
            soci::into(id);
        for (const auto& [part, words] : r.parts) {
            sql << "INSERT INTO child_voice_parts (record_id, part, words) VALUES (:id, :part, "
                   ":words)",
                soci::use(id), soci::use(part), soci::use(words);
        }
        return static_cast<std::int64_t>(id);
    });
}

std::optional<VoiceRecord> find(soci::session& sql, std::int64_t id) {
    return first_of(select(sql, "WHERE r.id = :id", id));
}

std::vector<VoiceRecord> for_case(soci::session& sql, std::int64_t case_id) {
    return select(sql, "WHERE r.case_id = :c ORDER BY r.held_on DESC, r.id DESC", case_id);
}

}  // namespace signs::store::child_voice
