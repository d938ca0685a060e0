#include <algorithm>
#include <map>

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "domain/casework/contact.hpp"
#include "domain/casework/identifiers.hpp"
#include "domain/meetings/meeting.hpp"
#include "domain/timescales/deadline_rules.hpp"
#include "service/casework_service.hpp"
#include "service/child_record_service.hpp"
#include "service/mapping_service.hpp"
#include "web/ecomap_svg.hpp"
#include "web/handlers/case_lists.hpp"
#include "web/handlers/child_views.hpp"
#include "web/handlers/handlers.hpp"
#include "web/handlers/kept_forms.hpp"
#include "web/handlers/level_views.hpp"
#include "web/view_model.hpp"

namespace signs::web::handlers {
namespace {

std::string join_labels(const std::string& codes, std::span<const domain::CodeLabel> table) {
    std::string out;
    for (const auto& code : domain::split_codes(codes))
        out += (out.empty() ? "" : ", ") + std::string{domain::label_for(table, code)};
    return out.empty() ? "Not recorded" : out;
}

Response new_child_page(App& app, Exchange& ex, int status, const domain::ChildForm& form,
                        const core::Error* error,
                        const std::vector<store::ChildRecord>& lookalikes) {
    nlohmann::json alike = nlohmann::json::array();
    for (const auto& c : lookalikes) {
        alike.push_back({{"id", std::to_string(c.id)},
                         {"name", c.first_name + " " + c.last_name},
                         {"born", born_text(c)},
                         {"nhs", c.nhs_number.empty()
                                     ? nlohmann::json(false)
                                     : nlohmann::json(domain::format_nhs_number(c.nhs_number))}});
    }
    auto model = child_fields(form, error, app.census_codes());
    model.update({
        {"title", error ? "Error: Add a child" : "Add a child"},
        {"has_lookalikes", !lookalikes.empty()},
        {"lookalikes", alike},
    });
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/new_child", model);
}

Response level_page(App& app, Exchange& ex, int status, std::int64_t case_id,
                    const store::ChildRecord& child, const std::string& current,
                    const LevelForm& form, const core::Error* error) {
    nlohmann::json model = level_fields(app, form, error);
    model["title"] = error ? "Error: Change service level" : "Change service level";
    model["case_id"] = std::to_string(case_id);
    model["child_id"] = std::to_string(child.id);
    model["child_name"] = child.first_name + " " + child.last_name;
    model["current_level"] = level_text(current);
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/change_level", model);
}

Response new_case_page(App& app, Exchange& ex, int status,
                       const std::vector<store::ChildRecord>& offered,
                       const std::vector<std::string>& ticked, const std::string& family,
                       const LevelForm& form, const core::Error* error) {
    Options children;
    for (const auto& c : offered)
        children.emplace_back(std::to_string(c.id), c.first_name + " " + c.last_name);
    nlohmann::json model = level_fields(app, form, error);
    model["title"] = error ? "Error: Open a case" : "Open a case";
    model["children"] = checkboxes("children", "Children in this case", children, ticked, error);
    model["family_name"] = field("family_name", "Family name", family, error,
                                 {"text", "off", "For example, the Carter family", ""});
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/new_case", model);
}

}  // namespace

Response find_children(App& app, Exchange& ex) {
    auto query = ex.query();
    const auto& q = query.get("q");
    nlohmann::json model = {
        {"title", "Find a child"}, {"searched", false}, {"q", field("q", "", q, nullptr)}};
    if (!query.has("q")) return app.page(ex, 200, "casework/find_children", model);
    auto cursor = search_cursor(query);
    if (!cursor) {
        return app.error_page(ex, 400,
                              "That link to more results is not one signs made: search again");
    }
    auto found = app.casework().search_children(ex.actor(), q, *cursor);
    if (!found) {
        if (found.error().kind != core::ErrorKind::Invalid) return app.error(ex, found.error());
        model["q"] = field("q", "", q, &found.error());
        add_error_summary(model, found.error());
        return app.page(ex, 422, "casework/find_children", model);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : found->children) {
        rows.push_back(
            {{"id", std::to_string(r.child.id)},
             {"name", r.child.first_name + " " + r.child.last_name},
             {"born", born_text(r.child)},
             {"nhs",
              r.child.nhs_number.empty() ? "" : domain::format_nhs_number(r.child.nhs_number)},
             {"level", level_text(r.current_level)}});
    }
    model["searched"] = true;
    model["has_results"] = !rows.empty();
    model["results"] = rows;
    // Where this page stands in the whole list, carried in the links only to say so: a page
    // read back to the start knows it is the first whatever the link said.
    std::int64_t first = std::clamp<std::int64_t>(query.number("from").value_or(1), 1, 1'000'000);
    if (!found->previous_before) first = 1;
    auto shown = static_cast<std::int64_t>(rows.size());
    bool only_page = !found->previous_before && !found->next_after;
    model["caption"] = rows.empty()
                           ? (found->next_after ? "None yet that you can open: look further"
                                                : "No children found that you can open")
                       : only_page ? std::to_string(rows.size()) + " found"
                                   : "Showing " + std::to_string(first) + " to " +
                                         std::to_string(first + shown - 1) +
                                         (found->next_after ? ", and more" : "");
    auto href = [&](const std::string& cursor, std::int64_t id, std::int64_t at) {
        return "/children?q=" + url_encode(q) + "&" + cursor + "=" + std::to_string(id) +
               "&from=" + std::to_string(std::max<std::int64_t>(1, at));
    };
    model["paged"] = !only_page;
    model["previous"] = found->previous_before
                            ? nlohmann::json(href("before", *found->previous_before,
                                                  first - service::kSearchPageSize))
                            : nlohmann::json(false);
    model["next"] = found->next_after
                        ? nlohmann::json(href("after", *found->next_after, first + shown))
                        : nlohmann::json(false);
    return app.page(ex, 200, "casework/find_children", model);
}

Response new_child(App& app, Exchange& ex) {
    // The empty form is the same for everyone with the same role; its date checks follow the
    // day.
    return app.kept_page(ex, "new-child." + core::london_date(app.clock().now()).iso(),
                         [&] { return new_child_page(app, ex, 200, {}, nullptr, {}); });
}

namespace {

/// The GOV.UK "check your answers" page: every answer in words, and the form's values
/// carried in hidden fields to save or change.
Response check_child_page(App& app, Exchange& ex, const domain::ChildForm& form) {
    auto rows = child_answer_rows(form, app.census_codes());
    nlohmann::json hidden = nlohmann::json::array();
    for (const auto& [name, value] : ex.form->entries()) {
        if (name != "csrf_token" && name != "step")
            hidden.push_back({{"name", name}, {"value", value}});
    }
    return app.page(ex, 200, "casework/check_child",
                    {{"title", "Check the child's details"}, {"rows", rows}, {"hidden", hidden}});
}

}  // namespace

Response create_child(App& app, Exchange& ex) {
    auto form = child_form(*ex.form);
    const auto& step = ex.form->get("step");
    if (step == "edit") return new_child_page(app, ex, 200, form, nullptr, {});
    bool checking = step == "check";
    auto added =
        app.casework().add_child(ex.actor(), form, ex.form->get("confirmed") == "yes", checking);
    if (!added) {
        if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
        return new_child_page(app, ex, 422, form, &added.error(), {});
    }
    if (!added->lookalikes.empty())
        return new_child_page(app, ex, 409, form, nullptr, added->lookalikes);
    if (checking) return check_child_page(app, ex, form);
    return Response::redirect("/children/" + std::to_string(*added->child_id));
}

namespace {

/// The heading of a chronology entry: what kind of event it records.
std::string chronology_title(const store::ChronologyRecord& e) {
    if (e.source == "manual")
        return std::string{domain::label_for(domain::chronology_kinds(), e.kind)};
    static const std::map<std::string, std::string, std::less<>> kRecordTitles = {
        {"level-change", "Service level changed"},
        {"case-opened", "Case opened"},
        {"case-closed", "Case closed"},
        {"allocation", "Allocated"},
        {"record-created", "Record created"},
        {"record-changed", "Details changed"},
        {"address", "Address"},
        {"network", "Family and network"},
        {"contact", "Contact"},
        {"mapping", "Mapping"},
        {"plan", "Plan"},
        {"meeting", "Meeting"},
        {"alert", "Raised with the manager"},
    };
    auto it = kRecordTitles.find(e.kind);
    return it == kRecordTitles.end() ? "Note" : it->second;
}

Response child_page(App& app, Exchange& ex, std::int64_t id, int status,
                    const domain::ChronologyEntryForm& entry, const core::Error* error) {
    auto page = app.case_pages().child_page(ex.actor(), id);
    if (!page) return app.error(ex, page.error());
    const auto* view = &page->view;
    const auto& c = view->child;
    nlohmann::json cases = nlohmann::json::array();
    std::string current_level;
    for (const auto& k : view->cases) {
        const auto* last = k.history.empty() ? nullptr : &k.history.back();
        bool open = last && last->to_date.empty();
        if (open && current_level.empty()) current_level = last->level;
        cases.push_back(
            {{"id", std::to_string(k.record.id)},
             {"family", k.record.family_name},
             {"level", open ? level_text(last->level) : "Closed"},
             {"since", last ? date_text(last->from_date) : ""},
             {"worker", k.record.worker_name.empty() ? "Not allocated" : k.record.worker_name}});
    }
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : view->chronology) {
        events.push_back({{"title", chronology_title(e)},
                          {"who", e.recorded_by_name.empty() ? "signs" : e.recorded_by_name},
                          {"iso", e.occurred_on},
                          {"date", date_text(e.occurred_on)},
                          {"summary", e.summary}});
    }
    const auto& codes = app.census_codes();
    std::string upn = c.upn.empty() ? "Not recorded" : c.upn;
    if (c.upn.empty() && !c.upn_unknown.empty())
        upn = "Not known: " + std::string{codes.upn_unknown.label(c.upn_unknown)};
    nlohmann::json model = {
        {"title", c.first_name + " " + c.last_name},
        {"child_id", std::to_string(c.id)},
        {"child",
         {{"name", c.first_name + " " + c.last_name},
          {"level", current_level.empty() ? "No open case" : level_text(current_level)},
          {"preferred", c.preferred_name.empty() ? "Not recorded" : c.preferred_name},
          {"born_label", c.date_of_birth.empty() ? "Expected date of birth" : "Date of birth"},
          {"born", born_text(c)},
          {"sex", std::string{codes.sex.label(c.sex)}},
          {"died", c.date_of_death.empty() ? nlohmann::json(false)
                                           : nlohmann::json(date_text(c.date_of_death))},
          {"ethnicity", std::string{codes.ethnicity.label(c.ethnicity)}},
          {"disabilities", join_labels(c.disabilities, codes.disability.entries())},
          {"language", (c.first_language.empty() ? std::string{"Not recorded"} : c.first_language) +
                           (c.interpreter_needed ? " (needs an interpreter)" : "")},
          {"nhs", c.nhs_number.empty() ? "Not recorded" : domain::format_nhs_number(c.nhs_number)},
          {"upn", upn},
          {"former_upn",
           c.former_upn.empty() ? nlohmann::json(false) : nlohmann::json(c.former_upn)},
          {"school", c.school.empty() ? "Not recorded" : c.school},
          {"what_matters", c.what_matters.empty() ? "Not recorded yet" : c.what_matters}}},
        {"has_cases", !cases.empty()},
        {"cases", cases},
        {"chronology", events},
    };
    nlohmann::json network = nlohmann::json::array();
    for (const auto& n : view->network) {
        auto contact = n.person.phone;
        if (!n.person.email.empty()) contact += (contact.empty() ? "" : ", ") + n.person.email;
        network.push_back({{"name", n.person.first_name + " " + n.person.last_name},
                           {"relationship", std::string{domain::label_for(
                                                domain::relationship_codes(), n.relationship)}},
                           {"pr", n.parental_responsibility ? "Yes" : "No"},
                           {"lives", n.lives_with_child ? "Yes" : "No"},
                           {"network", n.safety_network ? "Yes" : "No"},
                           {"contact", contact.empty() ? "Not recorded" : contact}});
    }
    model["has_network"] = !network.empty();
    model["network"] = network;
    std::vector<EcomapPerson> around;
    for (const auto& n : view->network) {
        around.push_back(
            {n.person.first_name + " " + n.person.last_name,
             std::string{domain::label_for(domain::relationship_codes(), n.relationship)}, false,
             n.lives_with_child, n.safety_network});
    }
    for (const auto& p : view->professionals)
        around.push_back({p.name, p.role, true, false, false});
    model["ecomap"] = around.empty() ? nlohmann::json(false)
                                     : nlohmann::json(ecomap_svg(view->child.known_as(), around));
    nlohmann::json professionals = nlohmann::json::array();
    for (const auto& p : view->professionals) {
        auto contact = p.phone;
        if (!p.email.empty()) contact += (contact.empty() ? "" : ", ") + p.email;
        professionals.push_back({{"name", p.name},
                                 {"role", p.role},
                                 {"agency", p.agency},
                                 {"contact", contact.empty() ? "Not recorded" : contact}});
    }
    nlohmann::json addresses = nlohmann::json::array();
    for (auto it = view->addresses.rbegin(); it != view->addresses.rend(); ++it) {
        addresses.push_back({{"lines", it->lines},
                             {"postcode", it->postcode},
                             {"from", date_text(it->moved_in)},
                             {"to", it->moved_out.empty() ? "Now" : date_text(it->moved_out)}});
    }
    nlohmann::json contacts = nlohmann::json::array();
    for (const auto& k : view->contacts) {
        contacts.push_back(
            {{"id", std::to_string(k.id)},
             {"received", date_text(k.received_on)},
             {"from", k.referrer_name + " (" + k.referrer_role + ")"},
             {"decision", k.decision.empty() ? std::string{"Waiting for a decision"}
                                             : std::string{domain::label_for(
                                                   domain::contact_decisions(), k.decision)}}});
    }
    model["has_contacts"] = !contacts.empty();
    model["contacts"] = contacts;
    model["has_addresses"] = !addresses.empty();
    model["addresses"] = addresses;
    auto done = ex.query().get("done");
    model["done"] = done == "changed"   ? nlohmann::json("Details saved")
                    : done == "address" ? nlohmann::json("Address saved")
                                        : nlohmann::json(false);
    model["has_professionals"] = !professionals.empty();
    model["professionals"] = professionals;
    Options kinds;
    for (const auto& k : domain::chronology_kinds())
        kinds.emplace_back(std::string{k.code}, std::string{k.label});
    model["entry_kind"] = radios("kind", "What kind of event", kinds, entry.kind, error);
    model["entry_date"] =
        date_field("date", "When it happened", entry.day, entry.month, entry.year, error);
    model["entry_summary"] = field("summary", "What happened", entry.summary, error);
    nlohmann::json viewers = nlohmann::json::array();
    for (const auto& v : page->viewers) {
        viewers.push_back({{"who", v.user_name}, {"when", when_text(v.at)}});
    }
    model["has_viewers"] = !viewers.empty();
    model["viewers"] = viewers;
    if (error) {
        model["title"] = "Error: " + model["title"].get<std::string>();
        add_error_summary(model, *error);
    }
    return app.page(ex, status, "casework/child", model);
}

}  // namespace

Response show_child(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto key = app.case_pages().child_page_key(ex.actor(), *id);
    if (!key) return app.error(ex, key.error());
    auto draw = [&] {
        auto today = core::london_date(app.clock().now()).parts();
        domain::ChronologyEntryForm entry{"", today.day, today.month, today.year, ""};
        return child_page(app, ex, *id, 200, entry, nullptr);
    };
    // The two banners the page knows are part of the key; anything else shares one page.
    auto done = ex.query().get("done");
    bool banner = done == "changed" || done == "address";
    return app.kept_page(ex, "child." + *key + (banner ? "." + done : ""), draw);
}

Response kept_child_form(App& app, Exchange& ex, std::int64_t child_id, const std::string& variant,
                         bool family, const std::string& purpose,
                         const std::function<Response(const store::ChildRecord&)>& draw) {
    auto key = app.case_pages().child_form_key(ex.actor(), child_id, family, purpose);
    if (!key) return app.error(ex, key.error());
    return app.kept_page(ex, "child-form." + *key + "." + variant, [&] {
        auto child = app.child_records().read_child(ex.actor(), child_id);
        if (!child) return app.error(ex, child.error());
        return draw(*child);
    });
}

namespace {

const Options kYesNo = {{"yes", "Yes"}, {"no", "No"}};

Response network_page(App& app, Exchange& ex, int status, std::int64_t child_id,
                      const store::ChildRecord& child, const domain::NetworkMemberForm& form,
                      const std::string& person, const core::Error* error) {
    Options family;
    for (const auto& p : app.casework().family_not_yet_linked(ex.actor(), child_id)) {
        family.emplace_back(std::to_string(p.id), p.first_name + " " + p.last_name);
    }
    Options relationships{{"", "Select a relationship"}};
    for (const auto& r : domain::relationship_codes())
        relationships.emplace_back(std::string{r.code}, std::string{r.label});
    family.emplace_back("new", "Someone new");
    std::string name = child.first_name + " " + child.last_name;
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Add a family or network member"}},
        {"child_id", std::to_string(child_id)},
        {"child_name", name},
        {"has_family", family.size() > 1},
        {"person",
         radios("person",
                "Someone already linked to " + child.first_name + "'s brothers or sisters", family,
                person.empty() ? "new" : person, error)},
        {"first_name", field("first_name", "First name", form.first_name, error)},
        {"last_name", field("last_name", "Last name", form.last_name, error)},
        {"phone", field("phone", "Phone number (optional)", form.phone, error,
                        {"tel", "off", "", "govuk-input--width-20"})},
        {"email",
         field("email", "Email address (optional)", form.email, error, {"email", "off", "", ""})},
        {"address", field("address", "Address (optional)", form.address, error)},
        {"relationship", select_field("relationship", "Relationship to " + child.first_name,
                                      relationships, form.relationship, error)},
        {"parental_responsibility",
         radios("parental_responsibility", "Do they have parental responsibility?", kYesNo,
                form.parental_responsibility, error)},
        {"lives_with_child",
         radios("lives_with_child", "Do they live with " + child.first_name + "?", kYesNo,
                form.lives_with_child, error)},
        {"safety_network", radios("safety_network", "Are they part of the safety network?", kYesNo,
                                  form.safety_network, error)},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/new_network_member", model);
}

Response professional_page(App& app, Exchange& ex, int status, std::int64_t child_id,
                           const store::ChildRecord& child, const domain::ProfessionalForm& form,
                           const core::Error* error) {
    nlohmann::json model = {
        {"title", (error ? "Error: " : "") + std::string{"Add a professional"}},
        {"child_id", std::to_string(child_id)},
        {"child_name", child.first_name + " " + child.last_name},
        {"name", field("name", "Name", form.name, error)},
        {"role", field("role", "Role", form.role, error,
                       {"text", "off", "For example, health visitor or class teacher", ""})},
        {"agency", field("agency", "Agency", form.agency, error,
                         {"text", "off", "For example, the GP surgery or school", ""})},
        {"phone", field("phone", "Phone number (optional)", form.phone, error,
                        {"tel", "off", "", "govuk-input--width-20"})},
        {"email",
         field("email", "Email address (optional)", form.email, error, {"email", "off", "", ""})},
    };
    if (error) add_error_summary(model, *error);
    return app.page(ex, status, "casework/new_professional", model);
}

domain::NetworkMemberForm network_form(const Form& f) {
    return {f.get("first_name"),
            f.get("last_name"),
            f.get("relationship"),
            f.get("parental_responsibility"),
            f.get("lives_with_child"),
            f.get("safety_network"),
            f.get("phone"),
            f.get("email"),
            f.get("address")};
}

}  // namespace

Response new_network_member(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return kept_child_form(app, ex, *id, "", true, "", [&](const store::ChildRecord& child) {
        return network_page(app, ex, 200, *id, child, {}, "", nullptr);
    });
}

Response add_network_member(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    auto form = network_form(*ex.form);
    const auto& person = ex.form->get("person");
    std::optional<std::int64_t> existing;
    if (!person.empty() && person != "new") {
        existing = parse_number(person);
        if (!existing) return app.error_page(ex, 400);
    }
    auto& service = app.casework();
    auto added = service.add_network_member(ex.actor(), *id, form, existing);
    if (added) return Response::redirect("/children/" + std::to_string(*id));
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    auto view = service.view_child(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return network_page(app, ex, 422, *id, view->child, form, person, &added.error());
}

Response new_professional(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    return kept_child_form(app, ex, *id, "", false, "", [&](const store::ChildRecord& child) {
        return professional_page(app, ex, 200, *id, child, {}, nullptr);
    });
}

Response add_professional(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::ProfessionalForm form{f.get("name"), f.get("role"), f.get("agency"), f.get("phone"),
                                  f.get("email")};
    auto& service = app.casework();
    auto added = service.add_professional(ex.actor(), *id, form);
    if (added) return Response::redirect("/children/" + std::to_string(*id));
    if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
    auto view = service.view_child(ex.actor(), *id);
    if (!view) return app.error(ex, view.error());
    return professional_page(app, ex, 422, *id, view->child, form, &added.error());
}

Response add_chronology_entry(App& app, Exchange& ex) {
    auto id = ex.id_param("id");
    if (!id) return app.error_page(ex, 404);
    const auto& f = *ex.form;
    domain::ChronologyEntryForm entry{f.get("kind"), f.get("date-day"), f.get("date-month"),
                                      f.get("date-year"), f.get("summary")};
    auto added = app.casework().add_chronology_entry(ex.actor(), *id, entry);
    if (!added) {
        if (added.error().kind != core::ErrorKind::Invalid) return app.error(ex, added.error());
        return child_page(app, ex, *id, 422, entry, &added.error());
    }
    return Response::redirect("/children/" + std::to_string(*id) + "#chronology");
}

Response new_case(App& app, Exchange& ex) {
    auto child_id = ex.query().number("child");
    if (!child_id) return app.error_page(ex, 404, "Open a case from a child's page.");
    LevelForm form = today_form(app);
    // A decision on a contact suggests the level to start at.
    auto level = ex.query().get("level");
    form.level = domain::parse_level(level) ? level : "early-help";
    // The levels are named with the council's words for each way of working.
    std::string variant = form.level;
    for (const auto& [way, name] : app.practice_settings().variant_names()) variant += "." + name;
    return kept_child_form(
        app, ex, *child_id, variant, false, "", [&](const store::ChildRecord& child) {
            return new_case_page(app, ex, 200, {child}, {std::to_string(*child_id)},
                                 child.last_name + " family", form, nullptr);
        });
}

Response create_case(App& app, Exchange& ex) {
    const auto& f = *ex.form;
    auto form = level_form(f);
    auto ticked = f.get_all("children");
    std::vector<std::int64_t> ids;
    std::vector<store::ChildRecord> offered;
    auto& service = app.casework();
    for (const auto& text : ticked) {
        auto id = parse_number(text);
        if (!id) return app.error_page(ex, 400);
        ids.push_back(*id);
    }
    for (auto id : ids) {
        auto view = service.view_child(ex.actor(), id);
        if (!view) return app.error(ex, view.error());
        offered.push_back(view->child);
    }
    auto change = parse_level_change(form);
    service::OpenCaseForm open{f.get("family_name"), ids, change ? *change : domain::LevelChange{}};
    core::Result<std::int64_t> opened =
        change ? service.open_case(ex.actor(), open) : std::unexpected(change.error());
    if (!opened) {
        if (opened.error().kind != core::ErrorKind::Invalid) return app.error(ex, opened.error());
        auto error = for_page(opened.error());
        return new_case_page(app, ex, 422, offered, ticked, f.get("family_name"), form, &error);
    }
    return Response::redirect("/cases/" + std::to_string(*opened) + "?done=opened");
}

Response show_change_level(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    auto child_id = ex.id_param("child");
    if (!case_id || !child_id) return app.error_page(ex, 404);
    return kept_case_form(app, ex, *case_id, "", [&] {
        auto view = app.casework().view_case(ex.actor(), *case_id);
        if (!view) return app.error(ex, view.error());
        for (const auto& k : view->children) {
            if (k.child.id != *child_id) continue;
            std::string current = k.history.empty() || !k.history.back().to_date.empty()
                                      ? ""
                                      : k.history.back().level;
            LevelForm form = today_form(app);
            return level_page(app, ex, 200, *case_id, k.child, current, form, nullptr);
        }
        return app.error_page(ex, 404);
    });
}

Response change_level(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    auto child_id = ex.id_param("child");
    if (!case_id || !child_id) return app.error_page(ex, 404);
    auto& service = app.casework();
    auto form = level_form(*ex.form);
    auto change = parse_level_change(form);
    core::Result<void> done = change
                                  ? service.change_level(ex.actor(), *case_id, *child_id, *change)
                                  : core::Result<void>{std::unexpected(change.error())};
    if (done) return Response::redirect("/cases/" + std::to_string(*case_id) + "?done=level");
    if (done.error().kind != core::ErrorKind::Invalid) return app.error(ex, done.error());
    auto view = service.view_case(ex.actor(), *case_id);
    if (!view) return app.error(ex, view.error());
    for (const auto& k : view->children) {
        if (k.child.id != *child_id) continue;
        std::string current =
            k.history.empty() || !k.history.back().to_date.empty() ? "" : k.history.back().level;
        auto error = for_page(done.error());
        return level_page(app, ex, 422, *case_id, k.child, current, form, &error);
    }
    return app.error_page(ex, 404);
}

Response allocate_case(App& app, Exchange& ex) {
    auto case_id = ex.id_param("id");
    if (!case_id) return app.error_page(ex, 404);
    auto version = ex.form->version();
    if (!version) return app.error_page(ex, 400);
    std::optional<std::int64_t> worker;
    const auto& worker_text = ex.form->get("worker");
    if (!worker_text.empty()) {
        worker = parse_number(worker_text);
        if (!worker) return app.error_page(ex, 400);
    }
    auto done = app.casework().allocate(ex.actor(), *case_id, worker, *version);
    if (!done) return app.error(ex, done.error());
    return Response::redirect("/cases/" + std::to_string(*case_id) + "?done=allocated");
}

namespace {

/// The MOJ filter's "selected filters": one tag per choice, each linking to the list
/// without it.
nlohmann::json selected_filters(const CaseListChoice& choice) {
    nlohmann::json categories = nlohmann::json::array();
    if (!choice.levels.empty()) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& level : choice.levels) {
            auto without = choice;
            std::erase(without.levels, level);
            items.push_back({{"text", level_text(level)}, {"href", without.href()}});
        }
        categories.push_back({{"heading", "Service level"}, {"items", items}});
    }
    nlohmann::json other = nlohmann::json::array();
    if (choice.due_soon) {
        auto without = choice;
        without.due_soon = false;
        other.push_back({{"text", "Due soon or overdue"}, {"href", without.href()}});
    }
    if (choice.unallocated) {
        auto without = choice;
        without.unallocated = false;
        other.push_back({{"text", "Unallocated"}, {"href", without.href()}});
    }
    if (choice.alerts) {
        auto without = choice;
        without.alerts = false;
        other.push_back({{"text", "Alert not yet seen"}, {"href", without.href()}});
    }
    if (choice.overdue) {
        auto without = choice;
        without.overdue = false;
        other.push_back({{"text", "Overdue plan actions"}, {"href", without.href()}});
    }
    if (!other.empty()) categories.push_back({{"heading", "Work"}, {"items", other}});
    return categories;
}

}  // namespace

Response list_cases(App& app, Exchange& ex) {
    auto choice = CaseListChoice::from(ex.query());
    auto today = core::london_date(app.clock().now());
    auto rows = case_list(app, ex, choice);
    if (!rows) return app.error(ex, rows.error());
    nlohmann::json items = nlohmann::json::array();
    auto calendar = app.calendar();
    // Each child's own census problems, for those who put them right.
    bool census =
        ex.user->role == domain::Role::Practitioner || ex.user->role == domain::Role::TeamManager;
    std::map<std::int64_t, std::size_t> problems;
    if (census) {
        std::vector<std::int64_t> children;
        for (const auto& r : *rows) children.push_back(r.child_id);
        std::sort(children.begin(), children.end());
        children.erase(std::unique(children.begin(), children.end()), children.end());
        auto counted = app.returns().child_problems(ex.actor(), children);
        if (counted) problems = std::move(*counted);
    }
    auto census_problems = [&](std::int64_t child) -> nlohmann::json {
        auto n = problems.count(child) ? problems.at(child) : 0;
        if (n == 0) return false;
        return {{"text", std::to_string(n) + (n == 1 ? " census problem" : " census problems")},
                {"href", "/children/" + std::to_string(child) + "/census"}};
    };
    for (const auto& r : *rows) {
        items.push_back(
            {{"case_id", std::to_string(r.case_id)},
             {"family", r.family_name},
             {"child", r.child_name},
             {"census", census_problems(r.child_id)},
             {"level", level_text(r.level)},
             {"since", date_text(r.level_since)},
             {"due", due_model(r.next_due, today, *calendar, kDueSoonWorkingDays)},
             {"worker", r.worker_name.empty() ? "Not allocated" : r.worker_name},
             {"team_name", r.team_name},
             {"alert", r.alerts_waiting > 0},
             {"overdue", r.overdue_actions == 0
                             ? nlohmann::json(false)
                             : nlohmann::json(std::to_string(r.overdue_actions) + " overdue")}});
    }
    Options levels;
    for (auto l : domain::all_levels())
        levels.emplace_back(std::string{domain::level_code(l)},
                            std::string{domain::level_label(l)});
    auto selected = selected_filters(choice);
    auto clear = choice;
    clear.levels.clear();
    clear.unallocated = clear.due_soon = clear.alerts = clear.overdue = false;
    nlohmann::json model = {
        {"title", choice.team ? "Team cases" : "My cases"},
        {"heading", choice.team ? "Team cases" : "My cases"},
        {"mine", !choice.team},
        {"team", choice.team},
        {"has_team", !ex.user->team_ids().empty()},
        {"census_link", census},
        // A manager who leads several teams sees whose each case is.
        {"several_teams", choice.team && ex.user->team_ids().size() > 1},
        {"rows", items},
        {"caption", items.empty()
                        ? "No cases match"
                        : std::to_string(items.size()) +
                              (items.size() == 1 ? " child" : " children") + " in open cases"},
        {"has_selected", !selected.empty()},
        {"selected", selected},
        {"clear_href", clear.href()},
        {"level_filter", checkboxes("level", "Service level", levels, choice.levels, nullptr)},
        {"due_filter",
         checkboxes("due", "Deadlines",
                    {{"soon", "Due in the next " + std::to_string(kDueSoonWorkingDays) +
                                  " working days, or overdue"}},
                    {choice.due_soon ? "soon" : ""}, nullptr)},
        {"alert_filter",
         checkboxes("alerts", "Alerts", {{"waiting", "Only cases with an alert not yet seen"}},
                    {choice.alerts ? "waiting" : ""}, nullptr)},
        {"overdue_filter",
         checkboxes("overdue", "Plans", {{"actions", "Only cases with an overdue plan action"}},
                    {choice.overdue ? "actions" : ""}, nullptr)},
        {"unallocated_filter",
         checkboxes("unallocated", "Allocation", {{"yes", "Only unallocated cases"}},
                    {choice.unallocated ? "yes" : ""}, nullptr)},
    };
    return app.page(ex, 200, "casework/case_list", model);
}

}  // namespace signs::web::handlers
