#include "service/practice_settings_service.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

/// What was typed on whichever form was sent, to show again with its problems.
struct SettingsForms {
    std::string variant;  ///< the variant whose wording form was sent
    std::map<std::string, std::string> words;
    domain::BandForm band;
};

/// The three variants' wording forms share field names, so each input is named for its
/// variant too ("stability-name") and its problems are moved to match.
core::Error for_variant(core::Error error, const std::string& variant) {
    for (auto& f : error.fields) f.field = variant + "-" + f.field;
    return error;
}

Response settings_page(App& app, Exchange& ex, int status, const SettingsForms& forms,
                       const core::Error* error) {
    auto& service = app.practice_settings();
    auto variants = service.wording(ex.actor());
    if (!variants) return app.error(ex, variants.error());
    auto bands = service.bands(ex.actor());
    if (!bands) return app.error(ex, bands.error());

    nlohmann::json wording = nlohmann::json::array();
    for (auto& v : *variants) {
        auto code = std::string{domain::variant_code(v.variant)};
        nlohmann::json fields = nlohmann::json::array();
        bool own = false;
        for (const auto& f : domain::wording_fields()) {
            auto key = std::string{f.key};
            auto value = f.text(v.in_force);
            if (forms.variant == code && forms.words.contains(key)) value = forms.words.at(key);
            own = own || f.text(v.in_force) != f.text(v.built_in);
            fields.push_back(field(code + "-" + key, std::string{f.label}, value, error,
                                   {"text", "off", "Built in: " + f.text(v.built_in), ""}));
        }
        wording.push_back({{"code", code},
                           {"heading", std::string{domain::variant_label(v.variant)}},
                           {"own", own},
                           {"fields", fields}});
    }
    nlohmann::json band_rows = nlohmann::json::array();
    for (const auto& b : *bands) {
        band_rows.push_back(
            {{"id", std::to_string(b.id)},
             {"purpose", b.purpose == "any" ? std::string{"Any mapping"}
                                            : std::string{domain::label_for(
                                                  domain::mapping_purposes(), b.purpose)}},
             {"range", b.low == b.high ? std::to_string(b.low)
                                       : std::to_string(b.low) + " to " + std::to_string(b.high)},
             {"why", b.why}});
    }
    Options purposes{{"any", "Any mapping"}};
    for (const auto& p : domain::mapping_purposes())
        purposes.emplace_back(std::string{p.code}, std::string{p.label});
    const FieldOptions narrow{"text", "off", "", "govuk-input--width-2"};
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Practice settings"}},
        {"wording", wording},
        {"bands", band_rows},
        {"has_bands", !band_rows.empty()},
        {"band_purpose",
         select_field("purpose", "Which mappings", purposes,
                      forms.band.purpose.empty() ? "any" : forms.band.purpose, error)},
        {"band_low", field("low", "Lowest number", forms.band.low, error, narrow)},
        {"band_high", field("high", "Highest number", forms.band.high, error, narrow)},
        {"band_why", field("why", "What the manager is told", forms.band.why, error)},
        {"done",
         ex.query().get("done") == "saved" ? nlohmann::json("Saved") : nlohmann::json(false)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "admin/practice", model);
}

Response after(App& app, Exchange& ex, const core::Result<void>& done, const SettingsForms& forms) {
    if (done) return Response::redirect("/admin/practice?done=saved");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    auto error = forms.variant.empty() ? done.error() : for_variant(done.error(), forms.variant);
    return settings_page(app, ex, 422, forms, &error);
}

}  // namespace

Response show_practice_settings(App& app, Exchange& ex) {
    auto draw = [&] { return settings_page(app, ex, 200, {}, nullptr); };
    if (ex.query().has("done")) return draw();
    return app.kept_page(ex, "practice." + app.practice_settings().stamp(), draw);
}

Response save_variant_wording(App& app, Exchange& ex) {
    SettingsForms forms;
    forms.variant = ex.params["variant"];
    if (ex.form->get("restore") != "yes") {
        for (const auto& f : domain::wording_fields()) {
            auto key = std::string{f.key};
            forms.words[key] = ex.form->get(forms.variant + "-" + key);
        }
    }
    return after(app, ex,
                 app.practice_settings().set_wording(ex.actor(), forms.variant, forms.words),
                 forms);
}

Response add_escalation_band(App& app, Exchange& ex) {
    SettingsForms forms;
    const auto& f = *ex.form;
    forms.band = {f.get("purpose"), f.get("low"), f.get("high"), f.get("why")};
    auto added = app.practice_settings().add_band(ex.actor(), forms.band);
    return after(app, ex, added ? core::Result<void>{} : std::unexpected(added.error()), forms);
}

Response remove_escalation_band(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return after(app, ex, app.practice_settings().remove_band(ex.actor(), *id), {});
}

}  // namespace signs::web::handlers
