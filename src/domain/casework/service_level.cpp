#include "domain/casework/service_level.hpp"

#include <array>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

struct LevelText {
    ServiceLevel level;
    std::string_view code;
    std::string_view label;
    PracticeVariant variant;
    int rank;  ///< how involved the local authority is; see direction()
};

constexpr std::array<LevelText, 5> kLevels = {{
    {ServiceLevel::EarlyHelp, "early-help", "Early help", PracticeVariant::Wellbeing, 0},
    {ServiceLevel::ChildInNeed, "child-in-need", "Child in need", PracticeVariant::Safety, 1},
    {ServiceLevel::ChildProtection, "child-protection", "Child protection", PracticeVariant::Safety,
     2},
    {ServiceLevel::CaredFor, "cared-for", "Cared for", PracticeVariant::Stability, 3},
    {ServiceLevel::CareLeaver, "care-leaver", "Care leaver", PracticeVariant::Stability, 1},
}};

constexpr std::array<ServiceLevel, 5> kAllLevels = {
    ServiceLevel::EarlyHelp, ServiceLevel::ChildInNeed, ServiceLevel::ChildProtection,
    ServiceLevel::CaredFor, ServiceLevel::CareLeaver};

struct VariantText {
    std::string_view code;
    std::string_view label;
};

constexpr std::array<VariantText, 3> kVariants = {{
    {"wellbeing", "Signs of Wellbeing"},
    {"safety", "Signs of Safety"},
    {"stability", "Signs of Stability"},
}};

struct CategoryText {
    CpCategory category;
    std::string_view code;
    std::string_view label;
};

constexpr std::array<CategoryText, 5> kCategories = {{
    {CpCategory::Neglect, "NEG", "Neglect"},
    {CpCategory::Physical, "PHY", "Physical abuse"},
    {CpCategory::Emotional, "EMO", "Emotional abuse"},
    {CpCategory::Sexual, "SAB", "Sexual abuse"},
    {CpCategory::Multiple, "MUL", "Multiple categories"},
}};

constexpr std::array<CpCategory, 5> kAllCategories = {CpCategory::Neglect, CpCategory::Physical,
                                                      CpCategory::Emotional, CpCategory::Sexual,
                                                      CpCategory::Multiple};

struct LegalStatusText {
    LegalStatus status;
    std::string_view code;
    std::string_view label;
};

constexpr std::array<LegalStatusText, 7> kLegalStatuses = {{
    {LegalStatus::Section20, "s20", "Accommodated with parental agreement (section 20)"},
    {LegalStatus::InterimCareOrder, "ico", "Interim care order"},
    {LegalStatus::CareOrder, "co", "Care order"},
    {LegalStatus::PlacementOrder, "po", "Placement order"},
    {LegalStatus::EmergencyProtectionOrder, "epo", "Emergency protection order"},
    {LegalStatus::PoliceProtection, "pp", "Police protection"},
    {LegalStatus::Remand, "remand", "Remanded to local authority accommodation"},
}};

constexpr std::array<LegalStatus, 7> kAllLegalStatuses = {LegalStatus::Section20,
                                                          LegalStatus::InterimCareOrder,
                                                          LegalStatus::CareOrder,
                                                          LegalStatus::PlacementOrder,
                                                          LegalStatus::EmergencyProtectionOrder,
                                                          LegalStatus::PoliceProtection,
                                                          LegalStatus::Remand};

const LevelText& text_of(ServiceLevel level) { return kLevels[static_cast<std::size_t>(level)]; }

/// A label inside a sentence: "at child in need", not "at Child in need".
std::string in_sentence(std::string_view label) { return core::lower_ascii(label); }

bool is_open(const std::vector<LevelPeriod>& history) {
    return !history.empty() && !history.back().to;
}

core::Result<void> closed_record() {
    return core::fail(core::ErrorKind::Conflict,
                      "The child's record in this case is closed, so it cannot be changed");
}

void check_date(core::FieldChecks& checks, core::CivilDate on, core::CivilDate today,
                const LevelPeriod* current) {
    if (on > today) {
        checks.add("date", "The date must be today or in the past");
    } else if (current && on < current->from) {
        checks.add("date", "The date must be on or after " + current->from.long_text() +
                               ", when the current level started");
    }
}

/// The details a level needs, checked in the order the form asks for them.
void check_details(core::FieldChecks& checks, const LevelChange& change) {
    if (change.to == ServiceLevel::ChildProtection && !change.category) {
        checks.add("category", "Select the category of abuse for the child protection plan");
    }
    if (change.to == ServiceLevel::CaredFor && !parse_legal_status(change.legal_status)) {
        checks.add("legal_status", "Select the child's legal status");
    }
}

core::Result<void> outcome(const core::FieldChecks& checks) {
    if (!checks.ok()) return std::unexpected(checks.error());
    return {};
}

}  // namespace

std::string_view level_code(ServiceLevel level) { return text_of(level).code; }
std::string_view level_label(ServiceLevel level) { return text_of(level).label; }

std::optional<ServiceLevel> parse_level(std::string_view code) {
    for (const auto& entry : kLevels) {
        if (entry.code == code) return entry.level;
    }
    return std::nullopt;
}

std::span<const ServiceLevel> all_levels() { return kAllLevels; }

PracticeVariant variant_for(ServiceLevel level) { return text_of(level).variant; }
std::string_view variant_code(PracticeVariant variant) {
    return kVariants[static_cast<std::size_t>(variant)].code;
}
PracticeVariant parse_variant(std::string_view code) {
    for (auto variant :
         {PracticeVariant::Wellbeing, PracticeVariant::Safety, PracticeVariant::Stability}) {
        if (variant_code(variant) == code) return variant;
    }
    return PracticeVariant::Safety;
}

std::string_view variant_label(PracticeVariant variant) {
    return kVariants[static_cast<std::size_t>(variant)].label;
}

std::string_view category_code(CpCategory category) {
    return kCategories[static_cast<std::size_t>(category)].code;
}
std::string_view category_label(CpCategory category) {
    return kCategories[static_cast<std::size_t>(category)].label;
}

std::optional<CpCategory> parse_category(std::string_view code) {
    for (const auto& entry : kCategories) {
        if (entry.code == code) return entry.category;
    }
    return std::nullopt;
}

std::span<const CpCategory> all_categories() { return kAllCategories; }

std::string_view legal_status_code(LegalStatus status) {
    return kLegalStatuses[static_cast<std::size_t>(status)].code;
}
std::string_view legal_status_label(LegalStatus status) {
    return kLegalStatuses[static_cast<std::size_t>(status)].label;
}

std::optional<LegalStatus> parse_legal_status(std::string_view code) {
    for (const auto& entry : kLegalStatuses) {
        if (entry.code == code) return entry.status;
    }
    return std::nullopt;
}

std::span<const LegalStatus> all_legal_statuses() { return kAllLegalStatuses; }

LevelChange tidy_level_change(LevelChange change) {
    change.reason = core::trimmed(change.reason);
    if (change.to != ServiceLevel::ChildProtection) change.category.reset();
    if (change.to != ServiceLevel::CaredFor) change.legal_status.clear();
    return change;
}

std::optional<ServiceLevel> current_level(const std::vector<LevelPeriod>& history) {
    if (!is_open(history)) return std::nullopt;
    return history.back().level;
}

Direction direction(ServiceLevel from, ServiceLevel to) {
    auto from_rank = text_of(from).rank;
    auto to_rank = text_of(to).rank;
    if (to_rank > from_rank) return Direction::StepUp;
    if (to_rank < from_rank) return Direction::StepDown;
    return Direction::Sideways;
}

std::string_view direction_label(Direction direction) {
    switch (direction) {
        case Direction::StepUp:
            return "Step up";
        case Direction::StepDown:
            return "Step down";
        case Direction::Sideways:
            break;
    }
    return "Sideways move";
}

core::Result<void> check_first_level(const LevelChange& start, core::CivilDate today) {
    core::FieldChecks checks;
    check_details(checks, start);
    check_date(checks, start.on, today, nullptr);
    checks.text("reason", start.reason, "Enter the reason for starting at this level", "Reason",
                kMaxLevelReasonLength);
    return outcome(checks);
}

core::Result<void> check_level_change(const std::vector<LevelPeriod>& history,
                                      const LevelChange& change, core::CivilDate today) {
    if (!is_open(history)) return closed_record();
    const auto& current = history.back();

    // Within child protection the category can change, and within cared for the legal
    // status; at other levels a move must go somewhere new.
    bool same_level = change.to == current.level;
    bool has_details =
        change.to == ServiceLevel::ChildProtection || change.to == ServiceLevel::CaredFor;
    core::FieldChecks checks;
    if (change.to == ServiceLevel::CareLeaver && current.level != ServiceLevel::CaredFor) {
        checks.add("level", "Only a child who is cared for can become a care leaver");
    } else if (same_level && !has_details) {
        checks.add("level", "Select a different level – the child is already at " +
                                in_sentence(level_label(current.level)));
    }
    check_details(checks, change);
    if (same_level && change.to == ServiceLevel::ChildProtection &&
        change.category == current.category && current.category) {
        checks.add("category", "Select a different category – the current one is " +
                                   in_sentence(category_label(*current.category)));
    }
    if (same_level && change.to == ServiceLevel::CaredFor &&
        change.legal_status == current.legal_status) {
        if (auto status = parse_legal_status(current.legal_status)) {
            checks.add("legal_status", "Select a different legal status – the current one is " +
                                           in_sentence(legal_status_label(*status)));
        }
    }
    check_date(checks, change.on, today, &current);
    checks.text("reason", change.reason, "Enter the reason for the change", "Reason",
                kMaxLevelReasonLength);
    return outcome(checks);
}

core::Result<void> check_closure(const std::vector<LevelPeriod>& history, const Closure& closure,
                                 core::CivilDate today, const CodeSet& reasons) {
    if (!is_open(history)) return closed_record();
    core::FieldChecks checks;
    check_date(checks, closure.on, today, &history.back());
    if (!reasons.contains(closure.reason)) checks.add("reason", "Select the reason for closing");
    checks.optional_text("note", closure.note, "What happened", kMaxLevelReasonLength);
    return outcome(checks);
}

}  // namespace signs::domain
