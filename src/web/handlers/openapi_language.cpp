#include "web/handlers/openapi.hpp"

namespace signs::web::handlers {

using namespace openapi;

void add_language_paths(nlohmann::json& doc, const ResponsesFor& responses) {
    auto& schemas = doc["components"]["schemas"];
    schemas["LanguageFinding"] = object_of(
        {{"kind", {{"type", "string"}, {"enum", {"term", "long-sentence", "passive"}}}},
         {"line", kInt},
         {"column", {{"type", "integer"}, {"description", "Counted in characters, from 1"}}},
         {"words", kText},
         {"term",
          {{"type", "integer"},
           {"description", "For a term: its place in the report's terms, which hold the advice"}}},
         {"suggestion", {{"type", "string"}, {"description", "For a long sentence or passive"}}},
         {"reason", {{"type", "string"}, {"description", "For a long sentence or passive"}}}});
    schemas["LanguageTerm"] = object_of(
        {{"phrase", kText}, {"suggestion", kText}, {"reason", kText}, {"meaning", kText}});
    schemas["LanguageReport"] = object_of(
        {{"findings",
          {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/LanguageFinding"}}}}},
         {"terms",
          {{"type", "array"},
           {"description", "Each glossary entry found, once"},
           {"items", {{"$ref", "#/components/schemas/LanguageTerm"}}}}},
         {"readability", object_of({{"sentences", kInt},
                                    {"words", kInt},
                                    {"syllables", kInt},
                                    {"reading_ease", {{"type", "number"}}},
                                    {"grade", {{"type", "number"}}},
                                    {"reading_age", kInt}})}});
    auto check =
        operation(responses,
                  "Suggest plainer words for a text, and say how easy it is to read "
                  "(nothing is kept)",
                  "checkLanguage", nlohmann::json::array(), object_of({{"text", kText}}, {"text"}),
                  "#/components/schemas/LanguageReport", 200);
    // Nothing is stored, so nothing can be missing or changed under the caller.
    check["responses"].erase("404");
    check["responses"].erase("409");
    doc["paths"]["/language/check"]["post"] = check;
}

}  // namespace signs::web::handlers
