// Training for staff: the list of sessions, a session with its booking, and what training
// administrators do to a session (places, cancelling it, booking people, attendance).
#include "core/london_time.hpp"
#include "service/training_service.hpp"
#include "web/downloads.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/training_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string session_href(std::int64_t id, const std::string& done = "") {
    return "/training/sessions/" + std::to_string(id) + (done.empty() ? "" : "?done=" + done);
}

nlohmann::json done_banner(const std::string& done) {
    static const std::map<std::string, std::string, std::less<>> kMessages = {
        {"booked", "Your place is booked. The calendar invitation is on its way."},
        {"waitlisted", "The session is full, so you are on the waiting list."},
        {"requested", "Your manager has been asked to approve your booking."},
        {"cancelled", "Booking cancelled"},
        {"added", "Booked"},
        {"capacity", "Places changed"},
        {"session-cancelled", "Session cancelled; everyone booked has been told"},
        {"attendance", "Attendance saved"},
        {"decided", "Decision saved"},
        {"created", "Session added"},
        {"moved", "Session moved; everyone on it has been told"},
    };
    auto it = kMessages.find(done);
    return it == kMessages.end() ? nlohmann::json(false) : nlohmann::json(it->second);
}

std::string state_label(const std::string& code) {
    auto state = domain::parse_booking_state(code);
    return state ? std::string{domain::booking_state_label(*state)} : code;
}

/// What a form on the session page sent, to show again with its error.
struct SessionForms {
    std::string reason;         ///< cancelling the booking
    std::string capacity;       ///< new places
    std::string cancel_reason;  ///< cancelling the session
    std::string person;         ///< booking a member of staff: their user id
    std::string name, organisation, email, override_reason;  ///< booking someone
};

/// A member of staff to book, for training administrators; false for anyone else.
nlohmann::json staff_field(App& app, Exchange& ex, const std::string& chosen,
                           const core::Error* error) {
    auto staff = app.training().staff(ex.actor());
    if (!staff) return false;
    Options people{{"", "Someone without an account (below)"}};
    for (const auto& u : *staff)
        people.emplace_back(std::to_string(u.id),
                            u.name + (u.team_name.empty() ? "" : ", " + u.team_name));
    return select_field("person", "Member of staff", people, chosen, error);
}

Response session_page(App& app, Exchange& ex, int status, std::int64_t id,
                      const SessionForms& forms, const core::Error* error) {
    auto view = app.training().session(ex.actor(), id);
    if (!view) return app.error(ex, view.error());
    const auto& s = view->session;
    auto status_text = std::string{domain::session_status_label(view->status)};
    bool open = view->status == domain::SessionStatus::Open;
    bool full = view->status == domain::SessionStatus::Full;
    nlohmann::json mine = false;
    if (view->mine) {
        mine = {{"id", std::to_string(view->mine->id)},
                {"has_place", view->mine->state == "booked"},
                {"state", state_label(view->mine->state)},
                {"reason",
                 field("reason", "Why are you cancelling? (needed within 5 days of the session)",
                       forms.reason, error)}};
    }
    nlohmann::json bookings = nlohmann::json::array();
    auto first = core::CivilDate::parse_iso(s.first_day);
    auto today = core::london_date(app.clock().now());
    auto time = core::london_clock(app.clock().now());
    bool started = first && (today > *first ||
                             (today == *first && time.hour * 60 + time.minute >= s.start_minutes));
    for (const auto& b : view->bookings) {
        bool placed = b.state == "booked" || b.state == "attended" ||
                      b.state == "partly-attended" || b.state == "no-show";
        bookings.push_back({{"id", std::to_string(b.id)},
                            {"name", b.person_name},
                            {"organisation", b.user_id ? b.team_name : b.partner_organisation},
                            {"state", state_label(b.state)},
                            {"can_cancel", b.state == "booked" || b.state == "waitlisted" ||
                                               b.state == "requested"},
                            {"can_mark", started && placed}});
    }
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + s.course_title},
        {"id", std::to_string(s.id)},
        {"course", s.course_title},
        {"summary", view->course.summary},
        {"covers", view->course.covers},
        {"audience", view->course.audience},
        {"length", view->course.length},
        {"when", service::session_when(s)},
        {"venue", s.venue.name},
        {"address", s.venue.address + ", " + s.venue.postcode},
        {"access", s.venue.access.empty() ? nlohmann::json(false) : nlohmann::json(s.venue.access)},
        {"places", session_row(s, status_text)["places"]},
        {"deadline", s.booking_deadline.empty() ? nlohmann::json(false)
                                                : nlohmann::json(date_text(s.booking_deadline))},
        {"status", status_text},
        {"cancelled", view->status == domain::SessionStatus::Cancelled},
        {"cancel_reason", s.cancel_reason},
        {"mine", mine},
        {"covered_by",
         view->covered_by.empty() ? nlohmann::json(false) : nlohmann::json(view->covered_by)},
        {"can_book", !view->mine && view->covered_by.empty() && (open || full)},
        {"book_label", full ? "Join the waiting list" : "Book a place"},
        {"needs_approval", view->course.needs_approval},
        {"manages", view->manages},
        {"bookings", bookings},
        {"has_bookings", !bookings.empty()},
        {"can_change", view->manages && view->status != domain::SessionStatus::Cancelled},
        {"capacity",
         field("capacity", "Places",
               forms.capacity.empty() ? std::to_string(s.capacity) : forms.capacity, error,
               {.autocomplete = "off", .hint = "", .width = "govuk-input--width-3"})},
        {"cancel_session_reason",
         field("cancel_reason", "Why is the session cancelled?", forms.cancel_reason, error)},
        {"person", staff_field(app, ex, forms.person, error)},
        {"person_name", field("name", "Name", forms.name, error)},
        {"person_organisation", field("organisation", "Organisation", forms.organisation, error)},
        {"person_email", field("email", "Email address", forms.email, error,
                               {.type = "email", .autocomplete = "off", .hint = "", .width = ""})},
        {"override_reason",
         field("override_reason", "Reason, if a course they have already covers this one",
               forms.override_reason, error)},
        {"done", done_banner(ex.query().get("done"))},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "training/session", model);
}

Response answer(App& app, Exchange& ex, std::int64_t session_id, const core::Result<void>& done,
                const std::string& done_code, const SessionForms& forms) {
    if (done) return Response::redirect(session_href(session_id, done_code));
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    return session_page(app, ex, 422, session_id, forms, &done.error());
}

/// The session a booking belongs to, for the page to go back to, when the actor may see it.
core::Result<std::int64_t> session_of_booking(App& app, Exchange& ex, std::int64_t booking) {
    auto history = app.training().history(ex.actor(), booking);
    if (!history) return std::unexpected(history.error());
    auto lease = app.db().lease();
    return store::bookings::find(lease.sql(), booking)->session_id;
}

}  // namespace

namespace {

Response training_list_page(App& app, Exchange& ex) {
    nlohmann::json upcoming = nlohmann::json::array(), past = nlohmann::json::array();
    // The training team sees which registers are still to take, from a session's first day.
    bool takes_registers = ex.user && (ex.user->role == domain::Role::TrainingAdministrator ||
                                       ex.user->role == domain::Role::SystemAdministrator);
    auto today = core::london_date(app.clock().now()).iso();
    auto with_register = [&](nlohmann::json row, const store::TrainingSessionRecord& s) {
        row["register"] = takes_registers && s.booked > 0 && s.first_day <= today
                              ? nlohmann::json(std::to_string(s.booked) + " to mark")
                              : nlohmann::json(false);
        return row;
    };
    for (const auto& s : app.training().upcoming()) {
        auto status = std::string{domain::session_status_label(app.training().status_of(s))};
        upcoming.push_back(with_register(session_row(s, status), s));
    }
    for (const auto& s : app.training().past(20))
        past.push_back(with_register(session_row(s, "Held"), s));
    nlohmann::json mine = nlohmann::json::array();
    for (const auto& [b, s] : app.training().my_bookings(ex.actor())) {
        mine.push_back({{"session", std::to_string(b.session_id)},
                        {"course", s.course_title},
                        {"when", service::session_when(s)},
                        {"state", state_label(b.state)}});
    }
    nlohmann::json courses = nlohmann::json::array();
    bool manages = service::runs_training(ex.actor());
    if (manages) {
        for (const auto& c : app.training().courses())
            courses.push_back({{"id", c.id}, {"title", c.title}, {"length", c.length}});
    }
    nlohmann::json model = {
        {"title", "Training"},
        {"courses", courses},
        {"has_courses", !courses.empty()},
        {"upcoming", upcoming},
        {"has_upcoming", !upcoming.empty()},
        {"past", past},
        {"has_past", !past.empty()},
        {"mine", mine},
        {"has_mine", !mine.empty()},
        {"manages", manages},
        {"approves", ex.actor().has_role(domain::Role::TeamManager)},
        {"done", ex.query().get("done") == "course-changed" ? nlohmann::json("Course saved")
                                                            : nlohmann::json(false)}};
    return app.page(ex, 200, "training/list", model);
}

}  // namespace

Response list_training(App& app, Exchange& ex) {
    auto draw = [&] { return training_list_page(app, ex); };
    if (ex.query().has("done")) return draw();
    return app.kept_page(ex, "training." + app.training().page_stamp(ex.actor()), draw);
}

Response public_training(App& app, Exchange& ex) {
    return app.kept_page(ex, "public-training." + app.training().upcoming_stamp(), [&] {
        nlohmann::json upcoming = nlohmann::json::array();
        for (const auto& s : app.training().upcoming()) {
            auto status = std::string{domain::session_status_label(app.training().status_of(s))};
            upcoming.push_back(session_row(s, status));
        }
        return app.page(ex, 200, "training/public",
                        {{"title", "Signs of Safety training sessions"},
                         {"upcoming", upcoming},
                         {"has_upcoming", !upcoming.empty()}});
    });
}

Response show_training_session(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto draw = [&] { return session_page(app, ex, 200, *id, {}, nullptr); };
    // A banner after a change is drawn afresh; the page itself is kept under the stamp.
    if (ex.query().has("done")) return draw();
    return app.kept_page(ex, "session." + app.training().page_stamp(ex.actor()), draw);
}

Response book_training(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto booked = app.training().book(ex.actor(), *id);
    if (!booked) {
        if (booked.error().kind != core::ErrorKind::Invalid) return app.error(ex, booked.error());
        return session_page(app, ex, 422, *id, {}, &booked.error());
    }
    return Response::redirect(
        session_href(*id, std::string{domain::booking_state_code(booked->state)}));
}

Response book_someone(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    SessionForms forms;
    forms.person = f.get("person");
    forms.name = f.get("name");
    forms.organisation = f.get("organisation");
    forms.email = f.get("email");
    forms.override_reason = f.get("override_reason");
    std::optional<std::int64_t> user;
    if (!forms.person.empty()) {
        user = parse_number(forms.person);
        if (!user) {
            auto problem = core::Error::invalid({{"person", "Choose someone from the list"}});
            return session_page(app, ex, 422, *id, forms, &problem);
        }
    }
    auto booked = app.training().book_for(
        ex.actor(), *id,
        {user, forms.name, forms.organisation, forms.email, forms.override_reason});
    return answer(app, ex, *id, booked ? core::Result<void>{} : std::unexpected(booked.error()),
                  "added", forms);
}

Response cancel_training_booking(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto session = session_of_booking(app, ex, *id);
    if (!session) return app.error(ex, session.error());
    SessionForms forms;
    forms.reason = ex.form->get("reason");
    return answer(app, ex, *session, app.training().cancel(ex.actor(), *id, forms.reason),
                  "cancelled", forms);
}

Response decide_training_booking(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto decision = ex.form->get("decision");
    if (decision != "approve" && decision != "decline")
        return app.error(ex, core::Error::invalid({{"decision", "Approve or decline"}}));
    auto decided = app.training().decide(ex.actor(), *id, decision == "approve");
    if (!decided) return app.error(ex, decided.error());
    return Response::redirect("/training/approvals?done=decided");
}

Response mark_training_attendance(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto session = session_of_booking(app, ex, *id);
    if (!session) return app.error(ex, session.error());
    auto marked = app.training().mark_attendance(ex.actor(), *id, ex.form->get("attendance"));
    if (!marked) return app.error(ex, marked.error());
    return Response::redirect(session_href(*session, "attendance"));
}

Response training_invitation(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto ics = app.training().calendar_file(ex.actor(), *id);
    if (!ics) return app.error(ex, ics.error());
    return calendar_download(*ics, "training.ics");
}

Response set_training_capacity(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    SessionForms forms;
    forms.capacity = ex.form->get("capacity");
    auto moved = app.training().set_capacity(ex.actor(), *id, forms.capacity);
    return answer(app, ex, *id, moved ? core::Result<void>{} : std::unexpected(moved.error()),
                  "capacity", forms);
}

Response cancel_training_session(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    SessionForms forms;
    forms.cancel_reason = ex.form->get("cancel_reason");
    auto cancelled = app.training().cancel_session(ex.actor(), *id, forms.cancel_reason);
    if (!cancelled && cancelled.error().kind == core::ErrorKind::Invalid) {
        auto renamed = cancelled.error();
        for (auto& f : renamed.fields) {
            if (f.field == "reason") f.field = "cancel_reason";
        }
        return session_page(app, ex, 422, *id, forms, &renamed);
    }
    return answer(app, ex, *id, cancelled, "session-cancelled", forms);
}

}  // namespace signs::web::handlers
