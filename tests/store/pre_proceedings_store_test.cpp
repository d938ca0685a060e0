// Pre-proceedings on both engines: stored and read back with their children, one going on
// per case however many people begin them at once, a change made on a stale page refused,
// and the census block that follows from them and the case's meetings.
#include <libxml/parser.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "core/london_time.hpp"
#include "service/cin_census.hpp"
#include "service/cin_episodes.hpp"
#include "service/data_files.hpp"
#include "service/deadline_service.hpp"
#include "service/pre_proceedings_service.hpp"
#include "store/case_repository.hpp"
#include "store/pre_proceedings_repository.hpp"
#include "store/store_error.hpp"
#include "store/store_fixture.hpp"
#include "store/user_repository.hpp"

namespace signs::testing {
namespace {

template <class Engine>
class PreProceedingsStore : public StoreTest<Engine> {
  protected:
    domain::CensusCodes codes = service::load_census_codes(SIGNS_RESOURCES_DIR);
    domain::WorkingCalendar calendar = service::load_working_calendar(SIGNS_RESOURCES_DIR);
    core::ManualClock clock{*core::from_storage("2026-12-04T10:00:00.000000Z")};
    std::optional<service::AuditWriter> audit;
    std::optional<service::PreProceedingsService> pre;
    store::UserRecord worker;
    CaseWithChild made;

    /// A worker allocated a case whose child is on a child protection plan.
    void SetUp() override {
        StoreTest<Engine>::SetUp();
        if (this->IsSkipped() || this->HasFatalFailure()) return;
        audit.emplace(this->db(), clock);
        pre.emplace(this->db(), clock, *audit, codes.pre_proceedings_outcome);
        auto lease = this->db().lease();
        auto& sql = lease.sql();
        made = a_case_with_child(sql);
        worker = a_worker_allocated(sql, made);
        store::cases::add_level_period(sql, {0,
                                             made.case_id,
                                             made.child_id,
                                             "child-protection",
                                             "2026-11-02",
                                             "",
                                             "Conference",
                                             "NEG",
                                             "",
                                             {},
                                             "t"});
        service::open_episode_for_referral(sql, made.child_id, {}, "2026-11-01", "6", {}, "t");
    }

    service::Actor actor() const { return {worker, {"127.0.0.1", "test"}}; }

    domain::PreProceedingsForm form(const std::string& started_day) const {
        domain::PreProceedingsForm f;
        f.child_ids = {std::to_string(made.child_id)};
        f.started = {started_day, "11", "2026"};
        return f;
    }

    void held_meeting(const std::string& type, const std::string& on, const std::string& uid) {
        auto lease = this->db().lease();
        a_held_meeting(lease.sql(), made, type, on, uid);
    }
};

TYPED_TEST_SUITE(PreProceedingsStore, Engines, EngineNames);

TYPED_TEST(PreProceedingsStore, StoredAndReadBackWithTheirChildren) {
    auto lease = this->db().lease();
    auto& sql = lease.sql();
    auto second = a_case_with_child(sql, "Quillby");
    store::cases::add_child(sql, this->made.case_id, second.child_id);
    store::PreProceedingsRecord r;
    r.case_id = this->made.case_id;
    r.children = {second.child_id, this->made.child_id};
    std::sort(r.children.begin(), r.children.end());
    r.started_on = "2026-11-05";
    r.recorded_at = "t";
    auto id = store::pre_proceedings::insert(sql, r);
    auto found = store::pre_proceedings::find(sql, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->children, r.children);
    EXPECT_TRUE(found->letter_sent_on.empty());
    EXPECT_TRUE(found->decided_on.empty());

    // Brought up to date: the letter, the offer, the decision; one child only now.
    auto changed = *found;
    changed.children = {this->made.child_id};
    changed.letter_sent_on = "2026-11-06";
    changed.family_meeting_offered = "yes";
    changed.family_meeting_accepted = "yes";
    changed.decided_on = "2026-12-01";
    changed.outcome = "B";
    EXPECT_TRUE(store::pre_proceedings::update(sql, changed, 1));
    EXPECT_FALSE(store::pre_proceedings::update(sql, changed, 1));  // stale
    auto now = store::pre_proceedings::for_case(sql, this->made.case_id);
    ASSERT_EQ(now.size(), 1u);
    EXPECT_EQ(now[0].children, (std::vector<std::int64_t>{this->made.child_id}));
    EXPECT_EQ(now[0].outcome, "B");
    EXPECT_EQ(now[0].version, 2);

    // Decided, so new ones may begin; but only one going on at a time.
    r.started_on = "2026-12-02";
    store::pre_proceedings::insert(sql, r);
    try {
        store::pre_proceedings::insert(sql, r);
        ADD_FAILURE() << "a second going on was stored";
    } catch (const store::StoreFault& fault) {
        EXPECT_EQ(fault.store_kind(), store::StoreErrorKind::Unique);
    }
}

TYPED_TEST(PreProceedingsStore, BegunAtOnceOnlyOneGoesOn) {
    std::vector<std::thread> threads;
    std::atomic<int> begun{0}, refused{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            auto result = this->pre->start(this->actor(), this->made.case_id,
                                           this->form(std::to_string(3 + t)));
            if (result)
                ++begun;
            else if (result.error().kind == core::ErrorKind::Conflict)
                ++refused;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(begun.load(), 1);
    EXPECT_EQ(refused.load(), 3);
    auto lease = this->db().lease();
    EXPECT_EQ(store::pre_proceedings::for_case(lease.sql(), this->made.case_id).size(), 1u);
}

TYPED_TEST(PreProceedingsStore, TwoChangesFromOnePageSaveOne) {
    auto id = this->pre->start(this->actor(), this->made.case_id, this->form("5"));
    ASSERT_TRUE(id);
    std::vector<std::thread> threads;
    std::atomic<int> saved{0}, stale{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            auto f = this->form("5");
            f.letter_sent = {std::to_string(6 + t), "11", "2026"};
            f.family_meeting_offered = "yes";
            auto result = this->pre->update(this->actor(), this->made.case_id, *id, f, 1);
            if (result)
                ++saved;
            else if (result.error().kind == core::ErrorKind::Stale)
                ++stale;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(saved.load(), 1);
    EXPECT_EQ(stale.load(), 3);
}

TYPED_TEST(PreProceedingsStore, BadAnswersChangeNothing) {
    auto bad = this->form("5");
    bad.outcome = "Z";
    auto refused = this->pre->start(this->actor(), this->made.case_id, bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, core::ErrorKind::Invalid);
    auto lease = this->db().lease();
    EXPECT_TRUE(store::pre_proceedings::for_case(lease.sql(), this->made.case_id).empty());
}

TYPED_TEST(PreProceedingsStore, TheCensusSendsTheBlockWithTheCasesMeetings) {
    auto f = this->form("5");
    f.letter_sent = {"6", "11", "2026"};
    f.family_meeting_offered = "yes";
    f.family_meeting_accepted = "yes";
    ASSERT_TRUE(this->pre->start(this->actor(), this->made.case_id, f));
    this->held_meeting("pre-proceedings", "2026-11-16", "uid-1");
    this->held_meeting("family-group-decision", "2026-11-20", "uid-2");
    this->held_meeting("pre-proceedings", "2026-12-01", "uid-3");

    auto census = service::build_cin_census(this->db(), *domain::CensusYear::parse("2026-27"),
                                            this->codes, this->calendar);
    ASSERT_EQ(census.children.size(), 1u);
    ASSERT_EQ(census.children[0].episodes.size(), 1u);
    ASSERT_EQ(census.children[0].episodes[0].pre_proceedings.size(), 1u);
    const auto& block = census.children[0].episodes[0].pre_proceedings[0];
    EXPECT_EQ(block.start->iso(), "2026-11-05");
    EXPECT_EQ(block.family_meeting_held, true);
    EXPECT_EQ(block.initial_meeting->iso(), "2026-11-16");
    EXPECT_EQ(block.review_meetings, 1);
    for (const auto& finding : census.findings) {
        EXPECT_NE(finding.rule->place, domain::RulePlace::PreProceedings) << finding.rule->number;
    }

    std::ostringstream xml;
    service::write_cin_census_xml(census, {"895", "test", "001", "2026-12-04T10:00:00"}, xml);
    auto text = xml.str();
    auto* doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "census.xml", nullptr,
                              XML_PARSE_NONET);
    ASSERT_NE(doc, nullptr) << text;
    xmlFreeDoc(doc);
    // The block's items, in the specification's order.
    std::size_t at = text.find("<PreProceedingsandFGDM>");
    ASSERT_NE(at, std::string::npos) << text;
    for (const auto* item :
         {"<PPStartDate>2026-11-05</PPStartDate>", "<LBPSentDate>2026-11-06</LBPSentDate>",
          "<FGDMMeetingOffer>1</FGDMMeetingOffer>", "<FGDMMeetingFac>1</FGDMMeetingFac>",
          "<InitialPPMeetingDate>2026-11-16</InitialPPMeetingDate>",
          "<ReviewMeetingsCount>1</ReviewMeetingsCount>", "</PreProceedingsandFGDM>"}) {
        auto next = text.find(item, at);
        EXPECT_NE(next, std::string::npos) << item << " after " << at;
        if (next != std::string::npos) at = next;
    }
    EXPECT_LT(text.find("</ChildProtectionPlans>"), text.find("<PreProceedingsandFGDM>"));
}

TYPED_TEST(PreProceedingsStore, TheirClocksReachTheDueLists) {
    auto f = this->form("5");
    ASSERT_TRUE(this->pre->start(this->actor(), this->made.case_id, f));
    auto rules = [&] {
        auto lease = this->db().lease();
        auto events = service::case_events(lease.sql(), this->made.case_id,
                                           core::london_date(this->clock.now()));
        std::set<std::string> out;
        for (const auto& d : domain::outstanding_deadlines(events, this->calendar))
            out.insert(std::string{d.rule.code});
        return out;
    };
    EXPECT_TRUE(rules().count("letter-before-proceedings"));
    EXPECT_TRUE(rules().count("pre-proceedings-decision"));
    std::int64_t id = 0;
    {
        auto lease = this->db().lease();
        id = store::pre_proceedings::for_case(lease.sql(), this->made.case_id)[0].id;
    }
    f.letter_sent = {"6", "11", "2026"};
    f.family_meeting_offered = "yes";
    f.family_meeting_accepted = "yes";
    ASSERT_TRUE(this->pre->update(this->actor(), this->made.case_id, id, f, 1));
    EXPECT_FALSE(rules().count("letter-before-proceedings"));
    EXPECT_TRUE(rules().count("initial-pre-proceedings-meeting"));
    EXPECT_TRUE(rules().count("family-group-meeting"));
    this->held_meeting("family-group-decision", "2026-11-20", "uid-9");
    EXPECT_FALSE(rules().count("family-group-meeting"));
    f.outcome = "B";
    f.decided = {"1", "12", "2026"};
    ASSERT_TRUE(this->pre->update(this->actor(), this->made.case_id, id, f, 2));
    EXPECT_FALSE(rules().count("pre-proceedings-decision"));
    EXPECT_FALSE(rules().count("initial-pre-proceedings-meeting"));
}

}  // namespace
}  // namespace signs::testing
