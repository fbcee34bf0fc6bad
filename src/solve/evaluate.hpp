// The solver's own full evaluation of a plan: metrics, objective with its
// breakdown, and every hard-constraint violation, computed from a
// solve::solution from scratch (no incremental state). The solver reports
// these metrics; the tests use it to check the incremental bookkeeping of
// plan. `jadwal verify` recomputes the same numbers independently.
#pragma once

#include "compiled_model.hpp"
#include "plan.hpp"

#include <jadwal/solve/solution.hpp>

#include <string>
#include <vector>

namespace jadwal::solve::detail {

struct violation {
    std::string code;  ///< e.g. "V-OVERLAP"
    std::string message;
};

struct evaluation {
    solution_metrics metrics;
    objective_value objective;
    objective3 levels;
    totals raw;
    std::vector<violation> violations;
    model::index_vector<demand_id, char> placed;  ///< per demand item
    double money = 0;          ///< budget cost
};

class replan_context;

/// With `rc`, also the changes against the previous plan and its pins.
[[nodiscard]] evaluation evaluate(const compiled_model& cm, const solution& sol, const replan_context* rc = nullptr);

}  // namespace jadwal::solve::detail
