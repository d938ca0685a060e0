// What training administrators set up: courses, venues and sessions; and the page where team
// managers approve their team's bookings.
#include "core/london_time.hpp"
#include "service/training_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/training_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// The form that adds a course, or (`editing`) changes one.
Response course_page(App& app, Exchange& ex, int status, const domain::CourseForm& form,
                     bool needs_approval, const core::Error* error,
                     const store::CourseRecord* editing = nullptr) {
    if (!service::runs_training(ex.actor())) return app.error_page(ex, 403);
    Options others;
    for (const auto& c : app.training().courses()) {
        if (!editing || c.id != editing->id) others.emplace_back(std::to_string(c.id), c.title);
    }
    auto heading = editing ? "Change " + editing->title : std::string{"Add a course"};
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + heading},
        {"heading", heading},
        {"action",
         editing ? "/training/courses/" + std::to_string(editing->id) : "/training/courses"},
        {"version", editing ? nlohmann::json(editing->version) : nlohmann::json(false)},
        {"button", editing ? "Save the course" : "Add the course"},
        {"fields",
         nlohmann::json::array({field("title", "Title", form.title, error),
                                field("length", "Length", form.length, error,
                                      {.autocomplete = "off",
                                       .hint = "For example, Half day or 2 days",
                                       .width = "govuk-input--width-20"}),
                                field("audience", "Who it is for", form.audience, error)})},
        {"summary", field("summary", "Summary", form.summary, error)},
        {"covers", field("covers", "What it covers", form.covers, error)},
        {"satisfies",
         others.empty() ? nlohmann::json(false)
                        : checkboxes("satisfies", "Courses this one covers", others, form.satisfies,
                                     error, "People trained by this course do not need these")},
        {"approval",
         checkboxes("needs_approval", "Approval", {{"yes", "A line manager approves each place"}},
                    needs_approval ? std::vector<std::string>{"yes"} : std::vector<std::string>{},
                    error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "training/course_form", model);
}

Response venue_page(App& app, Exchange& ex, int status, const domain::VenueForm& form,
                    const core::Error* error) {
    if (!service::runs_training(ex.actor())) return app.error_page(ex, 403);
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Add a venue"}},
        {"fields",
         nlohmann::json::array(
             {field("name", "Name", form.name, error),
              field("address", "Address", form.address, error),
              field("postcode", "Postcode", form.postcode, error,
                    {.autocomplete = "off", .hint = "", .width = "govuk-input--width-10"})})},
        {"access", field("access", "Getting there and access (optional)", form.access, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "training/venue_form", model);
}

/// The form that adds a session, or (`moving`) moves one to another day, time or venue.
Response session_form_page(App& app, Exchange& ex, int status, const std::string& course,
                           const domain::SessionForm& form, const core::Error* error,
                           std::optional<std::int64_t> moving = std::nullopt, int version = 0) {
    auto venues = app.training().venues(ex.actor());
    if (!venues) return app.error(ex, venues.error());
    Options courses, places;
    for (const auto& c : app.training().courses())
        courses.emplace_back(std::to_string(c.id), c.title);
    for (const auto& v : *venues)
        places.emplace_back(std::to_string(v.id), v.name + ", " + v.postcode);
    std::string heading = moving ? "Move the session" : "Add a session";
    auto session_href = moving ? "/training/sessions/" + std::to_string(*moving) : "";
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + heading},
        {"heading", heading},
        {"moving", moving.has_value()},
        {"version", version},
        {"action", moving ? session_href + "/move" : "/training/sessions"},
        {"button", moving ? "Move the session" : "Add the session"},
        {"back", moving ? session_href : "/training"},
        {"back_text", moving ? "Back to the session" : "Back to training"},
        {"has_choices", !courses.empty() && !places.empty()},
        {"course",
         moving ? nlohmann::json(false) : select_field("course", "Course", courses, course, error)},
        {"venue", select_field("venue", "Venue", places, form.venue, error)},
        {"date", date_field("date", "First day", form.day, form.month, form.year, error,
                            "For example, 24 4 2027")},
        {"days", field("days", "Number of days", form.days.empty() ? "1" : form.days, error,
                       {.autocomplete = "off",
                        .hint = "Consecutive days at the same times",
                        .width = "govuk-input--width-2"})},
        {"start", time_field("start", "Starts", form.start_hour, form.start_minute, error)},
        {"end", time_field("end", "Ends", form.end_hour, form.end_minute, error)},
        {"capacity",
         moving ? nlohmann::json(false)
                : field("capacity", "Places", form.capacity, error,
                        {.autocomplete = "off", .hint = "", .width = "govuk-input--width-3"})},
        {"deadline", date_field("deadline", "Last day for booking (optional)", form.deadline_day,
                                form.deadline_month, form.deadline_year, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "training/session_form", model);
}

domain::SessionForm session_form(const Form& f) {
    return {f.get("date-day"),     f.get("date-month"),   f.get("date-year"),
            f.get("days"),         f.get("start-hour"),   f.get("start-minute"),
            f.get("end-hour"),     f.get("end-minute"),   f.get("venue"),
            f.get("capacity"),     f.get("deadline-day"), f.get("deadline-month"),
            f.get("deadline-year")};
}

/// The session as it is now, in the form's words.
domain::SessionForm form_of(const store::TrainingSessionRecord& s) {
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    auto day = core::CivilDate::parse_iso(s.first_day).value().parts();
    domain::SessionForm form{day.day,
                             day.month,
                             day.year,
                             std::to_string(s.days),
                             std::to_string(s.start_minutes / 60),
                             two(s.start_minutes % 60),
                             std::to_string(s.end_minutes / 60),
                             two(s.end_minutes % 60),
                             std::to_string(s.venue_id),
                             std::to_string(s.capacity),
                             "",
                             "",
                             ""};
    if (auto deadline = core::CivilDate::parse_iso(s.booking_deadline)) {
        auto parts = deadline->parts();
        form.deadline_day = parts.day;
        form.deadline_month = parts.month;
        form.deadline_year = parts.year;
    }
    return form;
}

domain::CourseForm course_form(const Form& f) {
    return {f.get("title"),    f.get("summary"), f.get("covers"),
            f.get("audience"), f.get("length"),  f.get_all("satisfies")};
}

}  // namespace

Response new_course(App& app, Exchange& ex) {
    return course_page(app, ex, 200, {}, false, nullptr);
}

Response create_course(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    auto form = course_form(f);
    bool approval = f.get("needs_approval") == "yes";
    auto added = app.training().add_course(ex.actor(), form, approval);
    if (added) return Response::redirect("/training/sessions/new?course=" + std::to_string(*added));
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    return course_page(app, ex, 422, form, approval, &added.error());
}

Response new_venue(App& app, Exchange& ex) { return venue_page(app, ex, 200, {}, nullptr); }

Response create_venue(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    domain::VenueForm form{f.get("name"), f.get("address"), f.get("postcode"), f.get("access")};
    auto added = app.training().add_venue(ex.actor(), form);
    if (added) return Response::redirect("/training/sessions/new");
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    return venue_page(app, ex, 422, form, &added.error());
}

Response new_training_session(App& app, Exchange& ex) {
    return session_form_page(app, ex, 200, ex.query().get("course"), {}, nullptr);
}

Response create_training_session(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    auto form = session_form(f);
    auto course = parse_number(f.get("course"));
    if (!course) {
        auto problem = core::Error::invalid({{"course", "Choose the course from the list"}});
        return session_form_page(app, ex, 422, "", form, &problem);
    }
    auto added = app.training().add_session(ex.actor(), *course, form);
    if (added)
        return Response::redirect("/training/sessions/" + std::to_string(*added) + "?done=created");
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    return session_form_page(app, ex, 422, f.get("course"), form, &added.error());
}

Response list_training_approvals(App& app, Exchange& ex) {
    auto waiting = app.training().awaiting_approval(ex.actor());
    if (!waiting) return app.error(ex, waiting.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& w : *waiting) {
        rows.push_back({{"id", std::to_string(w.booking.id)},
                        {"name", w.booking.person_name},
                        {"course", w.session.course_title},
                        {"when", service::session_when(w.session)}});
    }
    nlohmann::json model = {
        {"title", "Bookings to approve"},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"done", ex.query().get("done") == "decided" ? nlohmann::json("Decision saved")
                                                     : nlohmann::json(false)},
    };
    return app.page(ex, 200, "training/approvals", model);
}

Response show_move_training_session(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto view = app.training().session(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    if (view->status == domain::SessionStatus::Cancelled)
        return app.error(
            ex, core::Error::of(core::ErrorKind::Conflict, "A cancelled session cannot be moved"));
    return session_form_page(app, ex, 200, "", form_of(view->session), nullptr, *id,
                             view->session.version);
}

Response move_training_session(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = session_form(*ex.form);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto moved = app.training().move_session(ex.actor(), *id, *version, form);
    if (moved)
        return Response::redirect("/training/sessions/" + std::to_string(*id) + "?done=moved");
    if (moved.error().kind != core::ErrorKind::Invalid) return app.error(ex, moved.error());
    return session_form_page(app, ex, 422, "", form, &moved.error(), *id, *version);
}

Response edit_course(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto course = app.training().course(*id);
    if (!course) return app.error_page(ex, 404);
    domain::CourseForm form{course->title,    course->summary, course->covers,
                            course->audience, course->length,  {}};
    for (auto covered : course->satisfies) form.satisfies.push_back(std::to_string(covered));
    return course_page(app, ex, 200, form, course->needs_approval, nullptr, &*course);
}

Response update_course(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto course = app.training().course(*id);
    if (!course) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    auto form = course_form(*ex.form);
    bool approval = ex.form->get("needs_approval") == "yes";
    auto saved = app.training().change_course(ex.actor(), *id, *version, form, approval);
    if (saved) return Response::redirect("/training?done=course-changed");
    if (saved.error().kind != core::ErrorKind::Invalid) return app.error(ex, saved.error());
    course->version = *version;  // as read, so a save by someone else since is still caught
    return course_page(app, ex, 422, form, approval, &saved.error(), &*course);
}

}  // namespace signs::web::handlers
