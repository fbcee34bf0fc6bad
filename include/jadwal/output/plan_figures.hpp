// The figures a report shows about a plan that solution.json does not carry:
// participation and JP-target attainment per unit, unit absence day by day,
// and each person's load inside and outside working time. Read from the
// independent checker's measures (verify::report), computed once there: the
// totals are the plan's metrics by construction, and a person's after-hours
// minutes here are the ones the metrics and the weekly limit count.
#pragma once

#include <jadwal/time/civil.hpp>
#include <jadwal/model/scenario.hpp>
#include <jadwal/model/plan.hpp>
#include <jadwal/verify/verify.hpp>

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
    std::int64_t jp_target_met = 0;        ///< ... whose earned plus placed JP reaches it
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
    /// Per employee (scenario order): the JP the training history shows earned in
    /// the plan's year (they count towards the JP target with placed_jp).
    std::vector<std::int64_t> earned_jp;
    std::int64_t demand_total = 0;
    std::int64_t demand_placed = 0;
    std::int64_t placed_jp_total = 0;  ///< the JP of placed declared demand
    std::int64_t disruption_minutes = 0;
    std::int64_t after_hours_minutes = 0;
    std::int64_t max_after_hours_week = 0;
    double max_unit_absence_ratio = 0;
};

/// Checks the plan under `pol` (verify::verify) and reads the figures from the
/// checker's report: placement as docs/model.md "Demand and placement" says,
/// absence limits from `pol.max_absent` when set, else each unit's.
/// Throws jadwal::error (errc::parse) when the plan refers to something the scenario lacks.
[[nodiscard]] plan_figures compute_plan_figures(const model::scenario& s, const model::solution& sol,
                                                const model::policy& pol);
/// The same from the checker's report on the plan (verify::verify under the
/// plan's policy): every figure is the checker's measure, computed once.
[[nodiscard]] plan_figures compute_plan_figures(const model::scenario& s, const verify::report& checked);

}  // namespace jadwal::output
