// Training through the API: the catalogue, sessions and bookings, through the same service as
// the pages (so the same capacity, waitlist and approval rules).
#include "core/london_time.hpp"
#include "domain/meetings/meeting.hpp"
#include "service/training_service.hpp"
#include "web/handlers/handlers.hpp"
#include "web/json_body.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

nlohmann::json booking_json(const store::BookingRecord& b) {
    return {{"id", b.id},
            {"session_id", b.session_id},
            {"user_id", b.user_id ? nlohmann::json(*b.user_id) : nlohmann::json(nullptr)},
            {"name", b.person_name},
            {"organisation", b.partner_organisation},
            {"state", b.state},
            {"created_at", b.created_at},
            {"version", b.version}};
}

nlohmann::json session_json(const store::TrainingSessionRecord& s) {
    return {{"id", s.id},
            {"course_id", s.course_id},
            {"course", s.course_title},
            {"first_day", s.first_day},
            {"days", s.days},
            {"start", clock_json(s.start_minutes)},
            {"end", clock_json(s.end_minutes)},
            {"time_zone", "Europe/London"},
            {"venue",
             {{"id", s.venue_id},
              {"name", s.venue.name},
              {"address", s.venue.address},
              {"postcode", s.venue.postcode},
              {"access", s.venue.access}}},
            {"capacity", s.capacity},
            {"places_left", std::max(0, s.capacity - s.holding)},
            {"waiting", s.waiting},
            {"booking_deadline", s.booking_deadline.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(s.booking_deadline)}};
}

Response session_answer(App& app, Exchange& ex, std::int64_t id, int status = 200) {
    auto view = app.training().session(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    auto out = session_json(view->session);
    out["status"] = std::string{domain::session_status_label(view->status)};
    out["mine"] = view->mine ? booking_json(*view->mine) : nlohmann::json(nullptr);
    if (view->manages) {
        nlohmann::json bookings = nlohmann::json::array();
        for (const auto& b : view->bookings) bookings.push_back(booking_json(b));
        out["bookings"] = bookings;
    }
    return Response::json(status, json_text(out));
}

}  // namespace

Response api_training_sessions(App& app, Exchange&) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : app.training().upcoming()) {
        auto one = session_json(s);
        one["status"] = std::string{domain::session_status_label(app.training().status_of(s))};
        sessions.push_back(one);
    }
    return Response::json(200, json_text({{"sessions", sessions}}));
}

Response api_training_session(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    return session_answer(app, ex, *id);
}

Response api_add_course(App& app, Exchange& ex) {
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    std::vector<std::string> satisfies;
    for (auto id : body->numbers("satisfies")) satisfies.push_back(std::to_string(id));
    domain::CourseForm form{body->text("title"),    body->text("summary"), body->text("covers"),
                            body->text("audience"), body->text("length"),  satisfies};
    auto approval = body->flag("needs_approval");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto added = app.training().add_course(ex.actor(), form, approval);
    if (!added) return app.error(ex, added.error());
    return Response::json(201, json_text({{"id", *added}}));
}

Response api_add_venue(App& app, Exchange& ex) {
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    domain::VenueForm form{body->text("name"), body->text("address"), body->text("postcode"),
                           body->text("access")};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto added = app.training().add_venue(ex.actor(), form);
    if (!added) return app.error(ex, added.error());
    return Response::json(201, json_text({{"id", *added}}));
}

Response api_add_session(App& app, Exchange& ex) {
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto day = body->date_parts("first_day");
    auto deadline = body->date_parts("booking_deadline");
    auto [start_hour, start_minute] = body->clock_parts("start");
    auto [end_hour, end_minute] = body->clock_parts("end");
    auto number = [&](const char* name) {
        auto n = body->number(name);
        return n ? std::to_string(*n) : "";
    };
    auto course = body->number("course_id");
    domain::SessionForm form{
        day[0],       day[1],      day[2],     number("days"),     start_hour,
        start_minute, end_hour,    end_minute, number("venue_id"), number("capacity"),
        deadline[0],  deadline[1], deadline[2]};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    if (!course)
        return app.error(ex, core::Error::invalid({{"course_id", "Give the course's id"}}));
    auto added = app.training().add_session(ex.actor(), *course, form);
    if (!added) return app.error(ex, added.error());
    return session_answer(app, ex, *added, 201);
}

Response api_book(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body.empty() ? "{}" : ex.request.body);
    if (!body) return app.error(ex, body.error());
    service::BookFor who{body->number("user_id"), body->text("name"), body->text("organisation"),
                         body->text("email"), body->text("override_reason")};
    if (auto problems = body->problems()) return app.error(ex, *problems);
    bool someone_else = (who.user_id && who.user_id != ex.actor().user_id()) || !who.name.empty() ||
                        !who.email.empty();
    auto booked = someone_else ? app.training().book_for(ex.actor(), *id, who)
                               : app.training().book(ex.actor(), *id);
    if (!booked) return app.error(ex, booked.error());
    return Response::json(
        201, json_text({{"id", booked->booking_id},
                        {"state", std::string{domain::booking_state_code(booked->state)}}}));
}

Response api_cancel_booking(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body.empty() ? "{}" : ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto reason = body->text("reason");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto cancelled = app.training().cancel(ex.actor(), *id, reason);
    if (!cancelled) return app.error(ex, cancelled.error());
    return Response::json(200, json_text({{"id", *id}, {"cancelled", true}}));
}

Response api_set_capacity(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return api_not_found(app, ex);
    auto body = JsonBody::parse(ex.request.body);
    if (!body) return app.error(ex, body.error());
    auto capacity = body->number("capacity");
    if (auto problems = body->problems()) return app.error(ex, *problems);
    auto moved =
        app.training().set_capacity(ex.actor(), *id, capacity ? std::to_string(*capacity) : "");
    if (!moved) return app.error(ex, moved.error());
    return session_answer(app, ex, *id);
}

}  // namespace signs::web::handlers
