#pragma once
/// The Children in Need census as the DfE receives it: for each child in need at any time in
/// the year (1 April to 31 March), who they are and each episode from referral to closure,
/// with its assessments, child in need plans, section 47 enquiries, child protection plans
/// and pre-proceedings. signs builds this from its own records (service/cin_census_service.cpp);
/// nothing here is typed by hand. Field names follow the DfE's items, in the specification's order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"

namespace signs::domain {

/// A census year: "2026-27" runs from 1 April 2026 to its reference date, 31 March 2027.
struct CensusYear {
    core::CivilDate start{date::year{2026} / date::April / 1};
    core::CivilDate reference{date::year{2027} / date::March / 31};

    /// "2026-27" or "2026-2027"; the second year must follow the first.
    static std::optional<CensusYear> parse(std::string_view text);
    /// The census year holding `day`.
    static CensusYear holding(core::CivilDate day);
    int end_year() const;
    std::string name() const;  ///< "2026-27"
    bool contains(core::CivilDate day) const { return start <= day && day <= reference; }
    /// Pre-proceedings and family group decision-making are asked for from 2026 to 2027 on.
    bool asks_pre_proceedings() const { return end_year() >= 2027; }
};

using MaybeDate = std::optional<core::CivilDate>;

struct CensusAssessment {
    MaybeDate start;       ///< AssessmentActualStartDate
    MaybeDate authorised;  ///< AssessmentAuthorisationDate: the assessment is complete
    std::vector<std::string> factors;
};

struct CensusCinPlan {
    MaybeDate start;
    MaybeDate end;
};

struct CensusEnquiry {
    MaybeDate start;              ///< S47ActualStartDate: the strategy discussion
    MaybeDate conference_target;  ///< InitialCPCtarget: 15 working days on
    MaybeDate conference;         ///< DateOfInitialCPC
    bool conference_not_required = false;
    MaybeDate decided_no_conference;  ///< when that was decided; signs' own, not sent
};

struct CensusProtectionPlan {
    MaybeDate start;
    MaybeDate end;
    std::string initial_category;
    std::string latest_category;
    int previous_plans = 0;
    std::vector<core::CivilDate> reviews;
};

/// Pre-proceedings begun in the year (PreProceedingsandFGDM, new for 2026 to 2027).
struct CensusPreProceedings {
    MaybeDate start;                             ///< PPStartDate
    MaybeDate letter_sent;                       ///< LBPSentDate
    std::optional<bool> family_meeting_offered;  ///< FGDMMeetingOffer
    std::optional<bool> family_meeting_held;     ///< FGDMMeetingFac
    MaybeDate initial_meeting;                   ///< InitialPPMeetingDate
    std::optional<int> review_meetings;          ///< ReviewMeetingsCount
    MaybeDate decided;                           ///< StepDecisionDate
    std::string outcome;                         ///< PPOutcome
    MaybeDate court_application;                 ///< CourtAppDate
    MaybeDate letter_initiating;                 ///< LetterInitCPDate
};

struct CensusEpisode {
    MaybeDate referral;
    std::string referral_source;
    std::string primary_need;
    MaybeDate closure;
    std::string closure_reason;
    MaybeDate initial_conference;  ///< only when no enquiry in the episode holds it
    bool no_further_action = false;
    std::vector<CensusAssessment> assessments;
    std::vector<CensusCinPlan> cin_plans;
    std::vector<CensusEnquiry> enquiries;
    std::vector<CensusProtectionPlan> protection_plans;
    std::vector<CensusPreProceedings> pre_proceedings;
    std::int64_t case_id = 0;  ///< signs' own, for a link to where it is put right; not sent
};

struct CensusChild {
    std::int64_t record_id = 0;  ///< signs' child number; not sent
    std::string la_child_id;
    std::string upn;
    std::string former_upn;
    std::string upn_unknown;
    MaybeDate birth;
    MaybeDate expected_birth;
    std::string sex;
    MaybeDate death;
    std::string ethnicity;
    std::vector<std::string> disabilities;
    std::vector<CensusEpisode> episodes;
};

}  // namespace signs::domain
