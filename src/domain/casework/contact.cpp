#include "domain/casework/contact.hpp"
#include "domain/timescales/deadline_rules.hpp"

#include <array>
#include <chrono>

#include "core/london_time.hpp"
#include "core/validation.hpp"

namespace signs::domain {
namespace {

constexpr std::array<CodeLabel, 7> kChannels = {{
    {"phone", "Phone call"},
    {"email", "Email"},
    {"online", "Online form"},
    {"letter", "Letter"},
    {"in-person", "In person"},
    {"police", "Police notification"},
    {"other", "Other"},
}};

constexpr std::array<CodeLabel, 5> kDecisions = {{
    {"advice", "Advice and information given"},
    {"early-help", "Early help"},
    {"assessment", "Social work assessment"},
    {"strategy", "Strategy discussion"},
    {"nfa", "No further action"},
}};

/// A whole number from `low` to `high`, written in digits.
std::optional<int> small_number(std::string_view text, int low, int high) {
    auto clean = core::trimmed(text);
    if (clean.empty() || clean.size() > 2 ||
        clean.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    int value = std::stoi(clean);
    if (value < low || value > high) return std::nullopt;
    return value;
}

}  // namespace

std::span<const CodeLabel> contact_channels() { return kChannels; }
std::span<const CodeLabel> contact_decisions() { return kDecisions; }

core::Result<Contact> check_contact(const ContactForm& form, core::Instant now) {
    core::FieldChecks checks;
    Contact contact{};
    auto day = core::CivilDate::from_parts(form.day, form.month, form.year);
    auto hour = small_number(form.hour, 0, 23);
    auto minute = small_number(form.minute, 0, 59);
    if (!day) {
        checks.add("received-day", "Enter the date it was received as a real date, like 27 3 2026");
    } else if (!hour || !minute) {
        checks.add("received-hour", "Enter the time it was received, like 14 05");
    } else {
        contact.received_at = core::from_london(*day, *hour, *minute);
        contact.received_on = *day;
        if (contact.received_at > now) {
            checks.add("received-day", "The time it was received must be now or in the past");
        } else if (now - contact.received_at > std::chrono::days{366}) {
            checks.add("received-day", "The time it was received must be within the last year");
        }
    }
    if (!is_code_in(kChannels, form.channel)) checks.add("channel", "Select how it reached us");
    checks.text("referrer_name", form.referrer_name,
                "Enter the name of the person who got in touch", "Name", kMaxReferrerField);
    checks.text("referrer_role", form.referrer_role, "Say who they are to the child, or their job",
                "Who they are", kMaxReferrerField);
    checks.optional_text("referrer_agency", form.referrer_agency, "Organisation",
                         kMaxReferrerField);
    checks.optional_text("referrer_contact", form.referrer_contact, "How to reach them",
                         kMaxReferrerField);
    checks.text("worried", form.worried, "Say what they are worried about",
                "What they are worried about", kMaxContactAnswer);
    checks.optional_text("working_well", form.working_well, "What is working well",
                         kMaxContactAnswer);
    checks.optional_text("needs_to_happen", form.needs_to_happen, "What needs to happen",
                         kMaxContactAnswer);
    if (!core::trimmed(form.scale).empty()) {
        contact.scale = small_number(form.scale, 0, 10);
        if (!contact.scale)
            checks.add("scale", "Enter a whole number from 0 to 10, or leave it blank");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    contact.channel = form.channel;
    contact.referrer_name = core::trimmed(form.referrer_name);
    contact.referrer_role = core::trimmed(form.referrer_role);
    contact.referrer_agency = core::trimmed(form.referrer_agency);
    contact.referrer_contact = core::trimmed(form.referrer_contact);
    contact.worried = core::trimmed(form.worried);
    contact.working_well = core::trimmed(form.working_well);
    contact.needs_to_happen = core::trimmed(form.needs_to_happen);
    return contact;
}

bool opens_referral(std::string_view decision) {
    return decision == "assessment" || decision == "strategy";
}

core::Result<DecisionForm> check_decision(const DecisionForm& form, const CodeSet& sources) {
    core::FieldChecks checks;
    if (!is_code_in(kDecisions, form.decision)) checks.add("decision", "Select what happens next");
    checks.text("reason", form.reason, "Say why: what the decision is based on", "Reason",
                kMaxContactAnswer);
    auto source = core::trimmed(form.referral_source);
    if (opens_referral(form.decision) && !sources.contains(source))
        checks.add("referral_source", "Select who made the referral");
    if (!checks.ok()) return std::unexpected(checks.error());
    return DecisionForm{form.decision, core::trimmed(form.reason),
                        opens_referral(form.decision) ? source : ""};
}

core::CivilDate decision_due(core::CivilDate received_on, const WorkingCalendar& calendar) {
    return deadline_for(*find_deadline_rule("contact-decision"), received_on, calendar);
}

DueState due_state(core::CivilDate due, core::CivilDate today, const WorkingCalendar& calendar,
                   int soon) {
    if (due < today) return DueState::Overdue;
    if (due == today) return DueState::DueToday;
    if (calendar.working_days_between(today, due) <= soon) return DueState::DueSoon;
    return DueState::Later;
}

std::string_view due_label(DueState state) {
    switch (state) {
        case DueState::Overdue:
            return "Overdue";
        case DueState::DueToday:
            return "Due today";
        case DueState::DueSoon:
            return "Due soon";
        case DueState::Later:
            break;
    }
    return "";
}

}  // namespace signs::domain
