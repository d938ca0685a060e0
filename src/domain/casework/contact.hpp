#pragma once
/// Contacts and referrals: the first record of a worry about a child, as it reaches the
/// front door. The person who got in touch is asked the practice's own questions (what are
/// you worried about, what is working well, what needs to happen, and where they would put
/// things on a scale of 0 to 10), so their view is kept in their words before anyone else's.
/// A decision on what happens next is due by the end of the next working day.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"
#include "domain/casework/service_level.hpp"
#include "domain/timescales/working_days.hpp"

namespace signs::domain {

/// How the worry reached us: phone, email, online form, letter, in person, police
/// notification, other.
std::span<const CodeLabel> contact_channels();
/// What happens next: advice, early help, assessment, strategy discussion, no further action.
std::span<const CodeLabel> contact_decisions();

/// The scale question asked of the person who got in touch, as shown when they answered.
inline constexpr std::string_view kContactScaleQuestion =
    "On a scale of 0 to 10, where 10 means you are confident the child is safe and nobody "
    "needs to do anything more, and 0 means you believe the child will be hurt, or is being "
    "hurt, if nothing changes: where would you put things now?";

struct ContactForm {
    std::string day, month, year, hour, minute;  ///< when it was received, London time
    std::string channel;
    std::string referrer_name;
    std::string referrer_role;  ///< "Class teacher", "Grandmother", "Neighbour"
    std::string referrer_agency;
    std::string referrer_contact;  ///< how to reach them: phone or email
    std::string worried;
    std::string working_well;
    std::string needs_to_happen;
    std::string scale;  ///< "0" to "10", or empty when they would not say
};

struct Contact {
    core::Instant received_at;
    core::CivilDate received_on{kUnsetDate};  ///< the London date of received_at
    std::string channel;
    std::string referrer_name;
    std::string referrer_role;
    std::string referrer_agency;
    std::string referrer_contact;
    std::string worried;
    std::string working_well;
    std::string needs_to_happen;
    std::optional<int> scale;
};

inline constexpr std::size_t kMaxContactAnswer = 4000;
inline constexpr std::size_t kMaxReferrerField = 200;

/// Checks the form; `now` is the current instant. The time received must be a real London
/// date and time, not in the future and no more than a year ago. Field errors use
/// "received-day", "received-hour", "channel", "referrer_name", "referrer_role",
/// "referrer_agency", "referrer_contact", "worried", "working_well", "needs_to_happen" and
/// "scale". Only the worry is required of the three questions: a referrer may see nothing
/// working well yet.
core::Result<Contact> check_contact(const ContactForm& form, core::Instant now);

struct DecisionForm {
    std::string decision;
    std::string reason;
    std::string referral_source{};  ///< who made the referral, when the decision makes one
};

/// Whether a decision opens children's social care involvement, which makes the contact a
/// referral for the Children in Need census: sending it for a social work assessment or a
/// strategy discussion. Advice, early help and no further action leave it a contact.
bool opens_referral(std::string_view decision);

/// Errors use "decision", "reason" and "referral_source". A decision that opens a referral
/// needs who made it, one of `sources`; for any other the source is dropped.
core::Result<DecisionForm> check_decision(const DecisionForm& form, const CodeSet& sources);

/// The day a decision is due: the first working day after the day the contact came in.
core::CivilDate decision_due(core::CivilDate received_on, const WorkingCalendar& calendar);

/// How close a deadline is: passed, today, within `soon` working days, or later.
enum class DueState { Overdue, DueToday, DueSoon, Later };
DueState due_state(core::CivilDate due, core::CivilDate today, const WorkingCalendar& calendar,
                   int soon = 2);
std::string_view due_label(DueState state);  ///< "Overdue", "Due today", "Due soon", ""

}  // namespace signs::domain
