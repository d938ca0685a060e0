#pragma once
/// What a council changes about the practice without a new release: the words each variant
/// uses (some call Signs of Stability "Signs of Success") and the score bands that raise an
/// alert to the case's manager. Only system administrators change them; everyone's pages
/// and every new score use them at once.
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/mapping/mapping.hpp"
#include "domain/mapping/wording.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"
#include "store/practice_settings_repository.hpp"

namespace signs::service {

/// A variant's wording in force: the built-in words with the council's own in their place.
domain::MappingWording current_wording(soci::session& sql, domain::PracticeVariant variant);
std::vector<domain::EscalationBand> current_bands(soci::session& sql);

struct VariantWording {
    domain::PracticeVariant variant;
    domain::MappingWording built_in;
    domain::MappingWording in_force;
};

class PracticeSettingsService {
  public:
    PracticeSettingsService(store::Database& db, const core::Clock& clock)
        : db_(db), clock_(clock) {}

    /// Every variant's wording, for the administrator's screen.
    core::Result<std::vector<VariantWording>> wording(const Actor& actor);
    /// The name each variant goes by in this council (for pages that show no other wording),
    /// read once for a whole page.
    std::map<domain::PracticeVariant, std::string> variant_names();
    /// Saves the council's words for one variant. Words the same as the built-in ones are not
    /// stored, so they follow any later change to the built-in wording.
    core::Result<void> set_wording(const Actor& actor, const std::string& variant_code,
                                   const std::map<std::string, std::string>& words);

    core::Result<std::vector<store::practice_settings::BandRecord>> bands(const Actor& actor);
    /// A fingerprint of every setting the administrator's page shows: the council's words
    /// and the bands, which are few, so the page can be kept until one changes.
    std::string stamp();
    core::Result<std::int64_t> add_band(const Actor& actor, const domain::BandForm& form);
    core::Result<void> remove_band(const Actor& actor, std::int64_t id);

  private:
    store::Database& db_;
    const core::Clock& clock_;
};

}  // namespace signs::service
