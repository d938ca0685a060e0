#pragma once
/// What a worker records for the census where the work happens: who made a referral, the
/// child's main need and whether it led to no further action; when an assessment began; and
/// a manager's authorisation of it with the factors it found.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/date_form.hpp"
#include "domain/returns/census_codes.hpp"

namespace signs::domain {

struct EpisodeAnswersForm {
    std::string referral_source;
    std::string primary_need;
    std::string no_further_action;  ///< "yes" or "no"
    std::string closure_reason{};   ///< read only for a closed episode
};

struct EpisodeAnswers {
    std::string referral_source;
    std::string primary_need;  ///< empty until it is known
    bool no_further_action = false;
    std::string closure_reason;  ///< kept as it was for an episode still going on
};

/// Errors use "referral_source", "primary_need", "no_further_action" and "closure_reason". A
/// referral that has an assessment did not end with no further action; a closed episode's
/// reason for closing can be corrected, to another from the list.
core::Result<EpisodeAnswers> check_episode_answers(const EpisodeAnswersForm& form,
                                                   const CensusCodes& codes, bool assessed,
                                                   bool closed = false);

/// The days an episode covers, for the dates recorded in it.
struct EpisodeSpan {
    core::CivilDate referral;
    std::optional<core::CivilDate> closed;
};

/// An assessment's first day: on or after the referral, not after the closure, not in the
/// future. Errors use "started-day"; `another_open` (an assessment not yet authorised) is
/// refused there too, since the census takes one open assessment per episode.
core::Result<core::CivilDate> check_assessment_start(const DateForm& form, const EpisodeSpan& span,
                                                     core::CivilDate today, bool another_open);

/// The day a section 47 enquiry was found to need no initial conference: on or after the
/// strategy discussion that began it, and not in the future. Errors use "decided-day".
core::Result<core::CivilDate> check_no_conference(const DateForm& form, core::CivilDate started,
                                                  core::CivilDate today);

struct AuthorisationForm {
    std::string day, month, year;
    std::vector<std::string> factors;
};

struct Authorisation {
    core::CivilDate on{date::year{1970} / date::January / 1};
    std::vector<std::string> factors;  ///< in the order of the factor list
};

/// A manager's authorisation: on or after the start, not in the future, not after the
/// episode closed; one or more factors from the list, "21" (none found) alone, and never
/// the older codes 18A and 19A. Errors use "authorised-day" and "factors".
core::Result<Authorisation> check_authorisation(const AuthorisationForm& form,
                                                core::CivilDate started, const EpisodeSpan& span,
                                                core::CivilDate today, const CensusCodes& codes);

}  // namespace signs::domain
