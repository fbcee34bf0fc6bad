// The plan types under their first names: they live in the model layer
// (jadwal/model/plan.hpp) so the checker and the outputs need not depend on
// the solver; the solver and code written against jadwal 0.1 keep using them
// as jadwal::solve::solution and so on.
#pragma once

#include <jadwal/model/plan.hpp>

namespace jadwal::solve {

using calendar::instant;
using model::alternative;
using model::cohort;
using model::day_in_lieu;
using model::for_each_metric;
using model::objective_value;
using model::reason;
using model::session;
using model::solution;
using model::solution_bounds;
using model::solution_metrics;
using model::solve_status;
using model::study_block;
using model::to_string;
using model::unplaced_demand;

}  // namespace jadwal::solve
