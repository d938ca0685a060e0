#include "service/contact_service.hpp"

#include "core/london_time.hpp"
#include "service/audit_service.hpp"
#include "service/case_access.hpp"
#include "service/cin_episodes.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/chronology_repository.hpp"

namespace signs::service {
namespace {

/// The contact, if one of the actor's teams recorded it or the actor may open the child.
core::Result<store::ContactRecord> visible_contact(soci::session& sql, const Actor& actor,
                                                   std::int64_t contact_id,
                                                   const std::string& now) {
    if (!has_case_role(actor))
        return core::fail(core::ErrorKind::Forbidden, "Your role does not include casework");
    auto contact = store::contacts::find(sql, contact_id);
    if (!contact)
        return core::fail(core::ErrorKind::NotFound, "There is no contact with that number");
    auto child = store::children::find(sql, contact->child_id);
    if (!actor.user->works_in(contact->team_id) &&
        !(child && can_open_child(sql, actor, *child, now)))
        return core::fail(core::ErrorKind::Forbidden, "This contact is not part of your work");
    return *contact;
}

}  // namespace

core::Result<std::int64_t> ContactService::record(const Actor& actor, std::int64_t child_id,
                                                  const domain::ContactForm& form) {
    auto checked = domain::check_contact(form, clock_.now());
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto child = store::children::find(sql, child_id);
    if (!child) return core::fail(core::ErrorKind::NotFound, "There is no child with that number");
    if (!can_open_child(sql, actor, *child, now))
        return core::fail(core::ErrorKind::Forbidden,
                          "This child's record is not part of your work");
    if (!checked) return std::unexpected(checked.error());
    const auto& c = *checked;
    store::ContactRecord record;
    record.child_id = child_id;
    record.team_id = actor.user->team_id;
    record.received_at = core::to_storage(c.received_at);
    record.received_on = c.received_on.iso();
    record.channel = c.channel;
    record.referrer_name = c.referrer_name;
    record.referrer_role = c.referrer_role;
    record.referrer_agency = c.referrer_agency;
    record.referrer_contact = c.referrer_contact;
    record.worried = c.worried;
    record.working_well = c.working_well;
    record.needs_to_happen = c.needs_to_happen;
    record.scale = c.scale;
    record.scale_question = std::string{domain::kContactScaleQuestion};
    record.decision_due = domain::decision_due(c.received_on, *calendars_.current()).iso();
    record.recorded_by = actor.user->id;
    record.recorded_at = now;
    store::Transaction tx{lease};
    auto id = store::contacts::insert(sql, record);
    std::string channel{domain::label_for(domain::contact_channels(), c.channel)};
    store::chronology::add(sql, {0, child_id, c.received_on.iso(), "contact",
                                 channel + " from " + c.referrer_name + " (" + c.referrer_role +
                                     "), worried that: " + c.worried,
                                 "record", actor.user->id, "", now});
    record_audit(
        sql, clock_, actor,
        {"contact-add", "contact", std::to_string(id), "child " + std::to_string(child_id)});
    tx.commit();
    return id;
}

core::Result<ContactView> ContactService::view(const Actor& actor, std::int64_t contact_id) {
    auto view = [&]() -> core::Result<ContactView> {
        auto lease = db_.lease();
        auto& sql = lease.sql();
        auto contact = visible_contact(sql, actor, contact_id, core::to_storage(clock_.now()));
        if (!contact) return std::unexpected(contact.error());
        ContactView out{*contact, false};
        for (auto case_id : store::cases::ids_for_child(sql, contact->child_id)) {
            auto record = store::cases::find(sql, case_id);
            out.child_in_open_case =
                out.child_in_open_case || (record && record->closed_on.empty());
        }
        return out;
    }();
    if (view) audit_.record_view(actor, {"view", "contact", std::to_string(contact_id), ""});
    return view;
}

core::Result<void> ContactService::decide(const Actor& actor, std::int64_t contact_id,
                                          const domain::DecisionForm& form, int expected_version) {
    auto now = core::to_storage(clock_.now());
    auto lease = db_.lease();
    auto& sql = lease.sql();
    auto contact = visible_contact(sql, actor, contact_id, now);
    if (!contact) return std::unexpected(contact.error());
    if (!contact->decision.empty())
        return core::fail(core::ErrorKind::Conflict, "A decision has already been recorded");
    auto checked = domain::check_decision(form, codes_.referral_source);
    if (!checked) return std::unexpected(checked.error());
    store::Transaction tx{lease};
    if (!store::contacts::decide(sql, contact_id, checked->decision, checked->reason,
                                 actor.user->id, now, expected_version)) {
        return core::fail(core::ErrorKind::Stale,
                          "Someone else recorded a decision while you were looking at it");
    }
    if (domain::opens_referral(checked->decision)) {
        open_episode_for_referral(sql, contact->child_id, contact_id, contact->received_on,
                                  checked->referral_source, actor.user->id, now);
    }
    std::string outcome{domain::label_for(domain::contact_decisions(), checked->decision)};
    store::chronology::add(
        sql, {0, contact->child_id, core::london_date(clock_.now()).iso(), "contact",
              "Decision on the contact from " + contact->referrer_name + ": " + outcome + ". " +
                  checked->reason,
              "record", actor.user->id, "", now});
    record_audit(sql, clock_, actor,
                 {"contact-decide", "contact", std::to_string(contact_id), checked->decision});
    tx.commit();
    return {};
}

core::Result<std::vector<store::ContactRecord>> ContactService::awaiting_decision(
    const Actor& actor) {
    if (!has_case_role(actor) || actor.user->team_ids().empty())
        return core::fail(core::ErrorKind::Forbidden, "You are not in a team");
    auto lease = db_.lease();
    return store::contacts::awaiting_decision(lease.sql(), actor.user->team_ids());
}

}  // namespace signs::service
