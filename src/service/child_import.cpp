#include "service/child_import.hpp"

#include <map>
#include <set>

#include "core/london_time.hpp"
#include "core/validation.hpp"
#include "domain/casework/child.hpp"
#include "domain/casework/network.hpp"
#include "domain/casework/service_level.hpp"
#include "service/audit_service.hpp"
#include "service/child_records.hpp"
#include "service/cin_episodes.hpp"
#include "service/level_history.hpp"
#include "store/case_repository.hpp"
#include "store/child_repository.hpp"
#include "store/chronology_repository.hpp"
#include "store/network_repository.hpp"
#include "store/user_repository.hpp"

namespace signs::service {
namespace {

constexpr std::size_t kProgressEvery = 1000;
const char* const kDefaultLevelReason = "Imported from the previous system";

const std::set<std::string, std::less<>> kChildColumns = {
    "ref",           "first_name",   "last_name",    "preferred_name", "date_of_birth",
    "expected_date", "sex",          "ethnicity",    "disabilities",   "first_language",
    "interpreter",   "nhs_number",   "upn",          "former_upn",     "upn_unknown",
    "school",        "what_matters", "family",       "team",           "worker_email",
    "level",         "level_from",   "level_reason", "category",       "legal_status"};
const std::set<std::string, std::less<>> kNetworkColumns = {"child_ref",
                                                            "person_ref",
                                                            "first_name",
                                                            "last_name",
                                                            "relationship",
                                                            "parental_responsibility",
                                                            "lives_with_child",
                                                            "safety_network",
                                                            "phone",
                                                            "email",
                                                            "address"};

struct ChildRow {
    std::size_t line = 0;
    std::string ref;
    domain::ChildDetails details;
    std::string family;
    std::optional<std::int64_t> team_id;
    std::optional<std::int64_t> worker_id;
    domain::LevelChange level;
};

struct LinkRow {
    std::string child_ref;
    std::string person_key;  ///< the person_ref, or a key of its own for a one-off person
    domain::PersonDetails person;
    domain::ChildLink link;
};

/// Reads a row's cells by column name.
class Cells {
  public:
    Cells(const core::CsvTable& table, const core::CsvRow& row) : table_(table), row_(row) {}
    std::string operator[](std::string_view name) const {
        auto column = table_.column(name);
        if (!column || *column >= row_.fields.size()) return "";
        return core::trimmed(row_.fields[*column]);
    }

  private:
    const core::CsvTable& table_;
    const core::CsvRow& row_;
};

/// Problems with a whole file's columns: missing ones, and unknown ones (usually typos that
/// would otherwise lose a column without a word).
void check_columns(const core::CsvTable& table, const std::string& file,
                   const std::set<std::string, std::less<>>& known,
                   const std::vector<std::string>& required, std::vector<std::string>& problems) {
    for (const auto& name : required) {
        if (!table.column(name))
            problems.push_back(file + ": the column \"" + name + "\" is missing");
    }
    for (const auto& name : table.header) {
        if (!known.contains(name))
            problems.push_back(file + ": the column \"" + name + "\" is not one signs knows");
    }
}

/// A code from a code list, given as the code or its words ("2" or "Female").
std::string code_from(std::span<const domain::CodeLabel> codes, const std::string& text) {
    for (const auto& c : codes) {
        if (core::lower_ascii(text) == core::lower_ascii(c.code) ||
            core::lower_ascii(text) == core::lower_ascii(c.label)) {
            return std::string{c.code};
        }
    }
    return text;
}

std::string yes_no(const std::string& text) {
    auto lower = core::lower_ascii(text);
    if (lower == "yes" || lower == "y" || lower == "true" || lower == "1") return "yes";
    if (lower == "no" || lower == "n" || lower == "false" || lower == "0") return "no";
    return text;
}

/// A date written YYYY-MM-DD or DD/MM/YYYY, as the three boxes of a date input.
struct DateParts {
    std::string day, month, year;
    bool readable = true;
};

DateParts date_parts(const std::string& text) {
    if (text.empty()) return {"", "", "", true};
    if (auto iso = core::CivilDate::parse_iso(text)) {
        auto parts = iso->parts();
        return {parts.day, parts.month, parts.year, true};
    }
    // A date in either form that is not a real day (30 February) goes to the form's own
    // check, which says so; anything else cannot be read as a date at all.
    auto dash = text.find('-'), last_dash = text.rfind('-');
    if (dash == 4 && last_dash > dash)
        return {text.substr(last_dash + 1), text.substr(dash + 1, last_dash - dash - 1),
                text.substr(0, dash), true};
    auto first = text.find('/'), second = text.rfind('/');
    if (first == std::string::npos || first == second) return {"", "", "", false};
    return {text.substr(0, first), text.substr(first + 1, second - first - 1),
            text.substr(second + 1), true};
}

/// The CSV column a form field's error belongs to.
std::string column_for(const std::string& field) {
    if (field == "dob-day") return "date_of_birth";
    if (field == "due-day" || field == "unborn") return "expected_date";
    if (field == "date") return "level_from";
    return field;
}

std::string where(std::size_t line, const std::string& ref) {
    return "Line " + std::to_string(line) + (ref.empty() ? "" : " (ref " + ref + ")") + ": ";
}

void add_errors(const core::Error& error, const std::string& prefix,
                std::vector<std::string>& problems) {
    for (const auto& f : error.fields)
        problems.push_back(prefix + column_for(f.field) + ": " + f.message);
    if (error.fields.empty()) problems.push_back(prefix + error.message);
}

}  // namespace

ImportReport import_children(store::Database& db, const core::Clock& clock, const Actor& actor,
                             const domain::CensusCodes& codes, const core::CsvTable& children,
                             const core::CsvTable* network, bool dry_run,
                             const ImportProgress& progress) {
    ImportReport report;
    auto& problems = report.problems;
    check_columns(children, "children.csv", kChildColumns,
                  {"ref", "first_name", "last_name", "sex"}, problems);
    if (!children.column("date_of_birth") && !children.column("expected_date"))
        problems.push_back(
            "children.csv: a \"date_of_birth\" or \"expected_date\" column is needed");
    if (network) {
        check_columns(*network, "network.csv", kNetworkColumns,
                      {"child_ref", "first_name", "last_name", "relationship",
                       "parental_responsibility", "lives_with_child", "safety_network"},
                      problems);
    }
    if (!problems.empty()) return report;

    auto today = core::london_date(clock.now());
    auto lease = db.lease();
    auto& sql = lease.sql();
    std::map<std::string, std::int64_t> teams;
    for (const auto& t : store::users::list_teams(sql)) teams[core::lower_ascii(t.name)] = t.id;

    const std::size_t total = children.rows.size() + (network ? network->rows.size() : 0);
    std::size_t done = 0;
    auto tick = [&](std::string_view stage) {
        ++done;
        if (progress && (done % kProgressEvery == 0 || done == total)) progress(stage, done, total);
    };

    std::vector<ChildRow> child_rows;
    std::set<std::string> refs;
    for (const auto& row : children.rows) {
        tick("Checking");
        Cells cell(children, row);
        ChildRow out;
        out.line = row.line;
        out.ref = cell["ref"];
        auto prefix = where(row.line, out.ref);
        if (out.ref.empty())
            problems.push_back(prefix + "ref: every child needs a ref");
        else if (!refs.insert(out.ref).second)
            problems.push_back(prefix + "ref: another row already has this ref");
        auto dob = date_parts(cell["date_of_birth"]);
        auto due = date_parts(cell["expected_date"]);
        for (const auto& [name, parts] :
             {std::pair{"date_of_birth", dob}, {"expected_date", due}}) {
            if (!parts.readable)
                problems.push_back(prefix + name + ": write dates as YYYY-MM-DD or DD/MM/YYYY");
        }
        domain::ChildForm form;
        form.first_name = cell["first_name"];
        form.last_name = cell["last_name"];
        form.preferred_name = cell["preferred_name"];
        bool unborn = cell["date_of_birth"].empty() && !cell["expected_date"].empty();
        form.unborn = unborn ? "yes" : "";
        form.dob_day = dob.day, form.dob_month = dob.month, form.dob_year = dob.year;
        form.due_day = due.day, form.due_month = due.month, form.due_year = due.year;
        form.sex = code_from(codes.sex.entries(), cell["sex"]);
        form.ethnicity = cell["ethnicity"].empty()
                             ? std::string{domain::kEthnicityNotObtained}
                             : code_from(codes.ethnicity.entries(), cell["ethnicity"]);
        auto disabilities = cell["disabilities"];
        std::size_t start = 0;
        while (start < disabilities.size()) {
            auto end = disabilities.find(';', start);
            auto code = core::trimmed(std::string_view{disabilities}.substr(
                start, end == std::string::npos ? std::string::npos : end - start));
            if (!code.empty())
                form.disabilities.push_back(code_from(codes.disability.entries(), code));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        form.first_language = cell["first_language"];
        form.interpreter = yes_no(cell["interpreter"]);
        form.nhs_number = cell["nhs_number"];
        form.upn = cell["upn"];
        form.former_upn = cell["former_upn"];
        form.upn_unknown = cell["upn_unknown"];
        form.school = cell["school"];
        form.what_matters = cell["what_matters"];
        if (dob.readable && due.readable) {
            auto details = domain::check_child(form, today, codes);
            if (details)
                out.details = *details;
            else
                add_errors(details.error(), prefix, problems);
        }

        out.family = cell["family"];
        if (!out.family.empty()) {
            core::FieldChecks checks;
            checks.text("family", out.family, "", "Family", 100);
            auto team = teams.find(core::lower_ascii(cell["team"]));
            if (team == teams.end()) {
                checks.add("team", cell["team"].empty()
                                       ? "a child in a family needs the team that holds the case"
                                       : "there is no team called \"" + cell["team"] + "\"");
            } else {
                out.team_id = team->second;
            }
            if (!cell["worker_email"].empty()) {
                auto worker =
                    store::users::find_by_email(sql, core::lower_ascii(cell["worker_email"]));
                if (!worker || !worker->active || worker->team_id != out.team_id)
                    checks.add("worker_email",
                               "there is no active worker with this email in the team");
                else
                    out.worker_id = worker->id;
            }
            auto level = domain::parse_level(cell["level"]);
            auto from = date_parts(cell["level_from"]);
            auto on = core::CivilDate::from_parts(from.day, from.month, from.year);
            if (!level)
                checks.add("level", "give the child's level, like early-help or child-in-need");
            if (!on)
                checks.add("level_from",
                           "give the date the level started as YYYY-MM-DD or DD/MM/YYYY");
            if (checks.ok()) {
                out.level = domain::tidy_level_change(
                    {*level, *on,
                     cell["level_reason"].empty() ? kDefaultLevelReason : cell["level_reason"],
                     domain::parse_category(cell["category"]), cell["legal_status"]});
                auto first = domain::check_first_level(out.level, today);
                if (!first) add_errors(first.error(), prefix, problems);
            } else {
                add_errors(checks.error(), prefix, problems);
            }
        }
        child_rows.push_back(std::move(out));
    }

    std::vector<LinkRow> link_rows;
    if (network) {
        std::set<std::pair<std::string, std::string>> pairs;
        std::size_t index = 0;
        for (const auto& row : network->rows) {
            tick("Checking");
            Cells cell(*network, row);
            LinkRow out;
            out.child_ref = cell["child_ref"];
            auto person_ref = cell["person_ref"];
            out.person_key = person_ref.empty() ? "\n" + std::to_string(index++) : person_ref;
            auto prefix = where(row.line, out.child_ref);
            if (!refs.contains(out.child_ref))
                problems.push_back(prefix + "child_ref: no child in children.csv has this ref");
            else if (!pairs.emplace(out.child_ref, out.person_key).second)
                problems.push_back(prefix +
                                   "person_ref: this person is already linked to the child");
            domain::NetworkMemberForm form{
                cell["first_name"],
                cell["last_name"],
                code_from(domain::relationship_codes(), cell["relationship"]),
                yes_no(cell["parental_responsibility"]),
                yes_no(cell["lives_with_child"]),
                yes_no(cell["safety_network"]),
                cell["phone"],
                cell["email"],
                cell["address"]};
            auto checked = domain::check_network_member(form);
            if (checked) {
                out.person = checked->first;
                out.link = checked->second;
            } else {
                add_errors(checked.error(), prefix, problems);
            }
            link_rows.push_back(std::move(out));
        }
    }
    if (!problems.empty()) return report;

    report.children = child_rows.size();
    report.links = link_rows.size();
    std::set<std::string> people;
    for (const auto& l : link_rows) people.insert(l.person_key);
    report.people = people.size();
    std::set<std::tuple<std::string, std::int64_t, std::int64_t>> families;
    for (const auto& c : child_rows) {
        if (!c.family.empty()) families.emplace(c.family, *c.team_id, c.worker_id.value_or(0));
    }
    report.cases = families.size();
    if (dry_run) return report;

    auto now = core::to_storage(clock.now());
    auto by = actor.user_id();
    store::Transaction tx{lease};
    done = 0;
    std::map<std::string, std::int64_t> child_ids;
    std::map<std::tuple<std::string, std::int64_t, std::int64_t>, std::int64_t> case_ids;
    for (const auto& c : child_rows) {
        auto record = record_from(c.details);
        record.created_at = now;
        record.created_by = by;
        auto id = store::children::insert(sql, record, index_keys_for(record));
        child_ids[c.ref] = id;
        auto born = c.details.date_of_birth ? *c.details.date_of_birth : today;
        store::chronology::add(
            sql, {0, id, born.iso(), "record-created",
                  "Record created (imported from the previous system)", "record", by, "", now});
        if (!c.family.empty()) {
            auto key = std::tuple{c.family, *c.team_id, c.worker_id.value_or(0)};
            auto found = case_ids.find(key);
            if (found == case_ids.end()) {
                store::CaseRecord k;
                k.family_name = c.family;
                k.team_id = c.team_id;
                k.worker_id = c.worker_id;
                k.opened_on = c.level.on.iso();
                k.created_at = now;
                found = case_ids.emplace(key, store::cases::insert(sql, k)).first;
            }
            store::cases::add_child(sql, found->second, id);
            store::cases::add_level_period(sql, period_from(found->second, id, c.level, by, now));
            follow_level(sql, id, "", std::string{domain::level_code(c.level.to)}, c.level.on.iso(),
                         by, now);
            store::chronology::add(
                sql, {0, id, c.level.on.iso(), "case-opened",
                      "Case imported at " + describe_level(c.level), "record", by, "", now});
        }
        tick("Saving");
    }
    std::map<std::string, std::int64_t> person_ids;
    for (const auto& l : link_rows) {
        auto found = person_ids.find(l.person_key);
        if (found == person_ids.end()) {
            store::PersonRecord p{0,
                                  l.person.first_name,
                                  l.person.last_name,
                                  l.person.phone,
                                  l.person.email,
                                  l.person.address,
                                  now,
                                  by};
            found = person_ids.emplace(l.person_key, store::network::insert_person(sql, p)).first;
        }
        store::NetworkRow answers{{},
                                  l.link.relationship,
                                  l.link.parental_responsibility,
                                  l.link.lives_with_child,
                                  l.link.safety_network};
        store::network::link(sql, child_ids.at(l.child_ref), found->second, answers, now);
        tick("Saving");
    }
    record_audit(sql, clock, actor,
                 {"import", "child", "",
                  std::to_string(report.children) + " children, " + std::to_string(report.people) +
                      " people, " + std::to_string(report.cases) + " cases"});
    tx.commit();
    report.saved = true;
    return report;
}

}  // namespace signs::service
