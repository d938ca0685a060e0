// Pre-proceedings on a case through the real server: begun, brought up to date, refused when
// wrong or stale, closed to everyone outside the work, and sent in the census.
#include <gtest/gtest.h>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

struct PreProceedingsCase {
    std::int64_t child = 0;
    std::int64_t case_id = 0;
    std::string path;  ///< the case's pre-proceedings page
};

PreProceedingsCase a_case(Browser& worker) {
    PreProceedingsCase c;
    c.child = add_child(worker, child_fields("Maya", "Carter"));
    c.case_id = open_case(worker, c.child, "child-in-need");
    c.path = "/cases/" + std::to_string(c.case_id) + "/pre-proceedings";
    return c;
}

Fields begun(const PreProceedingsCase& c, const std::string& day = "20") {
    return {{"children", std::to_string(c.child)},
            {"started-day", day},
            {"started-month", "11"},
            {"started-year", "2026"}};
}

std::int64_t record_id(TestServer& server, std::int64_t case_id) {
    auto lease = server.db().lease();
    long long id = 0, key = case_id;
    lease.sql() << "SELECT COALESCE(MAX(id), 0) FROM pre_proceedings WHERE case_id = :c",
        soci::use(key), soci::into(id);
    return id;
}

TEST(PreProceedings, BegunThenBroughtUpToDate) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto c = a_case(worker);
    EXPECT_TRUE(has(worker.get("/cases/" + std::to_string(c.case_id)).body, c.path));
    auto page = worker.get(c.path);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "No pre-proceedings have been recorded for this case."));
    EXPECT_EQ(worker.get(c.path + "/new").status, 200);
    EXPECT_GE(server.audit_count("view"), 1);

    EXPECT_EQ(worker.post(c.path, begun(c)).status, 303);
    page = worker.get(c.path);
    EXPECT_TRUE(has(page.body, "Pre-proceedings from 20 November 2026"));
    EXPECT_TRUE(has(page.body, "Going on"));
    EXPECT_TRUE(has(page.body, "must offer the family a family group decision-making meeting"));
    EXPECT_FALSE(has(page.body, "Begin pre-proceedings</a>"));
    // Only one going on in a case.
    EXPECT_EQ(worker.post(c.path, begun(c, "21")).status, 409);
    EXPECT_EQ(server.audit_count("pre-proceedings-start"), 1);

    auto id = record_id(server, c.case_id);
    auto edit = c.path + "/" + std::to_string(id);
    EXPECT_EQ(worker.get(edit).status, 200);
    auto letter = begun(c);
    letter.push_back({"version", "1"});
    letter.push_back({"letter-sent-day", "23"});
    letter.push_back({"letter-sent-month", "11"});
    letter.push_back({"letter-sent-year", "2026"});
    letter.push_back({"family-meeting-offered", "yes"});
    letter.push_back({"family-meeting-accepted", "yes"});
    EXPECT_EQ(worker.post(edit, letter).status, 303);
    page = worker.get(c.path);
    EXPECT_TRUE(has(page.body, "23 November 2026"));
    EXPECT_TRUE(has(page.body, "before any application to court"));
    // The same page saved again is out of date.
    EXPECT_EQ(worker.post(edit, letter).status, 409);
    EXPECT_EQ(server.audit_count("pre-proceedings-update"), 1);
    // Its clocks are on the case's due list.
    auto case_page = worker.get("/cases/" + std::to_string(c.case_id)).body;
    EXPECT_TRUE(has(case_page, "Initial pre-proceedings meeting"));
    EXPECT_TRUE(has(case_page, "Family group decision-making meeting held"));
    // The meetings are arranged like any other.
    EXPECT_TRUE(has(worker.get("/cases/" + std::to_string(c.case_id) + "/meetings/new").body,
                    "Family group decision-making meeting"));
    // And it is in the child's chronology.
    EXPECT_TRUE(has(worker.get("/children/" + std::to_string(c.child)).body,
                    "Letter before proceedings sent, offering a family group decision-making "
                    "meeting"));

    // The census sends it on the child's episode.
    auto officer = server.signed_in_as(Role::PerformanceOfficer);
    EXPECT_EQ(officer.post("/returns/settings", {{"version", "1"}, {"la_code", "895"}}).status,
              303);
    auto xml = officer.get("/returns/cin-census.xml?year=2026-27").body;
    EXPECT_TRUE(has(xml, "<PPStartDate>2026-11-20</PPStartDate>")) << xml;
    EXPECT_TRUE(has(xml, "<FGDMMeetingOffer>1</FGDMMeetingOffer>"));
    EXPECT_TRUE(has(xml, "<FGDMMeetingFac>0</FGDMMeetingFac>"));
}

TEST(PreProceedings, BadAnswersGetAClearMessageAndChangeNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto c = a_case(worker);
    auto missing = worker.post(c.path, {{"started-day", ""}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(missing.body, "Enter the date pre-proceedings began"));
    EXPECT_TRUE(has(missing.body, "Select the children the letter before proceedings concerns"));
    auto future = worker.post(c.path, begun(c, "27"));
    EXPECT_EQ(future.status, 422);
    EXPECT_TRUE(has(future.body, "The date must be today or in the past"));
    for (const auto& nasty : {std::string{"<script>alert(1)</script>"}, std::string{"A' OR 1=1 --"},
                              std::string{"../../etc/passwd"}, std::string(100000, 'A')}) {
        auto fields = begun(c);
        fields.push_back({"outcome", nasty});
        fields.push_back({"family-meeting-offered", nasty});
        fields.push_back({"children", nasty});
        auto refused = worker.post(c.path, fields);
        EXPECT_EQ(refused.status, 422);
        EXPECT_FALSE(has(refused.body, "<script>alert(1)</script>"));
    }
    auto reason = begun(c);
    reason.push_back({"letter-sent-day", "23"});
    reason.push_back({"letter-sent-month", "11"});
    reason.push_back({"letter-sent-year", "2026"});
    reason.push_back({"family-meeting-offered", "no"});
    reason.push_back({"not-offered-reason", std::string(2001, 'x')});
    EXPECT_EQ(worker.post(c.path, reason).status, 422);
    EXPECT_EQ(worker.post(c.path, {{"children", "\xff"}}).status, 400);
    EXPECT_EQ(
        worker.post(c.path, {{"not-offered-reason", std::string(11 * 1024 * 1024, 'x')}}).status,
        413);
    EXPECT_EQ(record_id(server, c.case_id), 0);
    EXPECT_EQ(server.audit_count("pre-proceedings-start"), 0);
}

TEST(PreProceedings, OnlyThoseWhoWorkOnTheCaseSeeOrChangeThem) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Front Door");
    auto c = a_case(worker);
    ASSERT_EQ(worker.post(c.path, begun(c)).status, 303);
    auto edit = c.path + "/" + std::to_string(record_id(server, c.case_id));
    auto change = begun(c, "19");
    change.push_back({"version", "1"});
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto other = server.signed_in_as(role, "Another Team");
        EXPECT_EQ(other.get(c.path).status, 403);
        EXPECT_EQ(other.get(c.path + "/new").status, 403);
        EXPECT_EQ(other.post(c.path, begun(c)).status, 403);
        EXPECT_EQ(other.get(edit).status, 403);
        EXPECT_EQ(other.post(edit, change).status, 403);
    }
    for (auto role :
         {Role::SystemAdministrator, Role::TrainingAdministrator, Role::PerformanceOfficer}) {
        auto other = server.signed_in_as(role);
        EXPECT_EQ(other.get(c.path).status, 403);
        EXPECT_EQ(other.post(edit, change).status, 403);
    }
    // The team's manager works on it too.
    auto manager = server.signed_in_as(Role::TeamManager, "Front Door");
    EXPECT_EQ(manager.get(c.path).status, 200);
    EXPECT_EQ(server.browser().get(c.path).status, 303);  // to sign in
    EXPECT_EQ(worker.get("/cases/999999/pre-proceedings").status, 404);
    EXPECT_EQ(worker.get(c.path + "/999999").status, 404);
    EXPECT_EQ(worker.post(c.path + "/999999", change).status, 404);
    EXPECT_EQ(server.audit_count("pre-proceedings-update"), 0);
}

}  // namespace
}  // namespace signs::testing
