// The census rules about each episode: the referral, its closure, and what an episode that
// ended with no further action or after assessment alone may hold.
#include <algorithm>

#include "domain/returns/cin_rule_parts.hpp"

namespace signs::domain {
namespace {

using namespace rule_parts;

bool closed_after_assessment(Episode e) {
    return e.closure_reason == kClosedNoFurtherAction || e.closure_reason == kClosedToEarlyHelp;
}

bool open_with_action(Episode e) { return !e.closure && !e.no_further_action; }

/// Whether anything in the episode happened after `closed`.
bool activity_after(Episode e, core::CivilDate closed) {
    if (after(e.initial_conference, closed)) return true;
    for (const auto& a : e.assessments) {
        if (after(a.start, closed) || after(a.authorised, closed)) return true;
    }
    for (const auto& s : e.enquiries) {
        if (after(s.start, closed) || after(s.conference, closed)) return true;
    }
    for (const auto& p : e.protection_plans) {
        if (after(p.end, closed)) return true;
    }
    for (const auto& p : e.cin_plans) {
        if (after(p.start, closed) || after(p.end, closed)) return true;
    }
    return false;
}

const CensusRule kRules[] = {
    {"2990", RuleSeverity::Error, RulePlace::Episode,
     "Activity is recorded against a case marked as ‘Case closed after assessment, no further "
     "action’ or 'case closed after assessment, referred to early help'.",
     "The episode was closed after assessment alone, yet it has an enquiry, a conference or "
     "a plan: choose another reason for closing.",
     "ReasonForClosure",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return closed_after_assessment(e) &&
                    (!e.enquiries.empty() || !e.protection_plans.empty() || e.initial_conference ||
                     !e.cin_plans.empty());
         });
     }},
    {"2991Q", RuleSeverity::Query, RulePlace::Assessment,
     "Please check and either amend data or provide a reason: A Section 47 module is "
     "recorded and there is no assessment on the episode",
     "There was a section 47 enquiry but no assessment is recorded in the episode.", "CINdetailsID",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits,
                      [](Episode e) { return !e.enquiries.empty() && e.assessments.empty(); });
     }},
    {"4000", RuleSeverity::Error, RulePlace::Episode,
     "CIN Plan details provided for a referral with no further action",
     "The referral is marked as leading to no further action, yet it has a child in need "
     "plan.",
     "ReferralNFA",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits,
                      [](Episode e) { return e.no_further_action && !e.cin_plans.empty(); });
     }},
    {"8555Q", RuleSeverity::Query, RulePlace::Episode,
     "Child cannot be referred after its recorded date of death",
     "The referral is dated after the child's date of death.", "PersonDeathDate, CINreferralDate",
     [](Child c, Context, RuleHits& hits) {
         if (!c.death) return;
         each_episode(c, hits, [&](Episode e) { return after(e.referral, *c.death); });
     }},
    {"8565", RuleSeverity::Error, RulePlace::Episode, "Activity shown after a case has been closed",
     "Something in the episode is dated after the episode closed: check the closing date.",
     "CINclosureDate, DateOfInitialCPC, AssessmentActualStartDate, AssessmentAuthorisationDate, "
     "S47ActualStartDate, CPPendDate, CINPlanStartDate, CINPlanEndDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits,
                      [](Episode e) { return e.closure && activity_after(e, *e.closure); });
     }},
    {"8569Q", RuleSeverity::Query, RulePlace::Episode,
     "A case with referral date before one working day prior to the collection start date "
     "must not be flagged as a no further action case",
     "A referral from before the census year is marked as leading to no further action.",
     "ReferralNFA",
     [](Child c, Context x, RuleHits& hits) {
         auto cut_off = working_days_before(x.calendar, x.year.start, 1);
         each_episode(c, hits, [&](Episode e) {
             return e.no_further_action && e.referral && *e.referral < cut_off;
         });
     }},
    {"8585Q", RuleSeverity::Query, RulePlace::Child,
     "Please check and either amend or provide a reason: CIN episode shows Died as the "
     "Closure Reason, however child has no recorded Date of Death",
     "The episode closed because the child died: record the date of death.",
     "ReasonForClosure, PersonDeathDate",
     [](Child c, Context, RuleHits& hits) {
         if (c.death) return;
         each_episode(c, hits, [](Episode e) { return e.closure_reason == kDied; });
     }},
    {"8600", RuleSeverity::Error, RulePlace::Episode,
     "Child referral date missing or after data collection period",
     "The referral has no date, or is dated after the census year.", "CINreferralDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits,
                      [&](Episode e) { return !e.referral || *e.referral > x.year.reference; });
     }},
    {"8606", RuleSeverity::Error, RulePlace::Episode,
     "Child referral date is more than 40 weeks before DOB or expected DOB",
     "The referral is dated more than 40 weeks before the child's birth or expected birth.",
     "CINreferralDate, PersonBirthDate, ExpectedPersonBirthDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             if (!e.referral) return false;
             auto too_early = [&](const MaybeDate& born) {
                 return born && *e.referral < born->plus_days(-280);
             };
             return too_early(c.birth) || too_early(c.expected_birth);
         });
     }},
    {"8610", RuleSeverity::Error, RulePlace::Episode,
     "Primary Need code is missing for a referral which led to further action.",
     "Record the child's main need for this referral.", "ReferralNFA, PrimaryNeedCode",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits,
                      [](Episode e) { return !e.no_further_action && e.primary_need.empty(); });
     }},
    {"8620", RuleSeverity::Error, RulePlace::Episode,
     "CIN Closure Date present and does not fall within the Census year",
     "The episode's closing date is outside the census year.", "CINclosureDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits,
                      [&](Episode e) { return e.closure && !x.year.contains(*e.closure); });
     }},
    {"8630", RuleSeverity::Error, RulePlace::Episode,
     "CIN Closure Date is before CIN Referral Date for the same CIN episode",
     "The episode closes before its referral.", "CINreferralDate, CINclosureDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return e.closure && e.referral && *e.closure < *e.referral;
         });
     }},
    {"8640", RuleSeverity::Error, RulePlace::Episode,
     "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code "
     "set)",
     "The reason for closing is not one the census knows.", "ReasonForClosure",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return !e.closure_reason.empty() && !x.codes.closure_reason.contains(e.closure_reason);
         });
     }},
    {"8650", RuleSeverity::Error, RulePlace::Episode,
     "Primary Need Code invalid (see Primary Need table in CIN census code set)",
     "The main need recorded is not one the census knows.", "PrimaryNeedCode",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return !e.primary_need.empty() && !x.codes.primary_need.contains(e.primary_need);
         });
     }},
    {"8805", RuleSeverity::Error, RulePlace::Episode,
     "A CIN case cannot have a CIN closure date without a Reason for Closure",
     "The episode has a closing date but no reason for closing.",
     "CINclosureDate, ReasonForClosure",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) { return e.closure && e.closure_reason.empty(); });
     }},
    {"8810", RuleSeverity::Error, RulePlace::Episode,
     "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
     "The episode has a reason for closing but no closing date.",
     "ReasonForClosure, CINclosureDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) { return !e.closure && !e.closure_reason.empty(); });
     }},
    {"8815", RuleSeverity::Error, RulePlace::Episode,
     "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
     "provided for this child and case is not a referral with no further action.",
     "The child has more than one open episode: close the earlier one.",
     "ReferralNFA, CINclosureDate",
     [](Child c, Context, RuleHits& hits) {
         auto open = std::count_if(c.episodes.begin(), c.episodes.end(), open_with_action);
         if (open > 1) each_episode(c, hits, open_with_action);
     }},
    {"8816", RuleSeverity::Error, RulePlace::Episode,
     "An open CIN episode is shown and case is not a referral with no further action, but it "
     "is not the latest episode.",
     "An episode is still open although a later referral has been made: close it.",
     "CINreferralDate, ReferralNFA",
     [](Child c, Context, RuleHits& hits) {
         MaybeDate latest;
         for (const auto& e : c.episodes) {
             if (e.referral && (!latest || *e.referral > *latest)) latest = e.referral;
         }
         each_episode(c, hits, [&](Episode e) {
             return open_with_action(e) && e.referral && latest && *e.referral < *latest;
         });
     }},
    {"8820", RuleSeverity::Error, RulePlace::Episode,
     "The dates on the CIN episodes for this child overlap",
     "The episode starts while another of the child's episodes is open.",
     "CINreferralDate, CINclosureDate",
     [](Child c, Context x, RuleHits& hits) {
         for (std::size_t a = 0; a < c.episodes.size(); ++a) {
             const auto& mine = c.episodes[a];
             if (!mine.referral) continue;
             for (std::size_t b = 0; b < c.episodes.size(); ++b) {
                 const auto& other = c.episodes[b];
                 if (a == b || !other.referral || *mine.referral < *other.referral) continue;
                 // One episode may end on the day the next begins.
                 bool inside = other.closure
                                   ? *mine.referral < *other.closure
                                   : !other.no_further_action && *mine.referral <= x.year.reference;
                 if (inside) {
                     hits.push_back(static_cast<int>(a));
                     break;
                 }
             }
         }
     }},
    {"8825Q", RuleSeverity::Query, RulePlace::Assessment,
     "Please check and either amend data or provide a reason: Reason for Closure code RC8 "
     "(case closed after assessment) or RC9 (case closed after assessment, referred to early "
     "help) has been returned but there is no assessment present for the episode.",
     "The episode closed after assessment, but no assessment is recorded.", "ReasonForClosure",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return closed_after_assessment(e) && e.assessments.empty();
         });
     }},
    {"8831", RuleSeverity::Error, RulePlace::Episode,
     "Activity is recorded against a case marked as a referral with no further action",
     "The referral is marked as leading to no further action, yet an assessment, enquiry or "
     "conference is recorded.",
     "AssessmentActualStartDate, AssessmentAuthorisationDate, S47ActualStartDate, "
     "DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             if (!e.no_further_action) return false;
             bool assessed = std::any_of(e.assessments.begin(), e.assessments.end(),
                                         [](const auto& a) { return a.start || a.authorised; });
             bool enquired = std::any_of(e.enquiries.begin(), e.enquiries.end(),
                                         [](const auto& s) { return s.start || s.conference; });
             return assessed || enquired || e.initial_conference.has_value();
         });
     }},
    {"8832", RuleSeverity::Error, RulePlace::Episode,
     "Child Protection details provided for a referral with no further action.",
     "The referral is marked as leading to no further action, yet it has a child protection "
     "plan.",
     "ReferralNFA",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits,
                      [](Episode e) { return e.no_further_action && !e.protection_plans.empty(); });
     }},
    {"8866", RuleSeverity::Error, RulePlace::Episode,
     "Source of Referral is missing or an invalid code", "Record who made the referral.",
     "CINreferralDate, ReferralSource",
     [](Child c, Context x, RuleHits& hits) {
         const core::CivilDate since{date::year{2013} / date::April / 1};
         each_episode(c, hits, [&](Episode e) {
             return e.referral && *e.referral >= since &&
                    !x.codes.referral_source.contains(e.referral_source);
         });
     }},
    {"8867", RuleSeverity::Error, RulePlace::Assessment,
     "CIN episode is shown as closed, however Assessment is not shown as completed",
     "The episode is closed but an assessment in it has not been authorised.",
     "CINclosureDate, AssessmentAuthorisationDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return e.closure && std::any_of(e.assessments.begin(), e.assessments.end(),
                                             [](const auto& a) { return !a.authorised; });
         });
     }},
    {"8868", RuleSeverity::Error, RulePlace::Enquiry,
     "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by "
     "ICPC date or ICPC not required flag",
     "The episode is closed but a section 47 enquiry in it has neither a conference nor a "
     "decision that none was needed.",
     "ICPCnotRequired, CINclosureDate, DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return e.closure &&
                    std::any_of(e.enquiries.begin(), e.enquiries.end(), [](const auto& s) {
                        return !s.conference && !s.conference_not_required;
                    });
         });
     }},
};

}  // namespace

std::span<const CensusRule> episode_rules() { return kRules; }

}  // namespace signs::domain
