#pragma once
/// "Our plan": the family's copy of their plan, put together from the latest agreed mapping
/// and the plan in force, in the words of the case's practice variant.
#include <optional>
#include <string>
#include <vector>

#include "domain/casework/service_level.hpp"
#include "domain/documents/family_document.hpp"
#include "domain/mapping/wording.hpp"

namespace signs::domain {

struct OurPlanAction {
    std::string what;
    std::string who;     ///< a name
    std::string due_on;  ///< ISO date, or empty
    std::string how_known;
};

struct OurPlanGoal {
    std::string text;
    std::vector<OurPlanAction> actions;
};

struct OurPlanScore {
    std::string who;
    int value = 0;
    std::string why_not_lower, one_point_higher;
};

struct OurPlanMeeting {
    std::string kind;  ///< "Review child protection conference"
    std::string on;    ///< ISO date
    std::string at;    ///< "10:00am", London time
};

/// A child's latest Safety House: their own rules and people, which the plan should keep.
struct OurPlanSafetyHouse {
    std::string child;  ///< the name they go by
    std::string inside, path, outside, rules;
    std::optional<int> place;  ///< where they put themself on the path
};

/// What the plan is made from. Entries are the texts of the mapping still standing (anything
/// marked no longer a concern is left out).
struct OurPlanInput {
    PracticeVariant variant = PracticeVariant::Safety;
    MappingWording wording;             ///< the council's words for the variant
    std::vector<std::string> children;  ///< first names
    std::string mapped_on;              ///< ISO date of the mapping
    std::vector<std::string> worries;   ///< danger (or worry) statements
    std::vector<std::string> working_well;
    std::vector<std::string> bottom_lines;
    std::vector<OurPlanGoal> goals;  ///< from the plan in force, or the mapping's goals
    bool plan_agreed = false;        ///< false when only the mapping's goals are known
    std::string plan_agreed_on;      ///< ISO date
    std::vector<OurPlanScore> scores;
    std::vector<OurPlanSafetyHouse> safety_houses;
    std::optional<OurPlanMeeting> next_meeting;
};

/// The document, with every glossary word it uses explained at the end.
FamilyDocument our_plan(const OurPlanInput& input, const Glossary& glossary);

}  // namespace signs::domain
