// Steps the plan tests share: a mapped case and a plan started from it.
#include "support/plan_steps.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace signs::testing {

std::string first_after(const std::string& body, const std::string& prefix) {
    std::smatch found;
    if (!std::regex_search(body, found, std::regex(prefix + "([0-9]+)"))) return "";
    return found[1];
}

std::int64_t a_mapped_case(Browser& worker) {
    auto child = add_child(worker, child_fields("Maya", "Carter"));
    auto case_id = open_case(worker, child, "child-in-need");
    auto made = worker.post("/cases/" + std::to_string(case_id) + "/mappings",
                            {{"date-day", "20"},
                             {"date-month", "11"},
                             {"date-year", "2026"},
                             {"purpose", "first-assessment"},
                             {"children", std::to_string(child)}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
    auto mapping = "/mappings/" + std::to_string(id_from(made, "/mappings/"));
    auto entry = [&](const std::string& category, const std::string& text,
                     const std::string& answers = "") {
        auto added = worker.post(
            mapping + "/entries",
            {{"category", category}, {"text", text}, {"said_by", "agency"}, {"answers", answers}});
        EXPECT_EQ(added.status, 303) << added.body.substr(0, 2000);
    };
    entry("danger-statement", "Maya could be left alone at night");
    auto statement = first_after(worker.get(mapping).body, "/entries/");
    entry("safety-goal", "An adult the network trusts is with Maya every night", statement);
    entry("next-step", "Find a childminder for Tuesdays");
    entry("bottom-line", "Maya is never left alone overnight");
    return case_id;
}

Fields action_fields(const std::string& goal, const std::string& what, const std::string& day,
                     const std::string& month, const std::string& year) {
    return {{"goal", goal},
            {"what", what},
            {"owner_kind", "network"},
            {"owner_name", "Gran Pat"},
            {"due-day", day},
            {"due-month", month},
            {"due-year", year},
            {"how_known", "Maya tells her teacher each Monday"}};
}

Fields agreed_today() {
    return {{"agreed-day", "26"},
            {"agreed-month", "11"},
            {"agreed-year", "2026"},
            {"where", "Initial child protection conference"}};
}

Planned a_plan(Browser& worker) {
    Planned p;
    p.case_id = a_mapped_case(worker);
    auto base = "/cases/" + std::to_string(p.case_id);
    auto form = worker.get(base + "/plans/new");
    EXPECT_EQ(form.status, 200);
    auto started = worker.post(base + "/plans",
                               {{"mapping", first_after(form.body, "type=\"radio\" value=\"")}});
    EXPECT_EQ(started.status, 303) << started.body.substr(0, 2000);
    p.path = "/plans/" + std::to_string(id_from(started, "/plans/"));
    return p;
}

void agree_mapping(Browser& worker, std::int64_t case_id) {
    auto page = worker.get("/cases/" + std::to_string(case_id)).body;
    auto mapping = "/mappings/" + first_after(page, "/mappings/");
    ASSERT_EQ(worker
                  .post(mapping + "/participants",
                        {{"name", "Dana Carter"}, {"kind", "parent"}, {"took_part", "in-person"}})
                  .status,
              303);
    page = worker.get(mapping).body;
    auto dana = first_after(page, "/participants/");
    auto statement = first_after(page, "/entries/");
    ASSERT_EQ(
        worker
            .post(mapping + "/scores", {{"participant", dana},
                                        {"value", "6"},
                                        {"why_not_lower", "Gran is close by 👵 и всегда помогает"},
                                        {"one_point_higher", "A childminder on Tuesdays"},
                                        {"about", ""}})
            .status,
        303);
    ASSERT_EQ(worker
                  .post(mapping + "/scores",
                        {{"participant", dana}, {"value", "5"}, {"about", statement}})
                  .status,
              303);
    auto agreed = worker.post(mapping + "/status", {{"status", "agreed"}, {"version", "1"}});
    ASSERT_EQ(agreed.status, 303) << agreed.body.substr(0, 3000);
}

}  // namespace signs::testing
