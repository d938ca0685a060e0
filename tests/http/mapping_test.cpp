// Mappings through the real server: who took part, what each said, everyone's number, and
// agreeing the mapping.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;

bool has(const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
}

/// The numbers the page gives its participants and entries, in page order.
std::vector<std::string> ids_after(const std::string& body, const std::string& prefix) {
    std::vector<std::string> out;
    std::regex pattern(prefix + "([0-9]+)");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), pattern);
         it != std::sregex_iterator(); ++it) {
        out.push_back((*it)[1]);
    }
    return out;
}

struct Mapped {
    std::int64_t case_id = 0;
    std::int64_t child = 0;
    std::string path;
};

Mapped a_mapping(Browser& worker, const std::string& level = "child-in-need") {
    Mapped m;
    m.child = add_child(worker, child_fields("Maya", "Carter"));
    m.case_id = open_case(worker, m.child, level);
    auto base = "/cases/" + std::to_string(m.case_id);
    EXPECT_EQ(worker.get(base + "/mappings/new").status, 200);
    auto made = worker.post(base + "/mappings", {{"date-day", "20"},
                                                 {"date-month", "11"},
                                                 {"date-year", "2026"},
                                                 {"purpose", "first-assessment"},
                                                 {"children", std::to_string(m.child)}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
    m.path = "/mappings/" + std::to_string(id_from(made, "/mappings/"));
    return m;
}

TEST(Mappings, AFamilyMapsTheirWorriesStrengthsAndNumbers) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto m = a_mapping(worker);
    auto page = worker.get(m.path).body;
    EXPECT_TRUE(has(page, "Danger statement"));  // child in need: Signs of Safety words
    EXPECT_TRUE(has(page, "Signs of Safety"));
    ASSERT_EQ(worker
                  .post(m.path + "/participants",
                        {{"name", "Dana Carter"}, {"kind", "parent"}, {"took_part", "in-person"}})
                  .status,
              303);
    ASSERT_EQ(worker
                  .post(m.path + "/participants",
                        {{"name", "Pat Carter"}, {"kind", "network"}, {"took_part", "remote"}})
                  .status,
              303);
    page = worker.get(m.path).body;
    auto people = ids_after(page, "/participants/");
    ASSERT_EQ(people.size(), 2u);
    EXPECT_EQ(worker
                  .post(m.path + "/entries", {{"category", "strength"},
                                              {"text", "Dana reads to Maya every night"},
                                              {"said_by", people[1]}})
                  .status,
              303);
    EXPECT_EQ(worker
                  .post(m.path + "/entries", {{"category", "harm"},
                                              {"text", "<script>alert(1)</script> bruise"},
                                              {"said_by", "agency"}})
                  .status,
              303);
    // The builder puts the statement together; the worker adds it.
    auto built =
        worker.post(m.path + "/builder", {{"kind", "statement"},
                                          {"who_is_worried", "The social worker and Pat"},
                                          {"behaviour", "Dana may leave Maya alone at night"},
                                          {"impact", "Maya could be hurt or very frightened"}});
    EXPECT_EQ(built.status, 200);
    EXPECT_TRUE(has(built.body,
                    "The social worker and Pat are worried that Dana may leave Maya "
                    "alone at night, and Maya could be hurt or very frightened."));
    ASSERT_EQ(worker
                  .post(m.path + "/entries",
                        {{"category", "danger-statement"},
                         {"text",
                          "The social worker and Pat are worried that Dana may leave "
                          "Maya alone at night."},
                         {"said_by", "agency"}})
                  .status,
              303);
    page = worker.get(m.path).body;
    EXPECT_TRUE(has(page, "Said by Pat Carter"));
    EXPECT_TRUE(has(page, "&lt;script&gt;"));
    EXPECT_FALSE(has(page, "<script>alert"));
    auto statement = ids_after(page, "value=\"").size();  // page renders without trouble
    (void)statement;
    std::smatch found;
    ASSERT_TRUE(std::regex_search(page, found,
                                  std::regex("<option value=\"([0-9]+)\">Danger statement 1")));
    std::string statement_id = found[1];

    // Agreeing needs a goal for the statement and a number on it.
    auto early = worker.post(m.path + "/status", {{"status", "agreed"}, {"version", "1"}});
    EXPECT_EQ(early.status, 422);
    EXPECT_TRUE(has(early.body, "has no safety goal yet"));
    EXPECT_TRUE(has(early.body, "has not been scaled yet"));
    auto goal_without_link = worker.post(
        m.path + "/entries",
        {{"category", "safety-goal"}, {"text", "An adult is always home"}, {"said_by", "agency"}});
    EXPECT_EQ(goal_without_link.status, 422);
    ASSERT_EQ(worker
                  .post(m.path + "/entries", {{"category", "safety-goal"},
                                              {"text", "A sober adult is always home at night"},
                                              {"said_by", people[0]},
                                              {"answers", statement_id}})
                  .status,
              303);
    for (const auto& bad : {"11", "-1", "four", "", "5.5"}) {
        auto scored = worker.post(m.path + "/scores",
                                  {{"participant", people[0]}, {"value", bad}, {"about", ""}});
        EXPECT_EQ(scored.status, 422) << bad;
        EXPECT_TRUE(has(scored.body, "Enter a whole number from 0 to 10"));
    }
    ASSERT_EQ(worker
                  .post(m.path + "/scores", {{"participant", people[0]},
                                             {"value", "6"},
                                             {"why_not_lower", "I asked for help"},
                                             {"about", ""}})
                  .status,
              303);
    ASSERT_EQ(worker
                  .post(m.path + "/scores", {{"participant", people[1]},
                                             {"value", "3"},
                                             {"one_point_higher", "Dana stops drinking at night"},
                                             {"about", statement_id}})
                  .status,
              303);
    page = worker.get(m.path).body;
    EXPECT_TRUE(has(page, "Not lower because: I asked for help"));
    EXPECT_TRUE(has(page, "One point higher: Dana stops drinking at night"));
    EXPECT_TRUE(has(page, "Answers: The social worker and Pat"));

    ASSERT_EQ(
        worker.post(m.path + "/participants/" + people[0] + "/disagreement", {{"disagrees", "yes"}})
            .status,
        303);
    EXPECT_TRUE(has(worker.get(m.path).body, "Does not agree"));
    auto agreed = worker.post(m.path + "/status", {{"status", "agreed"}, {"version", "1"}});
    ASSERT_EQ(agreed.status, 303) << agreed.body.substr(0, 3000);
    page = worker.get(m.path).body;
    EXPECT_TRUE(has(page, "no longer changed"));
    EXPECT_EQ(worker
                  .post(m.path + "/entries",
                        {{"category", "strength"}, {"text", "More"}, {"said_by", "agency"}})
                  .status,
              409);
    EXPECT_EQ(worker.post(m.path + "/status", {{"status", "draft"}, {"version", "2"}}).status, 409);
    auto case_page = worker.get("/cases/" + std::to_string(m.case_id)).body;
    EXPECT_TRUE(has(case_page, "Agreed"));
    EXPECT_TRUE(has(worker.get("/children/" + std::to_string(m.child)).body,
                    "First assessment mapping started"));
    EXPECT_TRUE(has(page, "Agreed by Person practitioner1"));

    // A review carries every entry forward, to be marked.
    auto review = worker.post(m.path + "/review", {});
    ASSERT_EQ(review.status, 303);
    auto review_path = "/mappings/" + std::to_string(id_from(review, "/mappings/"));
    EXPECT_EQ(worker.post(m.path + "/review", {}).status, 409);
    auto review_page = worker.get(review_path).body;
    EXPECT_TRUE(has(review_page, "Review mapping"));
    EXPECT_TRUE(has(review_page, "Not marked yet"));
    EXPECT_TRUE(has(review_page, "Dana reads to Maya every night"));
    EXPECT_TRUE(has(review_page, "Said by Pat Carter"));
    EXPECT_TRUE(has(review_page, "Answers: The social worker and Pat"));
    EXPECT_TRUE(has(review_page, "not yet marked still true, changed or no longer a concern"));
    EXPECT_FALSE(has(review_page, "<strong>6</strong>"));  // numbers are asked afresh
    auto carried = ids_after(review_page, "/entries/");
    ASSERT_FALSE(carried.empty());
    auto entry_path = review_path + "/entries/" + carried[0];
    auto entry_page = worker.get(entry_path).body;
    EXPECT_TRUE(has(entry_page, "Since the last mapping"));
    std::smatch text_found;
    ASSERT_TRUE(std::regex_search(entry_page, text_found,
                                  std::regex("name=\"text\" rows=\"4\"[^>]*>([^<]*)<")));
    std::smatch category_found;
    ASSERT_TRUE(std::regex_search(entry_page, category_found,
                                  std::regex("<option value=\"([a-z-]+)\" selected")));
    // The textarea holds the words escaped, as a browser receives them.
    std::string words = text_found[1];
    for (const auto& [escaped, plain] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        for (auto at = words.find(escaped); at != std::string::npos; at = words.find(escaped))
            words.replace(at, std::string{escaped}.size(), plain);
    }
    auto marked = worker.post(entry_path, {{"category", category_found[1]},
                                           {"text", words},
                                           {"said_by", "agency"},
                                           {"mark", "resolved"},
                                           {"version", "1"}});
    EXPECT_EQ(marked.status, 303) << marked.body.substr(0, 3000);
    EXPECT_EQ(marked.header("location"), review_path + "?done=saved");
    auto after = worker.get(review_path).body;
    EXPECT_TRUE(has(after, "No longer a concern"));
    EXPECT_TRUE(has(after, "&lt;script&gt;alert(1)&lt;/script&gt; bruise"));
    EXPECT_EQ(worker.post(review_path + "/review", {}).status, 409);  // not agreed yet

    // Over time: the review against the first mapping, and everyone's numbers.
    auto pid = ids_after(worker.get(review_path).body, "/participants/");
    worker.post(review_path + "/scores", {{"participant", pid[0]}, {"value", "8"}});
    auto over = worker.get("/cases/" + std::to_string(m.case_id) + "/mappings/over-time");
    ASSERT_EQ(over.status, 200);
    EXPECT_TRUE(has(over.body, "<polyline points=\""));
    EXPECT_TRUE(has(over.body, "No longer a concern"));
    EXPECT_TRUE(has(over.body, "Still true"));
    EXPECT_TRUE(has(over.body,
                    "<th scope=\"row\" class=\"govuk-table__header\">Dana Carter</th><td "
                    "class=\"govuk-table__cell\">6</td><td class=\"govuk-table__cell\">8</td>"));
    EXPECT_EQ(worker.get("/cases/" + std::to_string(m.case_id) + "/mappings/over-time?from=999999")
                  .status,
              404);

    // The chart alone, as a picture file with its own words (no table beside it).
    auto svg = worker.get("/cases/" + std::to_string(m.case_id) + "/mappings/trend.svg");
    ASSERT_EQ(svg.status, 200);
    EXPECT_EQ(svg.header("content-type"), "image/svg+xml; charset=utf-8");
    EXPECT_TRUE(svg.body.starts_with("<svg "));
    EXPECT_TRUE(has(svg.body, "xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_TRUE(has(svg.body, ">Dana Carter</text>"));
    EXPECT_FALSE(has(svg.body, "table below"));
    EXPECT_FALSE(has(svg.body, "<html"));
    auto stranger = server.signed_in_as(Role::Practitioner, "Hillside Team");
    EXPECT_EQ(stranger.get("/cases/" + std::to_string(m.case_id) + "/mappings/trend.svg").status,
              403);
}

TEST(Mappings, EntriesAreChangedMovedAndRemovedWithTheirHistoryKept) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto colleague = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto m = a_mapping(worker, "early-help");
    EXPECT_TRUE(has(worker.get(m.path).body, "Worry statement"));  // early help wording
    for (const auto& text : {"Walks Maya to school", "Cooks with her at weekends"}) {
        ASSERT_EQ(worker
                      .post(m.path + "/entries",
                            {{"category", "strength"}, {"text", text}, {"said_by", "agency"}})
                      .status,
                  303);
    }
    auto entries = ids_after(worker.get(m.path).body, "/entries/");
    ASSERT_EQ(entries.size(), 2u);
    auto first = m.path + "/entries/" + entries[0];
    EXPECT_EQ(worker.get(first).status, 200);
    colleague.get(first);
    ASSERT_EQ(colleague
                  .post(first, {{"category", "existing-safety"},
                                {"text", "Walks Maya to school every day, on time"},
                                {"said_by", "agency"},
                                {"version", "1"}})
                  .status,
              303);
    auto stale = worker.post(first, {{"category", "strength"},
                                     {"text", "Walks Maya to school most days"},
                                     {"said_by", "agency"},
                                     {"version", "1"}});
    EXPECT_EQ(stale.status, 409);
    EXPECT_TRUE(has(stale.body, "Someone else changed this entry"));
    EXPECT_TRUE(has(stale.body, "every day, on time"));
    EXPECT_TRUE(has(stale.body, "Walks Maya to school most days"));
    auto history = worker.get(first).body;
    EXPECT_TRUE(has(history, "Earlier versions"));
    EXPECT_TRUE(has(history, "<p class=\"govuk-body signs-lines\">Walks Maya to school</p>"));

    auto second = m.path + "/entries/" + entries[1];
    auto long_text = std::string(20000, 'x');
    EXPECT_EQ(worker
                  .post(second, {{"category", "strength"},
                                 {"text", long_text},
                                 {"said_by", "agency"},
                                 {"version", "1"}})
                  .status,
              422);
    EXPECT_EQ(
        worker
            .post(second,
                  {{"category", "strength"}, {"text", ""}, {"said_by", "agency"}, {"version", "1"}})
            .status,
        422);
    EXPECT_EQ(worker.post(second + "/move", {{"way", "remove"}, {"version", "1"}}).status, 303);
    EXPECT_FALSE(has(worker.get(m.path).body, "Cooks with her"));
    EXPECT_EQ(worker.get(second).status, 404);
    EXPECT_EQ(worker.post(second + "/move", {{"way", "up"}, {"version", "x"}}).status, 400);
}

TEST(Mappings, BlindNumbersStayHiddenAndAZeroIsRaisedWithTheManager) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    auto made = worker.post("/cases/" + std::to_string(case_id) + "/mappings",
                            {{"date-day", "26"},
                             {"date-month", "11"},
                             {"date-year", "2026"},
                             {"purpose", "meeting"},
                             {"children", std::to_string(child)},
                             {"blind", "yes"}});
    ASSERT_EQ(made.status, 303);
    auto path = "/mappings/" + std::to_string(id_from(made, "/mappings/"));
    for (const auto& name : {"Dana Carter", "Pat Carter"}) {
        worker.post(path + "/participants",
                    {{"name", name}, {"kind", "parent"}, {"took_part", "in-person"}});
    }
    auto people = ids_after(worker.get(path).body, "/participants/");
    ASSERT_EQ(people.size(), 2u);
    worker.post(path + "/scores",
                {{"participant", people[0]}, {"value", "7"}, {"why_not_lower", "We love her"}});
    auto hidden = worker.get(path).body;
    EXPECT_TRUE(has(hidden, "<strong>Given</strong>"));
    EXPECT_FALSE(has(hidden, "<strong>7</strong>"));
    EXPECT_FALSE(has(hidden, "We love her"));
    worker.post(path + "/scores", {{"participant", people[1]}, {"value", "1"}});
    auto shown = worker.get(path).body;
    EXPECT_TRUE(has(shown, "<strong>7</strong>"));
    EXPECT_TRUE(has(shown, "<strong>1</strong>"));
    // A 1 at a meeting is raised with the manager and recorded on the case.
    auto case_page = manager.get("/cases/" + std::to_string(case_id)).body;
    EXPECT_TRUE(has(case_page, "Raised with the manager"));
    EXPECT_TRUE(has(case_page, "A score of 0 or 1 at a meeting"));
    EXPECT_EQ(server.audit_count("case-alert"), 1);
    EXPECT_TRUE(has(worker.get("/children/" + std::to_string(child)).body,
                    "Raised with the manager: A score of 0 or 1"));

    // The manager's list shows it until they mark it as seen.
    auto tagged = "Carter family</a> <strong class=\"govuk-tag govuk-tag--red\">Alert</strong>";
    EXPECT_TRUE(has(manager.get("/cases?view=team").body, tagged));
    EXPECT_TRUE(has(manager.get("/cases?view=team&alerts=waiting").body, "Carter family"));
    EXPECT_TRUE(has(manager.get("/cases?view=team&alerts=waiting").body, "Alert not yet seen"));
    auto listed = nlohmann::json::parse(manager.get("/api/v1/cases?view=team&alerts=waiting").body);
    ASSERT_EQ(listed["cases"].size(), 1u);
    EXPECT_EQ(listed["cases"][0]["alerts_waiting"], 1);
    std::smatch found;
    ASSERT_TRUE(std::regex_search(case_page, found, std::regex("/alerts/([0-9]+)/seen")));
    auto seen = "/alerts/" + std::string{found[1]} + "/seen";
    EXPECT_FALSE(has(worker.get("/cases/" + std::to_string(case_id)).body, "Mark as seen"));
    EXPECT_EQ(worker.post(seen, {}).status, 403);
    auto other_manager = server.signed_in_as(Role::TeamManager, "Hillside Team");
    EXPECT_EQ(other_manager.post(seen, {}).status, 403);
    EXPECT_EQ(manager.post("/alerts/999999/seen", {}).status, 404);
    auto marked = manager.post(seen, {});
    EXPECT_EQ(marked.status, 303);
    EXPECT_EQ(marked.header("location"), "/cases/" + std::to_string(case_id));
    EXPECT_EQ(manager.post(seen, {}).status, 409);
    EXPECT_EQ(server.audit_count("case-alert-seen"), 1);
    EXPECT_FALSE(has(manager.get("/cases?view=team").body, tagged));
    EXPECT_TRUE(has(manager.get("/cases?view=team&alerts=waiting").body, "No cases match"));
    EXPECT_TRUE(has(manager.get("/cases/" + std::to_string(case_id)).body, "Seen by"));
}

TEST(Mappings, TheApiBuildsAndExportsAMapping) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = std::to_string(open_case(worker, child, "child-in-need"));
    auto parse = [](const HttpResult& r) { return nlohmann::json::parse(r.body, nullptr, false); };
    auto started = worker.send_json(
        "POST", "/api/v1/cases/" + case_id + "/mappings",
        nlohmann::json{
            {"held_on", "2026-11-20"}, {"purpose", "first-assessment"}, {"child_ids", {child}}}
            .dump());
    ASSERT_EQ(started.status, 201) << started.body;
    auto id = std::to_string(parse(started)["id"].get<std::int64_t>());
    auto with_dana = worker.send_json("POST", "/api/v1/mappings/" + id + "/participants",
                                      R"({"name":"Dana","kind":"parent","took_part":"in-person"})");
    ASSERT_EQ(with_dana.status, 200) << with_dana.body;
    auto dana = parse(with_dana)["participants"][0]["id"].get<std::int64_t>();
    auto entry = worker.send_json(
        "POST", "/api/v1/mappings/" + id + "/entries",
        nlohmann::json{{"category", "strength"}, {"text", "Reads every night"}, {"said_by", dana}}
            .dump());
    ASSERT_EQ(entry.status, 200) << entry.body;
    EXPECT_EQ(parse(entry)["entries"][0]["column"], "working");
    auto bad = worker.send_json("POST", "/api/v1/mappings/" + id + "/scores",
                                nlohmann::json{{"participant_id", dana}, {"value", 12}}.dump());
    EXPECT_EQ(bad.status, 422);
    auto wrong_type = worker.send_json("POST", "/api/v1/mappings/" + id + "/scores",
                                       R"({"participant_id":"x","value":"5"})");
    EXPECT_EQ(wrong_type.status, 422);
    auto scored = worker.send_json("POST", "/api/v1/mappings/" + id + "/scores",
                                   nlohmann::json{{"participant_id", dana}, {"value", 6}}.dump());
    ASSERT_EQ(scored.status, 200) << scored.body;
    EXPECT_EQ(parse(scored)["scores"][0]["value"], 6);
    EXPECT_FALSE(parse(scored)["scores"][0]["question"].get<std::string>().empty());
    auto early = worker.send_json("POST", "/api/v1/mappings/" + id + "/status",
                                  R"({"status":"agreed","version":1})");
    EXPECT_EQ(early.status, 422);
    auto entry_id = std::to_string(parse(entry)["entries"][0]["id"].get<std::int64_t>());
    auto edited = worker.send_json(
        "PUT", "/api/v1/mappings/" + id + "/entries/" + entry_id,
        R"({"category":"existing-safety","text":"Reads every night, even when tired","version":1})");
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(parse(edited)["entries"][0]["category"], "existing-safety");
    EXPECT_EQ(worker
                  .send_json("PUT", "/api/v1/mappings/" + id + "/entries/" + entry_id,
                             R"({"text":"Stale","category":"strength","version":1})")
                  .status,
              409);
    EXPECT_EQ(worker
                  .send_json("PUT", "/api/v1/mappings/" + id + "/entries/" + entry_id,
                             R"({"move":"sideways","version":2})")
                  .status,
              422);
    auto removed = worker.send_json("PUT", "/api/v1/mappings/" + id + "/entries/" + entry_id,
                                    R"({"move":"remove","version":2})");
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_TRUE(parse(removed)["entries"].empty());
    worker.send_json(
        "POST", "/api/v1/mappings/" + id + "/entries",
        nlohmann::json{{"category", "strength"}, {"text", "Reads every night"}, {"said_by", dana}}
            .dump());
    auto exported = parse(worker.get("/api/v1/cases/" + case_id + "/mappings"));
    ASSERT_EQ(exported["mappings"].size(), 1u);
    EXPECT_EQ(exported["mappings"][0]["entries"][0]["text"], "Reads every night");
    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    EXPECT_EQ(outsider.get("/api/v1/mappings/" + id).status, 403);
    EXPECT_EQ(outsider.get("/api/v1/cases/" + case_id + "/mappings").status, 403);
}

TEST(Mappings, QuestionsToAskAreShownBesideEachColumnAndCanBeSearched) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto m = a_mapping(worker);
    auto page = worker.get(m.path).body;
    EXPECT_TRUE(has(page, "Questions to ask"));
    EXPECT_TRUE(has(page, "Questions to ask about the numbers"));
    auto all = worker.get("/questions");
    EXPECT_EQ(all.status, 200);
    auto found = worker.get("/questions?q=safe&asked=child&category=existing-safety").body;
    EXPECT_TRUE(has(found, "what helps you feel safe"));
    EXPECT_FALSE(has(found, "What did you see yourself"));
    auto odd = worker.get("/questions?q=%3Cscript%3E&category=nonsense&asked=wizard");
    EXPECT_EQ(odd.status, 200);
    EXPECT_TRUE(has(odd.body, "No questions match"));
    EXPECT_FALSE(has(odd.body, "<script>"));
}

TEST(Mappings, OnlyPeopleWhoMayOpenTheCaseSeeItsMappings) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    auto admin = server.signed_in_as(Role::SystemAdministrator, "Riverside Team");
    auto m = a_mapping(worker);
    EXPECT_EQ(outsider.get(m.path).status, 403);
    EXPECT_EQ(admin.get(m.path).status, 403);
    EXPECT_EQ(
        outsider
            .post(m.path + "/entries", {{"category", "harm"}, {"text", "x"}, {"said_by", "agency"}})
            .status,
        403);
    EXPECT_EQ(outsider
                  .post(m.path + "/participants",
                        {{"name", "X"}, {"kind", "parent"}, {"took_part", "remote"}})
                  .status,
              403);
    EXPECT_EQ(outsider.get("/cases/" + std::to_string(m.case_id) + "/mappings/new").status, 403);
    EXPECT_EQ(worker.get("/mappings/999999").status, 404);
    auto bad = worker.post(
        "/cases/" + std::to_string(m.case_id) + "/mappings",
        {{"date-day", "30"}, {"date-month", "2"}, {"date-year", "2026"}, {"purpose", "party"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad.body, "Select what the mapping is for"));
    EXPECT_TRUE(has(bad.body, "Select the children the mapping is about"));
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Mappings, SomeoneOnTheFamilysRecordsCanTakePart) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto m = a_mapping(worker);
    auto child = std::to_string(m.child);
    auto pat = worker.send_json(
        "POST", "/api/v1/children/" + child + "/network",
        R"({"first_name":"Pat","last_name":"Carter","relationship":"grandparent","safety_network":true})");
    ASSERT_EQ(pat.status, 201) << pat.body;
    auto page = worker.get(m.path).body;
    ASSERT_TRUE(has(page, "Someone on the family&apos;s records"));
    std::smatch found;
    ASSERT_TRUE(
        std::regex_search(page, found, std::regex("<option value=\"([0-9]+)\">Pat Carter")));
    std::string pat_id = found[1];

    auto added = worker.post(
        m.path + "/participants",
        {{"person", pat_id}, {"name", ""}, {"kind", "network"}, {"took_part", "in-person"}});
    EXPECT_EQ(added.status, 303) << added.body.substr(0, 2000);
    page = worker.get(m.path).body;
    EXPECT_TRUE(has(page,
                    "Pat Carter, Safety network member (In the room) <span "
                    "class=\"govuk-body-s\">on the family's records"));
    auto exported = nlohmann::json::parse(worker.get("/api/v1" + m.path).body);
    EXPECT_EQ(exported["participants"][0]["person_id"], std::stoll(pat_id));

    // Someone from another family's records cannot be chosen, and a made-up number is refused.
    auto other = add_child(worker, child_fields("Leo", "Marsh"));
    auto stranger =
        worker.send_json("POST", "/api/v1/children/" + std::to_string(other) + "/network",
                         R"({"first_name":"Sid","last_name":"Marsh","relationship":"father"})");
    auto sid = nlohmann::json::parse(stranger.body)["person_id"];
    auto refused =
        worker.post(m.path + "/participants",
                    {{"person", sid.dump()}, {"kind", "network"}, {"took_part", "in-person"}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(has(refused.body, "Select someone on this family&apos;s records"));
    EXPECT_EQ(worker
                  .post(m.path + "/participants",
                        {{"person", "../1"}, {"kind", "network"}, {"took_part", "in-person"}})
                  .status,
              400);
    auto api = worker.send_json(
        "POST", "/api/v1" + m.path + "/participants",
        R"({"person_id":)" + sid.dump() + R"(,"kind":"network","took_part":"remote"})");
    EXPECT_EQ(api.status, 422);
    EXPECT_EQ(nlohmann::json::parse(worker.get("/api/v1" + m.path).body)["participants"].size(),
              1u);
}

TEST(Mappings, WhoTookPartKeepsTheirCurrentNameAndProfessionalsComeFromTheStaff) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager_id = server.add_user("lead@example.org", Role::TeamManager, "Riverside Team");
    auto chair_id = server.add_user("chair@example.org", Role::ConferenceChair, "Review Unit");
    auto elsewhere_id = server.add_user("far@example.org", Role::Practitioner, "Hillside Team");
    auto m = a_mapping(worker);
    auto child = std::to_string(m.child);

    auto page = worker.get(m.path).body;
    ASSERT_TRUE(has(page, "A professional working with signs"));
    EXPECT_TRUE(has(page, "<option value=\"" + std::to_string(manager_id) + "\">Person lead"));
    EXPECT_TRUE(has(page, "<option value=\"" + std::to_string(chair_id) + "\">Person chair"));
    EXPECT_FALSE(has(page, "<option value=\"" + std::to_string(elsewhere_id) + "\""))
        << "another team's worker is not offered";

    // Chosen from the staff: their name comes from their account, and they are a professional.
    ASSERT_EQ(worker
                  .post(m.path + "/participants", {{"professional", std::to_string(manager_id)},
                                                   {"name", ""},
                                                   {"kind", ""},
                                                   {"took_part", "remote"}})
                  .status,
              303);
    EXPECT_TRUE(has(worker.get(m.path).body,
                    "Person lead, Professional (By phone or video) <span "
                    "class=\"govuk-body-s\">works with signs"));

    // Refused: someone from another team, two choices at once, and made-up values.
    for (const auto& fields :
         std::vector<Fields>{{{"professional", std::to_string(elsewhere_id)}},
                             {{"professional", "99999"}},
                             {{"professional", "1 OR 1=1"}},
                             {{"professional", "<script>alert(1)</script>"}},
                             {{"professional", std::to_string(chair_id)}, {"person", "1"}}}) {
        auto with = fields;
        with.emplace_back("kind", "professional");
        with.emplace_back("took_part", "in-person");
        auto refused = worker.post(m.path + "/participants", with);
        EXPECT_TRUE(refused.status == 422 || refused.status == 400) << fields[0].second;
        EXPECT_FALSE(has(refused.body, "<script>alert(1)")) << fields[0].second;
    }
    auto api = worker.send_json(
        "POST", "/api/v1" + m.path + "/participants",
        R"({"user_id":)" + std::to_string(chair_id) + R"(,"took_part":"in-person"})");
    ASSERT_EQ(api.status, 200) << api.body;
    auto exported = nlohmann::json::parse(worker.get("/api/v1" + m.path).body)["participants"];
    ASSERT_EQ(exported.size(), 2u);
    EXPECT_EQ(exported[0]["user_id"], manager_id);
    EXPECT_EQ(exported[1]["user_id"], chair_id);
    EXPECT_EQ(exported[1]["kind"], "professional");

    // Someone from the family's records who later changes their name is shown by their new
    // one, with what they were called when they took part; what they said follows them.
    auto pat = worker.send_json(
        "POST", "/api/v1/children/" + child + "/network",
        R"({"first_name":"Pat","last_name":"Carter","relationship":"grandparent","safety_network":true})");
    ASSERT_EQ(pat.status, 201) << pat.body;
    auto pat_id = nlohmann::json::parse(pat.body)["person_id"].get<std::int64_t>();
    ASSERT_EQ(worker
                  .post(m.path + "/participants", {{"person", std::to_string(pat_id)},
                                                   {"kind", "network"},
                                                   {"took_part", "in-person"}})
                  .status,
              303);
    exported = nlohmann::json::parse(worker.get("/api/v1" + m.path).body)["participants"];
    auto said_by = exported[2]["id"].get<std::int64_t>();
    ASSERT_EQ(worker
                  .post(m.path + "/entries", {{"category", "strength"},
                                              {"text", "Pat collects Maya from school every day"},
                                              {"said_by", std::to_string(said_by)}})
                  .status,
              303);
    {
        auto lease = server.db().lease();
        long long key = pat_id;
        lease.sql() << "UPDATE people SET last_name = 'Okonjo' WHERE id = :id", soci::use(key);
    }
    page = worker.get(m.path).body;
    EXPECT_TRUE(has(page, "Pat Okonjo, Safety network member"));
    EXPECT_TRUE(has(page, "(named Pat Carter when they took part)"));
    EXPECT_FALSE(has(page, ">Pat Carter<")) << "the old name is not offered as who said it";
    exported = nlohmann::json::parse(worker.get("/api/v1" + m.path).body);
    EXPECT_EQ(exported["participants"][2]["name"], "Pat Okonjo");
    EXPECT_EQ(exported["participants"][2]["recorded_name"], "Pat Carter");
    EXPECT_EQ(exported["entries"][0]["said_by"], said_by);
}

}  // namespace
}  // namespace signs::testing

namespace signs::testing {
namespace {

TEST(Mappings, AReadyDrawnPageIsEachPersonsOwnAndNeverOutOfDate) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");     // user 1
    auto colleague = server.signed_in_as(Role::Practitioner, "Riverside Team");  // user 2
    auto admin = server.signed_in_as(Role::SystemAdministrator);                 // user 3
    auto m = a_mapping(worker);
    auto first = worker.get(m.path).body;
    auto second = colleague.get(m.path).body;
    // The same page for both, but each with their own name and their own form token.
    // (Both are listed among the professionals who may take part, so the account's own
    // place in the header is what is checked.)
    const std::string account = "signs-account__name\">";
    EXPECT_TRUE(has(first, account + "Person practitioner1<"));
    EXPECT_TRUE(has(second, account + "Person practitioner2<"));
    EXPECT_FALSE(has(second, account + "Person practitioner1<"));
    EXPECT_TRUE(has(second, "value=\"" + colleague.csrf() + "\""));
    EXPECT_FALSE(has(second, worker.csrf()));
    EXPECT_EQ(colleague
                  .post(m.path + "/participants",
                        {{"name", "Dana Carter"}, {"kind", "parent"}, {"took_part", "in-person"}})
                  .status,
              303);
    EXPECT_TRUE(has(worker.get(m.path).body, "Dana Carter, Parent or carer"));
    // The one parameter the page reads has its own kept copy; made-up ones change nothing.
    EXPECT_TRUE(has(worker.get(m.path + "?done=saved").body, "govuk-notification-banner"));
    EXPECT_FALSE(has(worker.get(m.path).body, "govuk-notification-banner"));
    EXPECT_FALSE(has(worker.get(m.path + "?x=1").body, "govuk-notification-banner"));

    // A change made elsewhere (the child's name, through the API) shows at once.
    auto child = std::to_string(m.child);
    auto renamed = worker.send_json(
        "PUT", "/api/v1/children/" + child,
        R"({"first_name":"Maia","last_name":"Carter","date_of_birth":"2019-03-02","sex":"F","version":1})");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_TRUE(has(worker.get(m.path).body, "Maia Carter"));

    // Access is checked every time: a restricted record closes the ready-drawn page too.
    admin.get("/admin/restrictions");
    ASSERT_EQ(admin
                  .post("/admin/restrictions", {{"child", child},
                                                {"emails", "practitioner1@example.org"},
                                                {"reason", "A member of staff's own family"}})
                  .status,
              303);
    EXPECT_EQ(colleague.get(m.path).status, 403);
    EXPECT_EQ(colleague.get("/cases/" + std::to_string(m.case_id) + "/mappings/trend.svg").status,
              403);
    EXPECT_EQ(worker.get(m.path).status, 200);
}

}  // namespace
}  // namespace signs::testing
