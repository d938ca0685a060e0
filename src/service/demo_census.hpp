#pragma once
/// The demo families' census record, kept as their workers and team manager would keep it, so
/// that the Children in Need census of the demo data has every part of the return and no
/// errors: who referred each child and why, assessments started and authorised with what
/// they found, a section 47 enquiry that needed no conference and one that led to a child
/// protection plan with its reviews and a change of category, pre-proceedings with a family
/// group decision-making meeting, a referral that led to no further action, and an episode
/// closed when the child stepped down to early help.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/returns/census_codes.hpp"
#include "domain/timescales/working_days.hpp"
#include "service/actor.hpp"
#include "service/audit_writer.hpp"
#include "service/calendar_service.hpp"
#include "store/database.hpp"

namespace signs::service {

struct DemoCase {
    std::int64_t case_id = 0;
    std::vector<std::int64_t> children;
    Actor worker;
};

/// The working day on or before `days_ago` days before `today`: conferences and the plans
/// they begin fall on working days.
core::CivilDate demo_working_day(const domain::WorkingCalendar& calendar, core::CivilDate today,
                                 int days_ago);

void add_demo_census(store::Database& db, const core::Clock& clock, AuditWriter& audit,
                     CalendarService& calendars, const domain::CensusCodes& codes,
                     const std::map<std::string, DemoCase>& cases);

}  // namespace signs::service
