#include "domain/mapping/mapping.hpp"

#include <algorithm>
#include <array>

#include "core/validation.hpp"

namespace signs::domain {
namespace {

struct CategoryColumn {
    std::string_view category;
    std::string_view column;
};

constexpr std::array<CodeLabel, 9> kCategories = {{
    {"harm", "Harm: what has happened"},
    {"danger-statement", "Danger statement: what could happen if nothing changes"},
    {"complicating-factor", "Complicating factor"},
    {"strength", "Strength"},
    {"existing-safety", "Existing safety: protection shown over time"},
    {"safety-goal", "Safety goal"},
    {"next-step", "Next step"},
    {"bottom-line", "Bottom line: what the agency needs to see"},
    {"grey-area", "Grey area: not yet known or agreed"},
}};

constexpr std::array<CategoryColumn, 9> kColumns = {{
    {"harm", "worried"},
    {"danger-statement", "worried"},
    {"complicating-factor", "worried"},
    {"strength", "working"},
    {"existing-safety", "working"},
    {"safety-goal", "needs"},
    {"next-step", "needs"},
    {"bottom-line", "needs"},
    {"grey-area", "grey"},
}};

constexpr std::array<CodeLabel, 4> kPurposes = {{
    {"first-assessment", "First assessment"},
    {"review", "Review"},
    {"meeting", "Meeting"},
    {"closure", "Closure"},
}};

constexpr std::array<CodeLabel, 5> kKinds = {{
    {"parent", "Parent or carer"},
    {"child", "The child or young person"},
    {"family", "Family member"},
    {"network", "Safety network member"},
    {"professional", "Professional"},
}};

constexpr std::array<CodeLabel, 5> kWays = {{
    {"in-person", "In the room"},
    {"remote", "By phone or video"},
    {"separately", "Seen separately"},
    {"written", "Sent their views in writing"},
    {"supported", "Through an advocate or interpreter"},
}};

constexpr std::array<CodeLabel, 3> kMarks = {{
    {"still-true", "Still true"},
    {"changed", "Changed"},
    {"resolved", "No longer a concern"},
}};

constexpr std::array<CodeLabel, 3> kStatuses = {{
    {"draft", "Draft"},
    {"shared", "Shared with the family"},
    {"agreed", "Agreed"},
}};

bool listed(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

/// Joins the non-empty parts with the words between them.
std::string sentence(std::initializer_list<std::pair<std::string_view, std::string>> parts) {
    std::string out;
    for (const auto& [joiner, part] : parts) {
        auto text = core::trimmed(part);
        if (text.empty()) continue;
        out += (out.empty() ? "" : std::string{joiner}) + text;
    }
    if (!out.empty() && out.back() != '.') out += '.';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

}  // namespace

std::span<const CodeLabel> entry_categories() { return kCategories; }
std::span<const CodeLabel> mapping_purposes() { return kPurposes; }
std::span<const CodeLabel> participant_kinds() { return kKinds; }
std::span<const CodeLabel> participation_ways() { return kWays; }
std::span<const CodeLabel> mapping_statuses() { return kStatuses; }
std::span<const CodeLabel> review_marks() { return kMarks; }

std::string_view column_of(std::string_view category) {
    for (const auto& c : kColumns) {
        if (c.category == category) return c.column;
    }
    return "grey";
}

core::Result<void> check_mapping(const MappingForm& form,
                                 const std::vector<std::string>& case_children,
                                 core::CivilDate today) {
    core::FieldChecks checks;
    auto on = core::CivilDate::from_parts(form.day, form.month, form.year);
    if (!on) {
        checks.add("date-day", "Enter the date of the mapping as a real date, like 27 3 2026");
    } else if (*on > today) {
        checks.add("date-day", "The date of the mapping must be today or in the past");
    }
    if (!is_code_in(kPurposes, form.purpose))
        checks.add("purpose", "Select what the mapping is for");
    if (form.child_ids.empty()) checks.add("children", "Select the children the mapping is about");
    for (const auto& id : form.child_ids) {
        if (!listed(case_children, id)) checks.add("children", "Select children from this case");
    }
    if (!checks.ok()) return std::unexpected(checks.error());
    return {};
}

core::Result<ParticipantForm> check_participant(const ParticipantForm& form,
                                                const std::vector<KnownPerson>& family,
                                                const std::vector<KnownPerson>& professionals) {
    core::FieldChecks checks;
    std::string name = form.name, kind = form.kind;
    auto from_list = [&](const std::vector<KnownPerson>& known, const std::string& id,
                         std::string_view field, std::string_view refusal) {
        if (id.empty()) return;
        auto found =
            std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.id == id; });
        if (found == known.end())
            checks.add(field, std::string{refusal});
        else
            name = found->name;
    };
    if (!form.person.empty() && !form.professional.empty()) {
        checks.add("professional",
                   "Choose someone from the family's records or a professional, not both");
    } else {
        from_list(family, form.person, "person",
                  "Select someone on this family's records, or nobody");
        from_list(professionals, form.professional, "professional",
                  "Select a professional from the list, or nobody");
        if (!form.professional.empty() && kind.empty()) kind = "professional";
    }
    checks.text("name", name, "Enter the person's name, or choose them from the records", "Name",
                kMaxParticipantName);
    if (!is_code_in(kKinds, kind)) checks.add("kind", "Select who they are");
    if (!is_code_in(kWays, form.took_part)) checks.add("took_part", "Select how they took part");
    if (!checks.ok()) return std::unexpected(checks.error());
    return ParticipantForm{core::trimmed(name), kind, form.took_part, form.person,
                           form.professional};
}

core::Result<EntryForm> check_entry(const EntryForm& form, const std::vector<std::string>& speakers,
                                    const std::vector<std::string>& statements, bool carried) {
    core::FieldChecks checks;
    if (!is_code_in(kCategories, form.category)) checks.add("category", "Select where this goes");
    checks.text("text", form.text, "Write what was said", "The entry", kMaxEntryLength);
    if (form.said_by != "agency" && !listed(speakers, form.said_by))
        checks.add("said_by", "Select who said it");
    if (form.category == kSafetyGoal && !listed(statements, form.answers))
        checks.add("answers", "Select the danger statement this goal answers");
    if (!form.mark.empty() && (!carried || !is_code_in(kMarks, form.mark)))
        checks.add("mark",
                   "Select whether this is still true, has changed, or is no longer a concern");
    if (!checks.ok()) return std::unexpected(checks.error());
    return EntryForm{form.category, core::trimmed(form.text), form.said_by,
                     form.category == kSafetyGoal ? form.answers : "", form.mark};
}

std::string danger_statement(const DangerParts& parts) {
    auto who = core::trimmed(parts.who_is_worried);
    return sentence(
        {{"", who.empty() ? ""
                          : who + " " + (who.find(" and ") != std::string::npos ? "are" : "is") +
                                " worried that"},
         {" ", parts.behaviour},
         {", and ", parts.impact}});
}

std::string safety_goal(const GoalParts& parts) {
    return sentence({{"", parts.people_will}, {", so that ", parts.child_will}});
}

core::Result<int> check_score(const ScoreForm& form, const std::vector<std::string>& participants,
                              const std::vector<std::string>& statements) {
    core::FieldChecks checks;
    if (!listed(participants, form.participant))
        checks.add("participant", "Select whose number this is");
    auto number = scale_number(form.value);
    if (!number) checks.add("value", "Enter a whole number from 0 to 10");
    checks.optional_text("why_not_lower", form.why_not_lower, "Why it is not lower",
                         kMaxEntryLength);
    checks.optional_text("one_point_higher", form.one_point_higher,
                         "What would make it one point higher", kMaxEntryLength);
    if (!form.about.empty() && !listed(statements, form.about))
        checks.add("about", "Select the whole mapping or one of its danger statements");
    if (!checks.ok()) return std::unexpected(checks.error());
    return *number;
}

std::vector<std::string> agreement_problems(const std::vector<StatementState>& statements,
                                            const std::string& statement_word,
                                            const std::string& goal_word) {
    std::vector<std::string> out;
    if (statements.empty())
        out.push_back("Write at least one " + core::lower_ascii(statement_word));
    for (const auto& s : statements) {
        auto shown = s.text.size() > 60 ? s.text.substr(0, 57) + "..." : s.text;
        if (!s.has_goal)
            out.push_back("\"" + shown + "\" has no " + core::lower_ascii(goal_word) + " yet");
        if (!s.has_score) out.push_back("\"" + shown + "\" has not been scaled yet");
    }
    return out;
}

bool scores_revealed(bool blind, const std::vector<std::int64_t>& participants,
                     const std::vector<std::int64_t>& gave_overall) {
    if (!blind) return true;
    if (participants.empty()) return false;
    return std::all_of(participants.begin(), participants.end(), [&](std::int64_t id) {
        return std::find(gave_overall.begin(), gave_overall.end(), id) != gave_overall.end();
    });
}

std::optional<int> scale_number(std::string_view typed) {
    auto value = core::trimmed(typed);
    if (value.empty() || value.size() > 2 ||
        value.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    int number = std::stoi(value);
    if (number > 10) return std::nullopt;
    return number;
}

core::Result<EscalationBand> check_band(const BandForm& form) {
    core::FieldChecks checks;
    if (form.purpose != "any" && !is_code_in(mapping_purposes(), form.purpose))
        checks.add("purpose", "Select which mappings the band applies to");
    auto low = scale_number(form.low), high = scale_number(form.high);
    if (!low) checks.add("low", "Enter the lowest number, a whole number from 0 to 10");
    if (!high) checks.add("high", "Enter the highest number, a whole number from 0 to 10");
    if (low && high && *low > *high)
        checks.add("high", "The highest number must be the same as the lowest or above it");
    checks.text("why", form.why, "Enter what the manager is told", "What the manager is told", 200);
    if (!checks.ok()) return std::unexpected(checks.error());
    return EscalationBand{form.purpose, *low, *high, core::trimmed(form.why)};
}

std::optional<std::string> escalation_for(const std::vector<EscalationBand>& bands,
                                          std::string_view purpose, int value) {
    for (const auto& band : bands) {
        bool applies = band.purpose == "any" || band.purpose == purpose;
        if (applies && value >= band.low && value <= band.high) return band.why;
    }
    return std::nullopt;
}

}  // namespace signs::domain
