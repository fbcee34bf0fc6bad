// The at-risk list (docs/attendance.md "At risk"): the people unlikely to reach
// their JP target by the year's end, from the JP they have earned this year
// (scenario::earned_jp), the programmes the plan places them in and the
// attendance model's probability that each is completed. Exact: the chance
// of reaching the target is computed over the JP sums (no simulation), with
// the programmes completed independently.
#pragma once

#include <jadwal/compare/attendance.hpp>
#include <jadwal/output/at_risk.hpp>
#include <span>
#include <utility>
#include <vector>

namespace jadwal::compare {

using output::at_risk_person;
using output::at_risk_table;
using output::at_risk_unit;

/// The probability that `earned` plus the JP of the completed programmes
/// reaches `target`, programme k (JP, completion probability) completed
/// independently of the others: a dynamic programme over the JP sums capped at
/// the target. 1 when earned >= target; 0 when even completing all falls short.
[[nodiscard]] double target_probability(int earned, int target, std::span<const std::pair<int, double>> programmes);

/// Every employee with jp_target > 0 whose probability of reaching it is below
/// `threshold` (0 to 1; std::invalid_argument otherwise), by unit (scenario
/// order), then probability, then NIP.
[[nodiscard]] std::vector<at_risk_person> at_risk_list(const model::scenario& s, const exposure& x,
                                                       const model::attendance_model& a, double threshold = 0.5);

/// Per unit with staff with a JP target (scenario order): that staff, and how
/// many of them `people` (at_risk_list's) holds.
[[nodiscard]] std::vector<at_risk_unit> at_risk_units(const model::scenario& s, std::span<const at_risk_person> people);

/// Both, for a plan under the scenario's own attendance model.
[[nodiscard]] at_risk_table at_risk(const model::scenario& s, const model::solution& sol, double threshold = 0.5);

}  // namespace jadwal::compare
