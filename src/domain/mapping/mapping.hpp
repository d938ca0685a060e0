#pragma once
/// A mapping: the practice's assessment. Everyone involved says what they are worried about,
/// what is working well and what needs to happen, and gives a number from 0 to 10. Every
/// entry keeps who said it. These are the rules for its parts and for when it may be agreed.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"

namespace signs::domain {

/// The finer categories, each in one column: harm, danger statement and complicating factor
/// (worried); strength and existing safety (working well); safety goal, next step and bottom
/// line (needs to happen); and grey area (not yet known or agreed).
std::span<const CodeLabel> entry_categories();
/// "worried", "working", "needs" or "grey" for a category code.
std::string_view column_of(std::string_view category);

inline constexpr std::string_view kDangerStatement = "danger-statement";
inline constexpr std::string_view kSafetyGoal = "safety-goal";

/// Why the mapping is made: first assessment, review, meeting, closure.
std::span<const CodeLabel> mapping_purposes();
/// Who a participant is: parent or carer, the child, family member, network member,
/// professional.
std::span<const CodeLabel> participant_kinds();
/// How they took part: in the room, by phone or video, seen separately, written views, through
/// an advocate or interpreter.
std::span<const CodeLabel> participation_ways();

/// Draft, shared with the family, agreed. A mapping can go back from shared to draft.
std::span<const CodeLabel> mapping_statuses();

inline constexpr std::size_t kMaxEntryLength = 4000;
inline constexpr std::size_t kMaxParticipantName = 200;

struct MappingForm {
    std::string day, month, year;
    std::string purpose;
    std::vector<std::string> child_ids;  ///< which of the case's children it is about
    std::string blind;                   ///< "yes" for blind scaling
};

struct ParticipantForm {
    std::string name, kind, took_part;
    std::string person;          ///< someone on the family's records (their id), or empty
    std::string professional{};  ///< a member of staff on signs (their user id), or empty
};
/// Someone on the family's records, or a member of staff, who can be chosen as a participant.
struct KnownPerson {
    std::string id;
    std::string name;
};

/// Errors use "date-day", "purpose" and "children"; `case_children` are the ids allowed.
core::Result<void> check_mapping(const MappingForm& form,
                                 const std::vector<std::string>& case_children,
                                 core::CivilDate today);
/// Errors use "person", "professional", "name", "kind" and "took_part".
/// A participant chosen from the `family`'s records or from the `professionals` takes their
/// name from there (and a professional is one by kind); anyone else needs a name typed in.
core::Result<ParticipantForm> check_participant(const ParticipantForm& form,
                                                const std::vector<KnownPerson>& family,
                                                const std::vector<KnownPerson>& professionals = {});

/// An entry as typed: its words, its category and who said it ("agency", or a participant's
/// number among `speakers`). A safety goal names the danger statement it answers.
struct EntryForm {
    std::string category;
    std::string text;
    std::string said_by;
    std::string answers;  ///< for a safety goal: the danger statement's number
    std::string mark;     ///< for an entry carried into a review: a review_marks() code
};

/// How an entry carried forward into a review stands now: still true, changed, or no longer
/// a concern.
std::span<const CodeLabel> review_marks();

/// Errors use "category", "text", "said_by", "answers" and "mark". `statements` are the
/// numbers of the mapping's danger statements. A mark is only for an entry carried forward.
core::Result<EntryForm> check_entry(const EntryForm& form, const std::vector<std::string>& speakers,
                                    const std::vector<std::string>& statements,
                                    bool carried = false);

/// The guided danger statement: who is worried, about what behaviour by whom, and what the
/// impact on the child could be.
struct DangerParts {
    std::string who_is_worried;
    std::string behaviour;
    std::string impact;
};
/// The guided safety goal: what the people around the child will do, and what the child will
/// experience.
struct GoalParts {
    std::string people_will;
    std::string child_will;
};

/// A plain statement from the parts, for the worker to edit: "Social workers and Maya's
/// grandmother are worried that Dana may leave Maya alone at night, and Maya could be hurt
/// or very frightened." Empty parts are left out.
std::string danger_statement(const DangerParts& parts);
std::string safety_goal(const GoalParts& parts);

/// A score as typed. `about` is empty for the overall scale, or a danger statement's number.
struct ScoreForm {
    std::string participant;
    std::string value;
    std::string why_not_lower;
    std::string one_point_higher;
    std::string about;
};

/// Errors use "participant", "value", "why_not_lower", "one_point_higher" and "about".
core::Result<int> check_score(const ScoreForm& form, const std::vector<std::string>& participants,
                              const std::vector<std::string>& statements);

/// A danger statement as far as agreeing the mapping is concerned.
struct StatementState {
    std::string text;
    bool has_goal = false;
    bool has_score = false;
};

/// What stops a mapping being agreed: no danger statement at all, or one without its
/// safety goal or without a scale. Named with the variant's words ("Worry statement").
std::vector<std::string> agreement_problems(const std::vector<StatementState>& statements,
                                            const std::string& statement_word,
                                            const std::string& goal_word);
/// With blind scaling, numbers are shown only once everyone taking part has given their
/// overall number, so nobody copies anybody else; without it, always.
bool scores_revealed(bool blind, const std::vector<std::int64_t>& participants,
                     const std::vector<std::int64_t>& gave_overall);

/// A range of numbers that must be brought to a manager's attention straight away, for
/// mappings made for a purpose ("any" for all of them).
struct EscalationBand {
    std::string purpose;
    int low = 0;
    int high = 0;
    std::string why;
};
/// A band as an administrator typed it.
struct BandForm {
    std::string purpose;  ///< a mapping_purposes() code, or "any"
    std::string low;
    std::string high;
    std::string why;
};
core::Result<EscalationBand> check_band(const BandForm& form);
/// A whole number from 0 to 10, as typed; nothing for anything else.
std::optional<int> scale_number(std::string_view typed);
/// Why this number needs escalating, or nothing.
std::optional<std::string> escalation_for(const std::vector<EscalationBand>& bands,
                                          std::string_view purpose, int value);

/// More than three danger statements is allowed but warned about: a plan cannot hold more.
inline constexpr std::size_t kStatementsBeforeWarning = 3;

}  // namespace signs::domain
