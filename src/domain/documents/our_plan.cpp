#include "domain/documents/our_plan.hpp"

#include "core/civil_date.hpp"

namespace signs::domain {
namespace {

std::string date_words(const std::string& iso) {
    auto date = core::CivilDate::parse_iso(iso);
    return date ? date->long_text() : iso;
}

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] + 32);
    return text;
}

/// "What are we worried about?" reads as a heading without its question mark.
std::string heading_from(std::string question) {
    while (!question.empty() && (question.back() == '?' || question.back() == ' '))
        question.pop_back();
    return question;
}

DocumentBlock paragraph(std::string text) {
    return {DocumentBlock::Kind::Paragraph, std::move(text), ""};
}
DocumentBlock bullet(std::string text) {
    return {DocumentBlock::Kind::Bullet, std::move(text), ""};
}
DocumentBlock detail(std::string label, std::string text) {
    return {DocumentBlock::Kind::Detail, std::move(text), std::move(label)};
}

DocumentSection list_section(std::string heading, const std::vector<std::string>& items,
                             const std::string& when_none) {
    DocumentSection section{std::move(heading), {}};
    if (items.empty()) section.blocks.push_back(paragraph(when_none));
    for (const auto& item : items) section.blocks.push_back(bullet(item));
    return section;
}

std::string plan_title(PracticeVariant variant) {
    switch (variant) {
        case PracticeVariant::Wellbeing:
            return "Our wellbeing plan";
        case PracticeVariant::Stability:
            return "Our stability plan";
        case PracticeVariant::Safety:
            break;
    }
    return "Our safety plan";
}

}  // namespace

FamilyDocument our_plan(const OurPlanInput& input, const Glossary& glossary) {
    FamilyDocument doc;
    doc.title = plan_title(input.variant);
    doc.for_whom = names_joined(input.children);
    doc.dated =
        input.plan_agreed && !input.plan_agreed_on.empty() ? input.plan_agreed_on : input.mapped_on;
    const auto& w = input.wording;

    DocumentSection about{"About this plan", {}};
    about.blocks.push_back(
        paragraph("This plan is about " + doc.for_whom + ". It comes from the meeting on " +
                  date_words(input.mapped_on) +
                  ", where your family, the people who help you and the workers said what is going "
                  "well, what they are worried about and what needs to happen."));
    about.blocks.push_back(paragraph(
        input.plan_agreed
            ? "Everyone agreed the plan on " + date_words(input.plan_agreed_on) + "."
            : "The plan has not been agreed yet. The goals below are the ones talked about at "
              "the meeting."));
    about.blocks.push_back(paragraph(
        "If any part of it is unclear, or you think something is wrong, tell your worker. "
        "You can ask for it in another language or format."));
    doc.sections.push_back(std::move(about));

    doc.sections.push_back(list_section(heading_from(w.worried_column), input.worries,
                                        "No worries were written down at the meeting."));
    doc.sections.push_back(list_section(heading_from(w.working_column), input.working_well,
                                        "Nothing was written down yet about what is going well."));
    if (!input.bottom_lines.empty()) {
        doc.sections.push_back(list_section("What must happen", input.bottom_lines, ""));
    }

    DocumentSection goals{"Our " + lower_first(w.goal) + "s", {}};
    if (input.goals.empty())
        goals.blocks.push_back(paragraph("The goals have not been written yet."));
    for (const auto& goal : input.goals) goals.blocks.push_back(bullet(goal.text));
    doc.sections.push_back(std::move(goals));

    for (const auto& house : input.safety_houses) {
        DocumentSection section{house.child + "'s safety house", {}};
        section.blocks.push_back(paragraph(
            "In their own words, this is who keeps " + house.child +
            " safe, and the rules that would make home safe. The plan should keep to them."));
        if (!house.inside.empty())
            section.blocks.push_back(detail("Inside the house", house.inside));
        if (!house.path.empty())
            section.blocks.push_back(detail("On the path, if they keep the rules", house.path));
        if (!house.outside.empty()) section.blocks.push_back(detail("Outside", house.outside));
        if (!house.rules.empty()) section.blocks.push_back(detail("The rules", house.rules));
        if (house.place)
            section.blocks.push_back(paragraph("On the path to the house, " + house.child +
                                               " put themself at " + std::to_string(*house.place) +
                                               " out of 10."));
        doc.sections.push_back(std::move(section));
    }

    DocumentSection who{"Who will do what, and by when", {}};
    bool any_action = false;
    for (const auto& goal : input.goals) {
        if (goal.actions.empty()) continue;
        any_action = true;
        who.blocks.push_back({DocumentBlock::Kind::Subheading, goal.text, ""});
        for (const auto& action : goal.actions) {
            who.blocks.push_back(bullet(action.what));
            if (!action.who.empty()) who.blocks.push_back(detail("Who", action.who));
            if (!action.due_on.empty())
                who.blocks.push_back(detail("By", date_words(action.due_on)));
            if (!action.how_known.empty())
                who.blocks.push_back(detail("How we will all know", action.how_known));
        }
    }
    if (!any_action)
        who.blocks.push_back(paragraph("The steps will be added when the plan is agreed."));
    doc.sections.push_back(std::move(who));

    DocumentSection scaling{"How everyone scaled it", {}};
    scaling.blocks.push_back(paragraph(w.scale.question + " 0 means " + lower_first(w.scale.zero) +
                                       ". 10 means " + lower_first(w.scale.ten) + "."));
    if (input.scores.empty())
        scaling.blocks.push_back(paragraph("Nobody gave a number at this meeting."));
    for (const auto& score : input.scores) {
        scaling.blocks.push_back(
            {DocumentBlock::Kind::Subheading, score.who + ": " + std::to_string(score.value), ""});
        if (!score.why_not_lower.empty())
            scaling.blocks.push_back(detail("Why not lower", score.why_not_lower));
        if (!score.one_point_higher.empty())
            scaling.blocks.push_back(detail("One point higher would be", score.one_point_higher));
    }
    doc.sections.push_back(std::move(scaling));

    DocumentSection next{"The next meeting", {}};
    if (input.next_meeting) {
        const auto& m = *input.next_meeting;
        next.blocks.push_back(paragraph("The next meeting is the " + lower_first(m.kind) + " on " +
                                        date_words(m.on) + (m.at.empty() ? "" : " at " + m.at) +
                                        "."));
    } else {
        next.blocks.push_back(paragraph("The date of the next meeting has not been set yet."));
    }
    doc.sections.push_back(std::move(next));

    explain_jargon(doc, glossary);
    return doc;
}

}  // namespace signs::domain
