#include <jadwal/time/interval_set.hpp>
#include <jadwal/time/iso_week.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/output/plan_figures.hpp>

#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "plan_references.hpp"

namespace jadwal::output {
namespace {

using calendar::instant;
using calendar::interval;
using calendar::interval_set;
using calendar::local_date;
using calendar::minutes;
using calendar::local_day;

std::uint64_t key(std::uint32_t a, std::uint32_t b) {
    return (std::uint64_t{a} << 32) | b;
}

/// As docs/model.md "Unit staffing": a count, or a share of headcount rounded
/// down (with the checker's hair of tolerance) but at least 1.
std::int64_t absence_limit(const model::staffing_limit& lim, std::int64_t headcount) {
    if (lim.type == model::staffing_limit::kind::count) return lim.count;
    const auto n = static_cast<std::int64_t>(std::floor(lim.share * static_cast<double>(headcount) + 1e-9));
    return std::max<std::int64_t>(1, n);
}

/// Travel minutes each way between the employee's unit and a venue (docs/model.md "Participants").
minutes travel(const model::scenario& s, const model::employee& e, model::venue_index v) {
    if (!v.valid()) return minutes{0};
    const auto from = s.units[e.unit.value].location;
    const auto to = s.venues[v.value].location;
    if (!from.valid() || !to.valid() || from == to) return minutes{0};
    const auto& table = s.locations[from.value].travel;
    const auto it = table.find(to);
    return it == table.end() ? minutes{0} : it->second;
}

/// The largest sum of minutes of `set` that falls in one ISO week of `z`.
std::int64_t max_week_minutes(const interval_set& set, const date::time_zone& z) {
    std::int64_t best = 0, current = 0;
    std::optional<local_date> week;  // Monday of the week being summed
    for (const auto& i : set) {
        instant t = i.start;
        while (t < i.end) {  // split at local midnight: a piece belongs to the day it lies on
            const local_date d = local_day(t, z);
            const instant next = std::min(i.end, calendar::to_instant(calendar::local_minute{d + date::days{1}}, z));
            if (next <= t) break;  // a zone cannot do this; guards the loop
            const local_date monday = calendar::week_monday(d);
            if (week != monday) {
                week = monday;
                current = 0;
            }
            current += (next - t).count();
            best = std::max(best, current);
            t = next;
        }
    }
    return best;
}

}  // namespace

plan_figures compute_plan_figures(const model::scenario& s, const model::solution& sol, const model::policy& pol) {
    detail::require_valid_references(s, sol);
    plan_figures f;
    f.days = s.horizon;
    const auto n_days = static_cast<std::size_t>((s.horizon.last - s.horizon.first).count() + 1);
    const auto n_emp = s.employees.size();

    // Each person's training: sessions with travel, and study blocks.
    std::vector<std::vector<interval>> training(n_emp);
    std::unordered_set<std::uint64_t> scheduled;  // (employee, programme)
    for (const auto& co : sol.cohorts) {
        if (co.mode == model::delivery_mode::self_paced) continue;
        for (const auto e : co.participants) {
            scheduled.insert(key(e.value, co.program.value));
            const minutes t =
                co.mode == model::delivery_mode::classroom ? travel(s, s.employees[e.value], co.venue) : minutes{0};
            for (const auto& ses : co.sessions) training[e.value].push_back({ses.start - t, ses.end + t});
        }
    }
    std::unordered_set<std::uint64_t> top_up;  // (employee, catalogue programme)
    for (const auto& blk : sol.study_blocks) {
        scheduled.insert(key(blk.employee.value, blk.program.value));
        if (blk.top_up) top_up.insert(key(blk.employee.value, blk.program.value));
        training[blk.employee.value].push_back({blk.start, blk.end});
    }

    // Placement and JP, per unit.
    f.units.resize(s.units.size());
    for (std::uint32_t u = 0; u < s.units.size(); ++u) f.units[u].unit = model::unit_index{u};
    std::unordered_set<std::uint64_t> unplaced;
    for (const auto& item : sol.unplaced) unplaced.insert(key(item.employee.value, item.program.value));
    f.placed_jp.assign(n_emp, 0);
    for (const auto& d : s.demand) {
        auto& uf = f.units[s.employees[d.employee.value].unit.value];
        ++uf.demand_total;
        ++f.demand_total;
        const auto k = key(d.employee.value, d.program.value);
        if (!scheduled.contains(k) || unplaced.contains(k)) continue;
        ++uf.demand_placed;
        ++f.demand_placed;
        f.placed_jp[d.employee.value] += s.programs[d.program.value].jp;
        f.placed_jp_total += s.programs[d.program.value].jp;
    }
    // Top-up counts towards the JP target, not towards demand (docs/model.md).
    for (const auto k : top_up) {
        const auto e = static_cast<std::uint32_t>(k >> 32), p = static_cast<std::uint32_t>(k & 0xffffffffu);
        if (!unplaced.contains(k)) f.placed_jp[e] += s.programs[p].jp;
    }
    std::vector<std::vector<std::uint32_t>> staff(s.units.size());
    for (std::uint32_t e = 0; e < n_emp; ++e) {
        const auto& emp = s.employees[e];
        auto& uf = f.units[emp.unit.value];
        staff[emp.unit.value].push_back(e);
        ++uf.headcount;
        if (emp.jp_target > 0) {
            ++uf.jp_target_employees;
            if (f.placed_jp[e] >= emp.jp_target) ++uf.jp_target_met;
        }
    }

    // Each person's training inside and outside their working time.
    const calendar::work_calendar cal{s};
    std::vector<interval_set> absent(n_emp);  // training inside working time
    for (std::uint32_t e = 0; e < n_emp; ++e) {
        if (training[e].empty()) continue;
        const auto& emp = s.employees[e];
        const auto& z = s.zone_of(emp);
        const interval_set all = interval_set::from_unsorted(std::move(training[e]));
        // The person's calendar over the days their training touches, kept within a
        // week of the horizon as the checker does (training further out is a violation).
        calendar::date_range days{local_day(all.items().front().start, z), local_day(all.items().back().end, z)};
        days.first = std::max(days.first, s.horizon.first - date::days{7});
        days.last = std::min(days.last, s.horizon.last + date::days{7});
        calendar::availability av;
        if (days.ok()) av = cal.employee(model::employee_index{e}, days);
        interval_set inside = all.intersect(av.working);
        // Break minutes are neither working time nor after hours (docs/model.md "Breaks").
        const interval_set outside = all.subtract(av.working).subtract(av.breaks);
        person_figures p;
        p.employee = model::employee_index{e};
        p.training_minutes = all.total().count();
        p.disruption_minutes = inside.total().count();
        p.after_hours_minutes = outside.total().count();
        p.max_after_hours_week = max_week_minutes(outside, z);
        auto& uf = f.units[emp.unit.value];
        uf.disruption_minutes += p.disruption_minutes;
        uf.after_hours_minutes += p.after_hours_minutes;
        f.disruption_minutes += p.disruption_minutes;
        f.after_hours_minutes += p.after_hours_minutes;
        f.max_after_hours_week = std::max(f.max_after_hours_week, p.max_after_hours_week);
        f.people.push_back(p);
        absent[e] = std::move(inside);
    }

    // Unit absence: sweep each unit's absences; every stretch of constant head
    // count raises the daily maximum of each local date it touches.
    const model::staffing_limit* policy_limit = pol.max_absent ? &*pol.max_absent : nullptr;
    std::vector<std::pair<instant, int>> events;
    for (std::uint32_t u = 0; u < s.units.size(); ++u) {
        auto& uf = f.units[u];
        uf.absence_limit = absence_limit(policy_limit ? *policy_limit : s.units[u].max_absent, uf.headcount);
        uf.daily_max_absent.assign(n_days, 0);
        events.clear();
        for (const auto e : staff[u])
            for (const auto& i : absent[e]) {
                events.emplace_back(i.start, +1);
                events.emplace_back(i.end, -1);
            }
        if (events.empty()) continue;
        std::sort(events.begin(), events.end());  // at one instant, ends (-1) before starts (+1)
        const auto& z = s.zone_of(s.units[u]);
        int count = 0;
        for (std::size_t k = 0; k < events.size(); ++k) {
            count += events[k].second;
            if (k + 1 == events.size() || events[k + 1].first == events[k].first || count <= 0) continue;
            uf.max_absent = std::max<std::int64_t>(uf.max_absent, count);
            // [events[k], events[k + 1]) holds `count` people.
            const local_date first = std::max(local_day(events[k].first, z), s.horizon.first);
            const local_date last = std::min(local_day(events[k + 1].first - minutes{1}, z), s.horizon.last);
            for (local_date d = first; d <= last; d += date::days{1}) {
                auto& cell = uf.daily_max_absent[static_cast<std::size_t>((d - s.horizon.first).count())];
                cell = std::max(cell, count);
            }
        }
        uf.max_absence_ratio =
            uf.headcount > 0 ? static_cast<double>(uf.max_absent) / static_cast<double>(uf.headcount) : 0.0;
        f.max_unit_absence_ratio = std::max(f.max_unit_absence_ratio, uf.max_absence_ratio);
    }
    return f;
}

}  // namespace jadwal::output
