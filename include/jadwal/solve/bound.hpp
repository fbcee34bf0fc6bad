// What no plan can beat (docs/model.md "Bounds and unplaceable demand"):
// demand that no plan can place under the scenario's rules, found before
// solving, and upper bounds on demand placed and on people reaching their JP
// target, from a relaxation that keeps each person's own calendar and the
// rules that bind one programme at a time and drops the interactions between
// people and programmes. Every figure is sound: no plan that keeps the hard
// constraints places more, or brings more people to their target.
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/text/language.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jadwal::solve {

/// One demand item no plan can place, and the rule that keeps it out.
struct unplaceable_demand {
    model::employee_index employee;
    model::program_index program;
    std::uint32_t demand = 0;  ///< index into scenario::demand
    /// Stable code (docs/model.md): U-NO-MODE, U-JP-CAP, U-NO-TIME,
    /// U-FIXED-TIME, U-COHORT-MIN.
    std::string code;
    std::string reason;  ///< a sentence naming the rule and the figures behind it
};

struct plan_bounds {
    std::int64_t demand_total = 0;
    /// No plan places more demand items than this.
    std::int64_t demand_placed = 0;
    std::int64_t jp_target_employees = 0;
    /// No plan brings more people with a JP target to it.
    std::int64_t jp_target_met = 0;
    /// Demand no plan can place (in scenario order).
    std::vector<unplaceable_demand> unplaceable;
    /// Demand items that might be placed alone but not all together: seats of
    /// fixed sessions under unit limits and capacities, classroom budget, and
    /// the PPPK JP cap across a person's demand.
    std::int64_t capacity_cut = 0;
};

/// Computes the bounds of the scenario under a policy (a few tenths of a
/// second for 7,200 people). The reasons of unplaceable demand are in
/// `language`, else the scenario's `locale`, else English.
[[nodiscard]] plan_bounds compute_bounds(const model::scenario& s, const model::policy& p,
                                         std::optional<text::language> language = std::nullopt);

}  // namespace jadwal::solve
