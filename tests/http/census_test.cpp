// The census record on the child's page: a referral opens an episode, the worker records who
// made it and the need, an assessment starts, and a team manager authorises it.
#include <gtest/gtest.h>

#include "store/cin_repository.hpp"
#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

/// A child referred by their school on 26 November 2026, with the decision to assess.
struct Referred {
    std::int64_t child = 0;
    std::string census;  ///< the census page's path
    std::int64_t episode = 0;
};

Referred referred_child(TestServer& server, Browser& worker) {
    Referred r;
    r.child = add_child(worker, child_fields("Maya", "Carter"));
    auto contact = record_contact(worker, r.child, contact_fields());
    auto decided = worker.post("/contacts/" + std::to_string(contact) + "/decision",
                               {{"version", "1"},
                                {"decision", "assessment"},
                                {"reason", "Hunger on three days and no food at home"},
                                {"referral_source", "2A"}});
    EXPECT_EQ(decided.status, 303) << decided.body;
    r.census = "/children/" + std::to_string(r.child) + "/census";
    auto lease = server.db().lease();
    auto episodes = store::cin::episodes_for_child(lease.sql(), r.child);
    EXPECT_EQ(episodes.size(), 1u);
    if (!episodes.empty()) r.episode = episodes.front().id;
    return r;
}

store::EpisodeRecord episode_of(TestServer& server, std::int64_t id) {
    auto lease = server.db().lease();
    return *store::cin::find_episode(lease.sql(), id);
}

TEST(Census, AReferralOpensAnEpisodeWithWhoMadeIt) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto r = referred_child(server, worker);
    auto e = episode_of(server, r.episode);
    EXPECT_EQ(e.referral_date, "2026-11-26");
    EXPECT_EQ(e.referral_source, "2A");
    EXPECT_TRUE(e.closed_on.empty());

    auto page = worker.get(r.census);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Referral of 26 November 2026"));
    EXPECT_TRUE(has(page.body, "2A: School"));
    EXPECT_TRUE(has(page.body, "No assessment is recorded for this referral."));
    EXPECT_TRUE(has(worker.get("/children/" + std::to_string(r.child)).body, r.census));
    EXPECT_GE(server.audit_count("view"), 1);

    // A second referral while the first is going on does not open another.
    auto contact = record_contact(worker, r.child, contact_fields());
    worker.post("/contacts/" + std::to_string(contact) + "/decision", {{"version", "1"},
                                                                       {"decision", "strategy"},
                                                                       {"reason", "Bruising"},
                                                                       {"referral_source", "6"}});
    auto lease = server.db().lease();
    EXPECT_EQ(store::cin::episodes_for_child(lease.sql(), r.child).size(), 1u);
}

TEST(Census, ADecisionThatIsNotAReferralOpensNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto contact = record_contact(worker, child, contact_fields());
    auto path = "/contacts/" + std::to_string(contact) + "/decision";
    auto missing = worker.post(path, {{"version", "1"}, {"decision", "strategy"}, {"reason", "x"}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Select who made the referral"));
    EXPECT_EQ(
        worker.post(path, {{"version", "1"}, {"decision", "advice"}, {"reason", "Advice given"}})
            .status,
        303);
    auto lease = server.db().lease();
    EXPECT_TRUE(store::cin::episodes_for_child(lease.sql(), child).empty());
}

TEST(Census, TheWorkerRecordsTheNeedAndBadAnswersChangeNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto r = referred_child(server, worker);
    auto path = r.census + "/episodes/" + std::to_string(r.episode);
    EXPECT_EQ(worker.get(path).status, 200);
    auto bad = [&](const std::string& source, const std::string& need, const std::string& nfa) {
        return worker.post(path, {{"version", "1"},
                                  {"referral_source", source},
                                  {"primary_need", need},
                                  {"no_further_action", nfa}});
    };
    auto wrong = bad("11", "N10", "maybe");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_TRUE(has(wrong.body, "Select who made the referral"));
    EXPECT_TRUE(has(wrong.body, "Select the child&apos;s main need from the list"));
    EXPECT_TRUE(has(wrong.body, "Select whether the referral led to no further action"));
    for (const auto& nasty :
         {std::string{"<script>alert(1)</script>"}, std::string{"2A' OR 1=1 --"},
          std::string{"../../etc/passwd"}, std::string(100000, 'N')}) {
        auto refused = bad(nasty, nasty, "no");
        EXPECT_EQ(refused.status, 422);
        EXPECT_FALSE(has(refused.body, "<script>alert(1)</script>"));
    }
    EXPECT_EQ(worker.post(path, {{"version", "1"}, {"referral_source", "2\xff"}}).status, 400);
    EXPECT_EQ(episode_of(server, r.episode).version, 1);

    auto saved = bad("3B", "N4", "no");
    EXPECT_EQ(saved.status, 303);
    auto e = episode_of(server, r.episode);
    EXPECT_EQ(e.referral_source, "3B");
    EXPECT_EQ(e.primary_need, "N4");
    EXPECT_TRUE(has(worker.get(r.census + "?done=saved").body, "N4: Family in acute stress"));
    // The same form again is stale.
    EXPECT_EQ(bad("2A", "N1", "no").status, 409);
    EXPECT_EQ(server.audit_count("census-episode"), 1);
}

TEST(Census, AnAssessmentStartsInTheEpisodeAndAManagerAuthorisesIt) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto manager = server.signed_in_as(Role::TeamManager, "Front Door");
    auto r = referred_child(server, worker);
    open_case(worker, r.child, "child-in-need");  // so the team's manager works with Maya
    auto start = r.census + "/episodes/" + std::to_string(r.episode) + "/assessments";
    EXPECT_EQ(worker.get(start + "/new").status, 200);
    auto on = [](const std::string& d, const std::string& m, const std::string& y) {
        return Fields{{"started-day", d}, {"started-month", m}, {"started-year", y}};
    };
    auto before = worker.post(start, on("25", "11", "2026"));
    EXPECT_EQ(before.status, 422);
    EXPECT_TRUE(has(before.body, "on or after 26 November 2026, the day of the referral"));
    EXPECT_EQ(worker.post(start, on("27", "11", "2026")).status, 422);  // tomorrow
    EXPECT_EQ(worker.post(start, on("31", "2", "2026")).status, 422);
    EXPECT_EQ(worker.post(start, on("", "", "")).status, 422);
    EXPECT_EQ(worker.post(start, on("26", "11", "2026")).status, 303);
    auto again = worker.post(start, on("26", "11", "2026"));
    EXPECT_EQ(again.status, 422);
    EXPECT_TRUE(has(again.body, "An assessment is already under way"));

    std::int64_t assessment = 0;
    {
        auto lease = server.db().lease();
        auto all = store::cin::assessments_for_child(lease.sql(), r.child);
        ASSERT_EQ(all.size(), 1u);
        assessment = all.front().id;
    }
    auto authorise = r.census + "/assessments/" + std::to_string(assessment) + "/authorise";
    auto form = [](std::vector<std::string> factors) {
        Fields f{{"version", "1"},
                 {"authorised-day", "26"},
                 {"authorised-month", "11"},
                 {"authorised-year", "2026"}};
        for (auto& code : factors) f.push_back({"factors", code});
        return f;
    };
    EXPECT_EQ(worker.get(authorise).status, 403);
    EXPECT_EQ(worker.post(authorise, form({"3A"})).status, 403);
    EXPECT_FALSE(has(worker.get(r.census).body, "/authorise"));
    EXPECT_TRUE(has(manager.get(r.census).body, authorise));
    EXPECT_EQ(manager.get(authorise).status, 200);
    auto alone = manager.post(authorise, form({"21", "3A"}));
    EXPECT_EQ(alone.status, 422);
    EXPECT_TRUE(has(alone.body, "Select either &apos;No factors found&apos; or the factors found"));
    EXPECT_EQ(manager.post(authorise, form({})).status, 422);
    EXPECT_EQ(manager.post(authorise, form({"18A"})).status, 422);
    EXPECT_EQ(manager.post(authorise, form({"<b>"})).status, 422);
    auto done = manager.post(authorise, form({"4B", "3A"}));
    EXPECT_EQ(done.status, 303) << done.body;
    auto page = manager.get(r.census).body;
    EXPECT_TRUE(has(page, "26 November 2026 by"));
    EXPECT_TRUE(has(
        page, "Domestic abuse against the child; A parent&apos;s or carer&apos;s mental health"));
    EXPECT_EQ(manager.post(authorise, form({"3A"})).status, 409);
    EXPECT_EQ(server.audit_count("assessment-authorise"), 1);

    // A referral with an assessment did not end with no further action.
    auto nfa =
        worker.post(r.census + "/episodes/" + std::to_string(r.episode),
                    {{"version", "1"}, {"referral_source", "2A"}, {"no_further_action", "yes"}});
    EXPECT_EQ(nfa.status, 422);
    EXPECT_TRUE(has(nfa.body, "did not end with no further action"));
}

TEST(Census, OnlyThoseWhoWorkWithTheChildSeeOrChangeTheRecord) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto r = referred_child(server, worker);
    auto episode = r.census + "/episodes/" + std::to_string(r.episode);
    auto answers = Fields{{"version", "1"}, {"referral_source", "6"}, {"no_further_action", "no"}};
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto other = server.signed_in_as(role, "Another Team");
        EXPECT_EQ(other.get(r.census).status, 403);
        EXPECT_EQ(other.get(episode).status, 403);
        EXPECT_EQ(other.post(episode, answers).status, 403);
        EXPECT_EQ(
            other
                .post(episode + "/assessments",
                      {{"started-day", "26"}, {"started-month", "11"}, {"started-year", "2026"}})
                .status,
            403);
    }
    for (auto role : {Role::SystemAdministrator, Role::TrainingAdministrator}) {
        auto other = server.signed_in_as(role);
        EXPECT_EQ(other.get(r.census).status, 403);
        EXPECT_EQ(other.post(episode, answers).status, 403);
    }
    EXPECT_EQ(server.browser().get(r.census).status, 303);  // to sign in
    EXPECT_EQ(worker.get("/children/" + std::to_string(r.child) + "/census/episodes/999999").status,
              404);
    EXPECT_EQ(worker.get("/children/999999/census").status, 404);
    EXPECT_EQ(episode_of(server, r.episode).referral_source, "2A");
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Census, AnEnquiryEndsWithoutAConferenceAndTheCensusSaysSo) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto case_id = case_with_strategy_discussion(worker, "Carter family");
    std::int64_t child = 0, meeting = 0;
    {
        auto lease = server.db().lease();
        // The discussion took place: its record is kept as held.
        lease.sql() << "UPDATE meetings SET status = 'held'";
        long long c = 0, m = 0;
        lease.sql() << "SELECT mc.child_id, m.id FROM meetings m JOIN meeting_children mc ON "
                       "mc.meeting_id = m.id",
            soci::into(c), soci::into(m);
        child = c, meeting = m;
    }
    ASSERT_GT(case_id, 0);
    auto census = "/children/" + std::to_string(child) + "/census";
    auto page = worker.get(census).body;
    EXPECT_TRUE(has(page, "Going on"));
    auto path = census + "/enquiries/" + std::to_string(meeting) + "/no-conference";
    EXPECT_TRUE(has(page, path));
    EXPECT_EQ(worker.get(path).status, 200);
    auto on = [](const std::string& d) {
        return Fields{{"decided-day", d}, {"decided-month", "11"}, {"decided-year", "2026"}};
    };
    auto early = worker.post(path, on("25"));
    EXPECT_EQ(early.status, 422);
    EXPECT_TRUE(has(early.body, "the day of the strategy discussion"));
    EXPECT_EQ(worker.post(path, on("27")).status, 422);
    EXPECT_EQ(worker.post(path, on("")).status, 422);
    auto other = server.signed_in_as(Role::Practitioner, "Another Team");
    EXPECT_EQ(other.post(path, on("26")).status, 403);
    EXPECT_EQ(worker.post(census + "/enquiries/999999/no-conference", on("26")).status, 404);
    EXPECT_EQ(worker.post(path, on("26")).status, 303);
    EXPECT_TRUE(has(worker.get(census).body, "No conference needed (decided 26 November 2026)"));
    EXPECT_EQ(worker.post(path, on("26")).status, 409);
    EXPECT_EQ(server.audit_count("enquiry-outcome"), 1);

    // The census sends it as ICPCnotRequired.
    auto officer = server.signed_in_as(Role::PerformanceOfficer);
    EXPECT_EQ(officer.post("/returns/settings", {{"version", "1"}, {"la_code", "895"}}).status,
              303);
    auto xml = officer.get("/returns/cin-census.xml?year=2026-27").body;
    EXPECT_TRUE(has(xml, "<S47ActualStartDate>2026-11-26</S47ActualStartDate>"));
    EXPECT_TRUE(has(xml, "<InitialCPCtarget>2026-12-17</InitialCPCtarget>"));
    EXPECT_TRUE(has(xml, "<ICPCnotRequired>1</ICPCnotRequired>"));
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Census, ClosingBeforeTheReferralCameInClosesOnTheReferralDay) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");        // from 2 November
    auto contact = record_contact(worker, child, contact_fields());  // 26 November
    worker.post("/contacts/" + std::to_string(contact) + "/decision", {{"version", "1"},
                                                                       {"decision", "assessment"},
                                                                       {"reason", "Hunger"},
                                                                       {"referral_source", "2A"}});
    std::vector<store::EpisodeRecord> episodes;
    {
        auto lease = server.db().lease();
        episodes = store::cin::episodes_for_child(lease.sql(), child);
    }
    ASSERT_EQ(episodes.size(), 1u);
    EXPECT_EQ(episodes[0].referral_date, "2026-11-02");  // the case's level came first
    auto closed = worker.post(
        "/cases/" + std::to_string(case_id) + "/children/" + std::to_string(child) + "/close",
        {{"date-day", "20"},
         {"date-month", "11"},
         {"date-year", "2026"},
         {"reason", "RC7"},
         {"note", ""}});
    EXPECT_EQ(closed.status, 303) << closed.body.substr(0, 1500);
    auto lease = server.db().lease();
    auto after = store::cin::episodes_for_child(lease.sql(), child);
    EXPECT_EQ(after[0].closed_on, "2026-11-20");
    EXPECT_EQ(after[0].closure_reason, "RC7");
}

TEST(Census, AClosedEpisodesReasonCanBeCorrected) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    worker.post(
        "/cases/" + std::to_string(case_id) + "/children/" + std::to_string(child) + "/close",
        {{"date-day", "20"}, {"date-month", "11"}, {"date-year", "2026"}, {"reason", "RC9"}});
    std::int64_t episode = 0;
    {
        auto lease = server.db().lease();
        episode = store::cin::episodes_for_child(lease.sql(), child).at(0).id;
    }
    auto path =
        "/children/" + std::to_string(child) + "/census/episodes/" + std::to_string(episode);
    EXPECT_TRUE(has(worker.get(path).body, "Why it closed, on 20 November 2026"));
    auto answers = [](const std::string& reason) {
        return Fields{{"version", "2"},
                      {"referral_source", "5D"},
                      {"no_further_action", "no"},
                      {"closure_reason", reason}};
    };
    auto bad = worker.post(path, answers("RC10"));
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Select the reason the episode closed"));
    EXPECT_EQ(worker.post(path, answers("RC7")).status, 303);
    auto lease = server.db().lease();
    EXPECT_EQ(store::cin::find_episode(lease.sql(), episode)->closure_reason, "RC7");
}

}  // namespace
}  // namespace signs::testing
