#include "service/demo_data.hpp"

#include <array>
#include <map>
#include <type_traits>
#include <vector>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "domain/code_label.hpp"
#include "domain/returns/cin_rules.hpp"
#include "service/actor.hpp"
#include "service/audit_service.hpp"
#include "service/audit_writer.hpp"
#include "service/casework_service.hpp"
#include "service/child_record_service.hpp"
#include "service/contact_service.hpp"
#include "service/data_files.hpp"
#include "service/demo_census.hpp"
#include "service/demo_practice.hpp"
#include "service/demo_training.hpp"
#include "service/guidance_service.hpp"
#include "service/mapping_service.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/network_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

struct DemoPerson {
    const char* email;
    const char* name;
    domain::Role role;
    const char* team;
    const char* also_leads = "";  ///< a second team, for a manager who leads two
};

// Invented names at the reserved example.org domain.
constexpr std::array<DemoPerson, 6> kPeople = {{
    {"practitioner@signs.example.org", "Jordan Pemberton (demo)", domain::Role::Practitioner,
     "Riverside Family Help Team"},
    {"practitioner2@signs.example.org", "Alex Marlowe (demo)", domain::Role::Practitioner,
     "Northgate Child Protection Team"},
    {"manager@signs.example.org", "Robin Ashdown (demo)", domain::Role::TeamManager,
     "Riverside Family Help Team", "Northgate Child Protection Team"},
    {"chair@signs.example.org", "Morgan Fairleigh (demo)", domain::Role::ConferenceChair,
     "Safeguarding and Review Unit"},
    {"training@signs.example.org", "Casey Holloway (demo)", domain::Role::TrainingAdministrator,
     "Workforce Development"},
    {"admin@signs.example.org", "Demo Administrator", domain::Role::SystemAdministrator, ""},
}};

struct DemoChild {
    const char* first;
    const char* last;
    int age_in_days;  ///< negative for a child not yet born
    const char* sex;
    const char* what_matters;
    const char* disabilities = "NONE";  ///< census codes, comma separated; none before birth
};

struct DemoStep {
    domain::ServiceLevel level;
    int days_ago;
    const char* reason;
    std::optional<domain::CpCategory> category;
    const char* legal_status;
};

/// An adult around every child of the family.
struct DemoAdult {
    const char* first;
    const char* last;
    const char* relationship;
    bool parental_responsibility;
    bool lives_with_child;
    bool safety_network;
    const char* phone;
};

struct DemoFamily {
    const char* family_name;
    const char* worker_email;
    std::vector<DemoChild> children;
    std::vector<DemoStep> steps;  ///< the first opens the case
    std::vector<DemoAdult> adults;
    const char* address;   ///< where the children live, with a postcode of the right shape
    const char* postcode;  ///< in the reserved-looking "ZZ" area, so no real street is named
};

/// A worry phoned in to the front door about the first child of a family.
struct DemoContact {
    const char* family_name;
    int days_ago;
    const char* referrer_name;
    const char* referrer_role;
    const char* worried;
    const char* working_well;
    int scale;
    const char* decision;  ///< empty: still waiting for one
    const char* reason;
};

// Invented families: none of these people exist.
const std::vector<DemoFamily>& demo_families() {
    using L = domain::ServiceLevel;
    static const std::vector<DemoFamily> families = {
        {"Carter family (demo)",
         "practitioner@signs.example.org",
         {{"Maya", "Carter", 2600, "F", "My rabbit Biscuit and going to the park with Nan"},
          {"Leo", "Carter", 1400, "M", "", "COMM"}},
         {{L::EarlyHelp, 200, "Nursery worried about Maya's tiredness and missed sessions", {}, ""},
          {L::ChildInNeed,
           40,
           "Assessment found needs the family cannot meet on their own",
           {},
           ""}},
         {{"Dana", "Carter", "mother", true, true, true, "01632 960 101"},
          {"Pat", "Carter", "grandparent", false, false, true, "01632 960 102"}},
         "3 Willow Row\nDemo Town",
         "ZZ1 1AA"},
        {"Brightwater family (demo)",
         "practitioner2@signs.example.org",
         {{"Ruby", "Brightwater", 3300, "F", "Mum being happy and my friend Zara"},
          {"Baby", "Brightwater", -20, "U", "", ""}},
         {{L::ChildInNeed, 250, "Health visitor concerned about home conditions", {}, ""},
          {L::ChildProtection, 120, "Initial conference agreed a child protection plan",
           domain::CpCategory::Neglect, ""}},
         {{"Kerry", "Brightwater", "mother", true, true, true, "01632 960 201"},
          {"Sam", "Oakes", "parent-partner", false, true, false, ""},
          {"June", "Brightwater", "aunt-uncle", false, false, true, "01632 960 203"}},
         "Flat 7, Heron Court\nDemo Town",
         "ZZ1 2BB"},
        {"Fennimore family (demo)",
         "practitioner@signs.example.org",
         {{"Toby", "Fennimore", 4300, "M", "Football on Saturdays", "BEH"}},
         {{L::ChildInNeed, 90, "School raised worries about Toby's behaviour at home", {}, ""}},
         {{"Lee", "Fennimore", "father", true, true, true, "01632 960 301"}},
         "22 Mill Street\nDemo Town",
         "ZZ2 3CC"},
        {"Quillby family (demo)",
         "practitioner2@signs.example.org",
         {{"Isla", "Quillby", 5400, "F", "Seeing my brother every week"}},
         {{L::ChildProtection, 700, "Conference agreed a plan after a police call-out",
           domain::CpCategory::Emotional, ""},
          {L::CaredFor, 400, "Court made an interim care order", {}, "ico"},
          {L::CaredFor, 150, "Final hearing: care order made", {}, "co"}},
         {{"Ann", "Hollins", "foster-carer", false, true, true, "01632 960 401"}},
         "5 Beacon Lane\nDemo Village",
         "ZZ3 4DD"},
        {"Marchbank family (demo)",
         "practitioner@signs.example.org",
         {{"Dylan", "Marchbank", 6800, "M", "Getting my own flat and an apprenticeship", "LD,CON"}},
         {{L::CaredFor, 1500, "Accommodated with his mother's agreement", {}, "s20"},
          {L::CareLeaver, 60, "Turned 18; pathway plan in place", {}, ""}},
         {{"Chris", "Marchbank", "mother", true, false, true, "01632 960 501"}},
         "Room 4, Station House\nDemo Town",
         "ZZ2 5EE"},
        {"Oldcastle family (demo)",
         "practitioner@signs.example.org",
         {{"Finn", "Oldcastle", 3100, "M", "Playing the drums with my uncle"}},
         {{L::ChildInNeed, 250, "School worried that Finn comes in hungry and withdrawn", {}, ""},
          {L::EarlyHelp,
           100,
           "Assessment found that early help would meet the family's needs",
           {},
           ""}},
         {{"Gemma", "Oldcastle", "mother", true, true, true, "01632 960 701"}},
         "14 Fern Close\nDemo Town",
         "ZZ2 7GG"},
        {"Ashcombe family (demo)",
         "manager@signs.example.org",
         {{"Poppy", "Ashcombe", 2200, "F", ""}},
         {{L::EarlyHelp, 10, "Family asked the school for help with routines", {}, ""}},
         {{"Mel", "Ashcombe", "mother", true, true, true, "01632 960 601"}},
         "8 Orchard Way\nDemo Town",
         "ZZ1 6FF"},
    };
    return families;
}

const std::vector<DemoContact>& demo_contacts() {
    static const std::vector<DemoContact> contacts = {
        {"Fennimore family (demo)", 0, "Ms Rowe (demo)", "Head of year",
         "Toby said his dad shouted and threw a plate last night; he did not want to go home.",
         "Toby's dad comes to every parents' evening.", 4, "", ""},
        {"Ashcombe family (demo)", 12, "Mr Patel (demo)", "Class teacher",
         "Poppy is often late and tired, and mornings seem chaotic.",
         "Poppy's mum asked us for help herself.", 7, "early-help",
         "The family want support with routines; early help fits."},
    };
    return contacts;
}

/// Links the family's adults to every child: the first child gets new people, the others
/// the same people, as a worker does for brothers and sisters.
std::vector<std::int64_t> add_demo_network(CaseworkService& casework, const Actor& actor,
                                           const DemoFamily& family,
                                           const std::vector<std::int64_t>& ids) {
    std::vector<std::int64_t> people;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (std::size_t a = 0; a < family.adults.size(); ++a) {
            const auto& adult = family.adults[a];
            auto yes = [](bool b) { return std::string{b ? "yes" : "no"}; };
            domain::NetworkMemberForm form{adult.first,
                                           adult.last,
                                           adult.relationship,
                                           yes(adult.parental_responsibility),
                                           yes(adult.lives_with_child),
                                           yes(adult.safety_network),
                                           adult.phone,
                                           "",
                                           ""};
            auto existing = i == 0 ? std::nullopt : std::optional<std::int64_t>{people[a]};
            auto linked = casework.add_network_member(actor, ids[i], form, existing);
            if (!linked)
                throw core::Fault(core::ErrorKind::Internal,
                                  "demo network member rejected: " + linked.error().message);
            if (i == 0) people.push_back(*linked);
        }
    }
    return people;
}

/// A first mapping for the Carter family, agreed, and its review a month later, so that the
/// mapping pages and the picture over time have something to show.
/// Returns the agreed first mapping.
std::int64_t add_demo_mapping(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                              const Actor& actor, std::int64_t case_id, std::int64_t child_id) {
    MappingService mappings{db, clock, audit};
    auto held = core::london_date(clock.now()).plus_days(-35);
    auto held_parts = held.parts();
    auto first = demo_ok(mappings.start(actor, case_id,
                                        {held_parts.day,
                                         held_parts.month,
                                         held_parts.year,
                                         "first-assessment",
                                         {std::to_string(child_id)},
                                         ""}),
                         "mapping");
    auto dana =
        demo_ok(mappings.add_participant(actor, first, {"Dana Carter", "parent", "in-person", ""}),
                "participant");
    auto pat =
        demo_ok(mappings.add_participant(actor, first, {"Pat Carter", "network", "remote", ""}),
                "participant");
    auto nursery =
        demo_ok(mappings.add_participant(actor, first,
                                         {"Sam Okoro (nursery)", "professional", "written", ""}),
                "participant");
    auto id = [](std::int64_t n) { return std::to_string(n); };
    demo_ok(mappings.add_entry(actor, first,
                               {"harm",
                                "Maya arrived at nursery hungry and very tired on four "
                                "mornings in October",
                                id(nursery), "", ""}),
            "entry");
    auto statement = demo_ok(
        mappings.add_entry(actor, first,
                           {"danger-statement",
                            "The nursery and the social worker are worried that when Dana is "
                            "low she stays in bed, and Maya goes without breakfast and sleep, "
                            "and could fall behind and feel alone.",
                            "agency", "", ""}),
        "entry");
    demo_ok(mappings.add_entry(
                actor, first, {"strength", "Dana reads Maya a story most nights", id(pat), "", ""}),
            "entry");
    demo_ok(mappings.add_entry(actor, first,
                               {"existing-safety",
                                "When Dana has been unwell before, she rang Pat, who came round "
                                "and took Maya to nursery",
                                id(dana), "", ""}),
            "entry");
    demo_ok(mappings.add_entry(actor, first,
                               {"safety-goal",
                                "Dana, Pat and the nursery will make sure Maya has breakfast and "
                                "gets to nursery on time every day, so that Maya feels looked "
                                "after and ready to play.",
                                "agency", id(statement), ""}),
            "entry");
    demo_ok(mappings.add_entry(
                actor, first,
                {"next-step", "Pat to ring Dana at 8am on weekdays for a month", id(pat), "", ""}),
            "entry");
    demo_ok(mappings.add_entry(
                actor, first,
                {"grey-area", "Whether Dana's GP knows how low she has been", "agency", "", ""}),
            "entry");
    for (auto [who, value] : {std::pair{dana, "6"}, {pat, "4"}, {nursery, "3"}})
        demo_ok(mappings.put_score(actor, first, {id(who), value, "", "", ""}), "score");
    demo_ok(mappings.put_score(actor, first, {id(nursery), "3", "", "", id(statement)}), "score");
    auto view = demo_ok(mappings.view(actor, first), "mapping view");
    demo_ok(mappings.set_status(actor, first, "agreed", view.record.version), "status");

    auto review = demo_ok(mappings.start_review(actor, first), "review");
    auto carried = demo_ok(mappings.view(actor, review), "review view");
    for (const auto& e : carried.entries) {
        domain::EntryForm form{e.category, e.text, e.said_by ? id(*e.said_by) : "agency",
                               e.answers ? id(*e.answers) : "", "still-true"};
        demo_ok(mappings.update_entry(actor, e.id, form, e.version), "review mark");
    }
    for (const auto& p : carried.participants) {
        auto value = p.name == "Dana Carter" ? "7" : p.name == "Pat Carter" ? "6" : "5";
        demo_ok(mappings.put_score(actor, review, {id(p.id), value, "", "", ""}), "score");
    }
    return first;
}

/// Builds the families through the same service functions a worker would use.
void load_demo_families(store::Database& db, const core::Clock& clock, CalendarService& calendars,
                        const std::filesystem::path& resources) {
    AuditWriter audit{db, clock};
    auto codes = load_census_codes(resources);
    CaseworkService casework{db, clock, audit, codes};
    ChildRecordService records{db, clock, audit, codes};
    ContactService contacts{db, clock, audit, calendars, codes};
    std::map<std::string, std::pair<std::int64_t, Actor>> first_child;
    std::map<std::string, std::int64_t> case_ids;
    std::map<std::string, DemoCase> made;
    auto today = core::london_date(clock.now());
    auto calendar = calendars.current();
    // A child protection plan begins at a conference, held on a working day.
    auto step_day = [&](const DemoStep& step) {
        return step.level == domain::ServiceLevel::ChildProtection
                   ? demo_working_day(*calendar, today, step.days_ago)
                   : today.plus_days(-step.days_ago);
    };
    for (const auto& family : demo_families()) {
        auto worker = [&] {
            auto lease = db.lease();
            return store::users::find_by_email(lease.sql(), family.worker_email);
        }();
        Actor actor{worker, {"demo-data", "demo-data"}};
        std::vector<std::int64_t> ids;
        for (const auto& child : family.children) {
            auto born = today.plus_days(-child.age_in_days);
            bool unborn = child.age_in_days < 0;
            auto [day, month, year] = born.parts();
            domain::ChildForm form;
            form.first_name = child.first;
            form.last_name = child.last;
            form.unborn = unborn ? "yes" : "";
            (unborn ? form.due_day : form.dob_day) = day;
            (unborn ? form.due_month : form.dob_month) = month;
            (unborn ? form.due_year : form.dob_year) = year;
            form.sex = child.sex;
            form.ethnicity = "NOBT";
            form.first_language = "English";
            form.interpreter = "no";
            form.what_matters = child.what_matters;
            form.disabilities = domain::split_codes(child.disabilities);
            // Children of school age have a unique pupil number, from a demo school in the
            // council's area (895), with its check letter worked out as a school's would be.
            if (child.age_in_days >= 6 * 365) {
                auto serial = std::to_string(100 + ids.size() + 10 * first_child.size());
                std::string upn = "?8952001" + std::string{"26"} + serial;
                upn[0] = domain::upn_check_letter(upn);
                form.upn = upn;
            }
            auto added = casework.add_child(actor, form, true);
            if (!added || !added->child_id) {
                throw core::Fault(core::ErrorKind::Internal,
                                  "demo child rejected: " +
                                      (added ? std::string{"lookalike"} : added.error().message));
            }
            ids.push_back(*added->child_id);
        }
        const auto& first = family.steps.front();
        domain::LevelChange start{first.level, step_day(first), first.reason, first.category,
                                  first.legal_status};
        auto case_id = casework.open_case(actor, {family.family_name, ids, start});
        if (!case_id)
            throw core::Fault(core::ErrorKind::Internal,
                              "demo case rejected: " + case_id.error().message);
        for (std::size_t i = 1; i < family.steps.size(); ++i) {
            const auto& step = family.steps[i];
            for (auto child_id : ids) {
                auto changed = casework.change_level(
                    actor, *case_id, child_id,
                    {step.level, step_day(step), step.reason, step.category, step.legal_status});
                if (!changed)
                    throw core::Fault(core::ErrorKind::Internal,
                                      "demo level rejected: " + changed.error().message);
            }
        }
        auto people = add_demo_network(casework, actor, family, ids);
        for (auto id : ids) {
            auto moved = today.plus_days(-300).parts();
            auto added = records.add_address(
                actor, id, {family.address, family.postcode, moved.day, moved.month, moved.year});
            if (!added)
                throw core::Fault(core::ErrorKind::Internal,
                                  "demo address rejected: " + added.error().message);
        }
        auto lease = db.lease();
        store::cases::mark_demo(lease.sql(), *case_id);
        for (auto id : ids) store::children::mark_demo(lease.sql(), id);
        for (auto id : people) store::network::mark_demo_person(lease.sql(), id);
        first_child[family.family_name] = {ids.front(), actor};
        case_ids[family.family_name] = *case_id;
        made[family.family_name] = {*case_id, ids, actor};
    }
    for (const auto& c : demo_contacts()) {
        const auto& [child_id, actor] = first_child.at(c.family_name);
        auto received = clock.now() - std::chrono::days{c.days_ago} - std::chrono::hours{1};
        auto day = core::london_date(received).parts();
        auto time = core::london_clock(received);
        domain::ContactForm form{day.day,
                                 day.month,
                                 day.year,
                                 std::to_string(time.hour),
                                 std::to_string(time.minute),
                                 "phone",
                                 c.referrer_name,
                                 c.referrer_role,
                                 "",
                                 "",
                                 c.worried,
                                 c.working_well,
                                 "",
                                 std::to_string(c.scale)};
        auto id = contacts.record(actor, child_id, form);
        if (!id)
            throw core::Fault(core::ErrorKind::Internal,
                              "demo contact rejected: " + id.error().message);
        if (*c.decision) {
            auto decided = contacts.decide(actor, *id, {c.decision, c.reason}, 1);
            if (!decided)
                throw core::Fault(core::ErrorKind::Internal,
                                  "demo decision rejected: " + decided.error().message);
        }
        auto lease = db.lease();
        store::contacts::mark_demo(lease.sql(), *id);
    }
    const auto& [carter_child, carter_worker] = first_child.at("Carter family (demo)");
    auto carter_case = case_ids.at("Carter family (demo)");
    auto agreed = add_demo_mapping(db, clock, audit, carter_worker, carter_case, carter_child);
    add_demo_practice(db, clock, audit, carter_worker, carter_case, carter_child, agreed,
                      load_glossary(resources).terms());
    const auto& [ruby, ruby_worker] = first_child.at("Brightwater family (demo)");
    add_demo_alert(db, clock, audit, ruby_worker, case_ids.at("Brightwater family (demo)"), ruby);
    add_demo_census(db, clock, audit, calendars, codes, made);
}

core::Result<DemoDataResult> load_demo_staff(store::Database& db, const core::Clock& clock) {
    auto lease = db.lease();
    store::Transaction tx{lease};
    if (store::users::count(lease.sql()) > 0) {
        return core::fail(
            core::ErrorKind::Conflict,
            "demo data goes only into a new database, and this one already has users");
    }
    DemoDataResult result{"admin@signs.example.org", "practitioner@signs.example.org",
                          "manager@signs.example.org", core::random_token(12)};
    auto now = core::to_storage(clock.now());
    for (const auto& person : kPeople) {
        store::UserRecord user;
        user.email = person.email;
        user.name = person.name;
        user.role = person.role;
        user.is_demo = true;
        user.created_at = now;
        // One password for every demo account, so a newcomer can try each role.
        user.password_hash = core::hash_password(result.password);
        if (*person.team) {
            user.team_id = store::users::find_or_create_team(lease.sql(), person.team, true);
        }
        user.id = store::users::insert(lease.sql(), user);
        if (*person.also_leads) {
            auto led = store::users::find_or_create_team(lease.sql(), person.also_leads, true);
            store::users::set_led_teams(lease.sql(), user.id, {led}, user.version);
        }
    }
    record_audit(lease.sql(), clock, Actor::system("demo-data"),
                 {"demo-data-load", "", "", "fictional teams and staff"});
    tx.commit();
    return result;
}

}  // namespace

core::Result<DemoDataResult> load_demo_data(store::Database& db, const core::Clock& clock,
                                            CalendarService& calendars,
                                            const std::filesystem::path& resources) {
    auto result = load_demo_staff(db, clock);
    if (result) {
        load_demo_families(db, clock, calendars, resources);
        load_demo_training(db, clock);
        load_demo_guidance(db, clock, resources / "data" / "guidance");
    }
    return result;
}

}  // namespace signs::service
