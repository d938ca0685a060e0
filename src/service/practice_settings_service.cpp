#include "service/practice_settings_service.hpp"

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "service/audit_service.hpp"

namespace signs::service {
namespace {

constexpr std::string_view kRefusal = "Only system administrators can change the practice settings";

constexpr domain::PracticeVariant kVariants[] = {domain::PracticeVariant::Wellbeing,
                                                 domain::PracticeVariant::Safety,
                                                 domain::PracticeVariant::Stability};

}  // namespace

domain::MappingWording current_wording(soci::session& sql, domain::PracticeVariant variant) {
    return domain::apply_wording(
        domain::default_wording(variant),
        store::practice_settings::wording(sql, std::string{domain::variant_code(variant)}));
}

std::vector<domain::EscalationBand> current_bands(soci::session& sql) {
    std::vector<domain::EscalationBand> out;
    for (const auto& b : store::practice_settings::bands(sql))
        out.push_back({b.purpose, b.low, b.high, b.why});
    return out;
}

core::Result<std::vector<VariantWording>> PracticeSettingsService::wording(const Actor& actor) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    std::vector<VariantWording> out;
    for (auto variant : kVariants)
        out.push_back(
            {variant, domain::default_wording(variant), current_wording(lease.sql(), variant)});
    return out;
}

std::map<domain::PracticeVariant, std::string> PracticeSettingsService::variant_names() {
    auto lease = db_.lease();
    std::map<domain::PracticeVariant, std::string> out;
    for (auto variant : kVariants) out[variant] = current_wording(lease.sql(), variant).name;
    return out;
}

std::string PracticeSettingsService::stamp() {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    // Unit separators keep one setting from running into the next.
    std::string all;
    for (auto variant : kVariants) {
        for (const auto& [field, value] :
             store::practice_settings::wording(sql, std::string{domain::variant_code(variant)}))
            all += field + '\x1f' + value + '\x1e';
        all += '\x1d';
    }
    for (const auto& b : store::practice_settings::bands(sql))
        all += std::to_string(b.id) + '\x1f' + b.purpose + '\x1f' + std::to_string(b.low) + '\x1f' +
               std::to_string(b.high) + '\x1f' + b.why + '\x1e';
    return core::sha256_hex(all);
}

core::Result<void> PracticeSettingsService::set_wording(
    const Actor& actor, const std::string& variant_code,
    const std::map<std::string, std::string>& words) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto variant = std::find_if(std::begin(kVariants), std::end(kVariants),
                                [&](auto v) { return domain::variant_code(v) == variant_code; });
    if (variant == std::end(kVariants))
        return core::fail(core::ErrorKind::NotFound, "There is no such way of working");
    auto checked = domain::check_wording(words);
    if (!checked) return std::unexpected(checked.error());
    auto built_in = domain::default_wording(*variant);
    std::map<std::string, std::string> own;
    std::string changed;
    for (const auto& field : domain::wording_fields()) {
        auto it = checked->find(std::string{field.key});
        if (it == checked->end() || it->second == field.text(built_in)) continue;
        own.emplace(it->first, it->second);
        changed += (changed.empty() ? "" : ", ") + it->first;
    }
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    store::Transaction tx{lease};
    store::practice_settings::replace_wording(lease.sql(), variant_code, own, actor.user_id(), now);
    record_audit(lease.sql(), clock_, actor,
                 {"wording-change", "variant", variant_code,
                  changed.empty() ? "back to the built-in words" : "own words for " + changed});
    tx.commit();
    return {};
}

core::Result<std::vector<store::practice_settings::BandRecord>> PracticeSettingsService::bands(
    const Actor& actor) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    return store::practice_settings::bands(lease.sql());
}

core::Result<std::int64_t> PracticeSettingsService::add_band(const Actor& actor,
                                                             const domain::BandForm& form) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto band = domain::check_band(form);
    if (!band) return std::unexpected(band.error());
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    store::Transaction tx{lease};
    auto id = store::practice_settings::add_band(
        lease.sql(), {0, band->purpose, band->low, band->high, band->why}, actor.user_id(), now);
    record_audit(
        lease.sql(), clock_, actor,
        {"escalation-band-add", "escalation-band", std::to_string(id),
         band->purpose + " " + std::to_string(band->low) + " to " + std::to_string(band->high)});
    tx.commit();
    return id;
}

core::Result<void> PracticeSettingsService::remove_band(const Actor& actor, std::int64_t id) {
    if (auto allowed = require_admin(actor, kRefusal); !allowed)
        return std::unexpected(allowed.error());
    auto lease = db_.lease();
    store::Transaction tx{lease};
    if (!store::practice_settings::remove_band(lease.sql(), id))
        return core::fail(core::ErrorKind::NotFound, "That band has already been removed");
    record_audit(lease.sql(), clock_, actor,
                 {"escalation-band-remove", "escalation-band", std::to_string(id), ""});
    tx.commit();
    return {};
}

}  // namespace signs::service
