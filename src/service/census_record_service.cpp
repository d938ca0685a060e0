#include "service/census_record_service.hpp"

#include <algorithm>

#include "core/london_time.hpp"
#include "domain/code_label.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "store/chronology_repository.hpp"
#include "store/read_transaction.hpp"

namespace signs::service {
namespace {

core::Result<store::ChildRecord> openable(soci::session& sql, const Actor& actor,
                                          std::int64_t child_id, const std::string& now) {
    if (!has_case_role(actor))
        return core::fail(core::ErrorKind::Forbidden, "Your role has no children's records");
    auto child = store::children::find(sql, child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(sql, actor, *child, now))
        return core::fail(core::ErrorKind::Forbidden,
                          "This child's record is not part of your work");
    return *child;
}

/// The child's episode, read inside the writing transaction after the child's row is held,
/// so what is checked against it cannot change before the write.
core::Result<store::EpisodeRecord> held_episode(soci::session& sql, std::int64_t child_id,
                                                std::int64_t episode_id) {
    store::cin::open_episode_held(sql, child_id);
    auto episode = store::cin::find_episode(sql, episode_id);
    if (!episode || episode->child_id != child_id)
        return core::fail(core::ErrorKind::NotFound, "There is no such referral for this child");
    return *episode;
}

domain::EpisodeSpan span_of(const store::EpisodeRecord& e) {
    return {*core::CivilDate::parse_iso(e.referral_date), core::CivilDate::parse_iso(e.closed_on)};
}

std::vector<store::AssessmentRecord> assessments_in(soci::session& sql, std::int64_t child_id,
                                                    std::int64_t episode_id) {
    auto all = store::cin::assessments_for_child(sql, child_id);
    std::erase_if(all, [&](const auto& a) { return a.episode_id != episode_id; });
    return all;
}

}  // namespace

core::Result<ChildCensusView> CensusRecordService::view(const Actor& actor, std::int64_t child_id) {
    ChildCensusView view;
    {
        auto lease = db_.lease();
        store::ReadTransaction read{lease};
        auto& sql = lease.sql();
        auto child = openable(sql, actor, child_id, core::to_storage(clock_.now()));
        if (!child) return std::unexpected(child.error());
        view.child = *child;
        view.episodes = store::cin::episodes_for_child(sql, child_id);
        view.assessments = store::cin::assessments_for_child(sql, child_id);
        view.enquiries = store::cin::enquiries_for_child(sql, child_id);
    }
    audit_.record_view(actor, {"view", "child", std::to_string(child_id), "census"});
    return view;
}

core::Result<void> CensusRecordService::update_episode(const Actor& actor, std::int64_t child_id,
                                                       std::int64_t episode_id,
                                                       const domain::EpisodeAnswersForm& form,
                                                       int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto child = openable(sql, actor, child_id, now);
    if (!child) return std::unexpected(child.error());
    auto episode = held_episode(sql, child_id, episode_id);
    if (!episode) return std::unexpected(episode.error());
    bool assessed = !assessments_in(sql, child_id, episode_id).empty();
    bool closed = !episode->closed_on.empty();
    auto answers = domain::check_episode_answers(form, codes_, assessed, closed);
    if (!answers) return std::unexpected(answers.error());
    // Taking back "no further action" makes the referral one going on again, and only one
    // may be going on at a time.
    if (episode->no_further_action && !answers->no_further_action && episode->closed_on.empty()) {
        if (auto other = store::cin::open_episode_held(sql, child_id);
            other && other->id != episode_id) {
            return core::fail(core::ErrorKind::Conflict,
                              "A later referral is going on for this child, so this one cannot be "
                              "reopened: close the later one first");
        }
    }
    auto changed = *episode;
    changed.referral_source = answers->referral_source;
    changed.primary_need = answers->primary_need;
    changed.no_further_action = answers->no_further_action;
    if (closed) changed.closure_reason = answers->closure_reason;
    if (!store::cin::update_episode(sql, changed, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this referral while you were looking at it");
    }
    record_audit(sql, clock_, actor,
                 {"census-episode", "child", std::to_string(child_id),
                  "episode " + std::to_string(episode_id)});
    tx.commit();
    return {};
}

core::Result<std::int64_t> CensusRecordService::start_assessment(const Actor& actor,
                                                                 std::int64_t child_id,
                                                                 std::int64_t episode_id,
                                                                 const domain::DateForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto child = openable(sql, actor, child_id, now);
    if (!child) return std::unexpected(child.error());
    auto episode = held_episode(sql, child_id, episode_id);
    if (!episode) return std::unexpected(episode.error());
    if (episode->no_further_action) {
        return core::fail(core::ErrorKind::Conflict,
                          "This referral led to no further action, so it has no assessment");
    }
    auto existing = assessments_in(sql, child_id, episode_id);
    bool open = std::any_of(existing.begin(), existing.end(),
                            [](const auto& a) { return a.authorised_on.empty(); });
    auto started = domain::check_assessment_start(form, span_of(*episode),
                                                  core::london_date(clock_.now()), open);
    if (!started) return std::unexpected(started.error());
    store::AssessmentRecord record;
    record.episode_id = episode_id;
    record.started_on = started->iso();
    record.recorded_by = actor.user->id;
    record.recorded_at = now;
    auto id = store::cin::insert_assessment(sql, record);
    store::chronology::add(sql, {0, child_id, started->iso(), "assessment", "Assessment started",
                                 "record", actor.user->id, "", now});
    record_audit(sql, clock_, actor,
                 {"assessment-start", "child", std::to_string(child_id),
                  "assessment " + std::to_string(id)});
    tx.commit();
    return id;
}

core::Result<void> CensusRecordService::record_no_conference(const Actor& actor,
                                                             std::int64_t child_id,
                                                             std::int64_t meeting_id,
                                                             const domain::DateForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto child = openable(sql, actor, child_id, now);
    if (!child) return std::unexpected(child.error());
    store::cin::open_episode_held(sql, child_id);
    auto enquiries = store::cin::enquiries_for_child(sql, child_id);
    auto found = std::find_if(enquiries.begin(), enquiries.end(),
                              [&](const auto& e) { return e.meeting_id == meeting_id; });
    if (found == enquiries.end())
        return core::fail(core::ErrorKind::NotFound, "There is no such enquiry for this child");
    if (!found->no_conference_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This enquiry's outcome is already recorded");
    if (!found->conference_on.empty()) {
        return core::fail(core::ErrorKind::Conflict,
                          "An initial conference was held after this strategy discussion");
    }
    auto decided = domain::check_no_conference(form, *core::CivilDate::parse_iso(found->held_on),
                                               core::london_date(clock_.now()));
    if (!decided) return std::unexpected(decided.error());
    store::cin::record_no_conference(sql, meeting_id, decided->iso(), actor.user->id, now);
    store::chronology::add(sql, {0, child_id, decided->iso(), "enquiry",
                                 "Section 47 enquiry ended: no initial conference needed", "record",
                                 actor.user->id, "", now});
    record_audit(sql, clock_, actor,
                 {"enquiry-outcome", "child", std::to_string(child_id),
                  "meeting " + std::to_string(meeting_id)});
    tx.commit();
    return {};
}

core::Result<void> CensusRecordService::authorise_assessment(const Actor& actor,
                                                             std::int64_t child_id,
                                                             std::int64_t assessment_id,
                                                             const domain::AuthorisationForm& form,
                                                             int expected_version) {
    if (!actor.has_role(domain::Role::TeamManager))
        return core::fail(core::ErrorKind::Forbidden, "Only a team manager authorises assessments");
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto child = openable(sql, actor, child_id, now);
    if (!child) return std::unexpected(child.error());
    auto assessment = store::cin::find_assessment(sql, assessment_id);
    if (!assessment) return core::fail(core::ErrorKind::NotFound, "There is no such assessment");
    auto episode = held_episode(sql, child_id, assessment->episode_id);
    if (!episode) return std::unexpected(episode.error());
    assessment = store::cin::find_assessment(sql, assessment_id);
    if (!assessment->authorised_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This assessment is already authorised");
    auto checked =
        domain::check_authorisation(form, *core::CivilDate::parse_iso(assessment->started_on),
                                    span_of(*episode), core::london_date(clock_.now()), codes_);
    if (!checked) return std::unexpected(checked.error());
    if (!store::cin::authorise_assessment(sql, assessment_id, checked->on.iso(), actor.user->id,
                                          domain::join_codes(checked->factors), expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this assessment while you were looking at it");
    }
    store::chronology::add(
        sql, {0, child_id, checked->on.iso(), "assessment",
              "Assessment authorised by " + actor.user->name, "record", actor.user->id, "", now});
    record_audit(sql, clock_, actor,
                 {"assessment-authorise", "child", std::to_string(child_id),
                  "assessment " + std::to_string(assessment_id)});
    tx.commit();
    return {};
}

}  // namespace signs::service
