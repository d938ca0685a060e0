#include "web/handlers/openapi.hpp"

namespace signs::web::handlers {

using namespace openapi;

void add_casework_change_paths(nlohmann::json& doc, const ResponsesFor& responses) {
    auto& schemas = doc["components"]["schemas"];
    schemas["Done"] = {{"type", "object"}};
    schemas["CaseList"] = object_of({{"cases",
                                      {{"type", "array"},
                                       {"items", object_of({{"case_id", kInt},
                                                            {"family_name", kText},
                                                            {"worker", kText},
                                                            {"child_id", kInt},
                                                            {"child_name", kText},
                                                            {"level", kText},
                                                            {"level_since", kDate},
                                                            {"next_due", kDate}})}}}});
    schemas["Contact"] = object_of({{"id", kInt},
                                    {"child_id", kInt},
                                    {"received_at", kText},
                                    {"channel", kText},
                                    {"referrer_name", kText},
                                    {"referrer_role", kText},
                                    {"worried", kText},
                                    {"working_well", kText},
                                    {"needs_to_happen", kText},
                                    {"scale", kInt},
                                    {"decision_due", kDate},
                                    {"decision", kText},
                                    {"version", kInt}});
    schemas["ContactList"] = object_of(
        {{"contacts", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Contact"}}}}}});
    schemas["Network"] =
        object_of({{"people", {{"type", "array"}}}, {"professionals", {{"type", "array"}}}});
    auto level = object_of({{"level", kText},
                            {"date", kDate},
                            {"reason", kText},
                            {"category", kText},
                            {"legal_status", kText}},
                           {"level", "date", "reason"});
    const std::string done = "#/components/schemas/Done";
    auto& paths = doc["paths"];

    auto list_params = nlohmann::json::array(
        {{{"name", "view"}, {"in", "query"}, {"schema", {{"type", "string"}, {"enum", {"team"}}}}},
         {{"name", "level"}, {"in", "query"}, {"schema", {{"type", "array"}, {"items", kText}}}},
         {{"name", "unallocated"}, {"in", "query"}, {"schema", kText}},
         {{"name", "due"}, {"in", "query"}, {"schema", {{"type", "string"}, {"enum", {"soon"}}}}},
         {{"name", "alerts"},
          {"in", "query"},
          {"schema", {{"type", "string"}, {"enum", {"waiting"}}}}},
         {{"name", "overdue"},
          {"in", "query"},
          {"schema", {{"type", "string"}, {"enum", {"actions"}}}}}});
    paths["/cases"]["get"] =
        operation(responses,
                  "My cases, or with view=team the team's; filtered by level, "
                  "allocation, what is due in 5 working days, alerts no manager has seen and "
                  "overdue plan actions",
                  "listCases", list_params, nullptr, "#/components/schemas/CaseList", 200);
    auto open = level;
    open["properties"]["family_name"] = kText;
    open["properties"]["child_ids"] = {{"type", "array"}, {"items", kInt}};
    paths["/cases"]["post"] = operation(responses, "Open a case for children you may open",
                                        "openCase", {}, open, done, 201);
    paths["/cases/{id}/allocate"]["post"] = operation(
        responses, "Allocate a case to a worker in the manager's team, or none (managers only)",
        "allocateCase", path_params({"id"}),
        object_of({{"worker_id", kInt}, {"version", kInt}}, {"version"}), done, 200);
    auto join = level;
    join["properties"]["child_id"] = kInt;
    paths["/cases/{id}/children"]["post"] =
        operation(responses, "Add a child to an open case at a first level", "addChildToCase",
                  path_params({"id"}), join, done, 200);
    paths["/cases/{id}/children/{child}/level"]["post"] =
        operation(responses, "Step a child up or down, or change category or legal status",
                  "changeLevel", path_params({"id", "child"}), level, done, 200);
    paths["/cases/{id}/children/{child}/close"]["post"] = operation(
        responses, "End a child's part in a case with a census closure reason (RC1-RC9)",
        "closeChild", path_params({"id", "child"}),
        object_of({{"date", kDate}, {"reason", kText}, {"note", kText}}, {"date", "reason"}), done,
        200);
    auto child = nlohmann::json{{"$ref", "#/components/schemas/Child"}};
    paths["/children/{id}"]["put"] =
        operation(responses, "Change a child's details; send the version you read", "updateChild",
                  path_params({"id"}), child, "#/components/schemas/Child", 200);
    paths["/children/{id}/addresses"]["post"] =
        operation(responses, "Record a move to a new address", "addAddress", path_params({"id"}),
                  object_of({{"lines", kText}, {"postcode", kText}, {"moved_in", kDate}},
                            {"lines", "moved_in"}),
                  done, 201);
    schemas["ChronologyPage"] = object_of(
        {{"entries",
          {{"type", "array"},
           {"items", object_of({{"id", kInt},
                                {"date", kDate},
                                {"kind", kText},
                                {"summary", kText},
                                {"source", {{"type", "string"}, {"enum", {"record", "manual"}}}},
                                {"recorded_by",
                                 {{"type", "string"},
                                  {"nullable", true},
                                  {"description", "Null for what signs noted itself"}}},
                                {"recorded_at", kText}})}}},
         {"next",
          {{"type", "string"},
           {"nullable", true},
           {"description", "Send as after= for the next page; null on the last page"}}}});
    auto chronology_params = path_params({"id"});
    chronology_params.push_back({{"name", "limit"},
                                 {"in", "query"},
                                 {"description", "Entries per page, 1 to 200 (50 unless given)"},
                                 {"schema", kInt}});
    chronology_params.push_back({{"name", "after"},
                                 {"in", "query"},
                                 {"description", "The next value of the page before"},
                                 {"schema", kText}});
    paths["/children/{id}/chronology"]["get"] = operation(
        responses, "A child's chronology, newest first, a page at a time", "getChronology",
        chronology_params, nullptr, "#/components/schemas/ChronologyPage", 200);
    paths["/children/{id}/chronology"]["post"] = operation(
        responses,
        "Add an entry: kind is visit, meeting, agency-contact, incident or event; date is "
        "today or before",
        "addChronologyEntry", path_params({"id"}),
        object_of({{"kind", kText}, {"date", kDate}, {"summary", kText}},
                  {"kind", "date", "summary"}),
        "#/components/schemas/Created", 201);
    paths["/children/{id}/network"]["get"] =
        operation(responses, "The people and professionals around a child", "getNetwork",
                  path_params({"id"}), nullptr, "#/components/schemas/Network", 200);
    paths["/children/{id}/network"]["post"] =
        operation(responses, "Link a new person, or person_id from a brother's or sister's network",
                  "addNetworkMember", path_params({"id"}),
                  object_of({{"person_id", kInt},
                             {"first_name", kText},
                             {"last_name", kText},
                             {"relationship", kText},
                             {"parental_responsibility", kBool},
                             {"lives_with_child", kBool},
                             {"safety_network", kBool},
                             {"phone", kText},
                             {"email", kText},
                             {"address", kText}}),
                  done, 201);
    paths["/children/{id}/contacts"]["post"] = operation(
        responses, "Record a contact; received_at is London time YYYY-MM-DDTHH:MM", "createContact",
        path_params({"id"}),
        object_of({{"received_at", kText},
                   {"channel", kText},
                   {"referrer_name", kText},
                   {"referrer_role", kText},
                   {"referrer_agency", kText},
                   {"referrer_contact", kText},
                   {"worried", kText},
                   {"working_well", kText},
                   {"needs_to_happen", kText},
                   {"scale", kInt}},
                  {"received_at", "channel", "referrer_name", "referrer_role", "worried"}),
        "#/components/schemas/Contact", 201);
    paths["/contacts"]["get"] =
        operation(responses, "Your team's contacts waiting for a decision, earliest due first",
                  "listContacts", {}, nullptr, "#/components/schemas/ContactList", 200);
    paths["/contacts/{id}"]["get"] =
        operation(responses, "One contact (audited)", "getContact", path_params({"id"}), nullptr,
                  "#/components/schemas/Contact", 200);
    paths["/contacts/{id}/decision"]["post"] = operation(
        responses, "Record what happens next: advice, early-help, assessment, strategy or nfa",
        "decideContact", path_params({"id"}),
        object_of({{"decision", kText}, {"reason", kText}, {"version", kInt}},
                  {"decision", "reason", "version"}),
        done, 200);
}

}  // namespace signs::web::handlers
