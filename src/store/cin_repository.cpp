#include "store/cin_repository.hpp"

#include <map>

#include "domain/code_label.hpp"
#include "store/pre_proceedings_repository.hpp"
#include "store/query.hpp"

namespace signs::store::cin {
namespace {

const std::string kEpisodeColumns =
    "e.id, e.child_id, e.contact_id, e.referral_date, e.referral_source, e.primary_need, "
    "e.no_further_action, e.closed_on, e.closure_reason, e.recorded_by, e.recorded_at, "
    "e.version";

std::vector<EpisodeRecord> select_episodes(soci::session& sql, const std::string& query,
                                           const std::function<void(soci::statement&)>& bind) {
    EpisodeRecord e;
    long long id = 0, child = 0, contact = 0, by = 0;
    int nfa = 0;
    soci::indicator contact_ind, closed_ind, by_ind;
    std::vector<EpisodeRecord> found;
    for_each_row(
        sql, query,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(child));
            st.exchange(soci::into(contact, contact_ind));
            st.exchange(soci::into(e.referral_date));
            st.exchange(soci::into(e.referral_source));
            st.exchange(soci::into(e.primary_need));
            st.exchange(soci::into(nfa));
            st.exchange(soci::into(e.closed_on, closed_ind));
            st.exchange(soci::into(e.closure_reason));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(e.recorded_at));
            st.exchange(soci::into(e.version));
            bind(st);
        },
        [&] {
            auto row = e;
            row.id = id;
            row.child_id = child;
            row.contact_id = id_or_none(contact, contact_ind);
            row.no_further_action = flag(nfa);
            if (closed_ind != soci::i_ok) row.closed_on.clear();
            row.recorded_by = id_or_none(by, by_ind);
            found.push_back(row);
        });
    return found;
}

const std::string kAssessmentSelect =
    "SELECT a.id, a.episode_id, a.started_on, a.authorised_on, a.authorised_by, u.name, "
    "a.factors, a.recorded_by, a.recorded_at, a.version FROM cin_assessments a "
    "LEFT JOIN users u ON u.id = a.authorised_by";

std::vector<AssessmentRecord> select_assessments(
    soci::session& sql, const std::string& query,
    const std::function<void(soci::statement&)>& bind) {
    AssessmentRecord a;
    long long id = 0, episode = 0, authoriser = 0, by = 0;
    soci::indicator authorised_ind, authoriser_ind, name_ind, by_ind;
    std::vector<AssessmentRecord> found;
    for_each_row(
        sql, query,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(episode));
            st.exchange(soci::into(a.started_on));
            st.exchange(soci::into(a.authorised_on, authorised_ind));
            st.exchange(soci::into(authoriser, authoriser_ind));
            st.exchange(soci::into(a.authorised_by_name, name_ind));
            st.exchange(soci::into(a.factors));
            st.exchange(soci::into(by, by_ind));
            st.exchange(soci::into(a.recorded_at));
            st.exchange(soci::into(a.version));
            bind(st);
        },
        [&] {
            auto row = a;
            row.id = id;
            row.episode_id = episode;
            if (authorised_ind != soci::i_ok) row.authorised_on.clear();
            row.authorised_by = id_or_none(authoriser, authoriser_ind);
            if (name_ind != soci::i_ok) row.authorised_by_name.clear();
            row.recorded_by = id_or_none(by, by_ind);
            found.push_back(row);
        });
    return found;
}

std::optional<core::CivilDate> maybe_date(const std::string& iso) {
    return core::CivilDate::parse_iso(iso);
}

}  // namespace

std::int64_t insert_episode(soci::session& sql, const EpisodeRecord& e) {
    return translate_errors([&] {
        long long id = 0, child = e.child_id;
        auto contact = nullable_id(e.contact_id), by = nullable_id(e.recorded_by);
        auto closed = nullable_text(e.closed_on);
        int nfa = e.no_further_action ? 1 : 0;
        sql << "INSERT INTO cin_episodes (child_id, contact_id, referral_date, referral_source, "
               "primary_need, no_further_action, closed_on, closure_reason, recorded_by, "
               "recorded_at) VALUES (:child, :contact, :referral, :source, :need, :nfa, "
               ":closed, :reason, :by, :at) RETURNING id",
            soci::use(child), soci::use(contact.value, contact.indicator),
            soci::use(e.referral_date), soci::use(e.referral_source), soci::use(e.primary_need),
            soci::use(nfa), soci::use(closed.value, closed.indicator), soci::use(e.closure_reason),
            soci::use(by.value, by.indicator), soci::use(e.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<EpisodeRecord> find_episode(soci::session& sql, std::int64_t id) {
    long long key = id;
    return first_of(
        select_episodes(sql, "SELECT " + kEpisodeColumns + " FROM cin_episodes e WHERE e.id = :id",
                        [&](soci::statement& st) { st.exchange(soci::use(key)); }));
}

std::optional<EpisodeRecord> open_episode_held(soci::session& sql, std::int64_t child_id) {
    long long key = child_id;
    translate_errors([&] {
        // Holding the child's row makes two writers who both find no open episode take turns,
        // so only one of them opens it. SQLite's writer already holds the whole database; a
        // read that locks leaves the row, and the page stamps its triggers keep, untouched.
        if (sql.get_backend_name() == "postgresql") {
            long long found = 0;
            sql << "SELECT id FROM children WHERE id = :id FOR UPDATE", soci::use(key),
                soci::into(found);
        }
    });
    return first_of(select_episodes(
        sql,
        "SELECT " + kEpisodeColumns +
            " FROM cin_episodes e WHERE e.child_id = :c AND e.closed_on IS NULL AND "
            "e.no_further_action = 0",
        [&](soci::statement& st) { st.exchange(soci::use(key)); }));
}

std::vector<EpisodeRecord> episodes_for_child(soci::session& sql, std::int64_t child_id) {
    long long key = child_id;
    return select_episodes(sql,
                           "SELECT " + kEpisodeColumns +
                               " FROM cin_episodes e WHERE e.child_id = :c ORDER BY "
                               "e.referral_date, e.id",
                           [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

bool update_episode(soci::session& sql, const EpisodeRecord& e, int expected_version) {
    return translate_errors([&] {
        long long key = e.id;
        int nfa = e.no_further_action ? 1 : 0;
        soci::statement st =
            (sql.prepare << "UPDATE cin_episodes SET referral_source = :source, primary_need = "
                            ":need, no_further_action = :nfa, closure_reason = :reason, version = "
                            "version + 1 WHERE id = :id AND version = :version",
             soci::use(e.referral_source), soci::use(e.primary_need), soci::use(nfa),
             soci::use(e.closure_reason), soci::use(key), soci::use(expected_version));
        return changed_one_row(st);
    });
}

void close_episode(soci::session& sql, std::int64_t id, const std::string& on,
                   const std::string& reason) {
    translate_errors([&] {
        long long key = id;
        sql << "UPDATE cin_episodes SET closed_on = :on, closure_reason = :reason, version = "
               "version + 1 WHERE id = :id",
            soci::use(on), soci::use(reason), soci::use(key);
    });
}

std::int64_t insert_assessment(soci::session& sql, const AssessmentRecord& a) {
    return translate_errors([&] {
        long long id = 0, episode = a.episode_id;
        auto by = nullable_id(a.recorded_by);
        sql << "INSERT INTO cin_assessments (episode_id, started_on, factors, recorded_by, "
               "recorded_at) VALUES (:episode, :started, :factors, :by, :at) RETURNING id",
            soci::use(episode), soci::use(a.started_on), soci::use(a.factors),
            soci::use(by.value, by.indicator), soci::use(a.recorded_at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<AssessmentRecord> find_assessment(soci::session& sql, std::int64_t id) {
    long long key = id;
    return first_of(select_assessments(sql, kAssessmentSelect + " WHERE a.id = :id",
                                       [&](soci::statement& st) { st.exchange(soci::use(key)); }));
}

std::vector<AssessmentRecord> assessments_for_child(soci::session& sql, std::int64_t child_id) {
    long long key = child_id;
    return select_assessments(
        sql,
        kAssessmentSelect +
            " WHERE a.episode_id IN (SELECT id FROM cin_episodes WHERE child_id = :c) ORDER BY "
            "a.started_on, a.id",
        [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

bool authorise_assessment(soci::session& sql, std::int64_t id, const std::string& on,
                          std::int64_t by, const std::string& factors, int expected_version) {
    return translate_errors([&] {
        long long key = id, who = by;
        soci::statement st =
            (sql.prepare << "UPDATE cin_assessments SET authorised_on = :on, authorised_by = "
                            ":by, factors = :factors, version = version + 1 WHERE id = :id AND "
                            "version = :version AND authorised_on IS NULL",
             soci::use(on), soci::use(who), soci::use(factors), soci::use(key),
             soci::use(expected_version));
        return changed_one_row(st);
    });
}

std::vector<EnquiryRecord> enquiries_for_child(soci::session& sql, std::int64_t child_id) {
    std::vector<EnquiryRecord> out;
    long long key = child_id, meeting = 0;
    EnquiryRecord e;
    soci::indicator conference_ind, outcome_ind;
    for_each_row(
        sql,
        "SELECT m.id, m.held_on, (SELECT MIN(c.held_on) FROM meetings c JOIN meeting_children "
        "cc ON cc.meeting_id = c.id WHERE cc.child_id = mc.child_id AND c.type = "
        "'initial-conference' AND c.status = 'held' AND c.held_on >= m.held_on), "
        "eo.no_conference_on FROM meetings m JOIN meeting_children mc ON mc.meeting_id = m.id "
        "LEFT JOIN enquiry_outcomes eo ON eo.meeting_id = m.id WHERE mc.child_id = :c AND "
        "m.type = 'strategy-discussion' AND m.status = 'held' ORDER BY m.held_on, m.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(meeting));
            st.exchange(soci::into(e.held_on));
            st.exchange(soci::into(e.conference_on, conference_ind));
            st.exchange(soci::into(e.no_conference_on, outcome_ind));
            st.exchange(soci::use(key));
        },
        [&] {
            auto row = e;
            row.meeting_id = meeting;
            if (conference_ind != soci::i_ok) row.conference_on.clear();
            if (outcome_ind != soci::i_ok) row.no_conference_on.clear();
            out.push_back(row);
        });
    return out;
}

void record_no_conference(soci::session& sql, std::int64_t meeting_id, const std::string& on,
                          std::int64_t by, const std::string& at) {
    translate_errors([&] {
        long long key = meeting_id, who = by;
        sql << "INSERT INTO enquiry_outcomes (meeting_id, no_conference_on, recorded_by, "
               "recorded_at) VALUES (:m, :on, :by, :at)",
            soci::use(key), soci::use(on), soci::use(who), soci::use(at);
    });
}

std::map<std::int64_t, ChildOwner> census_child_owners(soci::session& sql, const std::string& start,
                                                       const std::string& reference) {
    std::map<std::int64_t, ChildOwner> out;
    long long child = 0, team = 0, worker = 0;
    std::string team_name, worker_name;
    soci::indicator team_ind, team_name_ind, worker_ind, worker_name_ind;
    for_each_row(
        sql,
        "SELECT cc.child_id, c.team_id, t.name, c.worker_id, u.name FROM case_children cc JOIN "
        "cases c ON c.id = cc.case_id LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN users u "
        "ON u.id = c.worker_id WHERE cc.child_id IN (SELECT child_id FROM cin_episodes WHERE "
        "referral_date <= :ref AND (closed_on IS NULL OR closed_on >= :start)) ORDER BY "
        "cc.child_id, CASE WHEN c.closed_on IS NULL THEN 0 ELSE 1 END, c.id DESC",
        [&](soci::statement& st) {
            st.exchange(soci::into(child));
            st.exchange(soci::into(team, team_ind));
            st.exchange(soci::into(team_name, team_name_ind));
            st.exchange(soci::into(worker, worker_ind));
            st.exchange(soci::into(worker_name, worker_name_ind));
            st.exchange(soci::use(reference));
            st.exchange(soci::use(start));
        },
        [&] {
            if (out.contains(child)) return;  // the first row is the open or latest case
            ChildOwner owner;
            owner.team_id = id_or_none(team, team_ind);
            if (team_name_ind == soci::i_ok) owner.team_name = team_name;
            owner.worker_id = id_or_none(worker, worker_ind);
            if (worker_name_ind == soci::i_ok) owner.worker_name = worker_name;
            out.emplace(child, owner);
        });
    return out;
}

ReturnSettings return_settings(soci::session& sql) {
    ReturnSettings settings;
    translate_errors([&] {
        sql << "SELECT la_code, version FROM return_settings", soci::into(settings.la_code),
            soci::into(settings.version);
    });
    return settings;
}

std::int64_t census_stamp(soci::session& sql) {
    return translate_errors([&] {
        long long stamp = 0;
        sql << "SELECT stamp FROM census_stamp WHERE id = 1", soci::into(stamp);
        return static_cast<std::int64_t>(stamp);
    });
}

bool set_la_code(soci::session& sql, const std::string& la_code, std::int64_t by,
                 const std::string& at, int expected_version) {
    return translate_errors([&] {
        long long who = by;
        soci::statement st =
            (sql.prepare << "UPDATE return_settings SET la_code = :code, changed_by = :by, "
                            "changed_at = :at, version = version + 1 WHERE version = :version",
             soci::use(la_code), soci::use(who), soci::use(at), soci::use(expected_version));
        return changed_one_row(st);
    });
}

void for_each_census_child(
    soci::session& sql, const std::string& start, const std::string& reference,
    const std::function<void(const ChildRecord&, const domain::CensusFacts&)>& visit,
    const std::vector<std::int64_t>& only) {
    // The children in the census, as a subquery each reading below repeats.
    const std::string in_census =
        "SELECT child_id FROM cin_episodes WHERE " +
        (only.empty() ? std::string{}
                      : "child_id IN (" + bind_names("only", only.size()) + ") AND ") +
        "referral_date <= :ref AND (closed_on IS NULL OR closed_on >= :start)";
    std::vector<long long> only_keys(only.begin(), only.end());
    auto bind_year = [&](soci::statement& st) {
        for (auto& key : only_keys) st.exchange(soci::use(key));
        st.exchange(soci::use(reference));
        st.exchange(soci::use(start));
    };
    std::map<std::int64_t, domain::CensusFacts> facts;

    for (auto& e : select_episodes(sql,
                                   "SELECT " + kEpisodeColumns +
                                       " FROM cin_episodes e WHERE e.child_id IN (" + in_census +
                                       ") ORDER BY e.child_id, e.referral_date, e.id",
                                   bind_year)) {
        domain::EpisodeFacts f;
        f.id = e.id;
        f.referral = *core::CivilDate::parse_iso(e.referral_date);
        f.referral_source = std::move(e.referral_source);
        f.primary_need = std::move(e.primary_need);
        f.no_further_action = e.no_further_action;
        f.closed = maybe_date(e.closed_on);
        f.closure_reason = std::move(e.closure_reason);
        facts[e.child_id].episodes.push_back(std::move(f));
    }
    {
        std::map<std::int64_t, std::pair<std::int64_t, std::size_t>> where;  // episode → child
        for (auto& [child, f] : facts) {
            for (std::size_t i = 0; i < f.episodes.size(); ++i)
                where[f.episodes[i].id] = {child, i};
        }
        for (auto& a : select_assessments(sql,
                                          kAssessmentSelect +
                                              " JOIN cin_episodes e ON e.id = a.episode_id WHERE "
                                              "e.child_id IN (" +
                                              in_census + ") ORDER BY a.started_on, a.id",
                                          bind_year)) {
            auto at = where.find(a.episode_id);
            if (at == where.end()) continue;
            domain::CensusAssessment assessment;
            assessment.start = maybe_date(a.started_on);
            assessment.authorised = maybe_date(a.authorised_on);
            assessment.factors = domain::split_codes(a.factors);
            facts[at->second.first].episodes[at->second.second].assessments.push_back(assessment);
        }
    }
    {
        long long case_id = 0, child = 0;
        std::string level, from, to, category;
        soci::indicator to_ind, category_ind;
        for_each_row(
            sql,
            "SELECT child_id, case_id, level, from_date, to_date, category FROM level_periods "
            "WHERE child_id IN (" +
                in_census + ") ORDER BY child_id, from_date, id",
            [&](soci::statement& st) {
                st.exchange(soci::into(child));
                st.exchange(soci::into(case_id));
                st.exchange(soci::into(level));
                st.exchange(soci::into(from));
                st.exchange(soci::into(to, to_ind));
                st.exchange(soci::into(category, category_ind));
                bind_year(st);
            },
            [&] {
                domain::LevelFacts f;
                f.case_id = case_id;
                f.level = level;
                f.from = *core::CivilDate::parse_iso(from);
                if (to_ind == soci::i_ok) f.to = maybe_date(to);
                if (category_ind == soci::i_ok) f.category = category;
                facts[child].levels.push_back(f);
            });
    }
    {
        long long case_id = 0, child = 0;
        std::string type, held_on, no_conference_on;
        soci::indicator no_conference_ind;
        for_each_row(
            sql,
            "SELECT mc.child_id, m.case_id, m.type, m.held_on, eo.no_conference_on FROM meetings "
            "m JOIN meeting_children mc ON mc.meeting_id = m.id "
            "LEFT JOIN enquiry_outcomes eo ON eo.meeting_id = m.id WHERE m.status = 'held' AND "
            "m.type IN ('strategy-discussion', 'initial-conference', 'review-conference', "
            "'pre-proceedings', 'family-group-decision') AND "
            "mc.child_id IN (" +
                in_census + ") ORDER BY mc.child_id, m.held_on, m.id",
            [&](soci::statement& st) {
                st.exchange(soci::into(child));
                st.exchange(soci::into(case_id));
                st.exchange(soci::into(type));
                st.exchange(soci::into(held_on));
                st.exchange(soci::into(no_conference_on, no_conference_ind));
                bind_year(st);
            },
            [&] {
                facts[child].meetings.push_back(
                    {case_id, type, *core::CivilDate::parse_iso(held_on),
                     no_conference_ind == soci::i_ok ? maybe_date(no_conference_on)
                                                     : std::nullopt});
            });
    }
    {
        long long case_id = 0, child = 0;
        std::string agreed;
        for_each_row(
            sql,
            "SELECT cc.child_id, p.case_id, MIN(v.agreed_on) FROM plans p JOIN plan_versions v "
            "ON v.plan_id = p.id JOIN case_children cc ON cc.case_id = p.case_id WHERE "
            "v.status = 'agreed' AND cc.child_id IN (" +
                in_census + ") GROUP BY cc.child_id, p.case_id",
            [&](soci::statement& st) {
                st.exchange(soci::into(child));
                st.exchange(soci::into(case_id));
                st.exchange(soci::into(agreed));
                bind_year(st);
            },
            [&] {
                if (auto on = core::CivilDate::parse_iso(agreed))
                    facts[child].plan_agreed.emplace(case_id, *on);
            });
    }
    for (const auto& [child, p] : pre_proceedings::begun_between(sql, start, reference)) {
        auto at = facts.find(child);
        if (at == facts.end()) continue;
        domain::PreProceedingsFacts f;
        f.case_id = p.case_id;
        f.started = *core::CivilDate::parse_iso(p.started_on);
        f.letter_sent = maybe_date(p.letter_sent_on);
        f.family_meeting_offered = p.family_meeting_offered;
        f.decided = maybe_date(p.decided_on);
        f.outcome = p.outcome;
        f.court_application = maybe_date(p.court_application_on);
        f.letter_initiating = maybe_date(p.letter_initiating_on);
        at->second.pre_proceedings.push_back(f);
    }
    // The children themselves last, in one ordered read, each handed over with their facts.
    for (const auto& child :
         children::where(sql, "id IN (" + in_census + ") ORDER BY id", bind_year)) {
        visit(child, facts[child.id]);
    }
}

}  // namespace signs::store::cin
