// The exporters index the scenario with the plan's indices directly. A plan
// read from solution.json has had every id checked; one built in code may
// not, so each exporter checks first and refuses a plan that points outside
// the scenario rather than reading past a vector.
#pragma once

#include <jadwal/model/scenario.hpp>
#include <jadwal/time/interval_set.hpp>
#include <jadwal/model/plan.hpp>

#include <optional>
#include <string>

namespace jadwal::output::detail {

/// The first cohort, study block, unplaced item or day in lieu whose programme,
/// module, employee, venue or platform the scenario lacks, or none.
[[nodiscard]] std::optional<std::string> reference_problem(const model::scenario& s, const model::solution& sol);

/// Throws jadwal::error (errc::parse) naming reference_problem's finding.
void require_valid_references(const model::scenario& s, const model::solution& sol);

/// The rostered shift a day off in lieu frees (docs/model.md "Assigned duty"),
/// in the employee's zone; none when their rotation rosters no such shift then.
[[nodiscard]] std::optional<calendar::interval> lieu_shift(const model::scenario& s, const model::day_in_lieu& l);

}  // namespace jadwal::output::detail
