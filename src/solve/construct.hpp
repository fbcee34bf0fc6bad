// The first plan: demand-driven construction (every mutation goes through
// plan, so the result satisfies every hard constraint).
#pragma once

#include "plan.hpp"
#include "random.hpp"

#include <functional>
#include <vector>

namespace jadwal::solve::detail {

/// Why each demand was last refused while constructing (refusal::none when placed
/// or never tried), for the reason codes of unplaced demand.
using refusal_log = model::index_vector<demand_id, refusal>;

/// Optimized construction: fixed sessions first, then cohorts for programmes
/// that only run live, self-paced study, cohorts for whoever is left, and a
/// final pass seating the rest wherever they fit. `stop` is polled between steps.
void construct(plan& pl, rng& r, refusal_log& log, const std::function<bool()>& stop);

/// What an HR office does by hand (solve_strategy::baseline): classroom cohorts
/// only, in working hours, on Tuesday to Thursday of successive weeks at a fixed
/// time, seats first come first served in employee order; no optimisation.
void construct_baseline(plan& pl, refusal_log& log, const std::function<bool()>& stop);

}  // namespace jadwal::solve::detail
