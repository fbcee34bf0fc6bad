// The metrics object of problem.md as JSON, in one field order for every
// document that carries it (solution.json, comparison.json). Internal to the
// library: nlohmann/json stays out of the public headers.
#pragma once

#include <jadwal/solve/solution.hpp>

namespace jadwal::io::detail {

/// `Json` is nlohmann::json or nlohmann::ordered_json (the caller's choice
/// of key order; solution.json and comparison.json both keep this order).
template <class Json>
Json metrics_json(const solve::solution_metrics& m) {
    Json j = Json::object();
    j["demand_total"] = m.demand_total;
    j["demand_placed"] = m.demand_placed;
    j["participation_rate"] = m.participation_rate;
    j["jp_target_employees"] = m.jp_target_employees;
    j["jp_target_met"] = m.jp_target_met;
    j["jp_target_attainment"] = m.jp_target_attainment;
    j["disruption_minutes"] = m.disruption_minutes;
    j["disruption_weighted"] = m.disruption_weighted;
    j["after_hours_minutes"] = m.after_hours_minutes;
    j["max_after_hours_minutes_per_person_week"] = m.max_after_hours_minutes_per_person_week;
    j["max_unit_absence_ratio"] = m.max_unit_absence_ratio;
    j["cohorts"] = m.cohorts;
    j["sessions"] = m.sessions;
    j["study_blocks"] = m.study_blocks;
    j["instructor_minutes"] = m.instructor_minutes;
    j["hard_violations"] = m.hard_violations;
    return j;
}

}  // namespace jadwal::io::detail
