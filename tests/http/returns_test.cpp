// Data quality and the statutory returns: performance officers and administrators see the
// whole service, team managers their teams, and nobody else; the return downloads as XML.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/child_repository.hpp"
#include "store/cin_repository.hpp"
#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

/// A child in a child in need case of the worker's team, referred by their school: the
/// census has them, still without their main need.
std::int64_t referred_in_case(Browser& worker, const std::string& first, const std::string& last) {
    auto child = add_child(worker, child_fields(first, last));
    open_case(worker, child, "child-in-need");
    return child;
}

TEST(Returns, DataQualityShowsEachProblemWithWhereItIsPutRight) {
    TestServer server;
    auto riverside = server.signed_in_as(Role::Practitioner, "Riverside");
    auto northgate = server.signed_in_as(Role::Practitioner, "Northgate");
    auto maya = referred_in_case(riverside, "Maya", "Carter");
    referred_in_case(northgate, "Toby", "Fennimore");
    auto officer = server.signed_in_as(Role::PerformanceOfficer);

    auto page = officer.get("/data-quality?year=2026-27");
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
    EXPECT_TRUE(has(page.body, "Maya Carter"));
    EXPECT_TRUE(has(page.body, "Toby Fennimore"));
    EXPECT_TRUE(has(page.body, "Record who made the referral."));  // 8866: stepped in directly
    EXPECT_TRUE(has(page.body, "Record the child&apos;s main need for this referral."));
    EXPECT_TRUE(has(page.body, "Problems by rule"));
    EXPECT_TRUE(has(page.body, "The return as a whole"));
    // The officer cannot open the child, so no link is offered; the worker's view links.
    EXPECT_FALSE(has(page.body, "href=\"/children/" + std::to_string(maya)));
    EXPECT_EQ(officer.get("/children/" + std::to_string(maya)).status, 403);
    EXPECT_EQ(officer.get("/cases").status, 403);
    EXPECT_EQ(officer.get("/children/" + std::to_string(maya) + "/census").status, 403);

    // Filtered to a team, by the filter's own numbers.
    auto riverside_only = officer.get("/data-quality?year=2026-27&team=1");
    EXPECT_EQ(riverside_only.status, 200);
    EXPECT_NE(has(riverside_only.body, "Maya Carter"), has(riverside_only.body, "Toby Fennimore"));
    EXPECT_EQ(officer.get("/data-quality?year=2026-28").status, 400);
    EXPECT_EQ(officer.get("/data-quality?team=abc").status, 400);
    EXPECT_EQ(officer.get("/data-quality?worker=1%27%20OR%201%3D1").status, 400);

    auto csv = officer.get("/data-quality?year=2026-27&format=csv");
    EXPECT_EQ(csv.status, 200);
    EXPECT_TRUE(has(csv.header("content-type"), "text/csv"));
    EXPECT_TRUE(has(csv.body, R"("Child number","Child","Team","Worker","Rule")"));
    EXPECT_TRUE(has(csv.body, "Maya Carter"));
    EXPECT_TRUE(has(csv.body, "8610"));
    EXPECT_GE(server.audit_count("view"), 1);
}

TEST(Returns, ATeamManagerSeesTheirTeamsChildrenOnly) {
    TestServer server;
    auto riverside = server.signed_in_as(Role::Practitioner, "Riverside");
    auto northgate = server.signed_in_as(Role::Practitioner, "Northgate");
    auto maya = referred_in_case(riverside, "Maya", "Carter");
    referred_in_case(northgate, "Toby", "Fennimore");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside");
    auto page = manager.get("/data-quality");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Maya Carter"));
    EXPECT_FALSE(has(page.body, "Toby Fennimore"));
    EXPECT_FALSE(has(page.body, "The return as a whole"));
    EXPECT_TRUE(has(page.body, "href=\"/children/" + std::to_string(maya)));
    EXPECT_EQ(manager.get("/returns").status, 403);
    EXPECT_EQ(manager.get("/returns/cin-census.xml?year=2026-27").status, 403);
}

TEST(Returns, AWorkerSeesTheProblemsOfTheChildrenAllocatedToThem) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside");
    auto colleague = server.signed_in_as(Role::Practitioner, "Riverside");
    referred_in_case(worker, "Maya", "Carter");
    referred_in_case(colleague, "Leo", "Carter");
    EXPECT_TRUE(has(worker.get("/cases").body, "href=\"/data-quality\""));
    auto page = worker.get("/data-quality");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "the children allocated to you"));
    EXPECT_TRUE(has(page.body, "Maya Carter"));
    EXPECT_FALSE(has(page.body, "Leo Carter"));
    EXPECT_FALSE(has(page.body, "The return as a whole"));
    // Asking for a colleague's children gives nothing of theirs.
    EXPECT_FALSE(has(worker.get("/data-quality?worker=2").body, "Leo Carter"));
    EXPECT_EQ(worker.get("/returns").status, 403);
}

TEST(Returns, OtherRolesSeeNeitherDataQualityNorReturns) {
    TestServer server;
    for (auto role : {Role::ConferenceChair, Role::TrainingAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside");
        EXPECT_FALSE(has(someone.get("/cases").body, "href=\"/data-quality\""));
        EXPECT_EQ(someone.get("/data-quality").status, 403) << domain::role_code(role);
        EXPECT_EQ(someone.get("/returns").status, 403) << domain::role_code(role);
        EXPECT_EQ(someone.post("/returns/settings", {{"version", "1"}, {"la_code", "895"}}).status,
                  403);
        EXPECT_EQ(someone.get("/returns/cin-census.xml").status, 403);
    }
    EXPECT_EQ(server.browser().get("/data-quality").status, 303);
}

TEST(Returns, TheCouncilsNumberIsSetThenTheReturnDownloads) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside");
    referred_in_case(worker, "Maya", "Carter");
    auto officer = server.signed_in_as(Role::PerformanceOfficer);
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    EXPECT_EQ(officer.get("/returns").status, 200);
    EXPECT_EQ(officer.get("/returns/cin-census.xml?year=2026-27").status, 409);
    for (const auto& bad : {std::string{"89"}, std::string{"8950"}, std::string{"<b>1</b>"},
                            std::string{""}, std::string{"../"}, std::string(5000, '9')}) {
        auto refused = officer.post("/returns/settings", {{"version", "1"}, {"la_code", bad}});
        EXPECT_EQ(refused.status, 422) << bad.substr(0, 10);
        EXPECT_TRUE(has(refused.body, "three digits, like 895"));
    }
    EXPECT_EQ(officer.post("/returns/settings", {{"version", "1"}, {"la_code", "8\xff"}}).status,
              400);
    EXPECT_EQ(officer.post("/returns/settings", {{"version", "1"}, {"la_code", " 895 "}}).status,
              303);
    EXPECT_EQ(admin.post("/returns/settings", {{"version", "1"}, {"la_code", "896"}}).status, 409);
    EXPECT_TRUE(has(officer.get("/returns?done=saved").body, "value=\"895\""));

    auto xml = officer.get("/returns/cin-census.xml?year=2026-27");
    ASSERT_EQ(xml.status, 200);
    EXPECT_TRUE(has(xml.header("content-type"), "application/xml"));
    EXPECT_TRUE(has(xml.header("content-disposition"), "cin-census-2026-27.xml"));
    EXPECT_TRUE(has(xml.body, "<LEA>895</LEA>"));
    EXPECT_TRUE(has(xml.body, "<Year>2027</Year>"));
    EXPECT_TRUE(has(xml.body, "<Sex>F</Sex>"));
    EXPECT_EQ(officer.get("/returns/cin-census.xml?year=nonsense").status, 400);
    EXPECT_EQ(admin.get("/returns/cin-census.xml?year=2026-27").status, 200);
    EXPECT_EQ(server.audit_count("census-export"), 2);
    EXPECT_EQ(server.audit_count("return-settings"), 1);
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Returns, ARestrictedChildIsListedOnlyForThoseNamed) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside");  // practitioner1
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside");
    auto maya = referred_in_case(worker, "Maya", "Carter");
    EXPECT_TRUE(has(manager.get("/data-quality").body, "Maya Carter"));
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    ASSERT_EQ(admin
                  .post("/admin/restrictions", {{"child", std::to_string(maya)},
                                                {"emails", "practitioner1@example.org"},
                                                {"reason", "A member of staff's own family"}})
                  .status,
              303);
    EXPECT_FALSE(has(manager.get("/data-quality").body, "Maya Carter"));
    EXPECT_FALSE(has(manager.get("/data-quality?format=csv").body, "Maya Carter"));
    EXPECT_TRUE(has(worker.get("/data-quality").body, "Maya Carter"));
}

TEST(Returns, AProblemPutRightLeavesTheListAtOnce) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside");
    auto maya = referred_in_case(worker, "Maya", "Carter");
    // The case list counts the child's own problems, linked to where they are put right.
    auto census_count = [&] {
        auto list = worker.get("/cases").body;
        auto at = list.find(" census problem");
        if (at == std::string::npos) return 0;
        auto from = list.rfind('>', at) + 1;
        return std::stoi(list.substr(from, at - from));
    };
    auto counted = census_count();
    EXPECT_GE(counted, 2);
    EXPECT_TRUE(
        has(worker.get("/cases").body, "href=\"/children/" + std::to_string(maya) + "/census\">"));
    auto before = worker.get("/data-quality").body;
    EXPECT_TRUE(has(before, "Record who made the referral."));
    EXPECT_TRUE(has(before, "Record the child&apos;s main need for this referral."));
    std::int64_t episode = 0;
    {
        auto lease = server.db().lease();
        episode = store::cin::episodes_for_child(lease.sql(), maya).front().id;
    }
    auto saved = worker.post(
        "/children/" + std::to_string(maya) + "/census/episodes/" + std::to_string(episode),
        {{"version", "1"},
         {"referral_source", "2A"},
         {"primary_need", "N1"},
         {"no_further_action", "no"}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    auto after = worker.get("/data-quality").body;
    EXPECT_FALSE(has(after, "Record who made the referral."));
    EXPECT_EQ(census_count(), counted - 2);
    EXPECT_FALSE(has(after, "Record the child&apos;s main need for this referral."));
    // A name changed is shown at once too.
    {
        auto lease = server.db().lease();
        long long key = maya;
        lease.sql() << "UPDATE children SET first_name = 'Mayah' WHERE id = :id", soci::use(key);
    }
    EXPECT_TRUE(has(worker.get("/data-quality").body, "Mayah Carter"));
}

TEST(Returns, ProblemsComeFiftyAPage) {
    TestServer server;
    {
        auto lease = server.db().lease();
        auto& sql = lease.sql();
        for (int i = 0; i < 120; ++i) {
            store::ChildRecord child;
            child.first_name = "Child";
            child.last_name = "Number" + std::to_string(i);
            child.date_of_birth = "2019-03-02";
            child.sex = "F";
            child.ethnicity = "NOBT";
            child.created_at = "t";
            store::EpisodeRecord episode;
            episode.child_id = store::children::insert(sql, child, {"child"});
            episode.referral_date = "2026-06-01";
            episode.recorded_at = "t";
            store::cin::insert_episode(sql, episode);
        }
    }
    auto officer = server.signed_in_as(Role::PerformanceOfficer);
    auto first = officer.get("/data-quality?year=2026-27");
    ASSERT_EQ(first.status, 200);
    EXPECT_TRUE(has(first.body, "Problems 1 to 50 of "));
    EXPECT_TRUE(has(first.body, "/data-quality?year=2026-27&amp;page=2"));
    EXPECT_FALSE(has(first.body, "rel=\"prev\""));
    auto second = officer.get("/data-quality?year=2026-27&page=2");
    EXPECT_EQ(second.status, 200);
    EXPECT_TRUE(has(second.body, "Problems 51 to "));
    EXPECT_TRUE(has(second.body, "rel=\"prev\""));
    EXPECT_EQ(officer.get("/data-quality?page=0").status, 400);
    EXPECT_EQ(officer.get("/data-quality?page=two").status, 400);
    EXPECT_EQ(officer.get("/data-quality?page=99999").status, 404);
    EXPECT_EQ(officer.get("/data-quality?page=184467440737095516").status, 404);
    // The CSV has them all.
    auto csv = officer.get("/data-quality?year=2026-27&format=csv").body;
    EXPECT_GT(std::count(csv.begin(), csv.end(), '\n'), 120);
}

}  // namespace
}  // namespace signs::testing
