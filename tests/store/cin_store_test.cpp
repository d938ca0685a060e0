// Census episodes and assessments on both engines: what the census reads for a year, one
// episode going on per child however many referrals arrive at once, and the census XML.
#include <libxml/parser.h>

#include <sstream>
#include <thread>

#include "core/london_time.hpp"
#include "service/census_record_service.hpp"
#include "service/cin_census.hpp"
#include "service/cin_episodes.hpp"
#include "service/data_files.hpp"
#include "store/case_repository.hpp"
#include "store/cin_repository.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class CinStore : public StoreTest<Engine> {
  protected:
    domain::CensusCodes codes = service::load_census_codes(SIGNS_RESOURCES_DIR);
    domain::WorkingCalendar calendar = service::load_working_calendar(SIGNS_RESOURCES_DIR);

    std::int64_t count_open(std::int64_t child) {
        auto lease = this->db().lease();
        int n = 0;
        long long key = child;
        lease.sql() << "SELECT COUNT(*) FROM cin_episodes WHERE child_id = :c AND closed_on IS "
                       "NULL",
            soci::use(key), soci::into(n);
        return n;
    }
};

TYPED_TEST_SUITE(CinStore, Engines, EngineNames);

/// Moves the child to a level as the case pages do: the period, then the episode.
void move(soci::session& sql, const CaseWithChild& made, const std::string& from,
          const std::string& to, const std::string& on) {
    if (!from.empty()) store::cases::end_current_period(sql, made.case_id, made.child_id, on);
    store::cases::add_level_period(sql, {0,
                                         made.case_id,
                                         made.child_id,
                                         to,
                                         on,
                                         "",
                                         "Moved",
                                         to == "child-protection" ? "NEG" : "",
                                         "",
                                         {},
                                         "t"});
    service::follow_level(sql, made.child_id, from, to, on, {}, "t");
}

TYPED_TEST(CinStore, LevelsOpenAndCloseEpisodes) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto made = a_case_with_child(sql);
    move(sql, made, "", "early-help", "2026-05-01");
    EXPECT_TRUE(store::cin::episodes_for_child(sql, made.child_id).empty());
    move(sql, made, "early-help", "child-in-need", "2026-06-01");
    move(sql, made, "child-in-need", "child-protection", "2026-07-01");
    auto episodes = store::cin::episodes_for_child(sql, made.child_id);
    ASSERT_EQ(episodes.size(), 1u);
    EXPECT_EQ(episodes[0].referral_date, "2026-06-01");
    EXPECT_EQ(episodes[0].referral_source, "5D");  // from early help
    // Stepping down to early help after assessment alone closes it as RC9.
    move(sql, made, "child-protection", "early-help", "2026-08-01");
    episodes = store::cin::episodes_for_child(sql, made.child_id);
    EXPECT_EQ(episodes[0].closed_on, "2026-08-01");
    EXPECT_EQ(episodes[0].closure_reason, "RC7");  // it had a protection plan: not RC9
    // A later referral opens a new episode, which the case's closure then closes.
    move(sql, made, "early-help", "child-in-need", "2026-09-01");
    // Closing the child's part: the level ends, then the episode.
    store::cases::end_current_period(sql, made.case_id, made.child_id, "2026-10-01");
    service::close_episode_with_case(sql, made.child_id, "2026-10-01", "RC4");
    episodes = store::cin::episodes_for_child(sql, made.child_id);
    ASSERT_EQ(episodes.size(), 2u);
    EXPECT_EQ(episodes[1].closed_on, "2026-10-01");
    EXPECT_EQ(episodes[1].closure_reason, "RC4");
    // Assessed and referred on to early help with no plan: RC9.
    auto other = a_case_with_child(sql, "Quillby");
    move(sql, other, "", "child-in-need", "2026-06-01");
    move(sql, other, "child-in-need", "early-help", "2026-07-01");
    EXPECT_EQ(store::cin::episodes_for_child(sql, other.child_id)[0].closure_reason, "RC9");
}

TYPED_TEST(CinStore, TheDatabaseRefusesASecondEpisodeGoingOn) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto made = a_case_with_child(sql);
    store::EpisodeRecord e;
    e.child_id = made.child_id;
    e.referral_date = "2026-06-01";
    e.recorded_at = "t";
    store::cin::insert_episode(sql, e);
    try {
        store::cin::insert_episode(sql, e);
        ADD_FAILURE() << "a second open episode was stored";
    } catch (const store::StoreFault& fault) {
        EXPECT_EQ(fault.store_kind(), store::StoreErrorKind::Unique);
    }
    e.no_further_action = true;  // referrals with no further action may stay open together
    store::cin::insert_episode(sql, e);
    store::cin::insert_episode(sql, e);
}

TYPED_TEST(CinStore, ReferralsArrivingAtOnceOpenOneEpisode) {
    std::int64_t child = 0;
    {
        auto lease = this->db().lease();
        child = a_case_with_child(lease.sql()).child_id;
    }
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            try {
                auto lease = this->db().lease();
                store::Transaction tx{lease};
                if (t % 2)
                    service::follow_level(lease.sql(), child, "", "child-in-need", "2026-06-01", {},
                                          "t");
                else
                    service::open_episode_for_referral(lease.sql(), child, {}, "2026-06-01", "2A",
                                                       {}, "t");
                tx.commit();
            } catch (const std::exception&) {
                ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0) << "each waited for the one before instead of failing";
    EXPECT_EQ(this->count_open(child), 1);
}

TYPED_TEST(CinStore, AssessmentsStartedAtOnceLeaveOneOpen) {
    core::ManualClock clock{*core::from_storage("2026-11-26T10:00:00.000000Z")};
    service::AuditWriter audit{this->db(), clock};
    service::CensusRecordService records{this->db(), clock, audit, this->codes};
    store::UserRecord worker;
    std::int64_t child = 0, episode = 0;
    {
        auto lease = this->db().lease();
        auto& sql = lease.sql();
        auto made = a_case_with_child(sql);
        child = made.child_id;
        worker = a_worker_allocated(sql, made);
        service::follow_level(sql, child, "", "child-in-need", "2026-11-02", worker.id, "t");
        episode = store::cin::episodes_for_child(sql, child).front().id;
    }
    service::Actor actor{worker, {"127.0.0.1", "test"}};
    std::vector<std::thread> threads;
    std::atomic<int> started{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            if (records.start_assessment(actor, child, episode, {"20", "11", "2026"})) ++started;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(started.load(), 1);
    auto lease = this->db().lease();
    EXPECT_EQ(store::cin::assessments_for_child(lease.sql(), child).size(), 1u);
}

TYPED_TEST(CinStore, TheCensusReadsTheYearAndWritesWellFormedXml) {
    {
        auto lease = this->db().lease();
        auto& sql = lease.sql();
        auto inside = a_case_with_child(sql, "Carter");
        auto before = a_case_with_child(sql, "Quillby");
        store::cases::add_level_period(sql, {0,
                                             inside.case_id,
                                             inside.child_id,
                                             "child-protection",
                                             "2026-06-10",
                                             "",
                                             "Conference",
                                             "NEG",
                                             "",
                                             {},
                                             "t"});
        service::open_episode_for_referral(sql, inside.child_id, {}, "2026-05-20", "6", {}, "t");
        service::open_episode_for_referral(sql, before.child_id, {}, "2025-01-10", "2A", {}, "t");
        service::close_episode_with_case(sql, before.child_id, "2026-03-31", "RC7");
    }
    auto census = service::build_cin_census(this->db(), *domain::CensusYear::parse("2026-27"),
                                            this->codes, this->calendar);
    ASSERT_EQ(census.children.size(), 1u);
    const auto& child = census.children[0];
    EXPECT_EQ(child.la_child_id, std::to_string(child.record_id));
    ASSERT_EQ(child.episodes.size(), 1u);
    EXPECT_EQ(child.episodes[0].referral_source, "6");
    ASSERT_EQ(child.episodes[0].protection_plans.size(), 1u);
    EXPECT_EQ(child.episodes[0].protection_plans[0].initial_category, "NEG");
    // The plan has no conference: the rules say so.
    bool conference_missing = false;
    for (const auto& f : census.findings) conference_missing |= f.rule->number == "2885";
    EXPECT_TRUE(conference_missing);

    std::ostringstream xml;
    service::write_cin_census_xml(census, {"895", "test", "001", "2026-11-26T10:00:00"}, xml);
    auto text = xml.str();
    auto* doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "census.xml", nullptr,
                              XML_PARSE_NONET);
    ASSERT_NE(doc, nullptr) << text;
    xmlFreeDoc(doc);
    EXPECT_NE(text.find("<LEA>895</LEA>"), std::string::npos);
    EXPECT_NE(text.find("<ReferenceDate>2027-03-31</ReferenceDate>"), std::string::npos);
    EXPECT_NE(text.find("<ReferralNFA>0</ReferralNFA>"), std::string::npos);
    EXPECT_LT(text.find("</Section47>") == std::string::npos ? 0 : text.find("</Section47>"),
              text.find("<ReferralNFA>"));
    EXPECT_LT(text.find("<ReferralNFA>"), text.find("<ChildProtectionPlans>"));
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TYPED_TEST(CinStore, AnEnquiryEndsOnceAndTheCouncilsNumberIsVersioned) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto made = a_case_with_child(sql);
    auto meeting = a_held_meeting(sql, made, "strategy-discussion", "2026-11-20", "uid-1");
    auto enquiries = store::cin::enquiries_for_child(sql, made.child_id);
    ASSERT_EQ(enquiries.size(), 1u);
    EXPECT_EQ(enquiries[0].held_on, "2026-11-20");
    EXPECT_TRUE(enquiries[0].conference_on.empty());
    store::UserRecord user;
    user.email = "o@example.org";
    user.name = "Officer";
    user.role = domain::Role::PerformanceOfficer;
    user.password_hash = "x";
    user.created_at = "t";
    auto by = store::users::insert(sql, user);
    store::cin::record_no_conference(sql, meeting, "2026-11-24", by, "t");
    EXPECT_EQ(store::cin::enquiries_for_child(sql, made.child_id)[0].no_conference_on,
              "2026-11-24");
    try {
        store::cin::record_no_conference(sql, meeting, "2026-11-25", by, "t");
        ADD_FAILURE() << "an enquiry's outcome was recorded twice";
    } catch (const store::StoreFault& fault) {
        EXPECT_EQ(fault.store_kind(), store::StoreErrorKind::Unique);
    }

    auto settings = store::cin::return_settings(sql);
    EXPECT_EQ(settings.la_code, "");
    EXPECT_TRUE(store::cin::set_la_code(sql, "895", by, "t", settings.version));
    EXPECT_FALSE(store::cin::set_la_code(sql, "896", by, "t", settings.version));
    EXPECT_EQ(store::cin::return_settings(sql).la_code, "895");

    auto owners = store::cin::census_child_owners(sql, "2026-04-01", "2027-03-31");
    EXPECT_TRUE(owners.empty());  // no episode yet
    service::open_episode_for_referral(sql, made.child_id, {}, "2026-11-20", "6", {}, "t");
    owners = store::cin::census_child_owners(sql, "2026-04-01", "2027-03-31");
    ASSERT_EQ(owners.size(), 1u);
    EXPECT_FALSE(owners.begin()->second.team_id);  // the case has no team
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TYPED_TEST(CinStore, AnEpisodeStaysOpenWhileTheChildIsInSocialCareInAnotherCase) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto first = a_case_with_child(sql);
    move(sql, first, "", "child-in-need", "2026-06-01");
    // The same child in a second case, at child protection.
    CaseWithChild second{0, first.child_id};
    store::CaseRecord k;
    k.family_name = "Other family";
    k.opened_on = "2026-07-01";
    k.created_at = "t";
    second.case_id = store::cases::insert(sql, k);
    store::cases::add_child(sql, second.case_id, first.child_id);
    move(sql, second, "", "child-protection", "2026-07-01");
    store::cases::end_current_period(sql, first.case_id, first.child_id, "2026-08-01");
    service::close_episode_with_case(sql, first.child_id, "2026-08-01", "RC7");
    auto episodes = store::cin::episodes_for_child(sql, first.child_id);
    ASSERT_EQ(episodes.size(), 1u);
    EXPECT_TRUE(episodes[0].closed_on.empty());
}

}  // namespace
}  // namespace signs::testing
