#include "service/demo_practice.hpp"

#include <string>

#include "core/london_time.hpp"
#include "service/child_voice_service.hpp"
#include "service/family_document_service.hpp"
#include "service/file_store.hpp"
#include "service/language_service.hpp"
#include "service/mapping_service.hpp"
#include "service/meeting_service.hpp"
#include "service/plan_service.hpp"

namespace signs::service {
namespace {

/// Day, month and year boxes for `days` from today.
std::array<std::string, 3> boxes(const core::Clock& clock, int days) {
    auto [day, month, year] = core::london_date(clock.now()).plus_days(days).parts();
    return {day, month, year};
}

void add_demo_plan(PlanService& plans, const core::Clock& clock, const Actor& actor,
                   std::int64_t case_id, std::int64_t agreed_mapping) {
    auto plan = demo_ok(plans.start(actor, case_id, std::to_string(agreed_mapping)), "plan");
    auto draft = demo_ok(plans.view(actor, plan), "plan view");
    auto goal = std::to_string(draft.content.goals.at(0).ref);
    // The mapping's next step, put under the goal; due three days ago, so overdue once agreed.
    auto calls = draft.content.actions.at(0).ref;
    auto due = boxes(clock, -3);
    demo_ok(plans.update_action(actor, plan, calls,
                                {goal, draft.content.actions.at(0).what, "network", "Pat Carter",
                                 due[0], due[1], due[2], "Dana tells the nursery each Friday"}),
            "plan action");
    auto later = boxes(clock, 14);
    auto gp =
        demo_ok(plans.add_action(actor, plan,
                                 {goal, "Dana to see her GP about how low she has been feeling",
                                  "parent", "Dana Carter", later[0], later[1], later[2],
                                  "Dana tells Sam Okoro at the next visit"}),
                "plan action");
    auto soon = boxes(clock, 7);
    auto breakfast =
        demo_ok(plans.add_action(
                    actor, plan,
                    {goal, "Breakfast club at nursery on Mondays and Wednesdays", "professional",
                     "Sam Okoro (nursery)", soon[0], soon[1], soon[2], "The nursery's register"}),
                "plan action");
    auto today = boxes(clock, 0);
    demo_ok(plans.agree(actor, plan, {today[0], today[1], today[2], "Child in need meeting"}),
            "plan agreement");
    demo_ok(plans.add_update(actor, plan, breakfast,
                             {"done", "Maya has been at breakfast club since Monday", today[0],
                              today[1], today[2]}),
            "plan progress");
    demo_ok(plans.add_update(
                actor, plan, gp,
                {"on-track", "Appointment booked for next week", today[0], today[1], today[2]}),
            "plan progress");
}

void add_demo_voice(ChildVoiceService& voices, const core::Clock& clock, const Actor& actor,
                    std::int64_t case_id, std::int64_t child_id) {
    auto on = boxes(clock, -20);
    domain::ChildVoiceForm form{"three-houses",
                                std::to_string(child_id),
                                on[0],
                                on[1],
                                on[2],
                                "Jordan Pemberton, at nursery",
                                {{"worries", "When Mummy stays in bed and I am hungry"},
                                 {"good-things", "Nanny Pat's pancakes and my rabbit Biscuit"},
                                 {"dreams", "Mummy taking me to the park every day"}},
                                "",
                                "yes",
                                "yes"};
    demo_ok(voices.record(actor, case_id, form, std::nullopt), "child's voice");
    // Each tool once: Maya kept what the wizard said for her worker alone.
    on = boxes(clock, -12);
    demo_ok(voices.record(actor, case_id,
                          {"wizards-and-fairies",
                           std::to_string(child_id),
                           on[0],
                           on[1],
                           on[2],
                           "Jordan Pemberton, at home with Nanny Pat",
                           {{"worries", "The wizard says the shouting at night is scary"},
                            {"good-things", "The fairy says Nanny Pat always comes when called"},
                            {"dreams", "A night light and Mummy reading a story every night"}},
                           "",
                           "no",
                           "no"},
                          std::nullopt),
            "child's voice");
    on = boxes(clock, -5);
    demo_ok(voices.record(actor, case_id,
                          {"safety-house",
                           std::to_string(child_id),
                           on[0],
                           on[1],
                           on[2],
                           "Jordan Pemberton, at nursery",
                           {{"inside", "Mummy, Leo, Nanny Pat and Biscuit"},
                            {"path", "Uncle Ray, if he is kind"},
                            {"outside", "Nobody at the moment"},
                            {"rules", "Nobody shouts. There is always food for tea."}},
                           "7",
                           "yes",
                           "yes"},
                          std::nullopt),
            "child's voice");
}

/// A child in need review held last week, with who came, who sent apologies and a parent's
/// disagreement recorded by name; and the next one arranged, in people's calendars.
void add_demo_meetings(MeetingService& meetings, const core::Clock& clock, const Actor& actor,
                       std::int64_t case_id, std::int64_t child_id) {
    // Both reviews are at the nursery at ten, chaired by the demo practitioner.
    auto review_on = [&](const std::array<std::string, 3>& day) {
        return domain::MeetingForm{"child-in-need-review",
                                   day[0],
                                   day[1],
                                   day[2],
                                   "10",
                                   "00",
                                   "11",
                                   "30",
                                   "Brook Lane Nursery, Crewe",
                                   "",
                                   "Jordan Pemberton, social worker",
                                   {std::to_string(child_id)}};
    };
    auto held = demo_ok(meetings.arrange(actor, case_id, review_on(boxes(clock, -7))), "meeting");
    struct Invited {
        const char *name, *kind, *role, *attendance, *reason;
    };
    for (const auto& who : {Invited{"Dana Carter", "parent", "Mother", "attended", ""},
                            Invited{"Pat Carter", "network", "Grandmother", "attended", ""},
                            Invited{"Sam Okoro", "professional", "Key person, Brook Lane Nursery",
                                    "apologies", "Nursery inspection that morning"}}) {
        auto invitee =
            demo_ok(meetings.invite(actor, held, {who.name, who.kind, who.role, ""}), "invitee");
        demo_ok(meetings.set_attendance(actor, held, invitee, who.attendance, who.reason),
                "attendance");
        if (std::string{who.name} == "Dana Carter")
            demo_ok(meetings.set_dissent(actor, held, invitee,
                                         "Dana does not think Maya needs to go to breakfast club "
                                         "on Wednesdays, when Pat can take her"),
                    "dissent");
    }
    auto next = boxes(clock, 35);
    auto view = demo_ok(meetings.view(actor, held), "meeting view");
    demo_ok(meetings.record_outcome(actor, held,
                                    {"The plan continues; the nursery will tell us if Maya "
                                     "misses two mornings in a week",
                                     "", "", "", next[0], next[1], next[2]},
                                    view.meeting.version),
            "meeting outcome");
    demo_ok(meetings.arrange(actor, case_id, review_on(next)), "meeting");
}

/// Maya's story of what happened and what happens now, in words a five-year-old can follow,
/// and the copy Dana was given.
void add_demo_story(FamilyDocumentService& documents, const core::Clock& clock, const Actor& actor,
                    std::int64_t case_id, std::int64_t child_id) {
    auto story = demo_ok(
        documents.write_story(
            actor, case_id,
            {std::to_string(child_id),
             "Maya's story",
             "Dana and Pat Carter",
             {{"family",
               "Maya lives with Mummy Dana and baby Leo. Nanny Pat lives round the "
               "corner and has a rabbit called Biscuit."},
              {"worries",
               "Sometimes Mummy felt so tired and sad that she stayed in bed, and "
               "Maya did not have breakfast or get to nursery."},
              {"what-people-did",
               "Mummy, Nanny Pat and Maya's nursery talked with Jordan, a social worker, and "
               "made a plan together."},
              {"what-happens-now",
               "Nanny Pat rings Mummy every morning. Maya has breakfast at nursery on Mondays "
               "and Wednesdays. Mummy is seeing her doctor."}},
             {{"family", "family"},
              {"worries", "worried"},
              {"what-people-did", "meeting"},
              {"what-happens-now", "happy"}}}),
        "story");
    auto today = boxes(clock, 0);
    demo_ok(documents.record_story_given(
                actor, story, {"Dana Carter", today[0], today[1], today[2], "in-person"}),
            "story given");
}

}  // namespace

void add_demo_alert(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                    const Actor& actor, std::int64_t case_id, std::int64_t child_id) {
    MappingService mappings{db, clock, audit};
    auto on = boxes(clock, -2);
    auto mapping = demo_ok(
        mappings.start(actor, case_id,
                       {on[0], on[1], on[2], "first-assessment", {std::to_string(child_id)}, ""}),
        "mapping");
    auto visitor =
        demo_ok(mappings.add_participant(
                    actor, mapping, {"Nia Holt (health visitor)", "professional", "in-person", ""}),
                "participant");
    demo_ok(mappings.add_entry(actor, mapping,
                               {"harm",
                                "The baby was left alone in the flat for an afternoon last week, "
                                "and Ruby was not at school that day",
                                std::to_string(visitor), "", ""}),
            "entry");
    demo_ok(mappings.put_score(actor, mapping,
                               {std::to_string(visitor), "0",
                                "Nothing yet: nobody knew where Kerry was that afternoon",
                                "Kerry telling June whenever she has to go out", ""}),
            "score");
}

void add_demo_practice(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                       const Actor& actor, std::int64_t case_id, std::int64_t child_id,
                       std::int64_t agreed_mapping, std::vector<domain::Term> plain_words) {
    PlanService plans{db, clock, audit};
    add_demo_plan(plans, clock, actor, case_id, agreed_mapping);
    MappingService mappings{db, clock, audit};
    // No drawing is kept, so the file store's folder is never written to.
    FileStore no_files{{}};
    ChildVoiceService voices{db, clock, audit, no_files, mappings, domain::UploadLimit{}};
    add_demo_voice(voices, clock, actor, case_id, child_id);
    MeetingService meetings{db, clock, audit, mappings};
    add_demo_meetings(meetings, clock, actor, case_id, child_id);
    LanguageService language{db, clock, std::move(plain_words)};
    FamilyDocumentService documents{db, clock, mappings, plans, meetings, language};
    add_demo_story(documents, clock, actor, case_id, child_id);
}

}  // namespace signs::service
