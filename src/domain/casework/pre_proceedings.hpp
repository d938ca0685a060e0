#pragma once
/// Pre-proceedings under the Public Law Outline: the council has decided it may apply to
/// court for a care or supervision order, and first works with the family under a letter
/// before proceedings. Since the Children's Wellbeing and Schools Act 2026 (section 31ZA of
/// the Children Act 1989) that letter must offer a family group decision-making meeting,
/// unless not offering one is in the child's best interests, and a meeting the family
/// accepts must be held before any application to court. What is recorded here is the
/// council's decisions and letters; the meetings are arranged and recorded as meetings.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/date_form.hpp"
#include "domain/returns/census_codes.hpp"

namespace signs::domain {

inline constexpr std::size_t kMaxNotOfferedReason = 2000;

struct PreProceedingsForm {
    std::vector<std::string> child_ids;
    DateForm started;                     ///< the legal planning meeting's decision to begin
    DateForm letter_sent;                 ///< the letter before proceedings
    std::string family_meeting_offered;   ///< "yes", "no" or empty (not yet)
    std::string not_offered_reason;       ///< why not offering was in the child's best interests
    std::string family_meeting_accepted;  ///< "yes", "no" or empty (no answer yet)
    std::string outcome;                  ///< an outcome code, or empty while it goes on
    DateForm decided;                     ///< the decision to step up or down
    DateForm court_application;
    DateForm letter_initiating;  ///< the letter telling the parents proceedings have begun
};

struct PreProceedings {
    std::vector<std::int64_t> children;
    core::CivilDate started{date::year{1970} / date::January / 1};
    std::optional<core::CivilDate> letter_sent;
    std::string family_meeting_offered;
    std::string not_offered_reason;
    std::string family_meeting_accepted;
    std::string outcome;
    std::optional<core::CivilDate> decided;
    std::optional<core::CivilDate> court_application;
    std::optional<core::CivilDate> letter_initiating;
};

/// What the answers are checked against: the case's children, the day it opened, today
/// and the outcome codes.
struct PreProceedingsContext {
    std::vector<std::int64_t> case_children;
    core::CivilDate case_opened;
    core::CivilDate today;
    const CodeSet& outcomes;
};

/// Errors use "children", "started-day", "letter-sent-day", "family-meeting-offered",
/// "not-offered-reason", "family-meeting-accepted", "outcome", "decided-day",
/// "court-application-day" and "letter-initiating-day". Dates follow one another in that
/// order, none in the future and none before the case opened; an offer is answered once the
/// letter is sent, a reason given when none was offered, and the family's answer only
/// recorded for an offer made; an outcome comes with its date, and a court application only
/// after a decision to apply.
core::Result<PreProceedings> check_pre_proceedings(const PreProceedingsForm& form,
                                                   const PreProceedingsContext& context);

/// What the law still asks before the application to court, in words for the worker: a
/// letter that must answer whether a family meeting is offered, or an accepted family
/// meeting not yet held. `family_meeting_held` is whether one has been held since the start.
std::vector<std::string> pre_proceedings_warnings(const PreProceedings& record,
                                                  bool family_meeting_held);

}  // namespace signs::domain
