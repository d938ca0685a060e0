#include "web/handlers/openapi.hpp"

namespace signs::web::handlers {

using namespace openapi;

void add_mapping_paths(nlohmann::json& doc, const ResponsesFor& responses) {
    auto& schemas = doc["components"]["schemas"];
    schemas["Mapping"] = object_of(
        {{"id", kInt},
         {"case_id", kInt},
         {"held_on", kDate},
         {"purpose", kText},
         {"status", {{"type", "string"}, {"enum", {"draft", "shared", "agreed"}}}},
         {"variant", kText},
         {"blind", kBool},
         {"revealed",
          {{"type", "boolean"}, {"description", "False while blind scaling hides the numbers"}}},
         {"version", kInt},
         {"participants", {{"type", "array"}}},
         {"entries", {{"type", "array"}}},
         {"scores",
          {{"type", "array"},
           {"description", "Each with the question and anchors worded as they were asked"}}},
         {"agreement_problems", {{"type", "array"}, {"items", kText}}}});
    schemas["MappingExport"] = object_of(
        {{"case_id", kInt},
         {"mappings", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Mapping"}}}}}});
    const std::string mapping = "#/components/schemas/Mapping";
    auto& paths = doc["paths"];
    paths["/cases/{id}/mappings"]["get"] = operation(
        responses, "Every mapping of a case in full, newest first: the export", "exportMappings",
        path_params({"id"}), nullptr, "#/components/schemas/MappingExport", 200);
    paths["/cases/{id}/mappings"]["post"] =
        operation(responses, "Start a mapping", "startMapping", path_params({"id"}),
                  object_of({{"held_on", kDate},
                             {"purpose", kText},
                             {"child_ids", {{"type", "array"}, {"items", kInt}}},
                             {"blind", kBool}},
                            {"held_on", "purpose", "child_ids"}),
                  mapping, 201);
    paths["/mappings/{id}"]["get"] = operation(responses, "One mapping (audited)", "getMapping",
                                               path_params({"id"}), nullptr, mapping, 200);
    paths["/mappings/{id}/participants"]["post"] = operation(
        responses,
        "Add someone taking part; with person_id (someone on the family's records) or user_id "
        "(a member of staff) the name comes from that record, and the mapping names them as "
        "the record does from then on, with the name first written in recorded_name",
        "addMappingParticipant", path_params({"id"}),
        object_of({{"name", kText},
                   {"kind", kText},
                   {"took_part", kText},
                   {"person_id", kInt},
                   {"user_id", kInt}},
                  {"took_part"}),
        mapping, 200);
    paths["/mappings/{id}/entries"]["post"] = operation(
        responses, "Add an entry; said_by is a participant's id, or absent for the agency",
        "addMappingEntry", path_params({"id"}),
        object_of({{"category", kText}, {"text", kText}, {"said_by", kInt}, {"answers", kInt}},
                  {"category", "text"}),
        mapping, 200);
    paths["/mappings/{id}/entries/{entry}"]["put"] = operation(
        responses,
        "Change an entry (its words, category, speaker, goal link or review mark), or send "
        "move: up, down or remove; the earlier version is kept in its history",
        "updateMappingEntry", path_params({"id", "entry"}),
        object_of({{"category", kText},
                   {"text", kText},
                   {"said_by", kInt},
                   {"answers", kInt},
                   {"mark", kText},
                   {"move", kText},
                   {"version", kInt}},
                  {"version"}),
        mapping, 200);
    paths["/mappings/{id}/scores"]["post"] =
        operation(responses, "Record a participant's number, overall or about a danger statement",
                  "addMappingScore", path_params({"id"}),
                  object_of({{"participant_id", kInt},
                             {"value", kInt},
                             {"about", kInt},
                             {"why_not_lower", kText},
                             {"one_point_higher", kText}},
                            {"participant_id", "value"}),
                  mapping, 200);
    paths["/mappings/{id}/status"]["post"] = operation(
        responses, "Draft, shared or agreed; agreeing needs every statement answered and scaled",
        "setMappingStatus", path_params({"id"}),
        object_of({{"status", kText}, {"version", kInt}}, {"status", "version"}), mapping, 200);
}

}  // namespace signs::web::handlers
