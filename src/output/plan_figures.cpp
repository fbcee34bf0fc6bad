#include <jadwal/time/interval_set.hpp>
#include <jadwal/time/iso_week.hpp>
#include <jadwal/calendar/work_calendar.hpp>
#include <jadwal/output/plan_figures.hpp>
#include <jadwal/verify/verify.hpp>

#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "plan_references.hpp"

namespace jadwal::output {
using calendar::instant;
using calendar::local_date;
using calendar::local_day;
using calendar::minutes;

plan_figures compute_plan_figures(const model::scenario& s, const model::solution& sol, const model::policy& pol) {
    detail::require_valid_references(s, sol);
    return compute_plan_figures(s, verify::verify(s, sol, pol));
}

plan_figures compute_plan_figures(const model::scenario& s, const verify::report& checked) {
    plan_figures f;
    f.days = s.horizon;
    const auto n_days = static_cast<std::size_t>((s.horizon.last - s.horizon.first).count() + 1);
    const auto& m = checked.metrics;
    f.demand_total = m.demand_total;
    f.demand_placed = m.demand_placed;
    f.disruption_minutes = m.disruption_minutes;
    f.after_hours_minutes = m.after_hours_minutes;
    f.max_after_hours_week = m.max_after_hours_minutes_per_person_week;
    f.max_unit_absence_ratio = m.max_unit_absence_ratio;
    f.placed_jp = checked.placed_jp;
    f.earned_jp = checked.earned_jp;
    for (std::size_t d = 0; d < s.demand.size() && d < checked.placed.size(); ++d)
        if (checked.placed[d]) f.placed_jp_total += s.programs[s.demand[d].program.value].jp;
    for (const auto& p : checked.people)
        f.people.push_back({p.employee, p.training_minutes, p.disruption_minutes, p.after_hours_minutes,
                            p.max_after_hours_week});

    f.units.resize(s.units.size());
    std::vector<std::vector<std::uint32_t>> staff(s.units.size());
    for (std::uint32_t u = 0; u < s.units.size() && u < checked.units.size(); ++u) {
        const auto& us = checked.units[u];
        auto& uf = f.units[u];
        uf.unit = model::unit_index{u};
        uf.headcount = us.headcount;
        uf.absence_limit = us.absence_limit;
        uf.max_absent = us.max_absent;
        uf.max_absence_ratio = us.max_absence_ratio;
        uf.demand_total = us.demand_total;
        uf.demand_placed = us.demand_placed;
        uf.disruption_minutes = us.disruption_minutes;
        uf.after_hours_minutes = us.after_hours_minutes;
    }
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        const auto& emp = s.employees[e];
        staff[emp.unit.value].push_back(e);
        if (emp.jp_target <= 0) continue;
        auto& uf = f.units[emp.unit.value];
        ++uf.jp_target_employees;
        // JP earned this year (history) count toward the target with the placed JP.
        const std::int64_t earned = e < f.earned_jp.size() ? f.earned_jp[e] : 0;
        if (e < f.placed_jp.size() && earned + f.placed_jp[e] >= emp.jp_target) ++uf.jp_target_met;
    }

    // Unit absence day by day (the checker gives the peak, the report a column
    // per date): sweep each unit's training in working time; every stretch of
    // constant head count raises the daily maximum of each local date it touches.
    std::vector<std::pair<instant, int>> events;
    for (std::uint32_t u = 0; u < s.units.size(); ++u) {
        auto& uf = f.units[u];
        uf.daily_max_absent.assign(n_days, 0);
        events.clear();
        for (const auto e : staff[u])
            if (e < checked.working_time_training.size())
                for (const auto& i : checked.working_time_training[e]) {
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
            // [events[k], events[k + 1]) holds `count` people.
            const local_date first = std::max(local_day(events[k].first, z), s.horizon.first);
            const local_date last = std::min(local_day(events[k + 1].first - minutes{1}, z), s.horizon.last);
            for (local_date d = first; d <= last; d += date::days{1}) {
                auto& cell = uf.daily_max_absent[static_cast<std::size_t>((d - s.horizon.first).count())];
                cell = std::max(cell, count);
            }
        }
    }
    return f;
}

}  // namespace jadwal::output
