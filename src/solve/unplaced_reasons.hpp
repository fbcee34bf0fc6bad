// Reason codes for demand the solver could not place. This first version
// names the rule that last refused the person while planning; the explanation
// engine (problem.md "Explanations") will replace it with a precise search for
// the blocking constraints and alternatives, behind the same function.
#pragma once

#include "plan.hpp"

#include <jadwal/solve/solution.hpp>

#include <vector>

namespace jadwal::solve::detail {

/// Reasons for unplaced demand d, given the refusal last seen for it.
[[nodiscard]] std::vector<reason> unplaced_reasons(const plan& pl, demand_id d, refusal last);

}  // namespace jadwal::solve::detail
