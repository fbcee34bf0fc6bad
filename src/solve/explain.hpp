// Why a demand is unplaced, in domain terms, and what it would take to place
// it (problem.md "Explanations"). Works on a plan as it stands: it probes the
// person against every cohort of the programme and samples their own time in
// each mode's windows, naming the rule that blocks each time (and the calendar
// entry behind it), then tries the most useful relaxations and prices them.
// The plan is left exactly as it was.
#pragma once

#include "plan.hpp"
#include "random.hpp"

#include <jadwal/solve/solution.hpp>
#include <jadwal/text/messages.hpp>

#include <map>
#include <vector>

namespace jadwal::solve::detail {

struct demand_explanation {
    std::vector<reason> reasons;            ///< one per delivery mode considered, the most telling first
    std::vector<alternative> alternatives;  ///< at most three, cheapest first
};

/// Why no cohort of a delivery could gather, the same for everyone waiting for
/// it; and, when relaxing the rule that stops most of them would let a cohort
/// gather, that alternative (`opens_at`: its first session then).
struct no_cohort_case {
    reason why;
    std::string alternative;  ///< empty: none found
    span opens_at{};
};

/// What explanations of one plan share, by delivery.
using explain_cache = std::map<delivery_id, no_cohort_case>;

/// Explains unplaced demand d, in the language of `m`. Deterministic for a
/// plan and seed; the reason codes do not depend on the language.
[[nodiscard]] demand_explanation explain_unplaced(const text::messages& m, plan& pl, rng& r, demand_id d,
                                                  explain_cache* cache = nullptr);

/// The random stream of demand d's explanation: its own, so that explaining
/// one person (`jadwal explain`) gives what explaining the whole plan gave.
[[nodiscard]] std::uint64_t explain_seed(std::uint64_t seed, demand_id d);

/// Explanations per demand item (empty for placed ones).
using demand_explanations = model::index_vector<demand_id, demand_explanation>;

/// Explains every unplaced demand of the plan.
[[nodiscard]] demand_explanations explain_all_unplaced(const text::messages& m, plan& pl, std::uint64_t seed);

}  // namespace jadwal::solve::detail
