#include "domain/returns/census_recording.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

/// Places `date` within the episode and before tomorrow, or notes why not.
void within(core::FieldChecks& checks, std::string_view field, core::CivilDate date,
            core::CivilDate earliest, std::string_view earliest_was, const EpisodeSpan& span,
            core::CivilDate today) {
    if (date > today) {
        checks.add(field, "The date must be today or in the past");
    } else if (date < earliest) {
        checks.add(field, "The date must be on or after " + earliest.long_text() + ", " +
                              std::string{earliest_was});
    } else if (span.closed && date > *span.closed) {
        checks.add(field, "The date must be on or before " + span.closed->long_text() +
                              ", when the episode closed");
    }
}

}  // namespace

core::Result<EpisodeAnswers> check_episode_answers(const EpisodeAnswersForm& form,
                                                   const CensusCodes& codes, bool assessed,
                                                   bool closed) {
    core::FieldChecks checks;
    EpisodeAnswers answers;
    answers.referral_source = core::trimmed(form.referral_source);
    answers.primary_need = core::trimmed(form.primary_need);
    auto nfa = core::trimmed(form.no_further_action);
    if (!codes.referral_source.contains(answers.referral_source))
        checks.add("referral_source", "Select who made the referral");
    if (!answers.primary_need.empty() && !codes.primary_need.contains(answers.primary_need))
        checks.add("primary_need", "Select the child's main need from the list");
    if (nfa != "yes" && nfa != "no") {
        checks.add("no_further_action", "Select whether the referral led to no further action");
    } else if (nfa == "yes" && assessed) {
        checks.add("no_further_action",
                   "The referral led to an assessment, so it did not end with no further action");
    }
    answers.no_further_action = nfa == "yes";
    if (closed) {
        answers.closure_reason = core::trimmed(form.closure_reason);
        if (!codes.closure_reason.contains(answers.closure_reason))
            checks.add("closure_reason", "Select the reason the episode closed");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return answers;
}

core::Result<core::CivilDate> check_assessment_start(const DateForm& form, const EpisodeSpan& span,
                                                     core::CivilDate today, bool another_open) {
    core::FieldChecks checks;
    auto started = required_date(checks, "started-day", "date the assessment started", form);
    if (started) {
        within(checks, "started-day", *started, span.referral, "the day of the referral", span,
               today);
    }
    if (checks.ok() && another_open) {
        checks.add("started-day",
                   "An assessment is already under way: it must be authorised before another "
                   "starts");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return *started;
}

core::Result<core::CivilDate> check_no_conference(const DateForm& form, core::CivilDate started,
                                                  core::CivilDate today) {
    core::FieldChecks checks;
    auto decided = required_date(checks, "decided-day", "date it was decided", form);
    if (decided) {
        within(checks, "decided-day", *decided, started, "the day of the strategy discussion",
               {started, std::nullopt}, today);
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return *decided;
}

core::Result<Authorisation> check_authorisation(const AuthorisationForm& form,
                                                core::CivilDate started, const EpisodeSpan& span,
                                                core::CivilDate today, const CensusCodes& codes) {
    core::FieldChecks checks;
    Authorisation out;
    auto on = required_date(checks, "authorised-day", "date it was authorised",
                            {form.day, form.month, form.year});
    if (on) {
        within(checks, "authorised-day", *on, started, "the day the assessment started", span,
               today);
    }
    std::vector<std::string> chosen;
    for (const auto& f : form.factors) {
        auto code = core::trimmed(f);
        if (!code.empty()) chosen.push_back(code);
    }
    bool known = std::all_of(chosen.begin(), chosen.end(), [&](const std::string& c) {
        return codes.assessment_factor.contains(c);
    });
    bool none = std::find(chosen.begin(), chosen.end(), kNoFactors) != chosen.end();
    bool older = std::any_of(chosen.begin(), chosen.end(),
                             [](const std::string& c) { return c == "18A" || c == "19A"; });
    if (chosen.empty()) {
        checks.add("factors", "Select the factors the assessment found, or 'No factors found'");
    } else if (!known) {
        checks.add("factors", "Select the factors from the list");
    } else if (none && chosen.size() > 1) {
        checks.add("factors", "Select either 'No factors found' or the factors found");
    } else if (older) {
        checks.add("factors", "Say whether abuse was by another child or by an adult");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    out.on = *on;
    for (const auto& entry : codes.assessment_factor.entries()) {
        if (std::find(chosen.begin(), chosen.end(), entry.code) != chosen.end())
            out.factors.emplace_back(entry.code);
    }
    return out;
}

}  // namespace signs::domain
