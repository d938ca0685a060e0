// What training administrators take away: a session's register (printed as a sign-in sheet,
// or as a spreadsheet), everyone trained, and the share of each team and role trained.
#include "service/training_service.hpp"
#include "web/downloads.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string state_label(const std::string& code) {
    auto state = domain::parse_booking_state(code);
    return state ? std::string{domain::booking_state_label(*state)} : code;
}

/// The register of a session: everyone booked or waiting, in the order they booked.
core::Result<std::pair<service::SessionView, Table>> register_of(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return core::fail(core::ErrorKind::NotFound, "Not found");
    if (!service::runs_training(ex.actor()))
        return core::fail(core::ErrorKind::Forbidden, "Only training administrators can do that");
    auto view = app.training().session(ex.actor(), *id);
    if (!view) return std::unexpected(view.error());
    Table table{{"Name", "Team or organisation", "Email", "Booking", "Booked at"}};
    for (const auto& b : view->bookings) {
        table.push_back({b.person_name, b.user_id ? b.team_name : b.partner_organisation,
                         b.person_email, state_label(b.state), when_text(b.created_at)});
    }
    app.audit_writer().record(ex.actor(), {"export", "training-register", std::to_string(*id),
                                           std::to_string(table.size() - 1) + " rows"});
    return std::pair{*view, table};
}

core::Result<Table> trained_table(App& app, Exchange& ex) {
    auto rows = app.training().trained(ex.actor());
    if (!rows) return std::unexpected(rows.error());
    Table table{{"Name", "Team or organisation", "Email", "Course", "Through", "Session"}};
    for (const auto& r : *rows)
        table.push_back({r.name, r.team_or_organisation, r.email, r.course, r.through, r.on});
    app.audit_writer().record(
        ex.actor(), {"export", "trained", "", std::to_string(table.size() - 1) + " rows"});
    return table;
}

}  // namespace

Response training_register_csv(App& app, Exchange& ex) {
    auto made = register_of(app, ex);
    if (!made) return app.error(ex, made.error());
    return csv_download(made->second, "register.csv");
}

Response training_register_xlsx(App& app, Exchange& ex) {
    auto made = register_of(app, ex);
    if (!made) return app.error(ex, made.error());
    return xlsx_download(made->second, "Register", "register.xlsx");
}

namespace {

Response sign_in_sheet_page(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto view = app.training().session(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    if (!view->manages) return app.error_page(ex, 403);
    nlohmann::json people = nlohmann::json::array();
    for (const auto& b : view->bookings) {
        if (b.state != "booked" && b.state != "attended" && b.state != "partly-attended" &&
            b.state != "no-show")
            continue;
        people.push_back({{"name", b.person_name},
                          {"organisation", b.user_id ? b.team_name : b.partner_organisation}});
    }
    // A few empty lines for people who turn up without a place.
    nlohmann::json spare = nlohmann::json::array();
    for (int i = 0; i < 5; ++i) spare.push_back(i);
    return app.page(ex, 200, "training/sign_in_sheet",
                    {{"title", "Sign-in sheet: " + view->session.course_title},
                     {"course", view->session.course_title},
                     {"when", service::session_when(view->session)},
                     {"where", view->session.venue.name + ", " + view->session.venue.postcode},
                     {"people", people},
                     {"spare", spare}});
}

}  // namespace

Response training_sign_in_sheet(App& app, Exchange& ex) {
    return app.kept_page(ex, "sign-in-sheet." + app.training().page_stamp(ex.actor()),
                         [&] { return sign_in_sheet_page(app, ex); });
}

Response training_trained_csv(App& app, Exchange& ex) {
    auto table = trained_table(app, ex);
    if (!table) return app.error(ex, table.error());
    return csv_download(*table, "trained.csv");
}

Response training_trained_xlsx(App& app, Exchange& ex) {
    auto table = trained_table(app, ex);
    if (!table) return app.error(ex, table.error());
    return xlsx_download(*table, "Trained", "trained.xlsx");
}

namespace {

Response workforce_page(App& app, Exchange& ex) {
    auto view = app.training().workforce(ex.actor());
    if (!view) return app.error(ex, view.error());
    nlohmann::json courses = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : view->courses) courses.push_back({{"title", c}});
    for (const auto& r : view->rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (auto n : r.trained) {
            auto share = r.staff ? (n * 100 + r.staff / 2) / r.staff : 0;
            cells.push_back({{"text", std::to_string(n) + " (" + std::to_string(share) + "%)"}});
        }
        rows.push_back({{"team", r.team},
                        {"role", r.role},
                        {"staff", std::to_string(r.staff)},
                        {"cells", cells}});
    }
    return app.page(ex, 200, "training/workforce",
                    {{"title", "Who is trained"},
                     {"courses", courses},
                     {"rows", rows},
                     {"has_rows", !rows.empty()}});
}

}  // namespace

Response training_workforce(App& app, Exchange& ex) {
    return app.kept_page(ex, "workforce." + app.training().page_stamp(ex.actor()),
                         [&] { return workforce_page(app, ex); });
}

}  // namespace signs::web::handlers
