// The metrics table and the objective of docs/model.md, from the facts the
// checks derived (placements, training inside and outside working time,
// unit absence peaks, changes against a previous plan).
#include <algorithm>

#include "context.hpp"

namespace jadwal::verify::detail {

void score(context& c, report& r) {
    const auto& s = c.s;
    const auto& w = c.pol.weights;
    auto& m = r.metrics;
    const auto units = s.units.size();

    r.units.resize(units);
    for (std::uint32_t u = 0; u < units; ++u) {
        auto& us = r.units[u];
        us.unit = s.units[u].id;
        us.headcount = c.unit_headcount[u];
        us.absence_limit = c.unit_limit[u];
        us.max_absent = c.unit_max_absent[u];
        us.max_absence_ratio =
            us.headcount > 0 ? static_cast<double>(us.max_absent) / static_cast<double>(us.headcount) : 0.0;
        m.max_unit_absence_ratio = std::max(m.max_unit_absence_ratio, us.max_absence_ratio);
    }

    // Participation.
    std::vector<std::int64_t> placed_jp(s.employees.size(), 0);
    std::vector<double> unit_unmet_mandatory(units, 0), unit_unmet_elective(units, 0), unit_shortfall(units, 0);
    double unmet_mandatory = 0, unmet_elective = 0;
    m.demand_total = static_cast<std::int64_t>(s.demand.size());
    for (std::uint32_t d = 0; d < s.demand.size(); ++d) {
        const auto& item = s.demand[d];
        const auto u = s.employees[item.employee.value].unit.value;
        const double jp = s.programs[item.program.value].jp;
        ++r.units[u].demand_total;
        if (c.placed[d]) {
            ++m.demand_placed;
            ++r.units[u].demand_placed;
            placed_jp[item.employee.value] += s.programs[item.program.value].jp;
        } else if (item.level == model::priority::mandatory) {
            unmet_mandatory += jp;
            unit_unmet_mandatory[u] += jp;
        } else {
            unmet_elective += jp;
            unit_unmet_elective[u] += jp;
        }
    }
    // Top-up counts towards the JP target, not towards demand.
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) placed_jp[e] += c.top_up_jp[e];
    m.top_up_placed = c.top_up_placed;
    for (const auto jp : c.top_up_jp) m.top_up_jp += jp;
    m.recording_placed = c.recording_placed;
    m.participation_rate =
        m.demand_total > 0 ? static_cast<double>(m.demand_placed) / static_cast<double>(m.demand_total) : 1.0;
    // JP earned this year (the history, context::earned_jp) count toward the target.
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        m.jp_earned += c.earned_jp[e];
        m.jp_planned += placed_jp[e];
    }
    m.jp_total = m.jp_earned + m.jp_planned;
    double shortfall = 0;
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        const auto& emp = s.employees[e];
        auto& group = r.staff_groups[static_cast<std::size_t>(model::staff_group_of(s.pattern_of(emp)))];
        ++group.headcount;
        if (emp.jp_target <= 0) continue;
        ++m.jp_target_employees;
        ++group.jp_target_employees;
        const std::int64_t total = c.earned_jp[e] + placed_jp[e];
        if (total >= emp.jp_target) {
            ++m.jp_target_met;
            ++group.jp_target_met;
        } else {
            const double gap = static_cast<double>(emp.jp_target - total);
            shortfall += gap;
            unit_shortfall[emp.unit.value] += gap;
        }
    }
    r.placed_jp = placed_jp;
    r.earned_jp = c.earned_jp;
    r.placed = c.placed;
    m.jp_target_attainment = m.jp_target_employees > 0
                                 ? static_cast<double>(m.jp_target_met) / static_cast<double>(m.jp_target_employees)
                                 : 1.0;

    // Burden.
    std::vector<double> unit_disruption(units, 0), unit_after_hours(units, 0);
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        const auto u = s.employees[e].unit.value;
        m.disruption_minutes += c.disruption_minutes[e];
        m.disruption_weighted += c.disruption_weighted[e];
        m.after_hours_minutes += c.after_hours_minutes[e];
        r.units[u].disruption_minutes += c.disruption_minutes[e];
        r.units[u].disruption_weighted += c.disruption_weighted[e];
        r.units[u].after_hours_minutes += c.after_hours_minutes[e];
        m.preference_misses += c.preference_misses[e];
        r.units[u].preference_misses += c.preference_misses[e];
        unit_disruption[u] += c.disruption_weighted[e];
        unit_after_hours[u] += static_cast<double>(c.after_hours_minutes[e]);
    }
    m.max_after_hours_minutes_per_person_week = c.max_after_hours_week;
    for (std::uint32_t e = 0; e < s.employees.size(); ++e) {
        if (c.items[e].empty()) continue;
        r.people.push_back({model::employee_index{e}, c.training[e].total().count(), c.disruption_minutes[e],
                            c.after_hours_minutes[e], c.max_after_hours_week_of[e], c.preference_misses[e],
                            std::move(c.after_hours_weeks[e])});
    }
    r.working_time_training = std::move(c.absent);  // the last reader of the context
    for (const auto& dates : c.duty_dates) m.assigned_duty_days += static_cast<std::int64_t>(dates.size());
    m.assigned_duty_minutes = c.duty_minutes;
    m.days_in_lieu = c.days_in_lieu;

    // Cost.
    double underfilled = 0;
    for (const auto& co : c.sol.cohorts) {
        if (co.mode == model::delivery_mode::self_paced) continue;
        ++m.cohorts;
        m.sessions += static_cast<std::int64_t>(co.sessions.size());
        for (const auto& ses : co.sessions)
            if (ses.end > ses.start)
                m.instructor_minutes +=
                    (ses.end - ses.start).count() * static_cast<std::int64_t>(co.instructors.size());
        if (c.valid(co.program)) {
            const auto half = (s.programs[co.program.value].cohort_max + 1) / 2;
            underfilled += std::max<double>(0, half - static_cast<double>(co.participants.size()));
        }
    }
    m.study_blocks = static_cast<std::int64_t>(c.sol.study_blocks.size());
    m.hard_violations = static_cast<std::int64_t>(c.violations.size());

    auto& obj = r.objective;
    auto& b = obj.breakdown;
    b["unmet_mandatory"] = w.unmet_mandatory * unmet_mandatory;
    b["unmet_elective"] = w.unmet_elective * unmet_elective;
    b["jp_shortfall"] = w.jp_shortfall * shortfall;
    b["disruption"] = w.disruption * m.disruption_weighted;
    b["after_hours"] = w.after_hours * static_cast<double>(m.after_hours_minutes);
    b["fairness"] = w.fairness * static_cast<double>(m.max_after_hours_minutes_per_person_week);
    b["preference"] = w.preference * static_cast<double>(m.preference_misses);
    b["cohort_opened"] = w.cohort_opened * static_cast<double>(m.cohorts);
    b["cohort_underfilled"] = w.cohort_underfilled * underfilled;
    b["instructor_minute"] = w.instructor_minute * static_cast<double>(m.instructor_minutes);
    b["change"] = w.change * static_cast<double>(c.changes);
    if (c.pol.assigned_duty)
        b["duty_day"] = w.duty_day * static_cast<double>(m.assigned_duty_days);
    obj.participation = b["unmet_mandatory"] + b["unmet_elective"] + b["jp_shortfall"];
    obj.burden = b["disruption"] + b["after_hours"] + b["fairness"] + b["preference"];
    obj.cost = b["cohort_opened"] + b["cohort_underfilled"] + b["instructor_minute"] +
               (c.pol.assigned_duty ? b["duty_day"] : 0.0);
    // Where the changes count: the stability the re-plan ran under, as the plan
    // records it, else the policy's (docs/model.md "Stability").
    switch (c.sol.stability.value_or(c.pol.stability)) {
        case model::stability_mode::strict:
            obj.stability = b["change"];
            obj.published = w.unmet_mandatory * c.dropped_jp_mandatory + w.unmet_elective * c.dropped_jp_elective;
            // A term of re-plans only: a plan made afresh does not name it.
            if (c.sol.stability || !c.changes_by_reason.empty()) b["published_dropped"] = obj.published;
            break;
        case model::stability_mode::balanced: obj.burden += b["change"]; break;
        case model::stability_mode::free: obj.cost += b["change"]; break;
    }

    for (std::uint32_t u = 0; u < units; ++u) {
        auto& t = obj.per_unit[s.units[u].id];
        t["unmet_mandatory"] = w.unmet_mandatory * unit_unmet_mandatory[u];
        t["unmet_elective"] = w.unmet_elective * unit_unmet_elective[u];
        t["jp_shortfall"] = w.jp_shortfall * unit_shortfall[u];
        t["disruption"] = w.disruption * unit_disruption[u];
        t["after_hours"] = w.after_hours * unit_after_hours[u];
        t["participation"] = t["unmet_mandatory"] + t["unmet_elective"] + t["jp_shortfall"];
        t["burden"] = t["disruption"] + t["after_hours"];
    }
    r.changes = c.changes;
    r.changes_by_reason = c.changes_by_reason;
    r.published_dropped = c.dropped;
    r.budget_cost = c.budget_cost;
    r.classroom_cohorts = c.classroom_cohorts;
}

}  // namespace jadwal::verify::detail
