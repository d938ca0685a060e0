#include "service/pre_proceedings_service.hpp"

#include <algorithm>

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "store/chronology_repository.hpp"
#include "store/read_transaction.hpp"
#include "store/store_error.hpp"

namespace signs::service {
namespace {

constexpr std::string_view kFamilyMeeting = "family-group-decision";

std::string iso_or_empty(const std::optional<core::CivilDate>& day) {
    return day ? day->iso() : "";
}

std::string day_words(const std::string& iso) {
    auto day = core::CivilDate::parse_iso(iso);
    return day ? day->long_text() : iso;
}

store::PreProceedingsRecord stored(const domain::PreProceedings& p) {
    store::PreProceedingsRecord r;
    r.children = p.children;
    r.started_on = p.started.iso();
    r.letter_sent_on = iso_or_empty(p.letter_sent);
    r.family_meeting_offered = p.family_meeting_offered;
    r.not_offered_reason = p.not_offered_reason;
    r.family_meeting_accepted = p.family_meeting_accepted;
    r.decided_on = iso_or_empty(p.decided);
    r.outcome = p.outcome;
    r.court_application_on = iso_or_empty(p.court_application);
    r.letter_initiating_on = iso_or_empty(p.letter_initiating);
    return r;
}

bool family_meeting_held(const std::vector<store::MeetingRecord>& meetings,
                         const store::PreProceedingsRecord& record) {
    return std::any_of(meetings.begin(), meetings.end(), [&](const auto& m) {
        return m.type == kFamilyMeeting && m.status == "held" && m.held_on >= record.started_on &&
               (record.decided_on.empty() || m.held_on <= record.decided_on);
    });
}

/// What each step recorded or corrected adds to the children's chronologies: a corrected
/// date says what it was, so the earlier entry is not left standing unexplained.
std::vector<std::pair<std::string, std::string>> new_steps(const store::PreProceedingsRecord& was,
                                                           const store::PreProceedingsRecord& now,
                                                           const domain::CodeSet& outcomes) {
    std::vector<std::pair<std::string, std::string>> out;
    auto step = [&](const std::string& before, const std::string& after, std::string words) {
        if (after.empty() || before == after) return;
        if (!before.empty()) words += " (corrected: first recorded as " + day_words(before) + ")";
        out.emplace_back(after, std::move(words));
    };
    step(was.started_on, now.started_on, "Pre-proceedings began");
    step(was.letter_sent_on, now.letter_sent_on,
         now.family_meeting_offered == "yes"
             ? "Letter before proceedings sent, offering a family group decision-making meeting"
             : "Letter before proceedings sent");
    auto decision = "Pre-proceedings decision: " + std::string{outcomes.label(now.outcome)};
    if (was.decided_on == now.decided_on && was.outcome != now.outcome && !now.decided_on.empty())
        out.emplace_back(now.decided_on, decision + " (corrected)");
    step(was.decided_on, now.decided_on, decision);
    step(was.court_application_on, now.court_application_on, "Application made to court");
    step(was.letter_initiating_on, now.letter_initiating_on,
         "Letter sent telling the parents care proceedings have begun");
    return out;
}

/// Why the record would overlap another of the case's pre-proceedings, if it would: each
/// begins after the one before it was decided, so the census never counts a meeting twice.
std::optional<core::Error> overlap(const std::vector<store::PreProceedingsRecord>& others,
                                   const store::PreProceedingsRecord& row) {
    for (const auto& other : others) {
        if (other.id == row.id) continue;
        bool other_ends_first = !other.decided_on.empty() && other.decided_on < row.started_on;
        bool this_ends_first = !row.decided_on.empty() && row.decided_on < other.started_on;
        if (other_ends_first || this_ends_first) continue;
        return core::Error::invalid(
            {{"started-day",
              "Other pre-proceedings in this case ran until " +
                  (other.decided_on.empty() ? std::string{"now"} : day_words(other.decided_on)) +
                  ": these must begin after that"}});
    }
    return std::nullopt;
}

/// What the checks need to know about the case, read in the writing transaction.
struct CaseFacts {
    std::vector<std::int64_t> children;
    core::CivilDate opened;
};

CaseFacts facts_of(soci::session& sql, const store::CaseRecord& record, core::CivilDate today) {
    return {store::cases::child_ids(sql, record.id),
            core::CivilDate::parse_iso(record.opened_on).value_or(today)};
}

void add_to_chronology(soci::session& sql, const std::vector<std::int64_t>& children,
                       const std::vector<std::pair<std::string, std::string>>& steps,
                       std::optional<std::int64_t> by, const std::string& now) {
    for (auto child : children) {
        for (const auto& [on, words] : steps)
            store::chronology::add(sql,
                                   {0, child, on, "pre-proceedings", words, "record", by, "", now});
    }
}

}  // namespace

domain::PreProceedings as_checked(const store::PreProceedingsRecord& r) {
    domain::PreProceedings p;
    p.children = r.children;
    p.started = core::CivilDate::parse_iso(r.started_on).value_or(p.started);
    p.letter_sent = core::CivilDate::parse_iso(r.letter_sent_on);
    p.family_meeting_offered = r.family_meeting_offered;
    p.not_offered_reason = r.not_offered_reason;
    p.family_meeting_accepted = r.family_meeting_accepted;
    p.decided = core::CivilDate::parse_iso(r.decided_on);
    p.outcome = r.outcome;
    p.court_application = core::CivilDate::parse_iso(r.court_application_on);
    p.letter_initiating = core::CivilDate::parse_iso(r.letter_initiating_on);
    return p;
}

core::Result<CasePreProceedings> PreProceedingsService::for_case(const Actor& actor,
                                                                 std::int64_t case_id) {
    CasePreProceedings out;
    {
        auto lease = db_.lease();
        store::ReadTransaction read{lease};
        auto& sql = lease.sql();
        auto record = open_case_for(sql, actor, case_id, core::to_storage(clock_.now()));
        if (!record) return std::unexpected(record.error());
        out.record = *record;
        out.can_change = record->closed_on.empty();
        for (const auto& c : store::children::find_many(sql, store::cases::child_ids(sql, case_id)))
            out.children.push_back({c.id, c.first_name + " " + c.last_name});
        for (auto& m : store::meetings::for_case(sql, case_id)) {
            if (m.type == kFamilyMeeting || m.type == "pre-proceedings")
                out.meetings.push_back(std::move(m));
        }
        std::sort(out.meetings.begin(), out.meetings.end(),
                  [](const auto& a, const auto& b) { return a.held_on < b.held_on; });
        for (auto& r : store::pre_proceedings::for_case(sql, case_id)) {
            PreProceedingsEntry entry;
            entry.going_on = r.decided_on.empty();
            entry.warnings = domain::pre_proceedings_warnings(as_checked(r),
                                                              family_meeting_held(out.meetings, r));
            entry.record = std::move(r);
            out.entries.push_back(std::move(entry));
        }
    }
    audit_.record_view(actor, {"view", "case", std::to_string(case_id), "pre-proceedings"});
    return out;
}

core::Result<store::PreProceedingsRecord> PreProceedingsService::checked_row(
    soci::session& sql, const Actor& actor, std::int64_t case_id,
    const domain::PreProceedingsForm& form) {
    auto today = core::london_date(clock_.now());
    store::cases::hold(sql, case_id);
    auto record = open_case_to_change(sql, actor, case_id, core::to_storage(clock_.now()));
    if (!record) return std::unexpected(record.error());
    auto facts = facts_of(sql, *record, today);
    auto checked =
        domain::check_pre_proceedings(form, {facts.children, facts.opened, today, outcomes_});
    if (!checked) return std::unexpected(checked.error());
    auto row = stored(*checked);
    row.case_id = case_id;
    return row;
}

core::Result<std::int64_t> PreProceedingsService::start(const Actor& actor, std::int64_t case_id,
                                                        const domain::PreProceedingsForm& form) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto row = checked_row(sql, actor, case_id, form);
    if (!row) return std::unexpected(row.error());
    row->recorded_by = actor.user_id();
    row->recorded_at = now;
    // One going on at a time is the database's to keep; one that would overlap a decided
    // one is refused here, with the case held.
    auto others = store::pre_proceedings::for_case(sql, case_id);
    if (std::any_of(others.begin(), others.end(),
                    [](const auto& other) { return other.decided_on.empty(); })) {
        return core::fail(core::ErrorKind::Conflict,
                          "Pre-proceedings are already going on in this case: bring those up to "
                          "date instead");
    }
    if (auto refused = overlap(others, *row)) return std::unexpected(*refused);
    std::int64_t id = 0;
    try {
        id = store::pre_proceedings::insert(sql, *row);
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return core::fail(core::ErrorKind::Conflict,
                          "Pre-proceedings are already going on in this case: bring those up to "
                          "date instead");
    }
    add_to_chronology(sql, row->children, new_steps({}, *row, outcomes_), actor.user_id(), now);
    record_audit(sql, clock_, actor,
                 {"pre-proceedings-start", "case", std::to_string(case_id),
                  "pre-proceedings " + std::to_string(id)});
    tx.commit();
    return id;
}

core::Result<void> PreProceedingsService::update(const Actor& actor, std::int64_t case_id,
                                                 std::int64_t id,
                                                 const domain::PreProceedingsForm& form,
                                                 int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    store::Transaction tx{lease};
    auto row = checked_row(sql, actor, case_id, form);
    if (!row) return std::unexpected(row.error());
    auto was = store::pre_proceedings::find_held(sql, id);
    if (!was || was->case_id != case_id)
        return core::fail(core::ErrorKind::NotFound,
                          "There are no such pre-proceedings in this case");
    if (was->version != expected_version) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else changed these pre-proceedings while you were looking at "
                          "them");
    }
    row->id = id;
    if (auto refused = overlap(store::pre_proceedings::for_case(sql, case_id), *row))
        return std::unexpected(*refused);
    try {
        if (!store::pre_proceedings::update(sql, *row, expected_version)) {
            return core::fail(core::ErrorKind::Stale,
                              "Someone else changed these pre-proceedings while you were looking "
                              "at them");
        }
    } catch (const store::StoreFault& fault) {
        if (fault.store_kind() != store::StoreErrorKind::Unique) throw;
        return core::fail(core::ErrorKind::Conflict,
                          "Other pre-proceedings are going on in this case, so these cannot be "
                          "reopened");
    }
    add_to_chronology(sql, row->children, new_steps(*was, *row, outcomes_), actor.user_id(), now);
    record_audit(sql, clock_, actor,
                 {"pre-proceedings-update", "case", std::to_string(case_id),
                  "pre-proceedings " + std::to_string(id)});
    tx.commit();
    return {};
}

}  // namespace signs::service
