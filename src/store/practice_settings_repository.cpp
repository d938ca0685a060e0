#include "store/practice_settings_repository.hpp"

#include "store/query.hpp"

namespace signs::store::practice_settings {

std::map<std::string, std::string> wording(soci::session& sql, const std::string& variant) {
    std::string field, value;
    std::map<std::string, std::string> out;
    for_each_row(
        sql, "SELECT field, value FROM wording_overrides WHERE variant = :variant",
        [&](soci::statement& st) {
            st.exchange(soci::into(field));
            st.exchange(soci::into(value));
            st.exchange(soci::use(variant));
        },
        [&] { out[field] = value; });
    return out;
}

void replace_wording(soci::session& sql, const std::string& variant,
                     const std::map<std::string, std::string>& words,
                     std::optional<std::int64_t> by, const std::string& at) {
    translate_errors([&] {
        sql << "DELETE FROM wording_overrides WHERE variant = :variant", soci::use(variant);
        auto who = nullable_id(by);
        for (const auto& [field, value] : words) {
            sql << "INSERT INTO wording_overrides (variant, field, value, changed_by, changed_at) "
                   "VALUES (:variant, :field, :value, :by, :at)",
                soci::use(variant), soci::use(field), soci::use(value),
                soci::use(who.value, who.indicator), soci::use(at);
        }
    });
}

std::vector<BandRecord> bands(soci::session& sql) {
    BandRecord band;
    long long id = 0;
    std::vector<BandRecord> out;
    for_each_row(
        sql, "SELECT id, purpose, low, high, why FROM escalation_bands ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(band.purpose));
            st.exchange(soci::into(band.low));
            st.exchange(soci::into(band.high));
            st.exchange(soci::into(band.why));
        },
        [&] {
            band.id = id;
            out.push_back(band);
        });
    return out;
}

std::int64_t add_band(soci::session& sql, const BandRecord& band, std::optional<std::int64_t> by,
                      const std::string& at) {
    return translate_errors([&] {
        long long id = 0;
        auto who = nullable_id(by);
        sql << "INSERT INTO escalation_bands (purpose, low, high, why, changed_by, changed_at) "
               "VALUES (:purpose, :low, :high, :why, :by, :at) RETURNING id",
            soci::use(band.purpose), soci::use(band.low), soci::use(band.high), soci::use(band.why),
            soci::use(who.value, who.indicator), soci::use(at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

bool remove_band(soci::session& sql, std::int64_t id) {
    return translate_errors([&] {
        long long key = id;
        soci::statement st =
            (sql.prepare << "DELETE FROM escalation_bands WHERE id = :id", soci::use(key));
        return changed_one_row(st);
    });
}

}  // namespace signs::store::practice_settings
