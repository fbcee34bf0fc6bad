// Days off in lieu (docs/model.md "Assigned duty"): every assigned-duty date
// of rotation staff earns exactly one, on a rostered shift they work within
// the policy's window after it, with no training during that shift. The
// accepted days count against the shift minimums (check_staffing).
#include <fmt/format.h>
#include <jadwal/calendar/assigned_duty.hpp>

#include <algorithm>
#include <set>

#include "context.hpp"

namespace jadwal::verify::detail {
namespace {

void check_one(context& c, const model::day_in_lieu& l, const model::assigned_duty& rule,
               std::set<std::pair<std::uint32_t, local_date>>& earned_seen) {
    const auto e = l.employee;
    const std::string& id = c.s.employees[e.value].id;
    const auto& z = c.zone_of(e);
    const std::string what =
        c.m.format("the day in lieu of {} on {} (earned {})", c.who(e), c.date_text(l.date), c.date_text(l.earned));
    const auto when = calendar::to_instant(calendar::local_minute{l.date}, z);
    if (!calendar::earns_days_in_lieu(c.s, rule, e)) {
        c.add("H7-LIEU-DATE",
              c.m.format("{}: they earn no days in lieu (not rotation staff, or the policy gives none)", what), when,
              {id, "", ""});
        return;
    }
    const auto& duty = c.duty_dates[e.value];
    if (!std::binary_search(duty.begin(), duty.end(), l.earned)) {
        c.add("H7-LIEU-DATE", c.m.format("{}: they do not train as assigned duty on the day it names as earned", what),
              when, {id, "", ""});
        return;
    }
    if (!earned_seen.insert({e.value, l.earned}).second) {
        c.add("H7-LIEU-DATE", c.m.format("{}: that duty day already has a day in lieu", what), when, {id, "", ""});
        return;
    }
    if (!(l.earned < l.date && l.date <= l.earned + date::days{rule.lieu_window_days}) || !c.s.horizon.contains(l.date)) {
        c.add("H7-LIEU-DATE",
              c.m.format("{}: it must fall within {} days after the duty day and inside the horizon", what,
                         rule.lieu_window_days),
              when, {id, "", ""});
        return;
    }
    const model::shift* sh = calendar::rostered_shift(c.s, e, l.date);
    if (!sh || sh->code != l.shift) {
        c.add("H7-LIEU-DATE",
              c.m.format("{}: the rotation rosters {} that day, not shift {}", what,
                         sh ? c.m.format("shift {}", sh->code) : std::string(c.m.tr("no shift")), l.shift),
              when, {id, "", ""});
        return;
    }
    const interval occ{calendar::to_instant(calendar::local_minute{l.date} + sh->hours.start, z),
                       calendar::to_instant(calendar::local_minute{l.date} + sh->hours.end, z)};
    // The next date too: a night shift runs into it.
    const calendar::availability av = c.cal.employee(e, {l.date, l.date + date::days{1}});
    if (!av.working.covers(occ)) {
        c.add("H7-LIEU-DATE", c.m.format("{}: they do not work that shift anyway (leave or a holiday)", what), when,
              {id, "", ""});
        return;
    }
    auto& dates = c.lieu_dates[e.value];
    if (std::find(dates.begin(), dates.end(), l.date) != dates.end()) {
        c.add("H7-LIEU-DATE", c.m.format("{}: another duty day's day in lieu is on the same date", what), when,
              {id, "", ""});
        return;
    }
    if (c.training[e.value].overlaps(occ))
        c.add("H7-LIEU-TRAINING", c.m.format("{}: they are in training during that shift", what), occ.start,
              {id, "", ""});
    dates.push_back(l.date);
    ++c.days_in_lieu;
}

}  // namespace

void check_lieu(context& c) {
    c.lieu_dates.assign(c.s.employees.size(), {});
    const auto& rule = c.pol.assigned_duty;
    std::set<std::pair<std::uint32_t, local_date>> earned;
    for (const auto& l : c.sol.days_in_lieu) {
        if (!c.valid(l.employee)) {
            c.add("H7-LIEU-DATE", std::string(c.m.tr("a day in lieu names an employee the scenario does not have")));
            continue;
        }
        if (!rule) {
            c.add("H7-LIEU-DATE",
                  c.m.format("{} has a day in lieu on {}, but the policy has no assigned duty", c.who(l.employee),
                             c.date_text(l.date)),
                  std::nullopt, {c.s.employees[l.employee.value].id, "", ""});
            continue;
        }
        check_one(c, l, *rule, earned);
    }
    if (!rule) return;
    for (std::uint32_t e = 0; e < c.s.employees.size(); ++e) {
        const model::employee_index ei{e};
        if (c.duty_dates[e].empty() || !calendar::earns_days_in_lieu(c.s, *rule, ei)) continue;
        for (const auto d : c.duty_dates[e])
            if (!earned.count({e, d}))
                c.add("H7-LIEU-MISSING",
                      c.m.format("{} trains as assigned duty on {} but has no day off in lieu for it", c.who(ei),
                                 c.date_text(d)),
                      calendar::to_instant(calendar::local_minute{d}, c.zone_of(ei)), {c.s.employees[e].id, "", ""});
    }
}

}  // namespace jadwal::verify::detail
