#include "service/demo_data.hpp"

#include <array>
#include <vector>

#include "core/crypto.hpp"
#include "core/london_time.hpp"
#include "service/actor.hpp"
#include "service/audit_service.hpp"
#include "service/audit_writer.hpp"
#include "service/casework_service.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

struct DemoPerson {
    const char* email;
    const char* name;
    domain::Role role;
    const char* team;
};

// Invented names at the reserved example.org domain.
constexpr std::array<DemoPerson, 6> kPeople = {{
    {"practitioner@signs.example.org", "Jordan Pemberton (demo)", domain::Role::Practitioner,
     "Riverside Family Help Team"},
    {"practitioner2@signs.example.org", "Alex Marlowe (demo)", domain::Role::Practitioner,
     "Northgate Child Protection Team"},
    {"manager@signs.example.org", "Robin Ashdown (demo)", domain::Role::TeamManager,
     "Riverside Family Help Team"},
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
    const char* gender;
    const char* what_matters;
};

struct DemoStep {
    domain::ServiceLevel level;
    int days_ago;
    const char* reason;
    std::optional<domain::CpCategory> category;
    const char* legal_status;
};

struct DemoFamily {
    const char* family_name;
    const char* worker_email;
    std::vector<DemoChild> children;
    std::vector<DemoStep> steps;  ///< the first opens the case
};

// Invented families: none of these people exist.
const std::vector<DemoFamily>& demo_families() {
    using L = domain::ServiceLevel;
    static const std::vector<DemoFamily> families = {
        {"Carter family (demo)",
         "practitioner@signs.example.org",
         {{"Maya", "Carter", 2600, "2", "My rabbit Biscuit and going to the park with Nan"},
          {"Leo", "Carter", 1400, "1", ""}},
         {{L::EarlyHelp, 200, "Nursery worried about Maya's tiredness and missed sessions", {}, ""},
          {L::ChildInNeed,
           40,
           "Assessment found needs the family cannot meet on their own",
           {},
           ""}}},
        {"Brightwater family (demo)",
         "practitioner2@signs.example.org",
         {{"Ruby", "Brightwater", 3300, "2", "Mum being happy and my friend Zara"},
          {"Baby", "Brightwater", -90, "0", ""}},
         {{L::ChildInNeed, 300, "Health visitor concerned about home conditions", {}, ""},
          {L::ChildProtection, 120, "Initial conference agreed a child protection plan",
           domain::CpCategory::Neglect, ""}}},
        {"Fennimore family (demo)",
         "practitioner@signs.example.org",
         {{"Toby", "Fennimore", 4300, "1", "Football on Saturdays"}},
         {{L::ChildInNeed, 90, "School raised worries about Toby's behaviour at home", {}, ""}}},
        {"Quillby family (demo)",
         "practitioner2@signs.example.org",
         {{"Isla", "Quillby", 5400, "2", "Seeing my brother every week"}},
         {{L::ChildProtection, 700, "Conference agreed a plan after a police call-out",
           domain::CpCategory::Emotional, ""},
          {L::CaredFor, 400, "Court made an interim care order", {}, "ico"},
          {L::CaredFor, 150, "Final hearing: care order made", {}, "co"}}},
        {"Marchbank family (demo)",
         "practitioner@signs.example.org",
         {{"Dylan", "Marchbank", 6800, "1", "Getting my own flat and an apprenticeship"}},
         {{L::CaredFor, 1500, "Accommodated with his mother's agreement", {}, "s20"},
          {L::CareLeaver, 60, "Turned 18; pathway plan in place", {}, ""}}},
        {"Ashcombe family (demo)",
         "manager@signs.example.org",
         {{"Poppy", "Ashcombe", 2200, "2", ""}},
         {{L::EarlyHelp, 10, "Family asked the school for help with routines", {}, ""}}},
    };
    return families;
}

std::string date_parts_day(core::CivilDate date) {
    return std::to_string(static_cast<unsigned>(date.ymd().day()));
}

/// Builds the families through the same service functions a worker would use.
void load_demo_families(store::Database& db, const core::Clock& clock) {
    AuditWriter audit{db, clock};
    CaseworkService casework{db, clock, audit};
    auto today = core::london_date(clock.now());
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
            auto day = date_parts_day(born);
            auto month = std::to_string(static_cast<unsigned>(born.ymd().month()));
            auto year = std::to_string(static_cast<int>(born.ymd().year()));
            domain::ChildForm form{child.first,
                                   child.last,
                                   "",
                                   unborn ? "yes" : "",
                                   unborn ? "" : day,
                                   unborn ? "" : month,
                                   unborn ? "" : year,
                                   unborn ? day : "",
                                   unborn ? month : "",
                                   unborn ? year : "",
                                   child.gender,
                                   "NOBT",
                                   {},
                                   "English",
                                   "no",
                                   "",
                                   "",
                                   "",
                                   child.what_matters};
            auto added = casework.add_child(actor, form, true);
            if (!added || !added->child_id) {
                throw core::Fault(core::ErrorKind::Internal,
                                  "demo child rejected: " +
                                      (added ? std::string{"lookalike"} : added.error().message));
            }
            ids.push_back(*added->child_id);
        }
        const auto& first = family.steps.front();
        domain::LevelChange start{first.level, today.plus_days(-first.days_ago), first.reason,
                                  first.category, first.legal_status};
        auto case_id = casework.open_case(actor, {family.family_name, ids, start});
        if (!case_id)
            throw core::Fault(core::ErrorKind::Internal,
                              "demo case rejected: " + case_id.error().message);
        for (std::size_t i = 1; i < family.steps.size(); ++i) {
            const auto& step = family.steps[i];
            for (auto child_id : ids) {
                auto changed =
                    casework.change_level(actor, *case_id, child_id,
                                          {step.level, today.plus_days(-step.days_ago), step.reason,
                                           step.category, step.legal_status});
                if (!changed)
                    throw core::Fault(core::ErrorKind::Internal,
                                      "demo level rejected: " + changed.error().message);
            }
        }
        auto lease = db.lease();
        store::cases::mark_demo(lease.sql(), *case_id);
        for (auto id : ids) store::children::mark_demo(lease.sql(), id);
    }
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
    }
    record_audit(lease.sql(), clock, Actor::system("demo-data"),
                 {"demo-data-load", "", "", "fictional teams and staff"});
    tx.commit();
    return result;
}

}  // namespace

core::Result<DemoDataResult> load_demo_data(store::Database& db, const core::Clock& clock) {
    auto result = load_demo_staff(db, clock);
    if (result) load_demo_families(db, clock);
    return result;
}

}  // namespace signs::service
