#include "support/casework_steps.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace signs::testing {

Fields child_fields(const std::string& first, const std::string& last, const std::string& dob) {
    return {{"first_name", first},          {"last_name", last},
            {"dob-day", dob.substr(8, 2)},  {"dob-month", dob.substr(5, 2)},
            {"dob-year", dob.substr(0, 4)}, {"sex", "F"},
            {"ethnicity", "NOBT"},          {"interpreter", "no"}};
}

std::int64_t id_from(const HttpResult& response, const std::string& prefix) {
    std::smatch m;
    auto location = response.header("location");
    if (!std::regex_search(location, m, std::regex(prefix + "([0-9]+)"))) return 0;
    return std::stoll(m[1]);
}

std::int64_t add_child(Browser& browser, const Fields& fields) {
    browser.get("/children/new");
    auto response = browser.post("/children", fields);
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 2000);
    return id_from(response, "/children/");
}

Fields level_fields(const std::string& level, const std::string& date, const std::string& reason,
                    const std::string& category, const std::string& legal) {
    return {{"level", level},
            {"date-day", date.substr(8, 2)},
            {"date-month", date.substr(5, 2)},
            {"date-year", date.substr(0, 4)},
            {"reason", reason},
            {"category", category},
            {"legal_status", legal}};
}

std::int64_t open_case(Browser& browser, std::int64_t child_id, const std::string& level) {
    browser.get("/cases/new?child=" + std::to_string(child_id));
    auto fields = level_fields(level, "2026-11-02",
                               "School and health visitor are worried about sleep and food");
    fields.emplace_back("children", std::to_string(child_id));
    fields.emplace_back("family_name", "Carter family");
    auto response = browser.post("/cases", fields);
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 3000);
    return id_from(response, "/cases/");
}

Fields contact_fields() {
    return {{"received-day", "26"},
            {"received-month", "11"},
            {"received-year", "2026"},
            {"received-hour", "9"},
            {"received-minute", "30"},
            {"channel", "phone"},
            {"referrer_name", "Amara Okafor"},
            {"referrer_role", "Class teacher"},
            {"referrer_agency", "Brook Lane Primary"},
            {"worried", "Maya has come to school hungry three days this week."},
            {"working_well", "Her mum always collects her."},
            {"scale", "4"}};
}

std::int64_t record_contact(Browser& browser, std::int64_t child, const Fields& fields) {
    auto path = "/children/" + std::to_string(child);
    browser.get(path + "/contacts/new");
    auto response = browser.post(path + "/contacts", fields);
    EXPECT_EQ(response.status, 303) << response.body.substr(0, 3000);
    return id_from(response, "/contacts/");
}

std::int64_t case_with_strategy_discussion(Browser& worker, const std::string& family,
                                           const std::string& child_name) {
    auto child = add_child(worker, child_fields(child_name, "Carter"));
    worker.get("/cases/new?child=" + std::to_string(child));
    auto fields = level_fields("child-in-need", "2026-11-02", "Worried about sleep and food");
    fields.emplace_back("children", std::to_string(child));
    fields.emplace_back("family_name", family);
    auto opened = worker.post("/cases", fields);
    EXPECT_EQ(opened.status, 303) << opened.body.substr(0, 2000);
    auto case_id = id_from(opened, "/cases/");
    auto made = worker.post("/cases/" + std::to_string(case_id) + "/meetings",
                            {{"type", "strategy-discussion"},
                             {"date-day", "26"},
                             {"date-month", "11"},
                             {"date-year", "2026"},
                             {"start-hour", "10"},
                             {"start-minute", "00"},
                             {"end-hour", "11"},
                             {"end-minute", "00"},
                             {"venue", "Town Hall"},
                             {"chair", "Sam Okafor"},
                             {"children", std::to_string(child)}});
    EXPECT_EQ(made.status, 303) << made.body.substr(0, 2000);
    return case_id;
}

}  // namespace signs::testing
