// "Our plan" through the real server: put together from the agreed mapping and plan, drawn as
// a print page and a PDF that pdftotext reads back, and each copy given recorded.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/plan_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

/// The text of a PDF as poppler's pdftotext reads it.
std::string pdf_text(const std::string& pdf) {
    auto path = std::filesystem::temp_directory_path() /
                ("signs-plan-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string out;
    if (FILE* pipe =
            ::popen(("pdftotext -raw -enc UTF-8 '" + path.string() + "' -").c_str(), "r")) {
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            out.append(buffer, n);
        ::pclose(pipe);
    }
    std::filesystem::remove(path);
    // Lines wrap where the page ends; a family reads across them.
    std::string joined;
    for (char c : out) {
        if (c == '\n' || c == '\f') c = ' ';
        if (c != ' ' || joined.empty() || joined.back() != ' ') joined += c;
    }
    return joined;
}

Fields given(const std::string& to, const std::string& day, const std::string& how = "in-person") {
    return {{"given_to", to},
            {"given-day", day},
            {"given-month", "11"},
            {"given-year", "2026"},
            {"how", how}};
}

TEST(OurPlan, IsMadeFromTheAgreedMappingAndPlanAndReadsBackFromThePdf) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    // Nothing to give the family until a mapping is agreed.
    EXPECT_TRUE(has(worker.get(base).body, "will be ready once a mapping is agreed"));
    auto early = worker.get(base + "/our-plan");
    EXPECT_EQ(early.status, 409);
    EXPECT_TRUE(has(early.body, "Our plan is not ready yet"));
    EXPECT_TRUE(has(early.body, "agree one first"));
    EXPECT_TRUE(has(early.body, "href=\"" + base + "\""));
    EXPECT_EQ(worker.get(base + "/our-plan.pdf").status, 409);

    agree_mapping(worker, p.case_id);
    auto page = worker.get(base + "/our-plan");
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
    EXPECT_TRUE(has(page.body, "Our safety plan"));
    EXPECT_TRUE(has(page.body, "For Maya"));
    EXPECT_TRUE(has(page.body, "Maya could be left alone at night"));
    EXPECT_TRUE(has(page.body, "An adult the network trusts is with Maya every night"));
    EXPECT_TRUE(has(page.body, "Maya is never left alone overnight"));
    EXPECT_TRUE(has(page.body, "The plan has not been agreed yet"));
    EXPECT_TRUE(has(page.body, "Dana Carter: 6"));
    EXPECT_TRUE(has(page.body, "Gran is close by 👵 и всегда помогает"));
    EXPECT_TRUE(has(worker.get(base).body, base + "/our-plan"));  // linked from the case

    // Once the plan is agreed, who does what by when.
    ASSERT_EQ(
        worker.post(p.path + "/actions/1", action_fields("1", "Gran Pat stays over", "30")).status,
        303);
    ASSERT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 303);
    page = worker.get(base + "/our-plan");
    EXPECT_TRUE(has(page.body, "Everyone agreed the plan on 26 November 2026."));
    EXPECT_TRUE(has(page.body, "Gran Pat stays over"));
    EXPECT_TRUE(has(page.body, "<dt>Who:</dt> <dd>Gran Pat</dd>"));
    EXPECT_TRUE(has(page.body, "<dt>By:</dt> <dd>30 November 2026</dd>"));

    auto pdf = worker.get(base + "/our-plan.pdf");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_TRUE(has(pdf.header("content-disposition"), "attachment"));
    EXPECT_EQ(pdf.header("cache-control"), "no-store");
    ASSERT_TRUE(pdf.body.starts_with("%PDF-"));
    auto text = pdf_text(pdf.body);
    EXPECT_TRUE(has(text, "Our safety plan")) << text;
    EXPECT_TRUE(has(text, "For Maya"));
    EXPECT_TRUE(has(text, "An adult the network trusts is with Maya every night"));
    EXPECT_TRUE(has(text, "Gran Pat stays over"));
    EXPECT_TRUE(has(text, "Page 1 of")) << text;
    EXPECT_TRUE(has(text, "Maya · 26 November 2026")) << text;
    EXPECT_TRUE(has(text, "и всегда помогает")) << text;
    EXPECT_TRUE(has(text, "👵")) << text;
    // No record numbers or addresses of the system reach the family.
    EXPECT_FALSE(has(text, "/cases/"));
    EXPECT_FALSE(has(text, "/mappings/"));
    EXPECT_FALSE(has(text, "Version"));
}

TEST(OurPlan, EachCopyGivenIsRecordedWithTheWordsGiven) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    agree_mapping(worker, p.case_id);
    worker.get(base + "/our-plan");
    EXPECT_TRUE(has(worker.get(base + "/our-plan").body, "No copy has been recorded"));

    // Problems are named and nothing is kept.
    auto empty = worker.post(base + "/our-plan/given", {});
    EXPECT_EQ(empty.status, 422);
    EXPECT_TRUE(has(empty.body, "Enter who you gave it to"));
    EXPECT_TRUE(has(empty.body, "Select how you gave it"));
    EXPECT_EQ(worker.post(base + "/our-plan/given", given("Dana", "27")).status, 422);  // tomorrow
    auto before = worker.post(base + "/our-plan/given", given("Dana", "19"));
    EXPECT_EQ(before.status, 422);
    EXPECT_TRUE(has(before.body, "before the document"));
    EXPECT_EQ(worker.post(base + "/our-plan/given", given("Dana", "31")).status, 422);
    EXPECT_EQ(worker.post(base + "/our-plan/given", given("Dana", "26", "pigeon")).status, 422);
    EXPECT_EQ(worker.post(base + "/our-plan/given", given(std::string(201, 'a'), "26")).status,
              422);
    EXPECT_EQ(worker
                  .post_raw(base + "/our-plan/given", "application/x-www-form-urlencoded",
                            "csrf_token=" + worker.csrf() + "&given_to=%FF&how=post")
                  .status,
              400);
    EXPECT_EQ(server.audit_count("family-document-given"), 0);

    auto recorded =
        worker.post(base + "/our-plan/given", given("Dana Carter <mum>'; DROP TABLE x;--", "26"));
    ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 2000);
    EXPECT_EQ(server.audit_count("family-document-given"), 1);
    auto page = worker.get(base + "/our-plan").body;
    EXPECT_TRUE(has(page, "Dana Carter &lt;mum&gt;&apos;; DROP TABLE x;--"));
    EXPECT_TRUE(has(page, "This version"));
    auto record = base + "/our-plan/given/" + first_after(page, "/our-plan/given/");
    auto shown = worker.get(record);
    ASSERT_EQ(shown.status, 200);
    EXPECT_TRUE(has(shown.body, "Maya could be left alone at night"));
    EXPECT_TRUE(has(shown.body, "the mapping of 20 November 2026"));

    // The plan agreed later makes a new version; the copy given stays as it was.
    ASSERT_EQ(
        worker.post(p.path + "/actions/1", action_fields("1", "Gran Pat stays over", "30")).status,
        303);
    ASSERT_EQ(worker.post(p.path + "/agree", agreed_today()).status, 303);
    page = worker.get(base + "/our-plan").body;
    EXPECT_TRUE(has(page, "An earlier version"));
    EXPECT_FALSE(has(worker.get(record).body, "Gran Pat stays over"));

    // Records belong to their case: another case's address for it finds nothing.
    auto other_case = open_case(worker, add_child(worker, child_fields("Leo", "Jones")));
    EXPECT_EQ(worker
                  .get("/cases/" + std::to_string(other_case) + "/our-plan/given/" +
                       first_after(page, "/our-plan/given/"))
                  .status,
              404);
    EXPECT_EQ(worker.get(base + "/our-plan/given/999999").status, 404);
    EXPECT_EQ(worker.get(base + "/our-plan/given/..%2F..%2Fetc").status, 404);
}

TEST(OurPlan, OnlyPeopleWhoMayOpenTheCaseSeeOrRecordIt) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto p = a_plan(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    agree_mapping(worker, p.case_id);
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    EXPECT_EQ(manager.get(base + "/our-plan").status, 200);
    EXPECT_EQ(manager.get(base + "/our-plan.pdf").status, 200);
    for (auto role : {Role::Practitioner, Role::TeamManager, Role::ConferenceChair}) {
        auto outsider = server.signed_in_as(role, "Hillside Team");
        outsider.get("/");
        EXPECT_EQ(outsider.get(base + "/our-plan").status, 403);
        EXPECT_EQ(outsider.get(base + "/our-plan.pdf").status, 403);
        EXPECT_EQ(outsider.post(base + "/our-plan/given", given("Dana", "26")).status, 403);
    }
    for (auto role : {Role::TrainingAdministrator, Role::SystemAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        someone.get("/");
        EXPECT_EQ(someone.get(base + "/our-plan").status, 403);
        EXPECT_EQ(someone.get(base + "/our-plan.pdf").status, 403);
        EXPECT_EQ(someone.post(base + "/our-plan/given", given("Dana", "26")).status, 403);
    }
    auto visitor = server.browser();
    EXPECT_EQ(visitor.get(base + "/our-plan.pdf").status, 303);
    EXPECT_EQ(server.audit_count("family-document-given"), 0);
    EXPECT_EQ(worker.get("/cases/999999/our-plan").status, 404);
}

}  // namespace
}  // namespace signs::testing
