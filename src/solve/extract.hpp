// From the search's plan to the public solve::solution (ids, instants, sorted
// so that the same plan always gives the same file).
#pragma once

#include "construct.hpp"
#include "explain.hpp"
#include "plan.hpp"

#include <jadwal/solve/solution.hpp>

namespace jadwal::solve::detail {

/// The plan as a solution: cohorts, study blocks and unplaced demand with reasons.
/// Metrics and objective are left for evaluate().
/// With `explanations` (per demand), unplaced demand gets their reasons and
/// alternatives; without, the rule that last refused it.
[[nodiscard]] solution extract(const plan& pl, const refusal_log& log,
                               const demand_explanations* explanations = nullptr);

}  // namespace jadwal::solve::detail
