#include "service/family_document_service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "domain/meetings/meeting.hpp"
#include "domain/plans/plan.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/safety_houses.hpp"
#include "store/case_repository.hpp"
#include "store/child_voice_repository.hpp"
#include "store/family_document_repository.hpp"
#include "store/local_term_repository.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

std::string who_does(const domain::PlanAction& action) {
    if (!action.owner_name.empty()) return action.owner_name;
    return std::string{domain::label_for(domain::action_owner_kinds(), action.owner_kind)};
}

std::string story_version(int version) {
    return "version " + std::to_string(version) + " of the story";
}

/// "10:00am" from minutes after midnight.
std::string time_words(int minutes) {
    int hour = minutes / 60, minute = minutes % 60;
    int twelve = hour % 12 == 0 ? 12 : hour % 12;
    std::string out = std::to_string(twelve);
    if (minute != 0) out += ":" + std::string(minute < 10 ? "0" : "") + std::to_string(minute);
    return out + (hour < 12 ? "am" : "pm");
}

}  // namespace

core::Result<OurPlanDocument> FamilyDocumentService::our_plan(const Actor& actor,
                                                              std::int64_t case_id) {
    auto mappings = mappings_.for_case(actor, case_id);
    if (!mappings) return std::unexpected(mappings.error());
    const store::MappingRecord* latest = nullptr;
    for (const auto& m : *mappings) {
        if (m.status != "agreed") continue;
        if (!latest || std::tie(m.held_on, m.id) > std::tie(latest->held_on, latest->id))
            latest = &m;
    }
    if (!latest)
        return core::fail(core::ErrorKind::Conflict,
                          "No mapping of this case has been agreed yet. The family's plan is "
                          "made from the latest agreed mapping, so agree one first.");
    auto view = mappings_.view(actor, latest->id);
    if (!view) return std::unexpected(view.error());

    domain::OurPlanInput input;
    input.variant = domain::parse_variant(view->record.variant);
    input.wording = view->wording;
    for (const auto& child : view->children) input.children.push_back(child.known_as());
    input.mapped_on = view->record.held_on;
    std::vector<std::string> mapping_goals;
    for (const auto& e : view->entries) {
        if (e.review_mark == "resolved") continue;
        if (e.category == "danger-statement") input.worries.push_back(e.text);
        if (e.category == "strength" || e.category == "existing-safety")
            input.working_well.push_back(e.text);
        if (e.category == "bottom-line") input.bottom_lines.push_back(e.text);
        if (e.category == "safety-goal") mapping_goals.push_back(e.text);
    }
    if (view->revealed) {
        for (const auto& p : view->participants) {
            for (const auto& s : view->scores) {
                if (s.participant_id == p.id && !s.statement_id)
                    input.scores.push_back({p.name, s.value, s.why_not_lower, s.one_point_higher});
            }
        }
    }

    auto mapped = core::CivilDate::parse_iso(input.mapped_on);
    std::string based_on = "the mapping of " + (mapped ? mapped->long_text() : input.mapped_on);
    auto summary = plans_.summary(actor, case_id);
    if (!summary) return std::unexpected(summary.error());
    if (*summary && (*summary)->in_force) {
        auto plan = plans_.view(actor, (*summary)->id, (*summary)->in_force);
        if (!plan) return std::unexpected(plan.error());
        input.plan_agreed = true;
        input.plan_agreed_on = plan->version().agreed_on;
        for (const auto& goal : plan->content.goals) {
            domain::OurPlanGoal g{goal.text, {}};
            for (const auto& a : plan->content.actions) {
                if (a.goal_ref == goal.ref)
                    g.actions.push_back({a.what, who_does(a), a.due_on, a.how_known});
            }
            input.goals.push_back(std::move(g));
        }
        based_on += " and version " + std::to_string(plan->shown) + " of the plan";
    } else {
        for (const auto& text : mapping_goals) input.goals.push_back({text, {}});
    }

    auto meetings = meetings_.for_case(actor, case_id);
    if (!meetings) return std::unexpected(meetings.error());
    auto today = core::london_date(clock_.now()).iso();
    const store::MeetingRecord* next = nullptr;
    for (const auto& m : *meetings) {
        if (m.status != "arranged" || m.held_on < today) continue;
        if (!next ||
            std::tie(m.held_on, m.start_minutes) < std::tie(next->held_on, next->start_minutes))
            next = &m;
    }
    if (next) {
        const auto* type = domain::find_meeting_type(next->type);
        input.next_meeting = domain::OurPlanMeeting{type ? std::string{type->name} : "meeting",
                                                    next->held_on, time_words(next->start_minutes)};
    }

    {
        auto lease = db_.lease();
        for (auto& latest : latest_safety_houses(lease.sql(), case_id, HouseReaders::Family))
            input.safety_houses.push_back(std::move(latest.house));
    }

    OurPlanDocument out;
    out.case_id = case_id;
    out.document = domain::our_plan(input, *language_.glossary());
    out.based_on = based_on;
    out.fingerprint = core::sha256_hex(out.document.plain_text());
    auto lease = db_.lease();
    for (auto& g : store::family_documents::for_case(lease.sql(), case_id))
        if (g.kind == "our-plan") out.given.push_back(std::move(g));
    return out;
}

std::string FamilyDocumentService::our_plan_stamp(std::int64_t case_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    return store::local_terms::stamp(sql) + "." +
           store::family_documents::stamp_for_case(sql, case_id);
}

core::Result<std::int64_t> FamilyDocumentService::record_given(const Actor& actor,
                                                               std::int64_t case_id,
                                                               const domain::GivenForm& form) {
    auto made = our_plan(actor, case_id);
    if (!made) return std::unexpected(made.error());
    return keep_given(actor, case_id, "our-plan", made->document, made->based_on, form, {});
}

core::Result<std::int64_t> FamilyDocumentService::keep_given(
    const Actor& actor, std::int64_t case_id, std::string_view kind,
    const domain::FamilyDocument& document, const std::string& based_on,
    const domain::GivenForm& form, std::optional<std::int64_t> child_id) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    // A closed case first: its page has no form, so field errors would point at nothing.
    auto open = open_case_to_change(sql, actor, case_id, now);
    if (!open) return std::unexpected(open.error());
    auto today = core::london_date(clock_.now());
    auto dated = core::CivilDate::parse_iso(document.dated).value_or(today);
    auto checked = domain::check_given(form, dated, today);
    if (!checked) return std::unexpected(checked.error());
    store::family_documents::GivenRecord record;
    record.case_id = case_id;
    record.kind = std::string{kind};
    record.title = document.title;
    record.based_on = based_on;
    record.content = document.plain_text();
    record.fingerprint = core::sha256_hex(record.content);
    record.given_to = checked->given_to;
    record.given_on = checked->on.iso();
    record.how = checked->how;
    record.recorded_by = actor.user_id();
    record.recorded_at = now;
    record.child_id = child_id;
    auto id = store::family_documents::add(sql, record);
    record_audit(sql, clock_, actor,
                 {"family-document-given", "case", std::to_string(case_id),
                  record.title + " given " + record.how});
    tx.commit();
    return id;
}

core::Result<std::int64_t> FamilyDocumentService::write_story(const Actor& actor,
                                                              std::int64_t case_id,
                                                              const domain::StoryForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto open = open_case_to_change(sql, actor, case_id, now);
    if (!open) return std::unexpected(open.error());
    auto checked = domain::check_story(form, store::cases::child_ids(sql, case_id));
    if (!checked) return std::unexpected(checked.error());
    store::stories::StoryRecord record;
    record.case_id = case_id;
    record.child_id = checked->child_id;
    record.title = checked->title;
    record.written_with = checked->written_with;
    record.words = checked->words;
    record.pictures = checked->pictures;
    record.created_by = actor.user_id();
    record.created_at = now;
    try {
        store::stories::add(sql, record);
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return core::fail(core::ErrorKind::Conflict,
                          "Someone else saved a new version of this story at the same moment. "
                          "Open it again and make your changes there.");
    }
    record_audit(sql, clock_, actor,
                 {"story-write", "child", std::to_string(record.child_id),
                  "version " + std::to_string(record.version)});
    tx.commit();
    return record.id;
}

core::Result<StoryView> FamilyDocumentService::story(const Actor& actor, std::int64_t story_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto found = store::stories::find(sql, story_id);
    if (!found) return core::fail(core::ErrorKind::NotFound, "There is no such story");
    auto open = open_case_for(sql, actor, found->case_id, core::to_storage(clock_.now()));
    if (!open) return std::unexpected(open.error());
    StoryView out;
    out.story = std::move(*found);
    out.family_name = open->family_name;
    out.case_open = open->closed_on.empty();
    auto child = store::children::find(sql, out.story.child_id);
    out.child_name = child ? child->known_as() : "";
    domain::Story story{out.story.child_id, out.story.title, out.story.written_with,
                        out.story.words, out.story.pictures};
    auto written = core::from_storage(out.story.created_at);
    out.document = domain::story_document(
        story, out.child_name,
        written ? core::london_date(*written).iso() : core::london_date(clock_.now()).iso());
    out.based_on = story_version(out.story.version);
    for (auto& s : store::stories::for_case(sql, out.story.case_id))
        if (s.child_id == out.story.child_id) out.versions.push_back(std::move(s));
    for (auto& g : store::family_documents::for_case(sql, out.story.case_id))
        if (g.kind == "words-and-pictures" && g.child_id == out.story.child_id)
            out.given.push_back(std::move(g));
    return out;
}

std::vector<store::stories::StoryRecord> latest_stories(soci::session& sql, std::int64_t case_id) {
    std::vector<store::stories::StoryRecord> latest;
    for (auto& s : store::stories::for_case(sql, case_id)) {
        if (std::none_of(latest.begin(), latest.end(),
                         [&](const auto& l) { return l.child_id == s.child_id; }))
            latest.push_back(std::move(s));
    }
    return latest;
}

core::Result<std::int64_t> FamilyDocumentService::record_story_given(
    const Actor& actor, std::int64_t story_id, const domain::GivenForm& form) {
    auto shown = story(actor, story_id);
    if (!shown) return std::unexpected(shown.error());
    return keep_given(actor, shown->story.case_id, "words-and-pictures", shown->document,
                      shown->based_on, form, shown->story.child_id);
}

core::Result<store::family_documents::GivenRecord> FamilyDocumentService::given(
    const Actor& actor, std::int64_t case_id, std::int64_t record_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
    if (!open) return std::unexpected(open.error());
    auto record = store::family_documents::find(sql, record_id);
    if (!record || record->case_id != case_id || record->kind != "our-plan")
        return core::fail(core::ErrorKind::NotFound, "There is no such record for this case");
    return *record;
}

}  // namespace signs::service
