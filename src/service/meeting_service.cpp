#include "service/meeting_service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/level_history.hpp"
#include "service/outbox_service.hpp"
#include "store/chronology_repository.hpp"
#include "store/mapping_repository.hpp"
#include "store/plan_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

constexpr std::size_t kMaxReason = 500;

struct OpenMeeting {
    store::MeetingRecord meeting;
    store::CaseRecord case_record;
};

core::Result<OpenMeeting> meeting_for(soci::session& sql, const Actor& actor,
                                      std::int64_t meeting_id, const std::string& now) {
    auto meeting = store::meetings::find(sql, meeting_id);
    if (!meeting)
        return core::fail(core::ErrorKind::NotFound, "There is no meeting with that number");
    auto record = open_case_for(sql, actor, meeting->case_id, now);
    if (!record) return std::unexpected(record.error());
    return OpenMeeting{*meeting, *record};
}

/// The meeting, if it may still take invitations, attendance and its record: the case open
/// and the meeting not cancelled.
core::Result<OpenMeeting> open_for(soci::session& sql, const Actor& actor, std::int64_t meeting_id,
                                   const std::string& now) {
    auto open = meeting_for(sql, actor, meeting_id, now);
    if (!open) return open;
    if (!open->case_record.closed_on.empty() || open->meeting.status == "cancelled")
        return core::fail(core::ErrorKind::Conflict, "This meeting can no longer be changed");
    return open;
}

core::Result<void> check_invited(soci::session& sql, std::int64_t meeting_id,
                                 std::int64_t invitee_id) {
    auto people = store::meetings::invitees(sql, meeting_id);
    if (std::none_of(people.begin(), people.end(),
                     [&](const auto& p) { return p.id == invitee_id; }))
        return core::fail(core::ErrorKind::NotFound, "That person is not invited to this meeting");
    return {};
}

/// The meeting, if it may still be changed: the case open and the meeting not yet held or
/// cancelled.
core::Result<OpenMeeting> arranged_for(soci::session& sql, const Actor& actor,
                                       std::int64_t meeting_id, const std::string& now) {
    auto open = meeting_for(sql, actor, meeting_id, now);
    if (!open) return open;
    if (!open->case_record.closed_on.empty())
        return core::fail(core::ErrorKind::Conflict, "This case is closed");
    if (open->meeting.status != "arranged")
        return core::fail(core::ErrorKind::Conflict,
                          open->meeting.status == "cancelled"
                              ? "This meeting was cancelled"
                              : "This meeting has been recorded as held");
    return open;
}

/// The case's open children with their current levels, and the kinds of meeting that fit.
MeetingChoices choices_in(soci::session& sql, const store::CaseRecord& record) {
    MeetingChoices out{record, {}, {}};
    std::vector<domain::ServiceLevel> levels;
    for (auto child_id : store::cases::child_ids(sql, record.id)) {
        auto level =
            domain::current_level(to_domain(store::cases::level_history(sql, record.id, child_id)));
        if (!level) continue;
        levels.push_back(*level);
        if (auto child = store::children::find(sql, child_id)) out.children.push_back(*child);
    }
    out.types = domain::meeting_types_for(levels);
    return out;
}

core::Result<store::MeetingRecord> checked_meeting(soci::session& sql,
                                                   const store::CaseRecord& record,
                                                   const domain::MeetingForm& form,
                                                   core::CivilDate today) {
    auto choices = choices_in(sql, record);
    std::vector<std::string> types, children;
    for (const auto* t : choices.types) types.emplace_back(t->code);
    for (const auto& c : choices.children) children.push_back(std::to_string(c.id));
    auto opened = core::CivilDate::parse_iso(record.opened_on).value_or(today);
    auto times = domain::check_meeting(form, types, children, opened, today);
    if (!times) return std::unexpected(times.error());
    store::MeetingRecord m;
    m.case_id = record.id;
    m.type = form.type;
    m.held_on = times->on.iso();
    m.start_minutes = times->start_minutes;
    m.end_minutes = times->end_minutes;
    m.remote = form.remote == "yes";
    m.venue = core::trimmed(form.venue);
    m.chair = core::trimmed(form.chair);
    for (const auto& id : form.child_ids) m.child_ids.push_back(std::stoll(id));
    std::sort(m.child_ids.begin(), m.child_ids.end());
    m.child_ids.erase(std::unique(m.child_ids.begin(), m.child_ids.end()), m.child_ids.end());
    return m;
}

std::string type_name(const std::string& code) {
    const auto* type = domain::find_meeting_type(code);
    return type ? std::string{type->name} : code;
}

void note_in_chronology(soci::session& sql, const store::MeetingRecord& m, const Actor& actor,
                        const std::string& what, const std::string& now) {
    for (auto child : m.child_ids) {
        store::chronology::add(sql, {0, child, m.held_on, "meeting", type_name(m.type) + " " + what,
                                     "record", actor.user_id(), "", now});
    }
}

std::string meeting_subject(std::int64_t id) { return std::to_string(id); }

/// The meeting as a calendar event. `summary` names it; the email copy leaves the family's
/// name out, since an email can go astray.
domain::CalendarInvite invite_of(const store::MeetingRecord& m, const std::string& summary,
                                 const std::vector<store::InviteeRecord>& people,
                                 core::Instant now) {
    domain::CalendarInvite invite;
    invite.uid = m.uid;
    invite.sequence = m.sequence;
    invite.cancelled = m.status == "cancelled";
    invite.summary = summary;
    invite.location = m.remote ? (m.venue.empty() ? "Remote" : "Remote: " + m.venue) : m.venue;
    invite.description = "Chaired by " + m.chair + ".";
    if (invite.cancelled) invite.description += " Cancelled: " + m.cancel_reason;
    invite.on = *core::CivilDate::parse_iso(m.held_on);
    invite.start_minutes = m.start_minutes;
    invite.end_minutes = m.end_minutes;
    // Stored as 2026-11-26T09:30:00.123456Z; iCalendar wants 20261126T093000Z.
    for (char c : core::to_storage(now).substr(0, 19)) {
        if (c != '-' && c != ':') invite.stamp += c;
    }
    invite.stamp += 'Z';
    for (const auto& p : people) invite.attendees.push_back({p.name, p.email});
    return invite;
}

/// The worker who arranged the meeting organises it: calendar programs reply to them, and it
/// stays the same person for every update of the same meeting.
domain::CalendarPerson organizer_of(soci::session& sql, const store::MeetingRecord& m) {
    if (!m.created_by) return {};
    auto user = store::users::find_by_id(sql, *m.created_by);
    if (!user) return {};
    return {user->name, user->email};
}

/// Queues an email with the calendar file to each of `people` who has an address: an
/// "invitation", an "update" or a "cancellation".
void tell(soci::session& sql, const core::Clock& clock, const store::MeetingRecord& m,
          const std::vector<store::InviteeRecord>& everyone,
          const std::vector<store::InviteeRecord>& people, const std::string& kind) {
    auto name = type_name(m.type);
    auto when = core::CivilDate::parse_iso(m.held_on)->long_text() + " at " +
                domain::clock_text(m.start_minutes);
    auto invite = invite_of(m, name, everyone, clock.now());
    invite.organizer = organizer_of(sql, m);
    invite.method = kind == "cancellation" ? "CANCEL" : "REQUEST";
    auto calendar = domain::invitation_ics(invite);
    std::string subject = kind == "cancellation" ? "Cancelled: " + name + ", " + when
                          : kind == "update"     ? "Changed: " + name + ", now " + when
                                                 : "Invitation: " + name + ", " + when;
    std::string where = invite.location.empty() ? "" : " (" + invite.location + ")";
    std::string body = kind == "cancellation"
                           ? "The " + name + " arranged for " + when +
                                 " has been cancelled: " + m.cancel_reason + "\n"
                           : "You are invited to a " + name + " on " + when +
                                 " London time, until " + domain::clock_text(m.end_minutes) +
                                 where + ". It is chaired by " + m.chair +
                                 ".\n\nThe calendar invitation is attached.\n";
    for (const auto& p : people) {
        if (p.email.empty()) continue;
        store::OutboxMessage message;
        message.kind = kind;
        message.to_name = p.name;
        message.to_address = p.email;
        message.subject = subject;
        message.body = "Dear " + p.name + ",\n\n" + body;
        message.calendar = calendar;
        message.calendar_method = invite.method;
        OutboxService::queue(sql, clock, message);
    }
}

}  // namespace

core::Result<MeetingChoices> MeetingService::choices(const Actor& actor, std::int64_t case_id) {
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    return choices_in(sql, *record);
}

core::Result<std::int64_t> MeetingService::arrange(const Actor& actor, std::int64_t case_id,
                                                   const domain::MeetingForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto record = open_case_to_change(sql, actor, case_id, now);
    if (!record) return std::unexpected(record.error());
    auto meeting = checked_meeting(sql, *record, form, core::london_date(clock_.now()));
    if (!meeting) return std::unexpected(meeting.error());
    meeting->uid = core::random_token(16) + "@signs";
    meeting->created_by = actor.user_id();
    meeting->created_at = now;
    store::Transaction tx{lease};
    auto id = store::meetings::insert(sql, *meeting);
    note_in_chronology(sql, *meeting, actor, "arranged", now);
    record_audit(sql, clock_, actor,
                 {"meeting-arrange", "meeting", meeting_subject(id), meeting->type});
    tx.commit();
    return id;
}

core::Result<std::vector<store::MeetingRecord>> MeetingService::for_case(const Actor& actor,
                                                                         std::int64_t case_id) {
    auto lease = db_.lease();
    auto record = open_case_for(lease.sql(), actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    return store::meetings::for_case(lease.sql(), case_id);
}

core::Result<MeetingView> MeetingService::view(const Actor& actor, std::int64_t meeting_id) {
    auto view = [&]() -> core::Result<MeetingView> {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto open = meeting_for(sql, actor, meeting_id, core::to_storage(clock_.now()));
        if (!open) return std::unexpected(open.error());
        MeetingView out;
        out.meeting = open->meeting;
        out.case_record = open->case_record;
        out.type = domain::find_meeting_type(out.meeting.type);
        out.children = store::children::find_many(sql, out.meeting.child_ids);
        out.invitees = store::meetings::invitees(sql, meeting_id);
        if (auto plan = store::plans::for_case(sql, out.case_record.id)) {
            out.plan_id = plan->id;
            for (const auto& v : store::plans::versions(sql, plan->id)) {
                if (v.status == "agreed") out.agreed_plan_versions.push_back(v.number);
            }
        }
        bool case_open = out.case_record.closed_on.empty();
        out.can_change = case_open && out.meeting.status == "arranged";
        out.can_record = case_open && out.meeting.status != "cancelled" &&
                         out.meeting.held_on <= core::london_date(clock_.now()).iso();
        return out;
    }();
    if (view) audit_.record_view(actor, {"view", "meeting", meeting_subject(meeting_id), ""});
    return view;
}

core::Result<void> MeetingService::move(const Actor& actor, std::int64_t meeting_id,
                                        const domain::MeetingForm& form, int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = arranged_for(sql, actor, meeting_id, now);
    if (!open) return std::unexpected(open.error());
    auto changed = checked_meeting(sql, open->case_record, form, core::london_date(clock_.now()));
    if (!changed) return std::unexpected(changed.error());
    if (changed->type != open->meeting.type)
        return std::unexpected(core::Error::invalid(
            {{"type", "A meeting keeps its kind; cancel it and arrange another instead"}}));
    changed->id = meeting_id;
    store::Transaction tx{lease};
    if (!store::meetings::reschedule(sql, *changed, expected_version))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this meeting since you opened it");
    auto people = store::meetings::invitees(sql, meeting_id);
    tell(sql, clock_, *store::meetings::find(sql, meeting_id), people, people, "update");
    note_in_chronology(sql, *changed, actor,
                       "moved to " + core::CivilDate::parse_iso(changed->held_on)->long_text(),
                       now);
    record_audit(sql, clock_, actor,
                 {"meeting-move", "meeting", meeting_subject(meeting_id), changed->held_on});
    tx.commit();
    return {};
}

core::Result<void> MeetingService::cancel(const Actor& actor, std::int64_t meeting_id,
                                          const std::string& reason, int expected_version) {
    core::FieldChecks checks;
    checks.text("reason", reason, "Enter why the meeting is cancelled", "The reason", kMaxReason);
    if (!checks.ok()) return std::unexpected(checks.error());
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = arranged_for(sql, actor, meeting_id, now);
    if (!open) return std::unexpected(open.error());
    store::Transaction tx{lease};
    if (!store::meetings::cancel(sql, meeting_id, core::trimmed(reason), expected_version))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this meeting since you opened it");
    auto people = store::meetings::invitees(sql, meeting_id);
    tell(sql, clock_, *store::meetings::find(sql, meeting_id), people, people, "cancellation");
    note_in_chronology(sql, open->meeting, actor, "cancelled", now);
    record_audit(sql, clock_, actor,
                 {"meeting-cancel", "meeting", meeting_subject(meeting_id), ""});
    tx.commit();
    return {};
}

core::Result<std::int64_t> MeetingService::invite(const Actor& actor, std::int64_t meeting_id,
                                                  const domain::InviteeForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = open_for(sql, actor, meeting_id, now);
    if (!open) return std::unexpected(open.error());
    auto checked = domain::check_invitee(form, store::meetings::invitees(sql, meeting_id).size());
    if (!checked) return std::unexpected(checked.error());
    store::InviteeRecord invitee;
    invitee.meeting_id = meeting_id;
    invitee.name = checked->name;
    invitee.kind = checked->kind;
    invitee.role = checked->role;
    invitee.email = checked->email;
    store::Transaction tx{lease};
    auto id = store::meetings::add_invitee(sql, invitee);
    invitee.id = id;
    if (open->meeting.status == "arranged") {
        tell(sql, clock_, open->meeting, store::meetings::invitees(sql, meeting_id), {invitee},
             "invitation");
    }
    record_audit(sql, clock_, actor,
                 {"meeting-invite", "meeting", meeting_subject(meeting_id), ""});
    tx.commit();
    return id;
}

core::Result<void> MeetingService::set_attendance(const Actor& actor, std::int64_t meeting_id,
                                                  std::int64_t invitee_id,
                                                  const std::string& attendance,
                                                  const std::string& reason) {
    auto checked = domain::check_attendance(attendance, reason);
    if (!checked) return std::unexpected(checked.error());
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = open_for(sql, actor, meeting_id, now);
    if (!open) return std::unexpected(open.error());
    if (auto invited = check_invited(sql, meeting_id, invitee_id); !invited) return invited;
    store::Transaction tx{lease};
    store::meetings::set_attendance(sql, invitee_id, attendance, core::trimmed(reason));
    record_audit(sql, clock_, actor,
                 {"meeting-attendance", "meeting", meeting_subject(meeting_id), attendance});
    tx.commit();
    return {};
}

core::Result<void> MeetingService::set_dissent(const Actor& actor, std::int64_t meeting_id,
                                               std::int64_t invitee_id,
                                               const std::string& dissent) {
    core::FieldChecks checks;
    checks.optional_text("dissent", dissent, "What they do not agree with",
                         domain::kMaxMeetingText);
    if (!checks.ok()) return std::unexpected(checks.error());
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = open_for(sql, actor, meeting_id, now);
    if (!open) return std::unexpected(open.error());
    if (auto invited = check_invited(sql, meeting_id, invitee_id); !invited) return invited;
    store::Transaction tx{lease};
    store::meetings::set_dissent(sql, invitee_id, core::trimmed(dissent));
    record_audit(sql, clock_, actor,
                 {"meeting-dissent", "meeting", meeting_subject(meeting_id), ""});
    tx.commit();
    return {};
}

core::Result<void> MeetingService::record_outcome(const Actor& actor, std::int64_t meeting_id,
                                                  const domain::OutcomeForm& form,
                                                  int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto open = open_for(sql, actor, meeting_id, now);
    if (!open) return std::unexpected(open.error());
    auto& m = open->meeting;
    if (m.held_on > core::london_date(clock_.now()).iso())
        return core::fail(core::ErrorKind::Conflict,
                          "A meeting is recorded on or after the day it is held");
    std::vector<std::string> versions;
    if (auto plan = store::plans::for_case(sql, m.case_id)) {
        for (const auto& v : store::plans::versions(sql, plan->id)) {
            if (v.status == "agreed") versions.push_back(std::to_string(v.number));
        }
    }
    const auto* type = domain::find_meeting_type(m.type);
    auto held = *core::CivilDate::parse_iso(m.held_on);
    auto checked = domain::check_outcome(form, *type, held, versions);
    if (!checked) return std::unexpected(checked.error());
    m.decision = core::trimmed(form.decision);
    m.plan_needed = type->conference ? form.plan_needed : "";
    m.category = type->conference && form.plan_needed == "yes" ? form.category : "";
    m.plan_version =
        form.plan_version.empty() ? std::nullopt : std::optional<int>{std::stoi(form.plan_version)};
    auto next = core::CivilDate::from_parts(form.next_day, form.next_month, form.next_year);
    m.next_on = next ? next->iso() : "";
    store::Transaction tx{lease};
    if (!store::meetings::record_outcome(sql, m, expected_version))
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed this meeting since you opened it");
    note_in_chronology(sql, m, actor, "held: " + m.decision.substr(0, 200), now);
    record_audit(sql, clock_, actor,
                 {"meeting-record", "meeting", meeting_subject(meeting_id), ""});
    tx.commit();
    return {};
}

core::Result<std::int64_t> MeetingService::open_mapping(const Actor& actor,
                                                        std::int64_t meeting_id) {
    store::MeetingRecord meeting;
    std::vector<store::InviteeRecord> people;
    std::optional<std::int64_t> basis;
    {
        auto now = core::to_storage(clock_.now());
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto open = meeting_for(sql, actor, meeting_id, now);
        if (!open) return std::unexpected(open.error());
        meeting = open->meeting;
        if (meeting.mapping_id) return *meeting.mapping_id;
        if (!open->case_record.closed_on.empty() || meeting.status == "cancelled")
            return core::fail(core::ErrorKind::Conflict, "This meeting can no longer be changed");
        if (meeting.held_on > core::london_date(clock_.now()).iso())
            return core::fail(core::ErrorKind::Conflict,
                              "The meeting's mapping is made on the day it is held");
        people = store::meetings::invitees(sql, meeting_id);
        // The newest agreed mapping, unless a review of it is already under way.
        for (const auto& m : store::mappings::for_case(sql, meeting.case_id)) {
            if (m.status != "agreed") continue;
            if (!store::mappings::review_of(sql, m.id)) basis = m.id;
            break;
        }
    }
    auto held = *core::CivilDate::parse_iso(meeting.held_on);
    core::Result<std::int64_t> mapping =
        basis ? mappings_.start_review(actor, *basis, "meeting", held)
              : core::Result<std::int64_t>{0};
    if (!basis) {
        auto parts = held.parts();
        domain::MappingForm form{parts.day, parts.month, parts.year, "meeting", {}, ""};
        for (auto child : meeting.child_ids) form.child_ids.push_back(std::to_string(child));
        mapping = mappings_.start(actor, meeting.case_id, form);
    }
    if (!mapping) return mapping;
    // The meeting takes the first mapping linked to it; one started at the same moment by
    // someone else is left as a draft review, and theirs is used.
    {
        auto lease = db_.lease();
        if (!store::meetings::link_mapping(lease.sql(), meeting_id, *mapping)) {
            auto linked = store::meetings::find(lease.sql(), meeting_id);
            return linked && linked->mapping_id ? *linked->mapping_id : *mapping;
        }
    }
    std::vector<store::ParticipantRecord> taken;
    {
        auto lease = db_.lease();  // given back before the mapping service takes its own
        taken = store::mappings::participants(lease.sql(), *mapping);
    }
    for (const auto& p : people) {
        if (p.attendance != "attended") continue;
        bool there = std::any_of(taken.begin(), taken.end(),
                                 [&](const auto& t) { return t.name == p.name; });
        if (there) continue;
        domain::ParticipantForm form{p.name, p.kind, meeting.remote ? "remote" : "in-person", ""};
        auto added = mappings_.add_participant(actor, *mapping, form);
        if (!added) return std::unexpected(added.error());
        // Disagreement recorded at the meeting is recorded on its mapping too, by name.
        if (!p.dissent.empty()) {
            auto marked = mappings_.set_disagreement(actor, *added, true);
            if (!marked) return std::unexpected(marked.error());
        }
    }
    return *mapping;
}

core::Result<std::string> MeetingService::calendar_file(const Actor& actor,
                                                        std::int64_t meeting_id) {
    auto view = this->view(actor, meeting_id);
    if (!view) return std::unexpected(view.error());
    const auto& m = view->meeting;
    auto invite = invite_of(m, type_name(m.type) + ": " + view->case_record.family_name,
                            view->invitees, clock_.now());
    auto lease = db_.lease();
    invite.organizer = organizer_of(lease.sql(), m);
    return domain::invitation_ics(invite);
}

}  // namespace signs::service
