#include "service/demo_census.hpp"

#include "core/london_time.hpp"
#include "service/casework_service.hpp"
#include "service/census_record_service.hpp"
#include "service/contact_service.hpp"
#include "service/demo_practice.hpp"
#include "service/mapping_service.hpp"
#include "service/meeting_service.hpp"
#include "service/pre_proceedings_service.hpp"
#include "store/cin_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {

core::CivilDate demo_working_day(const domain::WorkingCalendar& calendar, core::CivilDate today,
                                 int days_ago) {
    auto day = today.plus_days(-days_ago);
    while (!calendar.is_working_day(day)) day = day.plus_days(-1);
    return day;
}

namespace {

/// The services a worker and their manager use for the census, and the days they use them on.
class CensusStory {
  public:
    CensusStory(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                CalendarService& calendars, const domain::CensusCodes& codes)
        : db_(db),
          records_(db, clock, audit, codes),
          casework_(db, clock, audit, codes),
          contacts_(db, clock, audit, calendars, codes),
          mappings_(db, clock, audit),
          meetings_(db, clock, audit, mappings_),
          pre_proceedings_(db, clock, audit, codes.pre_proceedings_outcome),
          calendar_(calendars.current()),
          today_(core::london_date(clock.now())) {
        auto lease = db.lease();
        manager_ = Actor{store::users::find_by_email(lease.sql(), "manager@signs.example.org"),
                         {"demo-data", "demo-data"}};
    }

    core::CivilDate ago(int days) const { return today_.plus_days(-days); }
    /// Meetings are held on working days: the one on or before `days` ago.
    core::CivilDate working_day_ago(int days) const {
        return demo_working_day(*calendar_, today_, days);
    }

    /// Who referred the child and what they most need, on the child's latest episode.
    void referral(const DemoCase& c, std::int64_t child, const char* source, const char* need,
                  bool no_further_action = false) {
        auto e = latest_episode(child);
        demo_ok(records_.update_episode(
                    c.worker, child, e.id,
                    {source, need, no_further_action ? "yes" : "no", e.closure_reason}, e.version),
                "census referral");
    }

    /// An assessment begun `started` days ago, and authorised by the team manager
    /// `authorised` days ago with the factors it found.
    void assessment(const DemoCase& c, std::int64_t child, int started, int authorised,
                    std::vector<std::string> factors) {
        auto e = latest_episode(child);
        auto id = demo_ok(
            records_.start_assessment(c.worker, child, e.id, domain::DateForm::of(ago(started))),
            "census assessment");
        auto on = domain::DateForm::of(ago(authorised));
        demo_ok(records_.authorise_assessment(manager_, child, id,
                                              {on.day, on.month, on.year, std::move(factors)}, 1),
                "census authorisation");
    }

    /// A meeting held on `on` about every child of the case, recorded with its decision.
    std::int64_t held(const DemoCase& c, const char* type, core::CivilDate on, const char* decision,
                      const char* plan_needed = "", const char* category = "") {
        auto d = on.parts();
        std::vector<std::string> children;
        for (auto child : c.children) children.push_back(std::to_string(child));
        domain::MeetingForm form{type,
                                 d.day,
                                 d.month,
                                 d.year,
                                 "10",
                                 "00",
                                 "11",
                                 "30",
                                 "Northgate Family Centre, Demo Town",
                                 "",
                                 "Morgan Fairleigh (demo), chair",
                                 children};
        auto id = demo_ok(meetings_.arrange(c.worker, c.case_id, form), "census meeting");
        auto view = demo_ok(meetings_.view(c.worker, id), "census meeting view");
        demo_ok(meetings_.record_outcome(c.worker, id,
                                         {decision, plan_needed, category, "", "", "", ""},
                                         view.meeting.version),
                "census meeting record");
        return id;
    }

    void no_conference(const DemoCase& c, std::int64_t child, std::int64_t meeting, int days) {
        demo_ok(records_.record_no_conference(c.worker, child, meeting,
                                              domain::DateForm::of(ago(days))),
                "census enquiry outcome");
    }

    void change_category(const DemoCase& c, core::CivilDate on, domain::CpCategory category) {
        for (auto child : c.children) {
            demo_ok(casework_.change_level(
                        c.worker, c.case_id, child,
                        {domain::ServiceLevel::ChildProtection, on,
                         "The review conference changed the category", category, ""}),
                    "census category change");
        }
    }

    /// A contact `days` ago sent on for assessment: a referral, made by `source`.
    void referred_again(const DemoCase& c, std::int64_t child, int days, const char* source) {
        auto d = ago(days).parts();
        domain::ContactForm form{
            d.day,
            d.month,
            d.year,
            "11",
            "15",
            "phone",
            "Mrs Oldcastle (demo)",
            "Grandmother",
            "",
            "",
            "Finn's grandmother worries he is being left with his older "
            "cousins overnight.",
            "Finn is settled at school and his mum is working with early help.",
            "",
            "6"};
        auto id = demo_ok(contacts_.record(c.worker, child, form), "census contact");
        demo_ok(contacts_.decide(c.worker, id,
                                 {"assessment", "Check that Finn is safe overnight", source}, 1),
                "census contact decision");
    }

    PreProceedingsService& pre_proceedings() { return pre_proceedings_; }

  private:
    store::EpisodeRecord latest_episode(std::int64_t child) {
        auto lease = db_.lease();
        auto all = store::cin::episodes_for_child(lease.sql(), child);
        if (all.empty())
            throw core::Fault(core::ErrorKind::Internal, "demo child has no census episode");
        return all.back();
    }

    store::Database& db_;
    CensusRecordService records_;
    CaseworkService casework_;
    ContactService contacts_;
    MappingService mappings_;
    MeetingService meetings_;
    PreProceedingsService pre_proceedings_;
    std::shared_ptr<const domain::WorkingCalendar> calendar_;
    core::CivilDate today_;
    Actor manager_;
};

/// Ruby and the baby: an enquiry, the initial conference that began their plan, a review that
/// changed its category, and pre-proceedings stepped down after a family group
/// decision-making meeting.
void brightwater(CensusStory& story, const DemoCase& c) {
    for (auto child : c.children) {
        story.referral(c, child, "3B", "N1");
        story.assessment(c, child, 246, 220, {"16A", "4B"});
    }
    story.held(c, "strategy-discussion", story.working_day_ago(135),
               "A section 47 enquiry begins: the home conditions have not improved");
    story.held(c, "initial-conference", story.working_day_ago(120),
               "Ruby and the baby need a child protection plan for neglect", "yes", "NEG");
    auto review = story.working_day_ago(35);
    story.held(c, "review-conference", review,
               "The plan continues; the worry now is mostly how Ruby is feeling", "yes", "EMO");
    story.change_category(c, review, domain::CpCategory::Emotional);

    domain::PreProceedingsForm form;
    for (auto child : c.children) form.child_ids.push_back(std::to_string(child));
    form.started = domain::DateForm::of(story.ago(60));
    auto& pre = story.pre_proceedings();
    auto id = demo_ok(pre.start(c.worker, c.case_id, form), "pre-proceedings");
    form.letter_sent = domain::DateForm::of(story.ago(58));
    form.family_meeting_offered = "yes";
    form.family_meeting_accepted = "yes";
    demo_ok(pre.update(c.worker, c.case_id, id, form, 1), "pre-proceedings letter");
    story.held(c, "pre-proceedings", story.working_day_ago(50),
               "Kerry agreed the written plan and will see her solicitor each fortnight");
    story.held(c, "family-group-decision", story.working_day_ago(45),
               "June will have Ruby after school and stay over when Kerry's new baby comes");
    story.held(c, "pre-proceedings", story.working_day_ago(20),
               "The family's plan is working: the home is safe and Ruby is at school every day");
    form.outcome = "B";
    form.decided = domain::DateForm::of(story.ago(10));
    demo_ok(pre.update(c.worker, c.case_id, id, form, 2), "pre-proceedings decision");
}

}  // namespace

void add_demo_census(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                     CalendarService& calendars, const domain::CensusCodes& codes,
                     const std::map<std::string, DemoCase>& cases) {
    CensusStory story{db, clock, audit, calendars, codes};

    const auto& carter = cases.at("Carter family (demo)");
    for (auto child : carter.children) {
        story.referral(carter, child, "5D", "N4");
        story.assessment(carter, child, 38, 12, {"4B"});
    }

    brightwater(story, cases.at("Brightwater family (demo)"));

    // Toby: an enquiry after what he told school, which needed no conference.
    const auto& fennimore = cases.at("Fennimore family (demo)");
    auto toby = fennimore.children.front();
    story.referral(fennimore, toby, "2A", "N5");
    story.assessment(fennimore, toby, 88, 50, {"3B"});
    auto discussion = story.held(fennimore, "strategy-discussion", story.working_day_ago(30),
                                 "Toby's account is to be heard with the police");
    story.no_conference(fennimore, toby, discussion, 25);

    const auto& quillby = cases.at("Quillby family (demo)");
    story.referral(quillby, quillby.children.front(), "6", "N1");
    story.assessment(quillby, quillby.children.front(), 698, 680, {"17A", "3B"});

    const auto& marchbank = cases.at("Marchbank family (demo)");
    story.referral(marchbank, marchbank.children.front(), "1A", "N8");
    story.assessment(marchbank, marchbank.children.front(), 1498, 1480, {"4B"});

    // Finn: assessed, then closed to early help; referred again last month, to no further
    // action.
    const auto& oldcastle = cases.at("Oldcastle family (demo)");
    auto finn = oldcastle.children.front();
    story.referral(oldcastle, finn, "2A", "N5");
    story.assessment(oldcastle, finn, 248, 205, {"14A"});
    story.referred_again(oldcastle, finn, 30, "1A");
    story.referral(oldcastle, finn, "1A", "N9", true);
}

}  // namespace signs::service
