// The census rules about pre-proceedings and family group decision-making, new for 2026 to
// 2027. The DfE's own list leaves gaps in its numbers (9001 to 9004, 9014); these are the
// rules published for the module. signs always records the start and sends the count of
// reviews with the first meeting, so 9000Q, 9005 and 9015Q guard returns built by hand, and
// 9010Q one edited after signs wrote it; their tests build the census directly.
#include "domain/returns/cin_rule_parts.hpp"

namespace signs::domain {
namespace {

using namespace rule_parts;
using Block = const CensusPreProceedings&;

/// Adds each episode with a pre-proceedings block for which `fails` is true.
template <class Fails>
void each_block(Child c, RuleHits& hits, Fails fails) {
    each_episode(c, hits, [&](Episode e) { return any(e.pre_proceedings, fails); });
}

/// A date given, and outside the year or before `earliest` (when that is known).
bool outside(Context x, const MaybeDate& day, const MaybeDate& earliest = std::nullopt) {
    return day && (!x.year.contains(*day) || before(day, earliest));
}

const CensusRule kRules[] = {
    {"8995Q", RuleSeverity::Query, RulePlace::Return,
     "Please check and provide a reason why no module 5 (pre-proceedings and FGM) data has been "
     "provided for any child.",
     "No child has pre-proceedings recorded in the year. If that is right, be ready to say so; "
     "if not, record them on the children's cases.",
     "PreProceedingsandFGDM", nullptr,
     [](std::span<const CensusChild> children, Context x, std::vector<int>& hits) {
         if (!x.year.asks_pre_proceedings()) return;
         bool some = any(children, [](const CensusChild& c) {
             return any(c.episodes, [](Episode e) { return !e.pre_proceedings.empty(); });
         });
         if (!some) hits.push_back(-1);
     }},
    {"9000Q", RuleSeverity::Query, RulePlace::PreProceedings,
     "Please check: If you do not yet collect this data, please leave this field blank and "
     "provide a reason.",
     "Pre-proceedings are recorded without the day they began.", "PPStartDate",
     [](Child c, Context, RuleHits& hits) {
         each_block(c, hits, [](Block p) { return !p.start; });
     }},
    {"9005", RuleSeverity::Error, RulePlace::PreProceedings,
     "The date of the legal planning meeting or other decision making forum where the LA made "
     "the decision to commence pre-proceedings cannot fall outside the reporting year.",
     "The day pre-proceedings began is outside the census year.", "PPStartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits, [&](Block p) { return outside(x, p.start); });
     }},
    {"9006", RuleSeverity::Error, RulePlace::PreProceedings,
     "The date the letter before proceedings was sent must be within the reporting year and "
     "after the date pre-proceedings began.",
     "The letter before proceedings is dated before pre-proceedings began, or outside the "
     "year.",
     "LBPSentDate, PPStartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits, [&](Block p) { return outside(x, p.letter_sent, p.start); });
     }},
    {"9007", RuleSeverity::Error, RulePlace::PreProceedings,
     "You have confirmed that a letter before proceedings was sent. Please confirm whether or "
     "not a FGDM meeting was offered in the letter.",
     "The letter before proceedings was sent, but not whether it offered a family group "
     "decision-making meeting: record the answer.",
     "LBPSentDate, FGDMMeetingOffer",
     [](Child c, Context, RuleHits& hits) {
         each_block(c, hits, [](Block p) { return p.letter_sent && !p.family_meeting_offered; });
     }},
    {"9008", RuleSeverity::Error, RulePlace::PreProceedings,
     "The date of the first effective pre-proceedings meeting must be within the reporting "
     "year.",
     "The first pre-proceedings meeting is outside the census year.", "InitialPPMeetingDate",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits, [&](Block p) { return outside(x, p.initial_meeting); });
     }},
    {"9009", RuleSeverity::Error, RulePlace::PreProceedings,
     "The date when the decision was made to step up or down must be on or after the date of "
     "the decision to begin pre-proceedings and must fall within the reporting year",
     "The decision to step up or down is dated before pre-proceedings began, or outside the "
     "year.",
     "StepDecisionDate, PPStartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits, [&](Block p) { return outside(x, p.decided, p.start); });
     }},
    {"9010Q", RuleSeverity::Query, RulePlace::PreProceedings,
     "Please check: You have reported that a FGDM meeting was offered in the letter before "
     "proceedings. Please confirm whether or not a FGDM meeting was facilitated in the "
     "pre-proceedings period following this offer.",
     "A family group decision-making meeting was offered, but whether one was held is not "
     "known.",
     "FGDMMeetingOffer, FGDMMeetingFac",
     [](Child c, Context, RuleHits& hits) {
         each_block(c, hits, [](Block p) {
             return p.family_meeting_offered == true && !p.family_meeting_held;
         });
     }},
    {"9011", RuleSeverity::Error, RulePlace::PreProceedings,
     "The outcome of the pre-proceedings must be reported using a valid value",
     "The outcome of pre-proceedings is not one on the DfE's list: choose it again.", "PPOutcome",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits, [&](Block p) {
             return !p.outcome.empty() && !x.codes.pre_proceedings_outcome.contains(p.outcome);
         });
     }},
    {"9012", RuleSeverity::Error, RulePlace::PreProceedings,
     "The date that the local authority submitted the court application to commence care "
     "proceedings must fall within the reporting year and be on or after the date of the "
     "decision to initiate care proceedings.",
     "The application to court is dated before the decision to apply, or outside the year.",
     "CourtAppDate, StepDecisionDate",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits, [&](Block p) { return outside(x, p.court_application, p.decided); });
     }},
    {"9013", RuleSeverity::Error, RulePlace::PreProceedings,
     "The date on which the letter to initiate care proceedings was sent to parents/guardians "
     "must fall within the reporting year and be on or after the date when the local authority "
     "submitted the court application to commence care proceedings.",
     "The letter telling the parents proceedings have begun is dated before the application "
     "to court, or outside the year.",
     "LetterInitCPDate, CourtAppDate",
     [](Child c, Context x, RuleHits& hits) {
         each_block(c, hits,
                    [&](Block p) { return outside(x, p.letter_initiating, p.court_application); });
     }},
    {"9015Q", RuleSeverity::Query, RulePlace::PreProceedings,
     "Please check: if review meetings were held following the initial pre-proceedings "
     "meeting, the total number held should be reported.",
     "The first pre-proceedings meeting is recorded, but not how many review meetings "
     "followed.",
     "InitialPPMeetingDate, ReviewMeetingsCount",
     [](Child c, Context, RuleHits& hits) {
         each_block(c, hits, [](Block p) { return p.initial_meeting && !p.review_meetings; });
     }},
};

}  // namespace

std::span<const CensusRule> pre_proceedings_rules() { return kRules; }

}  // namespace signs::domain
