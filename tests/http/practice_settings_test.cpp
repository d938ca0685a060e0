// Practice settings through the real server: a council's own words for a way of working, and
// the score bands that alert a case's manager.
#include <gtest/gtest.h>

#include <regex>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

/// The first capture of `pattern` in the page, or empty.
std::string first_match(const std::string& body, const std::string& pattern) {
    std::smatch found;
    return std::regex_search(body, found, std::regex(pattern)) ? std::string{found[1]} : "";
}

/// Every field of the Stability wording form as the page shows it, with `changes` made.
Fields stability_form(Browser& admin, const Fields& changes) {
    auto page = admin.get("/admin/practice").body;
    Fields out;
    std::regex input("name=\"(stability-[a-z_]+)\" type=\"text\" value=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), input);
         it != std::sregex_iterator(); ++it)
        out.emplace_back((*it)[1], (*it)[2]);
    for (const auto& [name, value] : changes) {
        for (auto& field : out)
            if (field.first == name) field.second = value;
    }
    return out;
}

std::int64_t cared_for_mapping(Browser& worker) {
    auto child = add_child(worker, child_fields("Rhys", "Onslow", "2012-05-01"));
    worker.get("/cases/new?child=" + std::to_string(child));
    auto fields = level_fields("cared-for", "2026-11-02", "Came into care", "", "co");
    fields.emplace_back("children", std::to_string(child));
    fields.emplace_back("family_name", "Onslow family");
    auto opened = worker.post("/cases", fields);
    EXPECT_EQ(opened.status, 303) << opened.body.substr(0, 3000);
    auto case_id = id_from(opened, "/cases/");
    auto made = worker.post("/cases/" + std::to_string(case_id) + "/mappings",
                            {{"date-day", "20"},
                             {"date-month", "11"},
                             {"date-year", "2026"},
                             {"purpose", "review"},
                             {"children", std::to_string(child)}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
    return id_from(made, "/mappings/");
}

TEST(PracticeSettings, ACouncilCallsStabilityByItsOwnName) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto mapping = "/mappings/" + std::to_string(cared_for_mapping(worker));
    worker.post(mapping + "/participants",
                {{"name", "Rhys Onslow"}, {"kind", "child"}, {"took_part", "in-person"}});
    auto pid = first_match(worker.get(mapping).body, "/participants/([0-9]+)");
    ASSERT_EQ(worker.post(mapping + "/scores", {{"participant", pid}, {"value", "6"}}).status, 303);
    EXPECT_TRUE(has(worker.get(mapping).body, "Signs of Stability"));

    auto page = admin.get("/admin/practice");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page.body, "Built in: Stability goal"));
    auto saved = admin.post(
        "/admin/practice/wording/stability",
        stability_form(admin, {{"stability-name", "Signs of Success"},
                               {"stability-goal", "Success goal"},
                               {"stability-scale_question", "How settled is <b>life</b> now?"}}));
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
    EXPECT_EQ(server.audit_count("wording-change"), 1);

    auto after = worker.get(mapping).body;
    EXPECT_TRUE(has(after, "Signs of Success"));
    EXPECT_TRUE(has(after, "Success goal"));
    EXPECT_TRUE(has(after, "How settled is &lt;b&gt;life&lt;/b&gt; now?"));
    EXPECT_FALSE(has(after, "<b>life</b>"));
    // The score given before keeps the question it was asked with.
    auto exported = worker.get("/api/v1" + mapping).body;
    EXPECT_TRUE(has(exported, "how settled and secure is the young person now?"));
    EXPECT_FALSE(has(exported, "How settled is <b>life</b>"));
    // Other ways of working keep their words.
    EXPECT_TRUE(has(admin.get("/admin/practice").body, "value=\"Signs of Safety\""));

    // Problems are named on the form that was sent, and nothing changes.
    auto bad = admin.post(
        "/admin/practice/wording/stability",
        stability_form(admin, {{"stability-name", ""}, {"stability-goal", std::string(41, 'g')}}));
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "href=\"#stability-name\""));
    EXPECT_TRUE(has(bad.body, "must be 40 characters or fewer"));
    auto unreadable = admin.post("/admin/practice/wording/stability",
                                 stability_form(admin, {{"stability-harm", "bad \xff byte"}}));
    EXPECT_EQ(unreadable.status, 400);
    EXPECT_EQ(admin.post("/admin/practice/wording/party", {{"party-name", "x"}}).status, 404);
    EXPECT_TRUE(has(worker.get(mapping).body, "Signs of Success"));

    // Going back to the built-in words.
    EXPECT_EQ(admin.post("/admin/practice/wording/stability", {{"restore", "yes"}}).status, 303);
    EXPECT_TRUE(has(worker.get(mapping).body, "Signs of Stability"));
}

TEST(PracticeSettings, BandsDecideWhichScoresAlertTheManager) {
    TestServer server;
    auto admin = server.signed_in_as(Role::SystemAdministrator);
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto page = admin.get("/admin/practice").body;
    EXPECT_TRUE(has(page, "A score of 0 or 1 at a meeting"));  // the bands a council starts with
    auto bad = admin.post("/admin/practice/bands",
                          {{"purpose", "review"}, {"low", "5"}, {"high", "2"}, {"why", ""}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Enter what the manager is told"));
    EXPECT_EQ(admin
                  .post("/admin/practice/bands", {{"purpose", "review"},
                                                  {"low", "'; DROP TABLE cases; --"},
                                                  {"high", "3"},
                                                  {"why", "x"}})
                  .status,
              422);
    ASSERT_EQ(admin
                  .post("/admin/practice/bands", {{"purpose", "review"},
                                                  {"low", "2"},
                                                  {"high", "3"},
                                                  {"why", "Low at a review: <talk today>"}})
                  .status,
              303);
    EXPECT_EQ(server.audit_count("escalation-band-add"), 1);

    auto mapping = "/mappings/" + std::to_string(cared_for_mapping(worker));
    worker.post(mapping + "/participants",
                {{"name", "Rhys Onslow"}, {"kind", "child"}, {"took_part", "in-person"}});
    auto body = worker.get(mapping).body;
    auto pid = first_match(body, "/participants/([0-9]+)");
    ASSERT_EQ(worker.post(mapping + "/scores", {{"participant", pid}, {"value", "3"}}).status, 303);
    EXPECT_EQ(server.audit_count("case-alert"), 1);
    auto case_path = first_match(body, "href=\"(/cases/[0-9]+)\"");
    EXPECT_TRUE(has(worker.get(case_path).body, "Low at a review: &lt;talk today&gt;"));

    // Removing every band stops alerts altogether.
    page = admin.get("/admin/practice").body;
    std::regex remove("/admin/practice/bands/([0-9]+)/remove");
    std::vector<std::string> ids;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), remove);
         it != std::sregex_iterator(); ++it)
        ids.push_back((*it)[1]);
    ASSERT_EQ(ids.size(), 3u);
    for (const auto& id : ids)
        EXPECT_EQ(admin.post("/admin/practice/bands/" + id + "/remove", {}).status, 303);
    EXPECT_EQ(admin.post("/admin/practice/bands/" + ids[0] + "/remove", {}).status, 404);
    EXPECT_TRUE(has(admin.get("/admin/practice").body, "No score raises an alert"));
    worker.post(mapping + "/scores", {{"participant", pid}, {"value", "0"}});
    EXPECT_EQ(server.audit_count("case-alert"), 1);
}

TEST(PracticeSettings, OnlyAdministratorsSeeOrChangeThem) {
    TestServer server;
    for (auto role : {Role::Practitioner, Role::TeamManager}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get("/admin/practice").status, 403);
        EXPECT_EQ(someone.post("/admin/practice/wording/safety", {{"restore", "yes"}}).status, 403);
        EXPECT_EQ(someone
                      .post("/admin/practice/bands",
                            {{"purpose", "any"}, {"low", "0"}, {"high", "10"}, {"why", "All"}})
                      .status,
                  403);
    }
    EXPECT_EQ(server.audit_count("wording-change"), 0);
    EXPECT_EQ(server.audit_count("escalation-band-add"), 0);
}

}  // namespace
}  // namespace signs::testing
