#include "web/handlers/openapi.hpp"

namespace signs::web::handlers {

using namespace openapi;

void add_training_paths(nlohmann::json& doc, const ResponsesFor& responses) {
    auto& schemas = doc["components"]["schemas"];
    auto list_of = [](const nlohmann::json& item) {
        return nlohmann::json{{"type", "array"}, {"items", item}};
    };
    schemas["Booking"] =
        object_of({{"id", kInt},
                   {"session_id", kInt},
                   {"user_id", {{"type", "integer"}, {"nullable", true}}},
                   {"name", kText},
                   {"organisation", kText},
                   {"state",
                    {{"type", "string"},
                     {"enum",
                      {"requested", "declined", "booked", "waitlisted", "cancelled-by-person",
                       "cancelled-with-session", "attended", "partly-attended", "no-show"}}}},
                   {"created_at", kText},
                   {"version", kInt}});
    schemas["TrainingSession"] = object_of(
        {{"id", kInt},
         {"course_id", kInt},
         {"course", kText},
         {"first_day", kDate},
         {"days", kInt},
         {"start", {{"type", "string"}, {"description", "HH:MM, Europe/London, each day"}}},
         {"end", kText},
         {"time_zone", kText},
         {"venue", {{"type", "object"}}},
         {"capacity", kInt},
         {"places_left", kInt},
         {"waiting", kInt},
         {"booking_deadline", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
         {"status", {{"type", "string"}, {"enum", {"Open", "Full", "Closed", "Cancelled"}}}},
         {"mine",
          {{"nullable", true},
           {"allOf", nlohmann::json::array({{{"$ref", "#/components/schemas/Booking"}}})},
           {"description", "The caller's live booking; only when one session is read"}}},
         {"bookings",
          {{"type", "array"},
           {"items", {{"$ref", "#/components/schemas/Booking"}}},
           {"description", "Everyone's, for training administrators only"}}}});
    schemas["TrainingSessionList"] =
        object_of({{"sessions", list_of({{"$ref", "#/components/schemas/TrainingSession"}})}});
    schemas["Created"] = object_of({{"id", kInt}});
    schemas["CancelledBooking"] = object_of({{"id", kInt}, {"cancelled", kBool}});
    schemas["BookingOutcome"] = object_of({{"id", kInt}, {"state", kText}});
    const std::string session = "#/components/schemas/TrainingSession";
    auto& paths = doc["paths"];
    paths["/training/sessions"]["get"] = operation(
        responses, "Upcoming sessions, soonest first", "listTrainingSessions",
        nlohmann::json::array(), nullptr, "#/components/schemas/TrainingSessionList", 200);
    paths["/training/sessions"]["post"] =
        operation(responses, "Add a session of a course (training administrators)",
                  "addTrainingSession", nlohmann::json::array(),
                  object_of({{"course_id", kInt},
                             {"first_day", kDate},
                             {"days", kInt},
                             {"start", kText},
                             {"end", kText},
                             {"venue_id", kInt},
                             {"capacity", kInt},
                             {"booking_deadline", kDate}},
                            {"course_id", "first_day", "start", "end", "venue_id", "capacity"}),
                  session, 201);
    paths["/training/sessions/{id}"]["get"] =
        operation(responses, "A session, with the caller's booking", "getTrainingSession",
                  path_params({"id"}), nullptr, session, 200);
    paths["/training/sessions/{id}/bookings"]["post"] = operation(
        responses,
        "Book: an empty body books the caller; a training administrator books someone else "
        "with user_id, or a partner with name, organisation and email",
        "bookTraining", path_params({"id"}),
        object_of({{"user_id", kInt},
                   {"name", kText},
                   {"organisation", kText},
                   {"email", kText},
                   {"override_reason", kText}}),
        "#/components/schemas/BookingOutcome", 201);
    paths["/training/sessions/{id}/capacity"]["post"] = operation(
        responses, "Change the places; a rise moves exactly that many up from the waitlist",
        "setTrainingCapacity", path_params({"id"}), object_of({{"capacity", kInt}}, {"capacity"}),
        session, 200);
    paths["/training/bookings/{id}/cancel"]["post"] = operation(
        responses, "Cancel a booking or leave the waitlist; close to the day a reason is needed",
        "cancelBooking", path_params({"id"}), object_of({{"reason", kText}}),
        "#/components/schemas/CancelledBooking", 200);
    paths["/training/courses"]["post"] = operation(
        responses, "Add a course (training administrators)", "addCourse", nlohmann::json::array(),
        object_of({{"title", kText},
                   {"summary", kText},
                   {"covers", kText},
                   {"audience", kText},
                   {"length", kText},
                   {"needs_approval", kBool},
                   {"satisfies", list_of(kInt)}},
                  {"title", "summary", "covers", "audience", "length"}),
        "#/components/schemas/Created", 201);
    paths["/training/venues"]["post"] = operation(
        responses, "Add a venue (training administrators)", "addVenue", nlohmann::json::array(),
        object_of({{"name", kText}, {"address", kText}, {"postcode", kText}, {"access", kText}},
                  {"name", "address", "postcode"}),
        "#/components/schemas/Created", 201);
}

}  // namespace signs::web::handlers
