#pragma once
/// What signs records about a child, gathered for the census, and how a census child is
/// made from it. Episodes and assessments are recorded as such; child protection plans come
/// from the child's time at the child protection level, child in need plans from their time
/// at child in need once the case's plan was agreed, and section 47 enquiries from strategy
/// discussions and the initial conferences that followed them. Pre-proceedings belong to the
/// episode going on when they began, and their meetings are the case's pre-proceedings and
/// family group decision-making meetings held between the start and the decision.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/returns/cin_census.hpp"
#include "domain/timescales/working_days.hpp"

namespace signs::domain {

struct EpisodeFacts {
    std::int64_t id = 0;
    core::CivilDate referral{date::year{1970} / date::January / 1};
    std::string referral_source;
    std::string primary_need;
    bool no_further_action = false;
    MaybeDate closed;
    std::string closure_reason;
    std::vector<CensusAssessment> assessments;
};

struct LevelFacts {
    std::int64_t case_id = 0;
    std::string level;  ///< a level code: "child-in-need", "child-protection", ...
    core::CivilDate from{date::year{1970} / date::January / 1};
    MaybeDate to;
    std::string category;  ///< child protection only
};

/// A meeting held about the child: only the kinds the census counts are gathered.
struct MeetingFacts {
    std::int64_t case_id = 0;
    /// "strategy-discussion", "initial-conference", "review-conference", "pre-proceedings",
    /// "family-group-decision"
    std::string type;
    core::CivilDate held_on{date::year{1970} / date::January / 1};
    MaybeDate no_conference_on;  ///< a discussion whose enquiry ended without a conference
};

/// Pre-proceedings that concern the child, as recorded on the case; answers "yes", "no" or
/// empty.
struct PreProceedingsFacts {
    std::int64_t case_id = 0;
    core::CivilDate started{date::year{1970} / date::January / 1};
    MaybeDate letter_sent;
    std::string family_meeting_offered;
    MaybeDate decided;
    std::string outcome;
    MaybeDate court_application;
    MaybeDate letter_initiating;
};

struct CensusFacts {
    std::vector<EpisodeFacts> episodes;                   ///< oldest referral first
    std::vector<LevelFacts> levels;                       ///< every case, oldest first
    std::vector<MeetingFacts> meetings;                   ///< oldest first
    std::map<std::int64_t, core::CivilDate> plan_agreed;  ///< each case's first agreed plan
    std::vector<PreProceedingsFacts> pre_proceedings;     ///< oldest first
};

/// The census child for `year`: `identity` (identifiers and characteristics) with an
/// episode for each of `facts.episodes` open at any time in the year, and what happened in
/// each as it stood at the year's end: work finished before the year is left out, and what
/// happened after 31 March (a closure, an authorisation, a conference) is not yet known. The
/// initial conference's target is 15 working days after the strategy discussion. Only
/// pre-proceedings begun in the year are sent.
CensusChild census_child(CensusChild identity, const CensusFacts& facts, const CensusYear& year,
                         const WorkingCalendar& calendar);

}  // namespace signs::domain
