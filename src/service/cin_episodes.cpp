#include "service/cin_episodes.hpp"

#include <algorithm>

#include "domain/returns/census_codes.hpp"
#include "store/case_repository.hpp"
#include "store/cin_repository.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

bool is_social_care(const std::string& level) { return !level.empty() && level != "early-help"; }

/// Whether the child had a plan of any kind in the episode: time at child protection or in
/// care, or a child in need plan (an agreed case plan while at child in need).
bool had_plan(soci::session& sql, std::int64_t child_id, const std::string& since) {
    long long key = child_id;
    int count = 0;
    store::translate_errors([&] {
        sql << "SELECT COUNT(*) FROM level_periods lp WHERE lp.child_id = :c AND "
               "(lp.to_date IS NULL OR lp.to_date > :since) AND (lp.level IN "
               "('child-protection', 'cared-for', 'care-leaver') OR (lp.level = "
               "'child-in-need' AND EXISTS (SELECT 1 FROM plans p JOIN plan_versions v ON "
               "v.plan_id = p.id WHERE p.case_id = lp.case_id AND v.status = 'agreed')))",
            soci::use(key), soci::use(since), soci::into(count);
    });
    return count > 0;
}

/// Whether the child is still at a social care level in some case.
bool still_in_social_care(soci::session& sql, std::int64_t child_id) {
    long long key = child_id;
    int count = 0;
    store::translate_errors([&] {
        sql << "SELECT COUNT(*) FROM level_periods WHERE child_id = :c AND to_date IS NULL AND "
               "level <> 'early-help'",
            soci::use(key), soci::into(count);
    });
    return count > 0;
}

/// Closes on `on`, or on the referral day when the level ended before the referral came in
/// (a contact decided after the child's level had started).
void close_on(soci::session& sql, const store::EpisodeRecord& open, const std::string& on,
              const std::string& reason) {
    store::cin::close_episode(sql, open.id, std::max(on, open.referral_date), reason);
}

}  // namespace

void open_episode_for_referral(soci::session& sql, std::int64_t child_id,
                               std::optional<std::int64_t> contact_id,
                               const std::string& referral_date, const std::string& source,
                               std::optional<std::int64_t> by, const std::string& now) {
    if (store::cin::open_episode_held(sql, child_id)) return;
    store::EpisodeRecord episode;
    episode.child_id = child_id;
    episode.contact_id = contact_id;
    episode.referral_date = referral_date;
    episode.referral_source = source;
    episode.recorded_by = by;
    episode.recorded_at = now;
    store::cin::insert_episode(sql, episode);
}

void follow_level(soci::session& sql, std::int64_t child_id, const std::string& from_level,
                  const std::string& level, const std::string& on, std::optional<std::int64_t> by,
                  const std::string& now) {
    auto open = store::cin::open_episode_held(sql, child_id);
    bool entering = from_level.empty() || from_level == "early-help";
    if (is_social_care(level) && entering && !open) {
        store::EpisodeRecord episode;
        episode.child_id = child_id;
        episode.referral_date = on;
        episode.referral_source = from_level == "early-help" ? kFromEarlyHelp : "";
        episode.recorded_by = by;
        episode.recorded_at = now;
        store::cin::insert_episode(sql, episode);
    } else if (!is_social_care(level) && open && is_social_care(from_level) &&
               !still_in_social_care(sql, child_id)) {
        // Referred on to early help: after assessment alone unless a plan was made (the
        // census's RC9 and RC7). The worker can change it on the child's census page.
        auto reason = had_plan(sql, child_id, open->referral_date)
                          ? std::string{"RC7"}
                          : std::string{domain::kClosedToEarlyHelp};
        close_on(sql, *open, on, reason);
    }
}

void close_episode_with_case(soci::session& sql, std::int64_t child_id, const std::string& on,
                             const std::string& reason) {
    auto open = store::cin::open_episode_held(sql, child_id);
    if (open && !still_in_social_care(sql, child_id)) close_on(sql, *open, on, reason);
}

}  // namespace signs::service
