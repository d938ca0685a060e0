// The casework API end to end with a session: the same rules and checks as the pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support/casework_steps.hpp"
#include "support/test_server.hpp"

namespace signs::testing {
namespace {

using domain::Role;
using nlohmann::json;

json parsed(const HttpResult& r) { return json::parse(r.body, nullptr, false); }

TEST(CaseworkApi, AFamilysWorkThroughTheApi) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    auto child = worker.send_json(
        "POST", "/api/v1/children",
        R"({"first_name":"Maya","last_name":"Carter","date_of_birth":"2019-03-02","sex":"F"})");
    ASSERT_EQ(child.status, 201) << child.body;
    auto child_id = parsed(child)["id"].get<std::int64_t>();
    auto id = std::to_string(child_id);

    auto opened = worker.send_json("POST", "/api/v1/cases",
                                   json{{"family_name", "Carter family"},
                                        {"child_ids", {child_id}},
                                        {"level", "early-help"},
                                        {"date", "2026-11-02"},
                                        {"reason", "Nursery worried about sleep"}}
                                       .dump());
    ASSERT_EQ(opened.status, 201) << opened.body;
    auto case_id = std::to_string(parsed(opened)["id"].get<std::int64_t>());
    auto list = parsed(worker.get("/api/v1/cases"));
    ASSERT_EQ(list["cases"].size(), 1u);
    EXPECT_EQ(list["cases"][0]["level"], "early-help");

    auto stepped = worker.send_json(
        "POST", "/api/v1/cases/" + case_id + "/children/" + id + "/level",
        R"({"level":"child-in-need","date":"2026-11-20","reason":"Assessment found more need"})");
    EXPECT_EQ(stepped.status, 200) << stepped.body;
    auto backwards =
        worker.send_json("POST", "/api/v1/cases/" + case_id + "/children/" + id + "/level",
                         R"({"level":"early-help","date":"2026-11-01","reason":"x"})");
    EXPECT_EQ(backwards.status, 422);
    EXPECT_TRUE(parsed(backwards)["error"]["fields"].contains("date"));

    auto moved = worker.send_json(
        "POST", "/api/v1/children/" + id + "/addresses",
        R"({"lines":"4 Mill Lane","postcode":"sk11 8rh","moved_in":"2024-01-10"})");
    EXPECT_EQ(moved.status, 201) << moved.body;
    auto updated = worker.send_json(
        "PUT", "/api/v1/children/" + id,
        R"({"first_name":"Maya","last_name":"Carter","date_of_birth":"2019-03-02","sex":"F","school":"Brook Lane","version":1})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(parsed(updated)["version"], 2);
    EXPECT_EQ(parsed(updated)["school"], "Brook Lane");
    auto stale = worker.send_json(
        "PUT", "/api/v1/children/" + id,
        R"({"first_name":"Maya","last_name":"Carter","date_of_birth":"2019-03-02","sex":"F","version":1})");
    EXPECT_EQ(stale.status, 409);

    auto parent = worker.send_json(
        "POST", "/api/v1/children/" + id + "/network",
        R"({"first_name":"Dana","last_name":"Carter","relationship":"mother","parental_responsibility":true,"lives_with_child":true,"safety_network":true})");
    EXPECT_EQ(parent.status, 201) << parent.body;
    auto network = parsed(worker.get("/api/v1/children/" + id + "/network"));
    ASSERT_EQ(network["people"].size(), 1u);
    EXPECT_EQ(network["people"][0]["relationship"], "mother");

    auto contact = worker.send_json(
        "POST", "/api/v1/children/" + id + "/contacts",
        R"({"received_at":"2026-11-26T09:30","channel":"phone","referrer_name":"Amara Okafor","referrer_role":"Class teacher","worried":"Hungry at school","scale":4})");
    ASSERT_EQ(contact.status, 201) << contact.body;
    auto contact_id = std::to_string(parsed(contact)["id"].get<std::int64_t>());
    EXPECT_EQ(parsed(contact)["decision_due"], "2026-11-27");
    EXPECT_EQ(parsed(worker.get("/api/v1/contacts"))["contacts"].size(), 1u);
    EXPECT_EQ(parsed(worker.get("/api/v1/cases?due=soon"))["cases"].size(), 1u);
    auto decided = worker.send_json(
        "POST", "/api/v1/contacts/" + contact_id + "/decision",
        R"({"decision":"assessment","reason":"Repeated hunger","referral_source":"2A","version":1})");
    EXPECT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(parsed(worker.get("/api/v1/contacts/" + contact_id))["decision"], "assessment");

    EXPECT_EQ(worker
                  .send_json("POST", "/api/v1/cases/" + case_id + "/allocate",
                             R"({"worker_id":null,"version":1})")
                  .status,
              403);
    auto allocated = manager.send_json("POST", "/api/v1/cases/" + case_id + "/allocate",
                                       R"({"worker_id":null,"version":1})");
    EXPECT_EQ(allocated.status, 200) << allocated.body;
    EXPECT_EQ(parsed(manager.get("/api/v1/cases?view=team&unallocated=yes"))["cases"].size(), 1u);

    auto closed =
        manager.send_json("POST", "/api/v1/cases/" + case_id + "/children/" + id + "/close",
                          R"({"date":"2026-11-26","reason":"RC7","note":"Needs met"})");
    EXPECT_EQ(closed.status, 200) << closed.body;
    EXPECT_TRUE(parsed(manager.get("/api/v1/cases?view=team"))["cases"].empty());
}

TEST(CaseworkApi, WrongTypesAreNamedAndChangeNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto id = std::to_string(child);
    auto bad = worker.send_json("PUT", "/api/v1/children/" + id,
                                R"({"first_name":7,"disabilities":"DEAF","version":"1"})");
    EXPECT_EQ(bad.status, 422);
    auto fields = parsed(bad)["error"]["fields"];
    EXPECT_EQ(fields["first_name"], "first_name must be a string");
    EXPECT_EQ(fields["disabilities"], "disabilities must be a list of strings");
    EXPECT_EQ(fields["version"], "version must be a whole number");
    EXPECT_EQ(worker.send_json("POST", "/api/v1/cases", "[1,2]").status, 422);
    EXPECT_EQ(worker.send_json("POST", "/api/v1/cases", "{not json").status, 422);
    auto wrong_ids = worker.send_json("POST", "/api/v1/cases",
                                      R"({"family_name":"X","child_ids":["1 OR 1=1"]})");
    EXPECT_EQ(wrong_ids.status, 422);
    EXPECT_EQ(parsed(wrong_ids)["error"]["fields"]["child_ids"],
              "child_ids must be a list of whole numbers");
    auto contact = worker.send_json("POST", "/api/v1/children/" + id + "/contacts",
                                    R"({"received_at":"yesterday","scale":"4"})");
    EXPECT_EQ(contact.status, 422);
    EXPECT_EQ(parsed(contact)["error"]["fields"]["scale"], "scale must be a whole number");
    auto outsider = server.signed_in_as(Role::Practitioner, "Northgate Team");
    EXPECT_EQ(outsider.get("/api/v1/children/" + id + "/network").status, 403);
    EXPECT_EQ(
        outsider
            .send_json(
                "PUT", "/api/v1/children/" + id,
                R"({"first_name":"X","last_name":"Y","date_of_birth":"2019-03-02","sex":"F","version":1})")
            .status,
        403);
    EXPECT_EQ(server.audit_count("child-edit"), 0);
    EXPECT_EQ(server.audit_count("case-open"), 0);
}

TEST(CaseworkApi, SearchResultsComeAPageAtATime) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    for (int i = 0; i < 55; ++i) {
        auto dob = core::CivilDate::parse_iso("2010-01-01")->plus_days(i).iso();
        auto added = worker.send_json("POST", "/api/v1/children",
                                      json{{"first_name", "Child" + std::to_string(i)},
                                           {"last_name", "Carter"},
                                           {"date_of_birth", dob},
                                           {"sex", "U"}}
                                          .dump());
        ASSERT_EQ(added.status, 201) << added.body;
    }
    auto first = parsed(worker.get("/api/v1/children?q=Carter"));
    EXPECT_EQ(first["children"].size(), 50u);
    EXPECT_EQ(first["has_more"], true);
    EXPECT_TRUE(first["previous"].is_null());
    ASSERT_TRUE(first["next"].is_string());
    auto next = first["next"].get<std::string>();
    EXPECT_EQ(next, std::to_string(first["children"][49]["id"].get<std::int64_t>()));
    auto second = parsed(worker.get("/api/v1/children?q=Carter&after=" + next));
    EXPECT_EQ(second["children"].size(), 5u);
    EXPECT_EQ(second["has_more"], false);
    EXPECT_TRUE(second["next"].is_null());
    ASSERT_TRUE(second["previous"].is_string());
    // Every child once, in the order they were recorded, across the two pages.
    std::vector<std::int64_t> seen;
    for (const auto* page : {&first, &second}) {
        for (const auto& c : (*page)["children"]) seen.push_back(c["id"].get<std::int64_t>());
    }
    EXPECT_EQ(seen.size(), 55u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), 55u);
    // Back again from the second page gives the first.
    auto back = parsed(
        worker.get("/api/v1/children?q=Carter&before=" + second["previous"].get<std::string>()));
    EXPECT_EQ(back["children"], first["children"]);
    EXPECT_TRUE(back["previous"].is_null());
    EXPECT_EQ(back["next"], first["next"]);

    // A child recorded meanwhile joins the end without moving anyone between pages.
    worker.send_json("POST", "/api/v1/children",
                     json{{"first_name", "Late"},
                          {"last_name", "Carter"},
                          {"date_of_birth", "2012-01-01"},
                          {"sex", "U"}}
                         .dump());
    EXPECT_EQ(parsed(worker.get("/api/v1/children?q=Carter&after=" + next))["children"].size(), 6u);

    auto page = worker.get("/children?q=Carter").body;
    EXPECT_NE(page.find("Showing 1 to 50, and more"), std::string::npos);
    EXPECT_NE(
        page.find("href=\"/children?q=Carter&amp;after=" + next + "&amp;from=51\" rel=\"next\""),
        std::string::npos);
    EXPECT_EQ(page.find("rel=\"prev\""), std::string::npos);
    auto last = worker.get("/children?q=Carter&after=" + next + "&from=51").body;
    EXPECT_NE(last.find("Showing 51 to 56"), std::string::npos);
    EXPECT_NE(last.find("rel=\"prev\""), std::string::npos);
    EXPECT_EQ(last.find("rel=\"next\""), std::string::npos);
    // Made-up cursors are refused plainly; a made-up position only changes the words.
    for (const char* bad : {"after=-1", "after=abc", "before=1%27%20OR%201=1", "after=1&before=9",
                            "after=99999999999999999999"}) {
        EXPECT_EQ(worker.get(std::string{"/children?q=Carter&"} + bad).status, 400) << bad;
        EXPECT_EQ(worker.get(std::string{"/api/v1/children?q=Carter&"} + bad).status, 400) << bad;
    }
    EXPECT_EQ(worker.get("/children?q=Carter&after=" + next + "&from=-5").status, 200);
    EXPECT_EQ(worker.get("/children?q=Carter&after=999999999").status, 200);
}

/// A child of the Riverside Team with a case open; returns the child's id.
std::string riverside_child(Browser& worker) {
    auto child = worker.send_json(
        "POST", "/api/v1/children",
        R"({"first_name":"Zoë","last_name":"Łukasik","date_of_birth":"2018-05-06","sex":"F"})");
    EXPECT_EQ(child.status, 201) << child.body;
    auto child_id = parsed(child)["id"].get<std::int64_t>();
    auto opened = worker.send_json("POST", "/api/v1/cases",
                                   json{{"family_name", "Łukasik family"},
                                        {"child_ids", {child_id}},
                                        {"level", "child-in-need"},
                                        {"date", "2026-10-01"},
                                        {"reason", "School worried"}}
                                       .dump());
    EXPECT_EQ(opened.status, 201) << opened.body;
    return std::to_string(child_id);
}

/// Every entry, following "next" from page to page.
std::vector<json> every_entry(Browser& who, const std::string& path, int limit) {
    std::vector<json> out;
    std::string after;
    for (int pages = 0; pages < 100; ++pages) {
        auto page = parsed(who.get(path + "?limit=" + std::to_string(limit) +
                                   (after.empty() ? "" : "&after=" + after)));
        for (const auto& e : page["entries"]) out.push_back(e);
        if (page["next"].is_null()) break;
        after = page["next"].get<std::string>();
    }
    return out;
}

TEST(ChronologyApi, EntriesComeAPageAtATimeNewestFirstAndNewOnesShiftNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto id = riverside_child(worker);
    auto path = "/api/v1/children/" + id + "/chronology";
    for (int i = 0; i < 45; ++i) {
        // Several on each day, so the order within a day (by id) is tried too.
        auto day = core::CivilDate::parse_iso("2026-10-02")->plus_days(i / 3).iso();
        auto added = worker.send_json("POST", path,
                                      json{{"kind", "visit"},
                                           {"date", day},
                                           {"summary", "Visit " + std::to_string(i) + " — ليلى"}}
                                          .dump());
        ASSERT_EQ(added.status, 201) << added.body;
        EXPECT_GT(parsed(added)["id"].get<std::int64_t>(), 0);
    }
    auto all = every_entry(worker, path, 200);
    ASSERT_EQ(all.size(), 47u);  // and the record's start and the case opening signs noted
    for (std::size_t i = 1; i < all.size(); ++i) {
        auto before = all[i - 1], after = all[i];
        EXPECT_TRUE(before["date"] > after["date"] ||
                    (before["date"] == after["date"] && before["id"] > after["id"]))
            << i;
    }
    EXPECT_EQ(all.front()["summary"], "Visit 44 — ليلى");
    EXPECT_EQ(all.front()["source"], "manual");
    EXPECT_EQ(all.back()["source"], "record");

    // Pages of 10 give the same entries in the same order, the last page saying so.
    auto paged = every_entry(worker, path, 10);
    ASSERT_EQ(paged.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i]["id"], all[i]["id"]);
    auto first = parsed(worker.get(path + "?limit=10"));
    ASSERT_EQ(first["entries"].size(), 10u);
    EXPECT_EQ(parsed(worker.get(path))["entries"].size(), 47u);  // 50 unless asked

    // An entry added between two pages is newest, and moves nothing into the second page.
    ASSERT_EQ(worker
                  .send_json("POST", path,
                             R"({"kind":"incident","date":"2026-11-26","summary":"A new one"})")
                  .status,
              201);
    auto second = parsed(worker.get(path + "?limit=10&after=" + first["next"].get<std::string>()));
    ASSERT_EQ(second["entries"].size(), 10u);
    EXPECT_EQ(second["entries"][0]["id"], all[10]["id"]);
    EXPECT_EQ(server.audit_count("chronology-add"), 46);
}

TEST(ChronologyApi, BadRequestsAreNamedAndChangeNothing) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto id = riverside_child(worker);
    auto path = "/api/v1/children/" + id + "/chronology";
    for (const auto* query :
         {"?limit=0", "?limit=201", "?limit=ten", "?limit=-3", "?after=yesterday",
          "?after=2026-13-01.4", "?after=2026-11-01.x", "?after=..%2F..%2Fetc%2Fpasswd",
          "?after=2026-11-01.1%27%20OR%201=1"}) {
        auto answer = worker.get(path + query);
        EXPECT_EQ(answer.status, 422) << query;
        auto field = std::string{query}.substr(1, std::string{query}.find('=') - 1);
        EXPECT_TRUE(parsed(answer)["error"]["fields"].contains(field)) << query << answer.body;
    }
    auto send = [&](const std::string& body) { return worker.send_json("POST", path, body); };
    EXPECT_EQ(send(R"({"kind":"visit","date":"2026-11-01"})").status, 422);  // no summary
    EXPECT_EQ(send(R"({"kind":"party","date":"2026-11-01","summary":"x"})").status, 422);
    EXPECT_EQ(send(R"({"kind":"visit","date":"2099-01-01","summary":"x"})").status, 422);
    EXPECT_EQ(send(R"({"kind":"visit","date":"1st May","summary":"x"})").status, 422);
    EXPECT_EQ(send(R"({"kind":"visit","date":"2026-11-01","summary":42})").status, 422);
    EXPECT_EQ(
        send(json{{"kind", "visit"}, {"date", "2026-11-01"}, {"summary", std::string(10001, 'a')}}
                 .dump())
            .status,
        422);
    EXPECT_EQ(send("{\"kind\":\"visit\",\"date\":\"2026-11-01\",\"summary\":\"\xff\"}").status,
              400);
    EXPECT_EQ(send("not json").status, 422);
    EXPECT_EQ(send(R"({"summary":")" + std::string(2 * 1024 * 1024, 'a') + "\"}").status, 413);
    EXPECT_EQ(parsed(worker.get(path))["entries"].size(), 2u);  // nothing kept
    // Script and SQL are kept as the words written, and given back as data.
    auto odd = send(
        R"({"kind":"event","date":"2026-11-01","summary":"<script>alert(1)</script>'; DROP TABLE children; --"})");
    ASSERT_EQ(odd.status, 201) << odd.body;
    EXPECT_EQ(parsed(worker.get(path))["entries"][0]["summary"],
              "<script>alert(1)</script>'; DROP TABLE children; --");
    EXPECT_EQ(worker.get("/api/v1/children/999999/chronology").status, 404);
    EXPECT_EQ(send(R"({"kind":"visit","date":"2026-11-01","summary":"x"})").status, 201);
    EXPECT_EQ(worker
                  .send_json("POST", "/api/v1/children/999999/chronology",
                             R"({"kind":"visit","date":"2026-11-01","summary":"x"})")
                  .status,
              404);
}

TEST(ChronologyApi, OnlyThoseWhoMayOpenTheChildReadOrAdd) {
    TestServer server;
    auto worker = server.signed_in_as(Role::Practitioner, "Riverside Team");
    auto id = riverside_child(worker);
    auto path = "/api/v1/children/" + id + "/chronology";
    auto entry = R"({"kind":"meeting","date":"2026-11-02","summary":"Met at school"})";
    auto manager = server.signed_in_as(Role::TeamManager, "Riverside Team");
    EXPECT_EQ(manager.get(path).status, 200);
    EXPECT_EQ(manager.send_json("POST", path, entry).status, 201);
    auto elsewhere = server.signed_in_as(Role::Practitioner, "Hillside Team");
    EXPECT_EQ(elsewhere.get(path).status, 403);
    EXPECT_EQ(elsewhere.send_json("POST", path, entry).status, 403);
    for (auto role : {Role::TrainingAdministrator, Role::SystemAdministrator}) {
        auto someone = server.signed_in_as(role, "Riverside Team");
        EXPECT_EQ(someone.get(path).status, 403);
        EXPECT_EQ(someone.send_json("POST", path, entry).status, 403);
    }
    auto visitor = server.browser();
    EXPECT_EQ(visitor.get(path).status, 401);
    EXPECT_EQ(parsed(worker.get(path))["entries"].size(), 3u);  // signs' own two, and one
    // Each read is audited as a view of the child's chronology.
    auto lease = server.db().lease();
    int views = 0;
    lease.sql() << "SELECT COUNT(*) FROM audit_events WHERE action = 'view' AND detail = "
                   "'chronology'",
        soci::into(views);
    EXPECT_GE(views, 1);
}

}  // namespace
}  // namespace signs::testing
