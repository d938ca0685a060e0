#include "service/outbox_service.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {

Response show_outbox(App& app, Exchange& ex) {
    auto messages = app.outbox().recent(ex.actor());
    if (!messages) return app.error(ex, messages.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& m : *messages) {
        std::string status = m.status == "sent"     ? "Sent " + when_text(m.sent_at)
                             : m.status == "failed" ? "Failed"
                                                    : "Waiting";
        rows.push_back({{"id", std::to_string(m.id)},
                        {"created", when_text(m.created_at)},
                        {"to", m.to_name + " <" + m.to_address + ">"},
                        {"subject", m.subject},
                        {"body", m.body},
                        {"status", status},
                        {"failed", m.status == "failed"},
                        {"attempts", std::to_string(m.attempts)},
                        {"error", m.last_error}});
    }
    nlohmann::json model = {
        {"title", "Outbox"},
        {"configured", app.outbox().configured()},
        {"rows", rows},
        {"has_rows", !rows.empty()},
    };
    return app.page(ex, 200, "admin/outbox", model);
}

}  // namespace signs::web::handlers
