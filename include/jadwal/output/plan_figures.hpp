// The figures a report shows about a plan that solution.json does not carry:
// participation and JP-target attainment per unit, unit absence day by day,
// and each person's load inside and outside working time. Computed from the
// scenario, the plan and the calendar engine with the definitions of
// docs/model.md, so for a consistent plan their totals equal the plan's
// metrics (the tests hold them to that).
#pragma once

#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>

#include <cstdint>
#include <vector>

namespace jadwal::output {

struct unit_figures {
    model::unit_index unit;
    std::int64_t headcount = 0;
    std::int64_t absence_limit = 0;  ///< staff allowed in training in working time at once (hard 6)
    std::int64_t max_absent = 0;     ///< the most staff in training in working time at once
    double max_absence_ratio = 0;    ///< max_absent / headcount (0 without staff)
    std::int64_t demand_total = 0;
    std::int64_t demand_placed = 0;
    std::int64_t jp_target_employees = 0;  ///< staff with a JP target
    std::int64_t jp_target_met = 0;        ///< ... whose placed JP reaches it
    std::int64_t disruption_minutes = 0;   ///< staff training minutes inside their working time
    std::int64_t after_hours_minutes = 0;  ///< ... and outside it
    /// Per date of the horizon (index 0 = its first date; dates in the unit's
    /// zone): the most staff in training in their working time at once that day.
    std::vector<std::int32_t> daily_max_absent;
};

/// One person with training in the plan.
struct person_figures {
    model::employee_index employee;
    std::int64_t training_minutes = 0;     ///< the union of their sessions (with travel) and study blocks
    std::int64_t disruption_minutes = 0;   ///< ... inside their working time
    std::int64_t after_hours_minutes = 0;  ///< ... outside it
    /// The most after-hours minutes in one ISO week (Monday-Sunday, their zone).
    std::int64_t max_after_hours_week = 0;
};

struct plan_figures {
    calendar::date_range days;           ///< the horizon
    std::vector<unit_figures> units;     ///< in scenario order
    std::vector<person_figures> people;  ///< everyone with training, in scenario order
    /// Per employee (scenario order): the JP of their placed programmes, catalogue
    /// top-up included (it counts towards the JP target).
    std::vector<std::int64_t> placed_jp;
    std::int64_t demand_total = 0;
    std::int64_t demand_placed = 0;
    std::int64_t placed_jp_total = 0;  ///< the JP of placed declared demand
    std::int64_t disruption_minutes = 0;
    std::int64_t after_hours_minutes = 0;
    std::int64_t max_after_hours_week = 0;
    double max_unit_absence_ratio = 0;
};

/// A demand item counts as placed when the plan schedules it (its employee is a
/// participant of a classroom or online_live cohort of the programme, or has
/// study blocks of it) and does not list it as unplaced: the plan's own verdict
/// on late or incomplete placements, which `jadwal verify` checks. Absence
/// limits follow `pol.max_absent` when set, else each unit's.
/// Throws std::invalid_argument when the plan refers to something the scenario lacks.
[[nodiscard]] plan_figures compute_plan_figures(const model::scenario& s, const model::solution& sol,
                                                const model::policy& pol);

}  // namespace jadwal::output
