#include "store/migrations.hpp"
#include "store/store_error.hpp"
#include "web/handlers/handlers.hpp"

namespace signs::web::handlers {

Response healthz(App& app, Exchange&) {
    try {
        int version = store::current_schema_version(app.db());
        return Response::json(
            200, nlohmann::json{{"status", "ok"}, {"database", "ok"}, {"schema_version", version}}
                     .dump());
    } catch (const core::Fault&) {
        return Response::json(
            503, nlohmann::json{{"status", "unavailable"}, {"database", "unreachable"}}.dump());
    }
}

Response metrics(App& app, Exchange&) {
    auto response = Response::text(200, app.metrics().prometheus_text(app.db().pool_use()));
    response.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    return response;
}

}  // namespace signs::web::handlers
