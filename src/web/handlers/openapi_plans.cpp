#include "web/handlers/openapi.hpp"

namespace signs::web::handlers {

using namespace openapi;

void add_plan_meeting_paths(nlohmann::json& doc, const ResponsesFor& responses) {
    auto& schemas = doc["components"]["schemas"];
    auto list_of = [](const nlohmann::json& item) {
        return nlohmann::json{{"type", "array"}, {"items", item}};
    };
    auto ref = [](const char* name) {
        return nlohmann::json{{"$ref", std::string{"#/components/schemas/"} + name}};
    };
    schemas["PlanAction"] = object_of({{"ref", kInt},
                                       {"goal_ref",
                                        {{"type", "integer"},
                                         {"nullable", true},
                                         {"description", "null while not yet under a goal"}}},
                                       {"what", kText},
                                       {"owner_kind", kText},
                                       {"owner_name", kText},
                                       {"due_on", kDate},
                                       {"how_known", kText},
                                       {"status", kText},
                                       {"overdue", kBool}});
    schemas["Plan"] = object_of(
        {{"id", kInt},
         {"case_id", kInt},
         {"name", kText},
         {"version", {{"type", "integer"}, {"description", "The version shown"}}},
         {"status", {{"type", "string"}, {"enum", {"draft", "agreed"}}}},
         {"in_force", {{"type", "integer"}, {"nullable", true}}},
         {"versions", {{"type", "array"}}},
         {"bottom_lines", list_of(kText)},
         {"goals", list_of(object_of({{"ref", kInt}, {"text", kText}}))},
         {"actions", list_of(ref("PlanAction"))},
         {"updates", {{"type", "array"}, {"description", "Progress on actions, newest first"}}},
         {"overdue_actions", kInt},
         {"agreement_problems", list_of(kText)}});
    schemas["Meeting"] = object_of(
        {{"id", kInt},
         {"case_id", kInt},
         {"type", kText},
         {"held_on", kDate},
         {"start", {{"type", "string"}, {"description", "HH:MM, Europe/London"}}},
         {"end", {{"type", "string"}, {"description", "HH:MM, Europe/London"}}},
         {"time_zone", kText},
         {"venue", kText},
         {"remote", kBool},
         {"chair", kText},
         {"status", {{"type", "string"}, {"enum", {"arranged", "held", "cancelled"}}}},
         {"cancel_reason", kText},
         {"child_ids", list_of(kInt)},
         {"mapping_id", {{"type", "integer"}, {"nullable", true}}},
         {"plan_version", {{"type", "integer"}, {"nullable", true}}},
         {"decision", kText},
         {"plan_needed", kText},
         {"category", kText},
         {"next_on", kText},
         {"invitees", {{"type", "array"}, {"description", "Only when one meeting is read"}}},
         {"version", kInt}});
    schemas["MeetingList"] = object_of({{"case_id", kInt}, {"meetings", list_of(ref("Meeting"))}});
    auto deadline = object_of({{"rule", kText},
                               {"name", kText},
                               {"rule_text", kText},
                               {"source", kText},
                               {"from_on", kDate},
                               {"due_on", kDate},
                               {"booked_on", kText},
                               {"overdue", kBool}});
    auto due_row = object_of({{"case_id", kInt},
                              {"family_name", kText},
                              {"worker", kText},
                              {"team", kText},
                              {"rule", kText},
                              {"name", kText},
                              {"from_on", kDate},
                              {"due_on", kDate},
                              {"booked_on", kText},
                              {"overdue", kBool}});
    schemas["CaseDeadlines"] =
        object_of({{"case_id", kInt},
                   {"deadlines",
                    {{"type", "array"},
                     {"items", deadline},
                     {"description",
                      "Outstanding, soonest first, each with its rule in words and source"}}}});
    schemas["DueList"] = object_of({{"scope", kText},
                                    {"within", kText},
                                    {"page", kInt},
                                    {"page_size", kInt},
                                    {"total", kInt},
                                    {"counted_up_to", kInt},
                                    {"deadlines", list_of(due_row)}});
    auto visit = object_of({{"id", kInt},
                            {"child_id", kInt},
                            {"child_name", kText},
                            {"visited_on", kDate},
                            {"seen_alone", kBool},
                            {"recorded_by", kText},
                            {"recorded_at", kText}});
    schemas["CaseVisits"] =
        object_of({{"case_id", kInt}, {"latest", list_of(visit)}, {"recent", list_of(visit)}});

    auto& paths = doc["paths"];
    paths["/cases/{id}/plan"]["get"] =
        operation(responses, "The case's plan, latest version (audited as a view, like the page)",
                  "getCasePlan", path_params({"id"}), nullptr, "#/components/schemas/Plan", 200);
    auto plan_params = path_params({"id"});
    plan_params.push_back({{"name", "version"}, {"in", "query"}, {"schema", kInt}});
    paths["/plans/{id}"]["get"] =
        operation(responses, "A plan; one version with ?version=N", "getPlan", plan_params, nullptr,
                  "#/components/schemas/Plan", 200);
    paths["/plans/{id}/actions/{ref}/progress"]["post"] = operation(
        responses, "Progress on an action of the plan in force", "addPlanProgress",
        path_params({"id", "ref"}),
        object_of(
            {{"status",
              {{"type", "string"}, {"enum", {"not-started", "on-track", "done", "not-happening"}}}},
             {"note", kText},
             {"on", kDate}},
            {"status", "on"}),
        "#/components/schemas/Plan", 201);
    paths["/cases/{id}/meetings"]["get"] =
        operation(responses, "The case's meetings, earliest first", "listCaseMeetings",
                  path_params({"id"}), nullptr, "#/components/schemas/MeetingList", 200);
    paths["/cases/{id}/meetings"]["post"] =
        operation(responses, "Arrange a meeting of a kind offered at the case's levels",
                  "arrangeMeeting", path_params({"id"}),
                  object_of({{"type", kText},
                             {"held_on", kDate},
                             {"start", kText},
                             {"end", kText},
                             {"venue", kText},
                             {"remote", kBool},
                             {"chair", kText},
                             {"child_ids", list_of(kInt)}},
                            {"type", "held_on", "start", "end", "chair", "child_ids"}),
                  "#/components/schemas/Meeting", 201);
    paths["/meetings/{id}"]["get"] =
        operation(responses, "One meeting with its invitees and record", "getMeeting",
                  path_params({"id"}), nullptr, "#/components/schemas/Meeting", 200);
    paths["/cases/{id}/deadlines"]["get"] = operation(
        responses, "The case's outstanding statutory and visit deadlines", "getCaseDeadlines",
        path_params({"id"}), nullptr, "#/components/schemas/CaseDeadlines", 200);
    paths["/cases/{id}/visits"]["get"] = operation(
        responses, "Each child's latest visit and the case's recent visits", "getCaseVisits",
        path_params({"id"}), nullptr, "#/components/schemas/CaseVisits", 200);
    paths["/cases/{id}/visits"]["post"] = operation(
        responses,
        "Record a visit: the children seen, and those seen alone (children in neither list "
        "were not seen)",
        "recordVisit", path_params({"id"}),
        object_of({{"visited_on", kDate}, {"seen", list_of(kInt)}, {"seen_alone", list_of(kInt)}},
                  {"visited_on"}),
        "#/components/schemas/CaseVisits", 201);
    auto due_params = nlohmann::json::array(
        {{{"name", "scope"},
          {"in", "query"},
          {"schema", {{"type", "string"}, {"enum", {"mine", "team", "service"}}}}},
         {{"name", "within"},
          {"in", "query"},
          {"schema", {{"type", "string"}, {"enum", {"overdue", "5", "20", "all"}}}}},
         {{"name", "rule"}, {"in", "query"}, {"schema", list_of(kText)}},
         {{"name", "page"}, {"in", "query"}, {"schema", kInt}}});
    paths["/due"]["get"] = operation(
        responses,
        "Due and overdue deadlines: the caller's own cases, their team's, or (managers and "
        "chairs) the whole service's, soonest first, 100 a page",
        "listDue", due_params, nullptr, "#/components/schemas/DueList", 200);
}

}  // namespace signs::web::handlers
