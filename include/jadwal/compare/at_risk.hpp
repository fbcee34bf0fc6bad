// The at-risk list (docs/attendance.md "At risk"): the people unlikely to reach
// their JP target by the year's end, from the JP they have earned this year
// (scenario::earned_jp), the programmes the plan places them in and the
// attendance model's probability that each is completed. Exact: the chance
// of reaching the target is computed over the JP sums (no simulation), with
// the programmes completed independently.
#pragma once

#include <jadwal/compare/attendance.hpp>
#include <jadwal/compare/records.hpp>
#include <jadwal/output/at_risk.hpp>
#include <jadwal/output/publish.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
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

/// Every employee with jp_target > 0 (scenario order): earned, planned and
/// expected JP and the probability of reaching the target, each placed
/// programme completed with enrolment_probability, or, with `known`, with what
/// attendance records say of its past parts (records.hpp).
[[nodiscard]] std::vector<at_risk_person> jp_prospects(const model::scenario& s, const exposure& x,
                                                       const model::attendance_model& a,
                                                       const known_outcomes* known = nullptr);

/// JP prospects summed over the people with a JP target of one staff group
/// (model::staff_group_of: office staff, teachers, shift staff, other).
struct jp_outlook_group {
    std::optional<model::staff_group> group;  ///< none for the total over every group
    std::int64_t people = 0;
    std::int64_t jp_earned = 0;   ///< sums over the group's people
    std::int64_t jp_planned = 0;
    double expected_jp = 0;
    double expected_reaching = 0;  ///< expected number reaching their target (sum of probabilities)
    std::int64_t at_risk = 0;      ///< probability below the threshold
};

/// Per staff group with people in `prospects` (jp_prospects'), in the
/// enumeration's order, then the total. `threshold` as at_risk_list's
/// (jadwal::error, errc::invalid_argument, outside 0 to 1).
[[nodiscard]] std::vector<jp_outlook_group> jp_outlook(const model::scenario& s,
                                                       std::span<const at_risk_person> prospects,
                                                       double threshold = 0.5);

/// Every employee with jp_target > 0 whose probability of reaching it is below
/// `threshold` (0 to 1; jadwal::error, errc::invalid_argument, otherwise), by unit (scenario
/// order), then probability, then NIP.
[[nodiscard]] std::vector<at_risk_person> at_risk_list(const model::scenario& s, const exposure& x,
                                                       const model::attendance_model& a, double threshold = 0.5);

/// Per unit with staff with a JP target (scenario order): that staff, and how
/// many of them `people` (at_risk_list's) holds.
[[nodiscard]] std::vector<at_risk_unit> at_risk_units(const model::scenario& s, std::span<const at_risk_person> people);

/// Both, for a plan under the scenario's own attendance model.
[[nodiscard]] at_risk_table at_risk(const model::scenario& s, const model::solution& sol, double threshold = 0.5);
/// The same with the checker's report of the plan at hand (compute_exposure).
[[nodiscard]] at_risk_table at_risk(const model::scenario& s, const model::solution& sol, double threshold,
                                    const verify::report& check);

/// output::publish_plan with the at-risk list (at_risk.csv and the report's
/// section, at `req.at_risk_below`) when CSV or HTML is asked for. The plan is
/// checked once, under the policy it names and in `req.language`, and that
/// report serves both the at-risk list and report.html. A caller's own `check`
/// (the CLI's `export` has one, against the previous plan) serves both in its
/// place, and report.html too unless `req.checked` is set; without `check`, a
/// `req.checked` serves both. Either must be the checker's report of `sol`
/// under the policy it names, in `req.language`.
/// The CLI, the C API and Python publish through here.
void publish_with_at_risk(const model::scenario& s, const model::solution& sol, const std::filesystem::path& dir,
                          output::publish_request req, const verify::report* check = nullptr);

}  // namespace jadwal::compare
