#include "domain/casework/pre_proceedings.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

/// Notes on `field` a date in the future or before `earliest` (described by `earliest_was`).
void after(core::FieldChecks& checks, std::string_view field, core::CivilDate date,
           core::CivilDate earliest, std::string_view earliest_was, core::CivilDate today) {
    if (date > today) {
        checks.add(field, "The date must be today or in the past");
    } else if (date < earliest) {
        checks.add(field, "The date must be on or after " + earliest.long_text() + ", " +
                              std::string{earliest_was});
    }
}

bool yes_no_or_empty(const std::string& answer) {
    return answer.empty() || answer == "yes" || answer == "no";
}

std::vector<std::int64_t> chosen_children(core::FieldChecks& checks, const PreProceedingsForm& form,
                                          const std::vector<std::int64_t>& case_children) {
    std::vector<std::int64_t> out;
    for (const auto& text : form.child_ids) {
        auto id = core::parse_number(core::trimmed(text));
        if (!id ||
            std::find(case_children.begin(), case_children.end(), *id) == case_children.end()) {
            checks.add("children", "Select children from this case");
            return {};
        }
        if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
    }
    if (out.empty())
        checks.add("children",
                   "Select the children the letter before proceedings "
                   "concerns");
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

core::Result<PreProceedings> check_pre_proceedings(const PreProceedingsForm& form,
                                                   const PreProceedingsContext& context) {
    core::FieldChecks checks;
    PreProceedings out;
    const auto today = context.today;
    out.children = chosen_children(checks, form, context.case_children);

    auto started = required_date(checks, "started-day", "date pre-proceedings began", form.started);
    if (started)
        after(checks, "started-day", *started, context.case_opened, "when the case opened", today);
    out.letter_sent = optional_date(
        checks, "letter-sent-day", "date the letter before proceedings was sent", form.letter_sent);
    if (out.letter_sent && started) {
        after(checks, "letter-sent-day", *out.letter_sent, *started, "when pre-proceedings began",
              today);
    }

    out.family_meeting_offered = core::trimmed(form.family_meeting_offered);
    out.family_meeting_accepted = core::trimmed(form.family_meeting_accepted);
    if (!yes_no_or_empty(out.family_meeting_offered)) {
        checks.add("family-meeting-offered",
                   "Select whether the letter offered a family group decision-making meeting");
    } else if (out.family_meeting_offered.empty() && out.letter_sent) {
        checks.add("family-meeting-offered",
                   "The letter has been sent: select whether it offered a family group "
                   "decision-making meeting");
    } else if (!out.family_meeting_offered.empty() && !out.letter_sent &&
               !checks.has("letter-sent-day")) {
        checks.add("letter-sent-day",
                   "Enter the date the letter before proceedings was sent: "
                   "the offer is made in it");
    }
    if (out.family_meeting_offered == "no") {
        out.not_offered_reason = core::trimmed(form.not_offered_reason);
        checks.text("not-offered-reason", out.not_offered_reason,
                    "Enter why not offering a meeting was in the child's best interests",
                    "The reason", kMaxNotOfferedReason);
    }
    if (!yes_no_or_empty(out.family_meeting_accepted)) {
        checks.add("family-meeting-accepted", "Select whether the family accepted the meeting");
    } else if (!out.family_meeting_accepted.empty() && out.family_meeting_offered != "yes") {
        checks.add("family-meeting-accepted",
                   "The family can only accept a meeting the letter offered: leave this empty");
    }

    out.outcome = core::trimmed(form.outcome);
    out.decided = optional_date(checks, "decided-day", "date of the decision", form.decided);
    if (!out.outcome.empty() && !context.outcomes.contains(out.outcome)) {
        checks.add("outcome", "Select the outcome from the list");
    } else if (out.outcome.empty() && out.decided) {
        checks.add("outcome", "Select the outcome decided");
    } else if (!out.outcome.empty() && !out.decided && !checks.has("decided-day")) {
        checks.add("decided-day", "Enter the date of the decision");
    }
    if (out.decided && started)
        after(checks, "decided-day", *out.decided, *started, "when pre-proceedings began", today);

    out.court_application =
        optional_date(checks, "court-application-day", "date of the application to court",
                      form.court_application);
    if (out.court_application) {
        if (out.outcome != kOutcomeProceedings) {
            checks.add("court-application-day",
                       "An application to court follows a decision to apply: select that outcome "
                       "first");
        } else if (out.decided) {
            after(checks, "court-application-day", *out.court_application, *out.decided,
                  "the day of the decision", today);
        }
    }
    out.letter_initiating = optional_date(
        checks, "letter-initiating-day",
        "date of the letter telling the parents proceedings have begun", form.letter_initiating);
    if (out.letter_initiating) {
        if (!out.court_application) {
            if (!checks.has("court-application-day"))
                checks.add("letter-initiating-day",
                           "Enter the date of the application to court first");
        } else {
            after(checks, "letter-initiating-day", *out.letter_initiating, *out.court_application,
                  "the day of the application to court", today);
        }
    }

    if (!checks.ok()) return std::unexpected(checks.error());
    out.started = *started;
    return out;
}

std::vector<std::string> pre_proceedings_warnings(const PreProceedings& record,
                                                  bool family_meeting_held) {
    std::vector<std::string> out;
    if (record.family_meeting_offered.empty()) {
        out.emplace_back(
            "The letter before proceedings must offer the family a family group decision-making "
            "meeting, unless not offering one is in the child's best interests.");
    }
    if (record.family_meeting_accepted == "yes" && !family_meeting_held) {
        out.emplace_back(
            "The family accepted a family group decision-making meeting and none has been held "
            "yet. The law requires it to be held before any application to court.");
    }
    return out;
}

}  // namespace signs::domain
