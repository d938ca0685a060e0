// The census rules about the work in an episode: assessments, child in need plans, section
// 47 enquiries and child protection plans.
#include <algorithm>
#include <set>

#include "domain/returns/cin_rule_parts.hpp"

namespace signs::domain {
namespace {

using namespace rule_parts;
using core::CivilDate;

bool is_weekend(CivilDate day) {
    auto weekday = date::weekday{day.days()};
    return weekday == date::Saturday || weekday == date::Sunday;
}

bool has_code(const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

/// Whether `day` falls in [from, to], where an open period runs to the reference date.
bool within(CivilDate day, const MaybeDate& from, const MaybeDate& to, CivilDate reference) {
    return from && *from <= day && day <= to.value_or(reference);
}

/// Whether any two periods of `items` overlap: one's start inside another's [start, end],
/// except that one may start on the day another ends.
template <class Items, class Start, class End>
bool overlapping(const Items& items, Start start, End end, CivilDate reference) {
    for (std::size_t a = 0; a < items.size(); ++a) {
        auto from = start(items[a]);
        if (!from) continue;
        for (std::size_t b = 0; b < items.size(); ++b) {
            if (a == b) continue;
            auto other_end = end(items[b]);
            if (other_end && *from == *other_end) continue;
            if (within(*from, start(items[b]), other_end, reference)) return true;
        }
    }
    return false;
}

bool open_enquiry(const CensusEnquiry& s) { return !s.conference && !s.conference_not_required; }

const CensusRule kRules[] = {
    // Assessments.
    {"1103", RuleSeverity::Error, RulePlace::Assessment,
     "The assessment start date cannot be before the referral date",
     "The assessment starts before the referral.", "AssessmentActualStartDate, CINreferralDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments, [&](const auto& a) { return before(a.start, e.referral); });
         });
     }},
    {"8608", RuleSeverity::Error, RulePlace::Assessment,
     "Assessment Start Date cannot be later than its End Date",
     "The assessment is authorised before it started.",
     "AssessmentActualStartDate, AssessmentAuthorisationDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments, [](const auto& a) { return before(a.authorised, a.start); });
         });
     }},
    {"8614", RuleSeverity::Error, RulePlace::Assessment,
     "Parental or child factors at assessment should only be present for a completed "
     "assessment.",
     "Factors are recorded for an assessment that is not yet authorised.",
     "AssessmentAuthorisationDate, AssessmentFactors",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments,
                        [](const auto& a) { return !a.authorised && !a.factors.empty(); });
         });
     }},
    {"8670Q", RuleSeverity::Query, RulePlace::Assessment,
     "Please check and either amend data or provide a reason: Assessment started more than 45 "
     "working days before the end of the census year. However, there is no Assessment end "
     "date.",
     "The assessment has been open for more than 45 working days: authorise it, or say why "
     "it is still going on.",
     "AssessmentActualStartDate",
     [](Child c, Context x, RuleHits& hits) {
         auto cut_off = working_days_before(x.calendar, x.year.reference, 45);
         each_episode(c, hits, [&](Episode e) {
             return any(e.assessments, [&](const auto& a) {
                 return !a.authorised && a.start && *a.start < cut_off;
             });
         });
     }},
    {"8696", RuleSeverity::Error, RulePlace::Assessment,
     "Assessment end date must fall within the census year",
     "The assessment's authorisation date is outside the census year.",
     "AssessmentAuthorisationDate, ReferenceDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.assessments, [&](const auto& a) {
                 return a.authorised && !x.year.contains(*a.authorised);
             });
         });
     }},
    {"8736", RuleSeverity::Error, RulePlace::Assessment,
     "For an Assessment that has not been completed, the start date must fall within the "
     "census year",
     "An assessment not yet authorised started outside the census year.",
     "AssessmentAuthorisationDate, AssessmentActualStartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.assessments, [&](const auto& a) {
                 return !a.authorised && a.start && !x.year.contains(*a.start);
             });
         });
     }},
    {"8863Q", RuleSeverity::Query, RulePlace::Assessment,
     "An Assessment is shown as starting when there is another Assessment ongoing.",
     "An assessment starts while another assessment in the episode is still going on.",
     "AssessmentActualStartDate, AssessmentAuthorisationDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return overlapping(
                 e.assessments, [](const auto& a) { return a.start; },
                 [](const auto& a) { return a.authorised; }, x.year.reference);
         });
     }},
    {"8869", RuleSeverity::Error, RulePlace::Assessment,
     "The assessment factors code “21” cannot be used in conjunction with any other assessment "
     "factors.",
     "'No factors found' is chosen with other factors: choose one or the other.",
     "AssessmentFactors",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments, [](const auto& a) {
                 return has_code(a.factors, kNoFactors) && a.factors.size() > 1;
             });
         });
     }},
    {"8873Q", RuleSeverity::Query, RulePlace::Episode,
     "Please check and either amend data or provide a reason: When there is only one "
     "assessment on the episode and the factors code “21 No factors identified” has been used "
     "for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
     "The only assessment found no factors, so the episode would usually close after "
     "assessment (RC8 or RC9).",
     "ReasonForClosure, AssessmentFactors",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             if (e.assessments.size() != 1) return false;
             const auto& only = e.assessments.front();
             return only.authorised && has_code(only.factors, kNoFactors) &&
                    e.closure_reason != kClosedNoFurtherAction &&
                    e.closure_reason != kClosedToEarlyHelp;
         });
     }},
    {"8896", RuleSeverity::Error, RulePlace::Assessment,
     "Within one CINDetails group there are 2 or more open Assessments groups",
     "More than one assessment in the episode is still open: authorise or remove one.",
     "AssessmentAuthorisationDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return std::count_if(e.assessments.begin(), e.assessments.end(),
                                  [](const auto& a) { return !a.authorised; }) > 1;
         });
     }},
    {"8897Q", RuleSeverity::Query, RulePlace::Assessment,
     "Parental or child factors at assessment information is missing from a completed "
     "assessment",
     "An authorised assessment has no factors: record what it found, or 'No factors found'.",
     "AssessmentAuthorisationDate, AssessmentFactors",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.assessments, [&](const auto& a) {
                 if (!a.authorised || *a.authorised < x.year.start) return false;
                 return a.factors.empty() || any(a.factors, [&](const std::string& f) {
                            return !x.codes.assessment_factor.contains(f);
                        });
             });
         });
     }},
    {"8898", RuleSeverity::Error, RulePlace::Assessment,
     " The assessment has more than one parental or child factors with the same code",
     "A factor is recorded twice on one assessment.", "AssessmentFactors",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments, [](const auto& a) {
                 return std::set<std::string>(a.factors.begin(), a.factors.end()).size() !=
                        a.factors.size();
             });
         });
     }},
    {"8945Q", RuleSeverity::Query, RulePlace::Assessment,
     "Please check and either amend data or provide a reason: the assessment factors code "
     "'18A' should not be used ('18B' or '18C' should be used instead)",
     "Physical abuse is now recorded as by another child (18B) or by an adult (18C).",
     "AssessmentFactors",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments, [](const auto& a) { return has_code(a.factors, "18A"); });
         });
     }},
    {"8950Q", RuleSeverity::Query, RulePlace::Assessment,
     "Please check and either amend data or provide a reason: the assessment factors code "
     "'19A' should not be used ('19B' or '19C' should be used instead)",
     "Sexual abuse is now recorded as by another child (19B) or by an adult (19C).",
     "AssessmentFactors",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.assessments, [](const auto& a) { return has_code(a.factors, "19A"); });
         });
     }},

    // Child in need plans.
    {"4001", RuleSeverity::Error, RulePlace::CinPlan,
     "A CIN Plan cannot run concurrently with a Child Protection Plan",
     "A child in need plan and a child protection plan are both open: end the child in need "
     "plan.",
     "CINPlanEndDate, CPPendDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.protection_plans, [](const auto& p) { return !p.end; }) &&
                    any(e.cin_plans, [](const auto& p) { return !p.end; });
         });
     }},
    {"4003", RuleSeverity::Error, RulePlace::CinPlan,
     "A CPP review date is shown as being held at the same time as an open CIN Plan.",
     "A child protection review conference is dated while a child in need plan was open.",
     "CINPlanStartDate, CINPlanEndDate, CPPreviewDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& p) {
                 return any(p.reviews, [&](CivilDate review) {
                     if (p.end && review == *p.end) return false;
                     return any(e.cin_plans, [&](const auto& plan) {
                         return plan.start && *plan.start < review &&
                                review < plan.end.value_or(x.year.reference.plus_days(1));
                     });
                 });
             });
         });
     }},
    {"4004", RuleSeverity::Error, RulePlace::CinPlan,
     "This child is showing more than one open CIN Plan, i.e. with no End Date",
     "The child has more than one open child in need plan.", "CINPlanEndDate",
     [](Child c, Context, RuleHits& hits) {
         int open = 0;
         for (const auto& e : c.episodes) {
             open += static_cast<int>(std::count_if(e.cin_plans.begin(), e.cin_plans.end(),
                                                    [](const auto& p) { return !p.end; }));
         }
         if (open > 1) hits.push_back(-1);
     }},
    {"4008", RuleSeverity::Error, RulePlace::CinPlan,
     "CIN Plan shown as starting after the child’s Date of Death.",
     "A child in need plan starts after the child's date of death.",
     "PersonDeathDate, CINPlanStartDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.cin_plans, [&](const auto& p) { return after(p.start, c.death); });
         });
     }},
    {"4009Q", RuleSeverity::Query, RulePlace::CinPlan,
     "CIN Plan cannot end after the child’s Date of Death",
     "A child in need plan ends after the child's date of death.",
     "PersonDeathDate, CINPlanEndDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.cin_plans, [&](const auto& p) { return after(p.end, c.death); });
         });
     }},
    {"4010", RuleSeverity::Error, RulePlace::CinPlan,
     "CIN Plan start date is missing or out of data collection period",
     "A child in need plan has no start date, or starts after the census year.", "CINPlanStartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.cin_plans,
                        [&](const auto& p) { return !p.start || *p.start > x.year.reference; });
         });
     }},
    {"4011", RuleSeverity::Error, RulePlace::CinPlan, "CIN Plan End Date earlier than Start Date",
     "A child in need plan ends before it starts.", "CINPlanEndDate, CINPlanStartDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.cin_plans, [](const auto& p) { return before(p.end, p.start); });
         });
     }},
    {"4012Q", RuleSeverity::Query, RulePlace::CinPlan,
     "Please check and either amend or provide a reason: CIN Plan shown as starting and ending "
     "on the same day",
     "A child in need plan starts and ends on the same day.", "CINPlanStartDate, CINPlanEndDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.cin_plans, [](const auto& p) { return p.start && p.start == p.end; });
         });
     }},
    {"4013", RuleSeverity::Error, RulePlace::CinPlan,
     "CIN Plan end date must fall within the census year",
     "A child in need plan's end date is outside the census year.", "CINPlanEndDate, ReferenceDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.cin_plans,
                        [&](const auto& p) { return p.end && !x.year.contains(*p.end); });
         });
     }},
    {"4014", RuleSeverity::Error, RulePlace::CinPlan, "CIN Plan data contains overlapping dates",
     "Two child in need plans overlap.", "CINPlanStartDate, CINPlanEndDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return overlapping(
                 e.cin_plans, [](const auto& p) { return p.start; },
                 [](const auto& p) { return p.end; }, x.year.reference);
         });
     }},
    {"4015", RuleSeverity::Error, RulePlace::CinPlan,
     "The CIN Plan start date cannot be before the referral date",
     "A child in need plan starts before the referral.", "CINPlanStartDate, CINreferralDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.cin_plans, [&](const auto& p) { return before(p.start, e.referral); });
         });
     }},
    {"4016", RuleSeverity::Error, RulePlace::CinPlan,
     "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
     "A child in need plan starts while a child protection plan is in place.",
     "CINPlanStartDate, CPPstartDate, CPPendDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.cin_plans, [&](const auto& plan) {
                 return plan.start && any(e.protection_plans, [&](const auto& cpp) {
                            if (cpp.end && *plan.start == *cpp.end) return false;
                            return within(*plan.start, cpp.start, cpp.end, x.year.reference);
                        });
             });
         });
     }},
    {"4017", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
     "A child protection plan starts while a child in need plan is open: end the child in "
     "need plan the day the protection plan starts.",
     "CINPlanStartDate, CINPlanEndDate, CPPstartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& cpp) {
                 return cpp.start && any(e.cin_plans, [&](const auto& plan) {
                            if (plan.end && *cpp.start == *plan.end) return false;
                            return within(*cpp.start, plan.start, plan.end, x.year.reference);
                        });
             });
         });
     }},

    // Section 47 enquiries and initial conferences.
    {"1104", RuleSeverity::Error, RulePlace::Enquiry,
     "The date of the initial child protection conference cannot be before the referral date",
     "The initial conference is dated before the referral.", "CINreferralDate, DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return before(e.initial_conference, e.referral) ||
                    any(e.enquiries,
                        [&](const auto& s) { return before(s.conference, e.referral); });
         });
     }},
    {"2884", RuleSeverity::Error, RulePlace::Enquiry,
     "An initial child protection conference is recorded at both the S47 and CIN Details "
     "level and it should only be recorded in one",
     "The initial conference is recorded twice.", "DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return e.initial_conference && any(e.enquiries, [&](const auto& s) {
                        return s.conference == e.initial_conference;
                    });
         });
     }},
    {"2885", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child protection plan shown as starting a different day to the initial child protection "
     "conference.",
     "The child protection plan does not start on the day of the initial conference.",
     "CPPstartDate, DateOfInitialCPC",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& p) {
                 if (!p.start || !x.year.contains(*p.start)) return false;
                 bool matched = any(e.enquiries, [&](const auto& s) {
                     return !s.conference_not_required && s.conference == p.start;
                 });
                 if (e.enquiries.empty()) matched = e.initial_conference == p.start;
                 return !matched;
             });
         });
     }},
    {"2889", RuleSeverity::Error, RulePlace::Enquiry,
     "The S47 start date cannot be before the referral date.",
     "The section 47 enquiry starts before the referral.", "S47ActualStartDate, CINreferralDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.enquiries, [&](const auto& s) { return before(s.start, e.referral); });
         });
     }},
    {"8615", RuleSeverity::Error, RulePlace::Enquiry,
     "Section 47 Enquiry Start Date must be present and cannot be later than the date of the "
     "initial Child Protection Conference",
     "The initial conference is dated before the section 47 enquiry began.",
     "S47ActualStartDate, DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.enquiries, [](const auto& s) {
                 return s.conference && (!s.start || *s.start > *s.conference);
             });
         });
     }},
    {"8675Q", RuleSeverity::Query, RulePlace::Enquiry,
     "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 "
     "working days before the end of the census year. However, there is no date of Initial "
     "Child Protection Conference.",
     "The section 47 enquiry began more than 15 working days ago and has no conference or "
     "decision that none was needed.",
     "DateOfInitialCPC, S47ActualStartDate, ICPCnotReqiured",
     [](Child c, Context x, RuleHits& hits) {
         auto cut_off = working_days_before(x.calendar, x.year.reference, 15);
         each_episode(c, hits, [&](Episode e) {
             return any(e.enquiries, [&](const auto& s) {
                 return open_enquiry(s) && s.start && *s.start < cut_off;
             });
         });
     }},
    {"8715", RuleSeverity::Error, RulePlace::Enquiry,
     "Date of Initial Child Protection Conference must fall within the census year",
     "The initial conference is dated outside the census year.", "DateOfInitialCPC, ReferenceDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.enquiries, [&](const auto& s) {
                 return s.conference && !x.year.contains(*s.conference);
             });
         });
     }},
    {"8740", RuleSeverity::Error, RulePlace::Enquiry,
     "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by "
     "the end of the census year, the start date must fall within the census year",
     "A section 47 enquiry still waiting for its conference started before the census year.",
     "S47ActualStartDate, DateOfInitialCPC, ICPCnotRequired",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.enquiries, [&](const auto& s) {
                 return open_enquiry(s) && s.start && !x.year.contains(*s.start);
             });
         });
     }},
    {"8839", RuleSeverity::Error, RulePlace::Enquiry,
     "Within one CINDetails group there are 2 or more open S47 Assessments",
     "More than one section 47 enquiry in the episode is waiting for a conference.",
     "DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return std::count_if(e.enquiries.begin(), e.enquiries.end(), open_enquiry) > 1;
         });
     }},
    {"8870Q", RuleSeverity::Query, RulePlace::Enquiry,
     "Please check and either amend or provide a reason: The Target Date for Initial Child "
     "Protection Conference should not be a weekend",
     "The target date for the initial conference falls at a weekend.", "InitialCPCtarget",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.enquiries, [](const auto& s) {
                 return s.conference_target && is_weekend(*s.conference_target);
             });
         });
     }},
    {"8875", RuleSeverity::Error, RulePlace::Enquiry,
     "The Date of Initial Child Protection Conference cannot be a weekend",
     "The initial conference is dated on a Saturday or Sunday.", "DateOfInitialCPC",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return (e.initial_conference && is_weekend(*e.initial_conference)) ||
                    any(e.enquiries,
                        [](const auto& s) { return s.conference && is_weekend(*s.conference); });
         });
     }},
    {"8890", RuleSeverity::Error, RulePlace::Enquiry,
     "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry "
     "ongoing",
     "A section 47 enquiry starts while another is still waiting for its conference.",
     "S47ActualStartDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             // A finished enquiry without a conference ended when that was decided; signs
             // has no date for it, so only open enquiries and conferences bound the others.
             std::vector<CensusEnquiry> bounded;
             for (const auto& s : e.enquiries) {
                 if (s.conference || !s.conference_not_required) bounded.push_back(s);
             }
             return overlapping(
                 bounded, [](const auto& s) { return s.start; },
                 [](const auto& s) { return s.conference; }, x.year.reference);
         });
     }},

    // Child protection plans.
    {"1105", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "The child protection plan start date cannot be before the referral date",
     "The child protection plan starts before the referral.", "CPPstartDate, CINreferralDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.protection_plans,
                        [&](const auto& p) { return before(p.start, e.referral); });
         });
     }},
    {"8720", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan Start Date missing or out of data collection period",
     "A child protection plan has no start date, or starts after the census year.",
     "CPPstartDate, ReferenceDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans,
                        [&](const auto& p) { return !p.start || *p.start > x.year.reference; });
         });
     }},
    {"8730", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Total Number of previous Child Protection Plans missing",
     "The number of earlier child protection plans is missing.", "NumberOfPreviousCPP",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.protection_plans, [](const auto& p) { return p.previous_plans < 0; });
         });
     }},
    {"8840", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan cannot start and end on the same day",
     "A child protection plan starts and ends on the same day.", "CPPstartDate, CPPendDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.protection_plans,
                        [](const auto& p) { return p.start && p.start == p.end; });
         });
     }},
    {"8841", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "The review date cannot be on the same day or before the Child protection Plan start "
     "date.",
     "A review conference is dated on or before the day the plan started.",
     "CPPstartDate, CPPreviewDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.protection_plans, [](const auto& p) {
                 return p.start && any(p.reviews, [&](CivilDate r) { return r <= *p.start; });
             });
         });
     }},
    {"8905", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
     "Census code set)",
     "The child protection plan's first category is missing.", "InitialCategoryOfAbuse",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& p) {
                 return !x.codes.abuse_category.contains(p.initial_category);
             });
         });
     }},
    {"8910", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
     "Census code set)",
     "The child protection plan's latest category is missing.", "LatestCategoryOfAbuse",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& p) {
                 return !x.codes.abuse_category.contains(p.latest_category);
             });
         });
     }},
    {"8915", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan shown as starting after the child’s Date of Death",
     "A child protection plan starts after the child's date of death.",
     "CPPstartDate, PersonDeathDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& p) { return after(p.start, c.death); });
         });
     }},
    {"8920", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan cannot end after the child’s Date of Death",
     "A child protection plan ends after the child's date of death.", "PersonDeathDate, CPPendDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans, [&](const auto& p) { return after(p.end, c.death); });
         });
     }},
    {"8925", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan End Date earlier than Start Date",
     "A child protection plan ends before it starts.", "CPPstartDate, CPPendDate",
     [](Child c, Context, RuleHits& hits) {
         each_episode(c, hits, [](Episode e) {
             return any(e.protection_plans, [](const auto& p) { return before(p.end, p.start); });
         });
     }},
    {"8930", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan End Date must fall within the census year",
     "A child protection plan's end date is outside the census year.", "CPPendDate, ReferenceDate",
     [](Child c, Context x, RuleHits& hits) {
         each_episode(c, hits, [&](Episode e) {
             return any(e.protection_plans,
                        [&](const auto& p) { return p.end && !x.year.contains(*p.end); });
         });
     }},
    {"8935", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "This child is showing more than one open Child Protection plan, i.e. with no End Date",
     "The child has more than one open child protection plan.", "CPPendDate",
     [](Child c, Context, RuleHits& hits) {
         int open = 0;
         for (const auto& e : c.episodes) {
             open += static_cast<int>(std::count_if(e.protection_plans.begin(),
                                                    e.protection_plans.end(),
                                                    [](const auto& p) { return !p.end; }));
         }
         if (open > 1) hits.push_back(-1);
     }},
    {"8940", RuleSeverity::Error, RulePlace::ProtectionPlan,
     "Child Protection Plan data contains overlapping dates",
     "Two of the child's child protection plans overlap.", "CPPstartDate, CPPendDate",
     [](Child c, Context x, RuleHits& hits) {
         std::vector<CensusProtectionPlan> plans;
         for (const auto& e : c.episodes)
             plans.insert(plans.end(), e.protection_plans.begin(), e.protection_plans.end());
         bool overlap = overlapping(
             plans, [](const auto& p) { return p.start; }, [](const auto& p) { return p.end; },
             x.year.reference);
         if (overlap) hits.push_back(-1);
     }},
};

}  // namespace

std::span<const CensusRule> activity_rules() { return kRules; }

}  // namespace signs::domain
