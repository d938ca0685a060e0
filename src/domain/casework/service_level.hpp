#pragma once
/// The level of service a child receives within a case, from early help to care leaver, and
/// the rules for moving between levels. Each move is kept as a period of history, because
/// the statutory returns and the child's own story both need to know what was in place when.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "domain/casework/child.hpp"

namespace signs::domain {

enum class ServiceLevel {
    EarlyHelp,        ///< voluntary support, led by any agency
    ChildInNeed,      ///< section 17: a social worker, with the parents' agreement
    ChildProtection,  ///< a child protection plan after a section 47 enquiry and conference
    CaredFor,         ///< looked after by the local authority
    CareLeaver,       ///< left care; supported up to 25
};

/// The stable code stored in the database and used in addresses ("child-protection").
std::string_view level_code(ServiceLevel level);
/// The words shown to people ("Child protection").
std::string_view level_label(ServiceLevel level);
std::optional<ServiceLevel> parse_level(std::string_view code);
std::span<const ServiceLevel> all_levels();

/// The version of the practice framework used at a level, which sets the wording of maps and
/// plans. Changing level may change variant; the map's content is kept and relabelled.
enum class PracticeVariant { Wellbeing, Safety, Stability };

PracticeVariant variant_for(ServiceLevel level);
std::string_view variant_code(PracticeVariant variant);
std::string_view variant_label(PracticeVariant variant);  ///< "Signs of Safety"
/// The variant for a stored code; Safety for anything else, as the statutory default.
PracticeVariant parse_variant(std::string_view code);

/// The category of a child protection plan, as coded in the Children in Need census.
enum class CpCategory { Neglect, Physical, Emotional, Sexual, Multiple };

std::string_view category_code(CpCategory category);   ///< "NEG"
std::string_view category_label(CpCategory category);  ///< "Neglect"
std::optional<CpCategory> parse_category(std::string_view code);
std::span<const CpCategory> all_categories();

/// The legal basis on which a cared-for child is looked after. These are signs' own codes;
/// the statutory return maps them to its yearly code list.
enum class LegalStatus {
    Section20,  ///< accommodated with the parents' agreement
    InterimCareOrder,
    CareOrder,
    PlacementOrder,
    EmergencyProtectionOrder,
    PoliceProtection,
    Remand,
};

std::string_view legal_status_code(LegalStatus status);   ///< "ico"
std::string_view legal_status_label(LegalStatus status);  ///< "Interim care order"
std::optional<LegalStatus> parse_legal_status(std::string_view code);
std::span<const LegalStatus> all_legal_statuses();

/// Lets the structs below be declared before they are filled in; never a date anyone means.
inline constexpr date::year_month_day kUnsetDate{date::year{1970}, date::January, date::day{1}};

/// One stretch of time a child spent at one level in one case. A child's history is kept
/// oldest first; only the last period may be open (no `to`). When the level changes, the
/// open period gets `to` set to the day of the change, which is also the next period's `from`.
struct LevelPeriod {
    ServiceLevel level = ServiceLevel::EarlyHelp;
    core::CivilDate from{kUnsetDate};
    std::optional<core::CivilDate> to;
    std::string reason;
    std::optional<CpCategory> category;  ///< child protection only
    std::string legal_status;            ///< a legal status code; cared for only
};

/// A request to move a child to a level, or to record the first level when the child joins
/// a case.
struct LevelChange {
    ServiceLevel to = ServiceLevel::EarlyHelp;
    core::CivilDate on{kUnsetDate};
    std::string reason;
    std::optional<CpCategory> category;  ///< read only for child protection
    std::string legal_status;            ///< read only for cared for
};

/// The change with its reason trimmed and without the details its level does not use, as it
/// should be stored. A form can send a category for a level that has none when someone
/// changes their mind about the level after choosing one.
LevelChange tidy_level_change(LevelChange change);

/// The level the child is at now, or nothing when the record in the case is closed.
std::optional<ServiceLevel> current_level(const std::vector<LevelPeriod>& history);

enum class Direction { StepUp, StepDown, Sideways };

/// Whether a move increases the local authority's involvement. Levels rise from early help
/// through child in need and child protection to cared for; a care leaver counts as
/// child in need, so leaving care is a step down and returning to care a step up. Staying
/// at a level (a new child protection category) is sideways.
Direction direction(ServiceLevel from, ServiceLevel to);
std::string_view direction_label(Direction direction);  ///< "Step up"

/// Checks the level a child starts at when they join a case. Care leaver is allowed as a
/// start because the child's time in care may have been recorded elsewhere.
/// Errors name the fields "level", "date", "reason", "category" and "legal_status".
core::Result<void> check_first_level(const LevelChange& start, core::CivilDate today);

/// Checks a move from the child's current level. Staying at child protection is a move when
/// the category changes, and staying cared for is one when the legal status changes. A closed
/// record is a Conflict; everything else is Invalid, with every problem listed.
core::Result<void> check_level_change(const std::vector<LevelPeriod>& history,
                                      const LevelChange& change, core::CivilDate today);

/// Ending a child's part in a case: on a day, for a coded reason, with what happened in the
/// worker's words (optional). The reasons are the census's ("RC1" adopted ... "RC9" closed
/// after assessment and referred to early help), used at every level so that closures are
/// counted the same way.
struct Closure {
    core::CivilDate on{kUnsetDate};
    std::string reason;  ///< a closure_reasons() code
    std::string note;
};

/// Checks a closure against the child's history; the reason must be one of `reasons`.
/// Errors name the fields "date", "reason" and "note"; a record already closed is a Conflict.
core::Result<void> check_closure(const std::vector<LevelPeriod>& history, const Closure& closure,
                                 core::CivilDate today, const CodeSet& reasons);

inline constexpr std::size_t kMaxLevelReasonLength = 1000;

}  // namespace signs::domain
